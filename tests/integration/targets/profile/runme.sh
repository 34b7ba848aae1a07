#!/usr/bin/env bash
# profile and profile_info end to end against the Hub emulator, from an empty hub: create,
# idempotence, check/diff mode, partial updates, server defaults, locale-code, long-running
# operations, the hub's referential errors, info (paged list, by name, fed back) and absent.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator --empty-model
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
