#!/usr/bin/env bash
# relationship and relationship_info end to end against the Hub emulator, on a hub model built from
# nothing: create, idempotence, check/diff mode, partial updates, values the hub fills in,
# long-running operations, references the hub refuses, info (paged, by name, fed back), absent.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator --empty-model
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
