#!/usr/bin/env bash
# make demo: start the hub emulator with an empty hub, run examples/hub_model.yml twice against it
# with the collection installed in build/collections (make install), then
# examples/hub_model_teardown.yml, and check each from the PLAY RECAP: run 1 must report changed
# (>0), run 2 changed=0, the teardown changed (>0); no failed/unreachable hosts in any.
# The emulator is stopped on every exit path (trap).
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"

cd "$REPO"
PY="$REPO/.venv/bin/python"
STATE_DIR="$REPO/build/demo-emulator"
BUILD="$REPO/examples/hub_model.yml"
TEARDOWN="$REPO/examples/hub_model_teardown.yml"
[ -x "$PY" ] || die "$PY missing: run 'make venv'"
[ -d "$REPO/build/collections/ansible_collections/$COLL_NS/$COLL_NAME" ] || die "collection not installed: run 'make install'"

stop_demo_emulator() {
    log "stopping the hub emulator"
    stop_emulator "$PY" "$STATE_DIR" || echo "WARNING: 'hub_emulator stop' failed" >&2
}
trap stop_demo_emulator EXIT
log "starting the hub emulator (state dir $STATE_DIR)"
ENDPOINT=$(start_emulator "$PY" "$STATE_DIR" --empty-model) || die "the hub emulator did not start (log: $STATE_DIR/emulator.log)"
echo "hub endpoint: $ENDPOINT"
EXPORTS=$(emulator_exports "$PY" "$ENDPOINT") || die "cannot read the emulator's SAS policy"
eval "$EXPORTS"
export ANSIBLE_NOCOLOR=1
export ANSIBLE_FORCE_COLOR=0

# Prints "changed failed unreachable" summed over the hosts of the PLAY RECAP in file $1.
recap_counts() {
    awk '/^PLAY RECAP/ { in_recap = 1; next }
         in_recap && /changed=/ {
             for (i = 1; i <= NF; i++) {
                 split($i, kv, "=")
                 if (kv[1] == "changed") c += kv[2]
                 if (kv[1] == "failed") f += kv[2]
                 if (kv[1] == "unreachable") u += kv[2]
             }
             hosts++
         }
         END { if (!hosts) print "none"; else print c + 0, f + 0, u + 0 }' "$1"
}

# run_demo N TOTAL PLAYBOOK EXPECT: run the playbook, check its recap; EXPECT is changed or unchanged.
run_demo() {
    local n=$1 total=$2 playbook=$3 expect=$4 out="$REPO/build/demo-run$1.log" counts changed failed unreachable
    log "demo run $n of $total: ${playbook#"$REPO"/} (expect: $expect)"
    if ! "$REPO/.venv/bin/ansible-playbook" -i localhost, "$playbook" < /dev/null 2>&1 | tee "$out"; then
        die "demo run $n: ansible-playbook failed (log: $out)"
    fi
    counts=$(recap_counts "$out")
    [ "$counts" != none ] || die "demo run $n: no PLAY RECAP found (log: $out)"
    read -r changed failed unreachable <<< "$counts"
    if [ "$failed" -ne 0 ] || [ "$unreachable" -ne 0 ]; then
        die "demo run $n: failed=$failed unreachable=$unreachable"
    fi
    if [ "$expect" = changed ] && [ "$changed" -eq 0 ]; then
        die "demo run $n: expected changed>0, got changed=0"
    fi
    if [ "$expect" = unchanged ] && [ "$changed" -ne 0 ]; then
        die "demo run $n: expected changed=0 (idempotent), got changed=$changed"
    fi
    echo "--> demo run $n: changed=$changed as expected ($expect)"
}

run_demo 1 3 "$BUILD" changed
run_demo 2 3 "$BUILD" unchanged
run_demo 3 3 "$TEARDOWN" changed
log "demo: OK (the model built, then unchanged, then torn down)"
