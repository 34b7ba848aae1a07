#!/usr/bin/env bash
# usage: tools/emulator.sh start [--empty-model]|stop|stop-all
#   start     (make emulator) start the local hub emulator in the background, with its state and
#             log in build/emulator, and print the exports that point the modules (installed in
#             build/collections by make install) at it. A running one is replaced by a fresh one.
#   stop      (make emulator-stop) stop it
#   stop-all  (make clean) stop it and the demo's emulator (build/demo-emulator), if either runs
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"

cd "$REPO"
STATE_DIR="$REPO/build/emulator"
PY="$REPO/.venv/bin/python"
if [ ! -x "$PY" ]; then
    [ "${1:-}" != start ] || die "$PY missing: run 'make venv'"
    PY=$(find_dev_python) || die "no Python 3.11-3.14 found to run the hub emulator"
fi

case ${1:-} in
    start)
        [ -d "$REPO/build/collections/ansible_collections/$COLL_NS/$COLL_NAME" ] \
            || die "collection not installed: run 'make install'"
        shift
        HOLDING="the seeded model of tests/hub_emulator/README.md"
        [ "${1:-}" != --empty-model ] || HOLDING="nothing: an empty hub"
        ENDPOINT=$(start_emulator "$PY" "$STATE_DIR" "$@") \
            || die "the hub emulator did not start (log: $STATE_DIR/emulator.log)"
        cat <<MSG
Hub emulator running at $ENDPOINT (log: build/emulator/emulator.log), holding $HOLDING.
To try the modules by hand, paste into your shell:

$(emulator_exports "$PY" "$ENDPOINT")
. $(printf %q "$REPO/.venv/bin/activate")   # ansible-core and requests, from make venv

then run a playbook, the README's example say, with ansible-playbook.
Stop the emulator with 'make emulator-stop'.
MSG
        ;;
    stop)
        if [ -f "$STATE_DIR/pid" ]; then
            stop_emulator "$PY" "$STATE_DIR"
            echo "hub emulator stopped"
        else
            echo "no hub emulator running (build/emulator/pid absent)"
        fi
        ;;
    stop-all)
        for dir in "$STATE_DIR" "$REPO/build/demo-emulator"; do
            [ ! -f "$dir/pid" ] || stop_emulator "$PY" "$dir"
        done
        ;;
    *) die "usage: $0 start|stop|stop-all" ;;
esac
