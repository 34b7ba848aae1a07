#!/usr/bin/env bash
# interaction and interaction_info end to end against the Hub emulator's seeded model (profiles
# Customer and Store exist): create, idempotence, server defaults, check/diff mode, partial
# updates, create-only is_activity, no DELETE, referential errors, long-running writes, info.
# A page size of 2 makes listing span pages.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator --page-size 2
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
