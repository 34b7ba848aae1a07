#!/usr/bin/env bash
# relationship_link_info against the Hub emulator with a small page size, so listing spans pages.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator --page-size 5
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
