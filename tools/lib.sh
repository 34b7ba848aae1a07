#!/usr/bin/env bash
# Shared helpers for the CI/build scripts in tools/. Source it; do not run it.
#   REPO          physical path of the repository (= collection root)
#   COLL_NS/NAME  namespace and name read from galaxy.yml
#   find_python X.Y   -> prints the path of a real python X.Y interpreter (not a pyenv shim)
#   find_dev_python   -> the interpreter of .venv/.venv-lint (PYTHON_DEV, else the newest 3.11-3.14)
#   core_for_python X.Y, pythons_for_core CORE, core_spec CORE -> which ansible-core runs on which Python
#   start_emulator PY DIR / stop_emulator PY DIR / emulator_exports PY ENDPOINT -> the local hub emulator
#   copy_collection DEST   -> copies the working tree (incl. .git) into DEST, without build
#                             output, venvs and caches; keeps DEST/tests/output/.tmp (warm reruns)

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
export REPO

galaxy_value() {
    sed -n "s/^$1:[[:space:]]*//p" "$REPO/galaxy.yml" | head -n1 | tr -d "\"' \r"
}

COLL_NS=$(galaxy_value namespace)
COLL_NAME=$(galaxy_value name)
COLL_VERSION=$(galaxy_value version)
if [ -z "$COLL_NS" ] || [ -z "$COLL_NAME" ] || [ -z "$COLL_VERSION" ]; then
    echo "ERROR: cannot read namespace/name/version from $REPO/galaxy.yml" >&2
    exit 2
fi
export COLL_NS COLL_NAME COLL_VERSION

# Resolve before anything redirects HOME.
PYENV_ROOT=${PYENV_ROOT:-$HOME/.pyenv}
export PYENV_ROOT

log() {
    printf '\n=== %s\n' "$*"
}

die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

# Real interpreter for python X.Y: pyenv's newest X.Y.* install first, then the first python X.Y
# on PATH that is not a pyenv shim (shims of inactive versions exit 127 inside ansible-test).
find_python() {
    local ver=$1 cand dir
    cand=$(find "$PYENV_ROOT/versions" -maxdepth 1 -name "$ver.*" 2>/dev/null | sort -V | tail -n1)
    if [ -n "$cand" ] && [ -x "$cand/bin/python$ver" ]; then
        echo "$cand/bin/python$ver"
        return 0
    fi
    local IFS=:
    for dir in $PATH; do
        if [ -n "$dir" ] && [[ $dir != */shims ]] && [ -x "$dir/python$ver" ] \
                && "$dir/python$ver" -c 'import sys' >/dev/null 2>&1; then
            echo "$dir/python$ver"
            return 0
        fi
    done
    return 1
}

# python_version PY -> X.Y of interpreter PY (fails when PY does not run).
python_version() {
    "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null
}

# The controller Pythons this project builds .venv/.venv-lint with, newest first, and the ansible-core
# each gets: the newest core that supports it (2.19 is the last core for 3.11; 2.21 runs on 3.12-3.14).
# make test pairs them the same way: 2.19 on 3.11, 2.21 on the newest of 3.12-3.14.
DEV_PYTHONS="3.14 3.13 3.12 3.11"
core_for_python() {
    case $1 in
        3.11) echo 2.19 ;;
        3.12 | 3.13 | 3.14) echo 2.21 ;;
        *) return 1 ;;
    esac
}

# pythons_for_core CORE -> the DEV_PYTHONS that core_for_python pairs with CORE (none for other cores).
pythons_for_core() {
    local ver
    for ver in $DEV_PYTHONS; do
        if [ "$(core_for_python "$ver")" = "$1" ]; then
            echo "$ver"
        fi
    done
}

# core_spec X.Y -> the pip spec of ansible-core X.Y.* ('ansible-core>=2.21,<2.22').
core_spec() {
    [[ $1 =~ ^([0-9]+)\.([0-9]+)$ ]] || return 1
    echo "ansible-core>=$1,<${BASH_REMATCH[1]}.$((BASH_REMATCH[2] + 1))"
}

# Interpreter for .venv and .venv-lint: PYTHON_DEV when set; else the newest of DEV_PYTHONS that
# find_python resolves (pyenv, then PATH), or python3 when it is newer and one of DEV_PYTHONS.
find_dev_python() {
    if [ -n "${PYTHON_DEV:-}" ]; then
        echo "$PYTHON_DEV"
        return 0
    fi
    local ver best="" best_ver="" py3 py3_ver
    for ver in $DEV_PYTHONS; do
        if best=$(find_python "$ver"); then
            best_ver=$ver
            break
        fi
    done
    # python3 may be a pyenv shim: ask it for the real interpreter.
    py3=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null || true)
    if [ -n "$py3" ] && py3_ver=$(python_version "$py3") && [[ " $DEV_PYTHONS " == *" $py3_ver "* ]] \
            && { [ -z "$best_ver" ] || ! version_ge "$best_ver" "$py3_ver"; }; then
        best=$py3
    fi
    [ -n "$best" ] && echo "$best"
}

# how_to_get_python X.Y -> how to install a missing Python (for error messages).
how_to_get_python() {
    echo "install it from your distribution (package python$1, plus python$1-venv on Debian/Ubuntu:" \
        "apt-get install python$1 python$1-venv; dnf install python$1) or with pyenv (pyenv install $1)"
}

# Every python3.N (N >= 8) that find_python can resolve, oldest first.
available_pythons() {
    local minor
    for minor in 8 9 10 11 12 13 14 15 16; do
        if find_python "3.$minor" >/dev/null; then
            echo "3.$minor"
        fi
    done
}

# Tar-copy the tree into DEST (a .../ansible_collections/NS/NAME dir). rsync is not available.
copy_collection() {
    local dest=$1 keep=""
    mkdir -p "$dest"
    if [ -d "$dest/tests/output/.tmp" ]; then
        keep=$(mktemp -d "$(dirname "$dest")/.keep.XXXXXX")
        mv "$dest/tests/output/.tmp" "$keep/tmp"
    fi
    find "$dest" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
    # tar exits 1 for "file changed as we read it" (someone editing/committing meanwhile): accept it.
    {
        tar -C "$REPO" --warning=no-file-changed \
            --exclude=./build --exclude='./.venv*' --exclude=./tests/output \
            --exclude=./.ansible --exclude=./.nox --exclude=./.tox \
            --exclude=./tests/integration/inventory \
            --exclude=__pycache__ --exclude=.pytest_cache --exclude=.mypy_cache --exclude='*.pyc' \
            -cf - . || [ $? -eq 1 ]
    } | tar -C "$dest" -xf -
    if [ -n "$keep" ]; then
        mkdir -p "$dest/tests/output"
        mv "$keep/tmp" "$dest/tests/output/.tmp"
        rmdir "$keep"
    fi
}

# venv_is_current DIR PY ARGS...: true when DIR is a venv of interpreter PY installed with exactly
# these pip arguments (and the current content of any requirements file named).
venv_is_current() {
    local dir=$1 py=$2
    shift 2
    [ -x "$dir/bin/python" ] && [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$(venv_stamp "$py" "$@")" ]
}

# venv_stamp PY ARGS...: what .installed records: interpreter path and version, pip arguments,
# checksums of the requirements files among them.
venv_stamp() {
    local py=$1 arg stamp
    shift
    stamp="$("$py" -c 'import sys; print(sys.executable, sys.version)') | $*"
    for arg in "$@"; do
        if [ -f "$arg" ]; then
            stamp="$stamp | $(cksum < "$arg")"
        fi
    done
    printf '%s' "$stamp"
}

# Create (or reuse) a venv at DIR with python PY and the given pip arguments. Rebuilds it when the
# interpreter or the arguments (and the content of any requirements file named) change.
ensure_venv() {
    local dir=$1 py=$2
    shift 2
    if venv_is_current "$dir" "$py" "$@"; then
        return 0
    fi
    rm -rf "$dir"
    "$py" -m venv "$dir" || return 1
    "$dir/bin/python" -m pip install --quiet --disable-pip-version-check "$@" || return 1
    venv_stamp "$py" "$@" > "$dir/.installed"
}

# hub_emulator PY DIR COMMAND...: the local Hub API emulator (tests/hub_emulator, standard library,
# Python 3.11+) run by interpreter PY, its pid, endpoint and log in state dir DIR.
hub_emulator() {
    local py=$1 dir=$2
    shift 2
    PYTHONPATH="$REPO/tests" "$py" -m hub_emulator "$@" --state-dir "$dir"
}

# start_emulator PY DIR [START OPTIONS...]: stop an emulator left running in DIR, start a fresh one
# in the background and print its endpoint (the hub endpoint URL, alone). It holds the emulator's
# seeded model (tests/hub_emulator/README.md), or nothing with --empty-model.
start_emulator() {
    local py=$1 dir=$2
    shift 2
    stop_emulator "$py" "$dir" > /dev/null 2>&1 || true
    rm -rf "$dir"
    mkdir -p "$dir"
    hub_emulator "$py" "$dir" start "$@" < /dev/null
}

# stop_emulator PY DIR: stop the emulator of DIR, if any (idempotent).
stop_emulator() {
    [ ! -d "$2" ] || hub_emulator "$1" "$2" stop
}

# emulator_exports PY ENDPOINT: export lines that point the modules at the emulator at ENDPOINT,
# with its default SAS policy, and Ansible at the collection make install put in build/collections.
emulator_exports() {
    local key
    key=$(PYTHONPATH="$REPO/tests" "$1" -c \
        'from hub_emulator import DEFAULT_SAS_POLICIES as p; print(p["RootManageSharedAccessKey"]["primary_key"])') || return 1
    printf 'export %s=%q\n' \
        CUSTOMER_INSIGHTS_HUB_ENDPOINT "$2" \
        CUSTOMER_INSIGHTS_SAS_POLICY_NAME RootManageSharedAccessKey \
        CUSTOMER_INSIGHTS_SAS_KEY "$key" \
        ANSIBLE_COLLECTIONS_PATH "$REPO/build/collections"
}

# version_ge A B: true when version A >= version B.
version_ge() {
    [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" = "$2" ]
}
