#!/usr/bin/env bash
# No secret (given, taken from the environment, or made by the module) appears anywhere in the
# -vvv output of succeeding and failing runs, even when the hub echoes request headers back.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator

PYTHON=${ANSIBLE_TEST_PYTHON_INTERPRETER:-python}
ROOT_KEY=ZW11bGF0b3Itcm9vdC1wcmltYXJ5LWtleQ==
SECONDARY_KEY=ZW11bGF0b3Itcm9vdC1zZWNvbmRhcnkta2V5
SAS_TOKEN=$(run_hub_emulator sas-token --endpoint "$HUB_ENDPOINT" --key "$SECONDARY_KEY")
export SAS_TOKEN ROOT_KEY
OUTPUT=$(mktemp)
trap 'stop_emulator; rm -f "$OUTPUT"' EXIT

# The key of the environment run reaches the module through the process environment.
CUSTOMER_INSIGHTS_SAS_POLICY_NAME=RootManageSharedAccessKey CUSTOMER_INSIGHTS_SAS_KEY="$SECONDARY_KEY" \
  ansible-playbook -vvv -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@" >"$OUTPUT" 2>&1 \
  || { cat "$OUTPUT"; echo "the playbook failed"; exit 1; }

# Secrets the issued AAD tokens: the emulator tells which it handed out.
ISSUED=$("$PYTHON" -c 'import json, sys, urllib.request; print("\n".join(json.load(urllib.request.urlopen(sys.argv[1]))["issued_tokens"]))' \
  "$HUB_ENDPOINT/_emulator/tokens")
[ -n "$ISSUED" ] || { echo "the emulator issued no AAD token: the client-credentials runs did not happen"; exit 1; }

leaks=0
check_absent() {  # label, literal
  if grep -qF -- "$2" "$OUTPUT"; then
    echo "LEAK: $1 appears in the -vvv output:"; grep -nF -- "$2" "$OUTPUT" | head -3; leaks=1
  fi
}
check_absent "sas_key (task)" "$ROOT_KEY"
check_absent "sas_key (environment)" "$SECONDARY_KEY"
check_absent "sas_token" "$SAS_TOKEN"
check_absent "sas_token signature" "${SAS_TOKEN#*sig=}"
check_absent "access_token" "emulator-access-token"
check_absent "client_secret" "emulator-client-secret"
check_absent "wrong client_secret" "a-wrong-client-secret"
while read -r token; do check_absent "issued AAD token" "$token"; done <<<"$ISSUED"
# Tokens the module signed itself: no Authorization value may show up at all.
if grep -nE 'SharedAccessSignature sr=|sig=[A-Za-z0-9%]|Bearer [A-Za-z0-9]' "$OUTPUT" | head -3 | grep .; then
  echo "LEAK: a signed or bearer token appears in the -vvv output"; leaks=1
fi
# The test is only worth something if the hub really echoed the headers into failing results.
grep -q '"Authorization": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"' "$OUTPUT" || { echo "no echoed (and scrubbed) Authorization header was seen"; leaks=1; }
[ "$leaks" = 0 ] && echo "no secret in $(wc -l <"$OUTPUT") lines of -vvv output"
exit "$leaks"
