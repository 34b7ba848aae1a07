#!/usr/bin/env bash
# Where credentials come from (auth_source): the task, the environment (both spellings), the
# credential file, the Azure CLI (a stub az that hands out the emulator's tokens), a managed identity
# (the emulator's IMDS and App Service endpoints); the auto order, each source's clear failure, the
# audience of every token, and no token in any output.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator
# Homes and logs live in the emulator's state directory, which stop_emulator removes.
WORK_DIR="$HUB_EMULATOR_STATE_DIR/credentials"
mkdir -p "$WORK_DIR/home/.azure" "$WORK_DIR/empty-home"
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" \
    -e work_dir="$WORK_DIR" -e az_stub_dir="$(cd ../setup_az_stub/bin && pwd)" -e base_path="$PATH" "$@"
