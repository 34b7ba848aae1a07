#!/usr/bin/env bash
# Where credentials come from (auth_source): the task, the environment (both spellings), the
# credential file, the Azure CLI (a stub az that hands out the emulator's tokens), a managed identity
# (the emulator's IMDS and App Service endpoints); the auto order, each source's clear failure, the
# audience of every token, and no token in any result nor anywhere in the -vvv output.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator
PYTHON=${ANSIBLE_TEST_PYTHON_INTERPRETER:-python}
# Homes, logs and the output live in the emulator's state directory, which stop_emulator removes.
WORK_DIR="$HUB_EMULATOR_STATE_DIR/credentials"
mkdir -p "$WORK_DIR/home/.azure" "$WORK_DIR/empty-home"
OUTPUT="$WORK_DIR/output.log"
ansible-playbook -vvv -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" \
    -e work_dir="$WORK_DIR" -e az_stub_dir="$(cd ../setup_az_stub/bin && pwd)" -e base_path="$PATH" "$@" >"$OUTPUT" 2>&1 \
    || { cat "$OUTPUT"; echo "the playbook failed"; exit 1; }

# Every token AAD, IMDS, App Service and the stub az handed out: none may show in the output.
ISSUED=$("$PYTHON" -c 'import json, sys, urllib.request; print("\n".join(json.load(urllib.request.urlopen(sys.argv[1]))["issued_tokens"]))' \
    "$HUB_ENDPOINT/_emulator/tokens")
[ -n "$ISSUED" ] || { echo "the emulator issued no token: the runs did not happen"; exit 1; }
leaks=0
while read -r token; do
    if grep -qF -- "$token" "$OUTPUT"; then
        echo "LEAK: an issued token appears in the -vvv output:"; grep -nF -- "$token" "$OUTPUT" | head -3; leaks=1
    fi
done <<<"$ISSUED"
if grep -nE 'Bearer [A-Za-z0-9]' "$OUTPUT" | head -3 | grep .; then
    echo "LEAK: a bearer token appears in the -vvv output"; leaks=1
fi
[ "$leaks" = 0 ] && echo "no token in $(wc -l <"$OUTPUT") lines of -vvv output ($(wc -l <<<"$ISSUED") tokens issued)"
exit "$leaks"
