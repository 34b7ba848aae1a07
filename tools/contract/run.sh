#!/usr/bin/env bash
# make contract: the collection's requests checked against Microsoft's published spec by Prism.
#   1. derive two Hub data-plane variants of tests/contract/spec/*.json into build/contract/
#      (tools/contract/derive_hub_spec.py documents each transformation): hub.json, where every
#      resource exists, and empty-hub.json, where GET of one resource answers 404
#   2. start one Prism (installed by `make prism` into build/prism) per variant, in mock mode with
#      --errors, on 127.0.0.1 and free ports: two hubs, since hub_endpoint is a root URL; and a third,
#      "arm", serving Microsoft's spec unchanged (its ARM paths; the examples its $refs name beside it)
#   3. run tests/contract/playbook.yml: a self-test Prism must refuse, then every
#      tests/contract/tasks/*.yml, then every resource module in ARM mode (tests/contract/arm.yml),
#      with the collection installed in build/collections (make install)
#   4. tools/contract/prism_log.py: each Prism received exactly the requests the playbook expected,
#      and flagged the self-test and nothing else
# Both Prisms are stopped on every exit path (trap). Logs: build/contract/{hub,empty-hub,playbook}.log.
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/../lib.sh"

cd "$REPO"
PY="$REPO/.venv/bin/python"
PRISM="$REPO/build/prism/node_modules/.bin/prism"
OUT="$REPO/build/contract"
EXPECTED="$OUT/expected_requests.json"
[ -x "$PY" ] || die "$PY missing: run 'make venv'"
[ -x "$PRISM" ] || die "$PRISM missing: run 'make prism'"
COLLECTION="$REPO/build/collections/ansible_collections/$COLL_NS/$COLL_NAME"
[ -d "$COLLECTION" ] || die "collection not installed: run 'make install'"

prism_pids=()
playbook_pid=
stop_prisms() {
    local pid
    for pid in "${prism_pids[@]}"; do
        if kill -0 "$pid" 2> /dev/null; then
            log "stopping Prism (pid $pid)"
            kill "$pid" 2> /dev/null || true
            wait "$pid" 2> /dev/null || true
        fi
    done
    prism_pids=()
}
cleanup() {
    if [ -n "$playbook_pid" ] && kill -0 "$playbook_pid" 2> /dev/null; then
        kill "$playbook_pid" 2> /dev/null || true
        wait "$playbook_pid" 2> /dev/null || true
    fi
    stop_prisms
}
# The playbook runs in the background and is waited for, so that a signal reaches the trap at once.
trap cleanup EXIT
trap 'exit 130' INT TERM

# A run killed hard (SIGKILL) cannot have stopped its Prisms: stop them by the pids it recorded.
if [ -f "$OUT/prism.pids" ]; then
    while read -r stale; do
        if grep -qs "$PRISM" "/proc/$stale/cmdline"; then
            echo "stopping a Prism a killed run left behind (pid $stale)"
            kill "$stale" 2> /dev/null || true
        fi
    done < "$OUT/prism.pids"
fi
rm -rf "$OUT"
mkdir -p "$OUT"
log "derive the Hub data-plane spec: $OUT/{hub,empty-hub}.json"
"$PY" tools/contract/derive_hub_spec.py tests/contract/spec/hub_model_swagger_extract.json "$OUT/hub.json"
"$PY" tools/contract/derive_hub_spec.py --empty-hub tests/contract/spec/hub_model_swagger_extract.json "$OUT/empty-hub.json"

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_prism NAME [DOCUMENT]: serve DOCUMENT (default $OUT/NAME.json) on a free port (log
# $OUT/NAME.log); sets prism_url. A port taken between free_port and Prism's bind makes Prism exit: try another.
start_prism() {
    local name=$1 document=${2:-$OUT/$1.json} port pid
    for _ in 1 2 3; do
        port=$(free_port)
        NO_COLOR=1 FORCE_COLOR=0 "$PRISM" mock --host 127.0.0.1 --port "$port" --errors "$document" \
            > "$OUT/$name.log" 2>&1 < /dev/null &
        pid=$!
        prism_pids+=("$pid")
        echo "$pid" >> "$OUT/prism.pids"
        for _ in $(seq 1 300); do
            if grep -q 'Prism is listening on' "$OUT/$name.log"; then
                prism_url="http://127.0.0.1:$port"
                echo "$name: Prism pid $pid on $prism_url"
                return 0
            fi
            kill -0 "$pid" 2> /dev/null || break
            sleep 0.1
        done
        kill "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    done
    cat "$OUT/$name.log" >&2
    die "Prism did not start for $name (log: $OUT/$name.log)"
}

log "start Prism $("$PRISM" --version) (mock, request validation), one per hub"
start_prism hub
HUB=$prism_url
start_prism empty-hub
EMPTY_HUB=$prism_url
start_prism arm tests/contract/spec/hub_model_swagger_extract.json
ARM=$prism_url

modules_json=$("$PY" -c 'import json, os, sys
names = sorted(f[:-3] for f in os.listdir(sys.argv[1]) if f.endswith(".py") and f != "__init__.py")
print(json.dumps({"contract_modules": names}))' "$COLLECTION/plugins/modules")

log "run every module against Prism (tests/contract/playbook.yml)"
playbook_rc=0
ANSIBLE_COLLECTIONS_PATH="$REPO/build/collections" ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 \
    "$REPO/.venv/bin/ansible-playbook" -i localhost, tests/contract/playbook.yml \
    -e contract_hub="$HUB" -e contract_empty_hub="$EMPTY_HUB" -e contract_arm="$ARM" -e contract_expected_file="$EXPECTED" \
    -e "$modules_json" \
    < /dev/null > "$OUT/playbook.log" 2>&1 &
playbook_pid=$!
wait "$playbook_pid" || playbook_rc=$?
playbook_pid=
cat "$OUT/playbook.log"
stop_prisms

log "requests the Prisms received (logs: $OUT/{hub,empty-hub,arm}.log)"
check_rc=0
if [ -f "$EXPECTED" ]; then
    "$PY" tools/contract/prism_log.py "$EXPECTED" hub="$OUT/hub.log" empty-hub="$OUT/empty-hub.log" arm="$OUT/arm.log" || check_rc=$?
else
    echo "the playbook did not get to write $EXPECTED; what the Prisms logged:"
    for name in hub empty-hub arm; do
        grep -E 'HTTP SERVER|VALIDATOR' "$OUT/$name.log" | sed "s/^/$name: /" || true
    done
    check_rc=1
fi
[ "$playbook_rc" -eq 0 ] || die "contract: ansible-playbook failed (rc $playbook_rc; log: $OUT/playbook.log)"
[ "$check_rc" -eq 0 ] || die "contract: Prism's log does not match the expected requests (see above)"
log "contract: OK (the self-test was flagged; every module request matched Microsoft's spec)"
