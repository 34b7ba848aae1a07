#!/usr/bin/env bash
# Shared helpers for the CI/build scripts in tools/. Source it; do not run it.
#   REPO          physical path of the repository (= collection root)
#   COLL_NS/NAME  namespace and name read from galaxy.yml
#   find_python X.Y   -> prints the path of a real python X.Y interpreter (not a pyenv shim)
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

# Real interpreter for python X.Y: pyenv's newest X.Y.* install first, then a python X.Y on
# PATH that is not a pyenv shim (shims of inactive versions exit 127 inside ansible-test).
find_python() {
    local ver=$1 cand p
    cand=$(find "$PYENV_ROOT/versions" -maxdepth 1 -name "$ver.*" 2>/dev/null | sort -V | tail -n1)
    if [ -n "$cand" ] && [ -x "$cand/bin/python$ver" ]; then
        echo "$cand/bin/python$ver"
        return 0
    fi
    p=$(command -v "python$ver" 2>/dev/null || true)
    if [ -n "$p" ] && [[ $p != */shims/* ]] && "$p" -c 'import sys' >/dev/null 2>&1; then
        echo "$p"
        return 0
    fi
    return 1
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

# Create (or reuse) a venv at DIR with python PY and the given pip arguments. Reinstalls only when
# the interpreter or the arguments (and the content of any requirements file named) change.
ensure_venv() {
    local dir=$1 py=$2 stamp want
    shift 2
    want="$("$py" -c 'import sys; print(sys.version)') | $*"
    for arg in "$@"; do
        if [ -f "$arg" ]; then
            want="$want | $(cksum < "$arg")"
        fi
    done
    stamp="$dir/.installed"
    if [ -x "$dir/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    rm -rf "$dir"
    "$py" -m venv "$dir" || return 1
    "$dir/bin/python" -m pip install --quiet --disable-pip-version-check "$@" || return 1
    printf '%s' "$want" > "$stamp"
}

# version_ge A B: true when version A >= version B.
version_ge() {
    [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" = "$2" ]
}
