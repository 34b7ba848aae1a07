#!/usr/bin/env bash
# relationship_link end to end against the Hub emulator: create, idempotence, check/diff mode,
# partial updates, link_type defaults, long-running operations, response shapes, errors, absent.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
