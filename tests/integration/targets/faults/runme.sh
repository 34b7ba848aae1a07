#!/usr/bin/env bash
# Transient faults: retried with backoff honouring Retry-After, bounded by retries and wait_timeout.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
# The per-request trace appears from -vvv on.
ansible-playbook -i ../../inventory trace.yml -e hub_endpoint="$HUB_ENDPOINT" -vvv "$@"
