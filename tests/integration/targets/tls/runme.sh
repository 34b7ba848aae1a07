#!/usr/bin/env bash
# An HTTPS hub with a certificate made for this test: refused by default, trusted through ca_path,
# accepted with validate_certs=false.
set -eu
source ../setup_hub_emulator/emulator.sh
CERTS=$(mktemp -d)
run_hub_emulator certs --out "$CERTS"
start_emulator --tls-cert "$CERTS/server.pem" --tls-key "$CERTS/server-key.pem"
trap 'stop_emulator; rm -rf "$CERTS"' EXIT
case "$HUB_ENDPOINT" in https://*) ;; *) echo "the emulator does not serve HTTPS: $HUB_ENDPOINT"; exit 1 ;; esac
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" -e ca_file="$CERTS/ca.pem" "$@"
