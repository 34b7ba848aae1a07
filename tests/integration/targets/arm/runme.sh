#!/usr/bin/env bash
# Every module through Azure Resource Manager (the ARM address) against the emulator's ARM paths,
# on the same store as the Hub API: CRUD, ARM long-running operations, throttling, the audience of
# tokens, and the errors found before any request.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
