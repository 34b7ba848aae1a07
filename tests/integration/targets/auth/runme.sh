#!/usr/bin/env bash
# The four authentication methods, environment variables, and the Azure AD token endpoint.
set -eu
source ../setup_hub_emulator/emulator.sh
start_emulator

# A ready SAS token made outside the module (as a secrets manager would), valid for an hour.
SAS_TOKEN=$("${ANSIBLE_TEST_PYTHON_INTERPRETER:-python}" - "$HUB_ENDPOINT" <<'PY'
import base64, hashlib, hmac, sys, time
from urllib.parse import quote_plus
uri = quote_plus(sys.argv[1])
expiry = int(time.time()) + 3600
digest = hmac.new(b'ZW11bGF0b3Itcm9vdC1zZWNvbmRhcnkta2V5', ('%s\n%d' % (uri, expiry)).encode(), hashlib.sha256).digest()
print('SharedAccessSignature sr=%s&sig=%s&se=%d&skn=RootManageSharedAccessKey' % (uri, quote_plus(base64.b64encode(digest).decode()), expiry))
PY
)
export SAS_TOKEN
ansible-playbook -i ../../inventory playbook.yml -e hub_endpoint="$HUB_ENDPOINT" "$@"
