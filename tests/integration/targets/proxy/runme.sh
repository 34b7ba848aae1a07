#!/usr/bin/env bash
# Proxies from the standard environment variables: requests to a hub name that does not resolve
# reach the emulator only through HTTP_PROXY, and NO_PROXY takes the proxy away again.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
