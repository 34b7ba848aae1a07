#!/usr/bin/env bash
# relationship_links end to end against the Hub emulator: every state, idempotence and request
# counts from the emulator's log, check/diff mode, long-running writes, partial failure, throttling
# under concurrency, and a play that renders without any hub.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
