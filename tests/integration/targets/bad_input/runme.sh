#!/usr/bin/env bash
# Every kind of invalid input fails naming the option, before any request reaches the hub.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
