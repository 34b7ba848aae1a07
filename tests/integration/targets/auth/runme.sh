#!/usr/bin/env bash
# The four authentication methods, environment variables, and the Azure AD token endpoint.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator

# A ready SAS token made outside the module (as a secrets manager would), valid for an hour.
SAS_TOKEN=$(run_hub_emulator sas-token --endpoint "$HUB_ENDPOINT" --key ZW11bGF0b3Itcm9vdC1zZWNvbmRhcnkta2V5)
export SAS_TOKEN
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
