# shellcheck shell=bash
#
# Hub API emulator helpers for integration targets. Source it from a target's runme.sh:
#
#   source ../setup_hub_emulator/emulator.sh
#   start_emulator                     # extra arguments go to `python -m hub_emulator start`
#   ansible-playbook ... -e hub_endpoint="$HUB_ENDPOINT"
#
# start_emulator exports HUB_ENDPOINT (the emulator's URL), HUB_EMULATOR_STATE_DIR and
# ANSIBLE_LIBRARY (with library/, home of the test-only module hub_emulator_admin), and
# installs `trap stop_emulator EXIT` (replacing any EXIT trap set before), so the emulator stops
# however the script ends. run_hub_emulator runs any other command of the emulator's CLI
# (e.g. `run_hub_emulator certs --out DIR`). Works under `set -eu`. See tests/hub_emulator/README.md.

# Print the directory of the hub_emulator package, or fail.
_hub_emulator_locate() {
    local entry dir
    local -a collection_paths=()
    if [ -n "${HUB_EMULATOR_DIR:-}" ]; then
        if [ -f "$HUB_EMULATOR_DIR/__main__.py" ]; then
            printf '%s\n' "$HUB_EMULATOR_DIR"
            return 0
        fi
        echo "HUB_EMULATOR_DIR=$HUB_EMULATOR_DIR does not contain the hub_emulator package" >&2
        return 1
    fi
    # ansible-test points ANSIBLE_COLLECTIONS_PATH at the tree holding the collection under test;
    # an entry may be the parent of ansible_collections/ or that directory itself.
    IFS=: read -r -a collection_paths <<< "${ANSIBLE_COLLECTIONS_PATH:-}"
    for entry in "${collection_paths[@]}"; do
        for dir in "$entry/ansible_collections/customerinsights/hub/tests/hub_emulator" \
                   "$entry/customerinsights/hub/tests/hub_emulator"; do
            if [ -f "$dir/__main__.py" ]; then
                printf '%s\n' "$dir"
                return 0
            fi
        done
    done
    # Run from a checkout: the collection root is the nearest ancestor holding galaxy.yml.
    dir=$PWD
    while [ -n "$dir" ] && [ "$dir" != / ]; do
        if [ -f "$dir/galaxy.yml" ] && [ -f "$dir/tests/hub_emulator/__main__.py" ]; then
            printf '%s\n' "$dir/tests/hub_emulator"
            return 0
        fi
        dir=${dir%/*}
    done
    echo "cannot find tests/hub_emulator: set HUB_EMULATOR_DIR or ANSIBLE_COLLECTIONS_PATH" >&2
    return 1
}

# Print the Python interpreter to run the emulator with.
_hub_emulator_python() {
    local candidate
    for candidate in "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python}" python3; do
        if command -v "$candidate" >/dev/null 2>&1; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    echo "no Python interpreter found for the hub emulator" >&2
    return 1
}

# Find the package and the interpreter once: sets _hub_emulator_interpreter, exports PYTHONPATH.
_hub_emulator_prepare() {
    local package_dir
    if [ -n "${_hub_emulator_interpreter:-}" ]; then
        return 0
    fi
    package_dir=$(_hub_emulator_locate) || return 1
    _hub_emulator_interpreter=$(_hub_emulator_python) || return 1
    export PYTHONPATH="${package_dir%/*}${PYTHONPATH:+:$PYTHONPATH}"
}

# Run any hub_emulator command, e.g. `run_hub_emulator certs --out "$dir"`.
run_hub_emulator() {
    _hub_emulator_prepare || return 1
    "$_hub_emulator_interpreter" -m hub_emulator "$@"
}

start_emulator() {
    local endpoint
    _hub_emulator_prepare || return 1
    HUB_EMULATOR_STATE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/hub-emulator.XXXXXX") || return 1
    export HUB_EMULATOR_STATE_DIR
    # Installed before starting, so that a start that fails half-way is cleaned up as well.
    trap stop_emulator EXIT
    endpoint=$(run_hub_emulator start --state-dir "$HUB_EMULATOR_STATE_DIR" "$@") || return 1
    export HUB_ENDPOINT="$endpoint"
    # The test-only module hub_emulator_admin (library/) drives the admin API from playbooks.
    ANSIBLE_LIBRARY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/library${ANSIBLE_LIBRARY:+:$ANSIBLE_LIBRARY}"
    export ANSIBLE_LIBRARY
    echo "Hub emulator running at $HUB_ENDPOINT (state in $HUB_EMULATOR_STATE_DIR)" >&2
}

stop_emulator() {
    # Runs as the EXIT trap: keep the script's exit status and never fail (set -e is still on).
    local status=$?
    local state_dir="${HUB_EMULATOR_STATE_DIR:-}"
    if [ -z "$state_dir" ]; then
        return 0
    fi
    if [ "$status" -ne 0 ] && [ -f "$state_dir/emulator.log" ]; then
        # The emulator's own view of a failed run is usually the quickest way to the cause.
        echo "--- last lines of the hub emulator log ($state_dir/emulator.log) ---" >&2
        tail -n 50 "$state_dir/emulator.log" >&2 || true
        echo "--- end of hub emulator log ---" >&2
    fi
    "${_hub_emulator_interpreter:-python3}" -m hub_emulator stop --state-dir "$state_dir" || echo "warning: stopping the hub emulator failed" >&2
    rm -rf -- "$state_dir"
    unset HUB_EMULATOR_STATE_DIR HUB_ENDPOINT
    return 0
}
