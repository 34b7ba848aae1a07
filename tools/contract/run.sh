#!/usr/bin/env bash
# make contract: the collection's requests checked against Microsoft's published spec by Prism.
#   1. derive the Hub data-plane variant of tests/contract/spec/*.json into build/contract/
#      (tools/contract/derive_hub_spec.py documents each transformation)
#   2. start Prism (installed by `make prism` into build/prism) in mock mode with --errors on
#      127.0.0.1 and a free port
#   3. run tests/contract/playbook.yml: a self-test request Prism must refuse, then every
#      tests/contract/tasks/*.yml, with the collection installed in build/collections (make install)
#   4. tools/contract/prism_log.py: Prism received exactly the requests the playbook expected, and
#      flagged the self-test and nothing else
# Prism is stopped on every exit path (trap). Logs: build/contract/{prism,playbook}.log.
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/../lib.sh"

cd "$REPO"
PY="$REPO/.venv/bin/python"
PRISM="$REPO/build/prism/node_modules/.bin/prism"
OUT="$REPO/build/contract"
SPEC="$OUT/hub_data_plane.json"
PRISM_LOG="$OUT/prism.log"
EXPECTED="$OUT/expected_requests.json"
[ -x "$PY" ] || die "$PY missing: run 'make venv'"
[ -x "$PRISM" ] || die "$PRISM missing: run 'make prism'"
COLLECTION="$REPO/build/collections/ansible_collections/$COLL_NS/$COLL_NAME"
[ -d "$COLLECTION" ] || die "collection not installed: run 'make install'"

prism_pid=
playbook_pid=
stop_prism() {
    if [ -n "$prism_pid" ] && kill -0 "$prism_pid" 2> /dev/null; then
        log "stopping Prism (pid $prism_pid)"
        kill "$prism_pid" 2> /dev/null || true
        wait "$prism_pid" 2> /dev/null || true
    fi
    prism_pid=
}
cleanup() {
    if [ -n "$playbook_pid" ] && kill -0 "$playbook_pid" 2> /dev/null; then
        kill "$playbook_pid" 2> /dev/null || true
        wait "$playbook_pid" 2> /dev/null || true
    fi
    stop_prism
}
# The playbook runs in the background and is waited for, so that a signal reaches the trap at once.
trap cleanup EXIT
trap 'exit 130' INT TERM

# A run killed hard (SIGKILL) cannot have stopped its Prism: stop it by the pid it recorded.
if [ -f "$OUT/prism.pid" ]; then
    stale=$(cat "$OUT/prism.pid")
    if grep -qs "$PRISM" "/proc/$stale/cmdline"; then
        echo "stopping the Prism a killed run left behind (pid $stale)"
        kill "$stale" 2> /dev/null || true
    fi
fi
rm -rf "$OUT"
mkdir -p "$OUT"
log "derive the Hub data-plane spec"
"$PY" tools/contract/derive_hub_spec.py tests/contract/spec/hub_model_swagger_extract.json "$SPEC"

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts Prism on a free port; returns non-zero when it exits before it listens (a port taken
# meanwhile, a spec it cannot read).
start_prism() {
    local port=$1
    NO_COLOR=1 FORCE_COLOR=0 "$PRISM" mock --host 127.0.0.1 --port "$port" --errors "$SPEC" \
        > "$PRISM_LOG" 2>&1 < /dev/null &
    prism_pid=$!
    echo "$prism_pid" > "$OUT/prism.pid"
    for _ in $(seq 1 300); do
        grep -q 'Prism is listening on' "$PRISM_LOG" && return 0
        kill -0 "$prism_pid" 2> /dev/null || break
        sleep 0.1
    done
    stop_prism
    return 1
}

log "start Prism $("$PRISM" --version) (mock, request validation)"
port=
for _ in 1 2 3; do
    candidate=$(free_port)
    if start_prism "$candidate"; then
        port=$candidate
        break
    fi
done
if [ -z "$port" ]; then
    cat "$PRISM_LOG" >&2
    die "Prism did not start (log: $PRISM_LOG)"
fi
HUB="http://127.0.0.1:$port"
echo "Prism pid $prism_pid on $HUB; the empty hub is $HUB/empty-hub"

modules_json=$("$PY" -c 'import json, os, sys
names = sorted(f[:-3] for f in os.listdir(sys.argv[1]) if f.endswith(".py") and f != "__init__.py")
print(json.dumps({"contract_modules": names}))' "$COLLECTION/plugins/modules")

log "run every module against Prism (tests/contract/playbook.yml)"
playbook_rc=0
ANSIBLE_COLLECTIONS_PATH="$REPO/build/collections" ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 \
    "$REPO/.venv/bin/ansible-playbook" -i localhost, tests/contract/playbook.yml \
    -e contract_hub="$HUB" -e contract_empty_hub="$HUB/empty-hub" -e contract_expected_file="$EXPECTED" \
    -e "$modules_json" \
    < /dev/null > "$OUT/playbook.log" 2>&1 &
playbook_pid=$!
wait "$playbook_pid" || playbook_rc=$?
playbook_pid=
cat "$OUT/playbook.log"
stop_prism

log "requests Prism received (log: $PRISM_LOG)"
check_rc=0
if [ -f "$EXPECTED" ]; then
    "$PY" tools/contract/prism_log.py "$PRISM_LOG" "$EXPECTED" || check_rc=$?
else
    echo "the playbook did not get to write $EXPECTED; what Prism logged:"
    grep -E 'HTTP SERVER|VALIDATOR' "$PRISM_LOG" || true
    check_rc=1
fi
[ "$playbook_rc" -eq 0 ] || die "contract: ansible-playbook failed (rc $playbook_rc; log: $OUT/playbook.log)"
[ "$check_rc" -eq 0 ] || die "contract: Prism's log does not match the expected requests (see above)"
log "contract: OK (the self-test was flagged; every module request matched Microsoft's spec)"
