#!/usr/bin/env bash
# usage: tools/venv.sh DIR PIP_ARGS...        (make venv, make lint-venv)
# Creates DIR (a venv) with the newest Python among 3.11-3.14 that is installed (pyenv, then PATH,
# then python3; PYTHON_DEV=/path/to/python overrides) and the ansible-core for that Python
# (core_for_python in lib.sh: 2.19 on 3.11, 2.21 on 3.12-3.14), plus PIP_ARGS. Reuses DIR while the
# interpreter, the core and the requirements stay the same; rebuilds it when any of them changes
# (a newer Python installed, PYTHON_DEV set or unset, a requirements file edited).
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"

[ $# -ge 1 ] || die "usage: $0 DIR PIP_ARGS..."
DIR=$1
shift
cd "$REPO"

if ! PY=$(find_dev_python); then
    die "no Python 3.11, 3.12, 3.13 or 3.14 found (looked in $PYENV_ROOT/versions, on PATH and at python3): $(how_to_get_python 3.13)"
fi
VER=$(python_version "$PY") || die "PYTHON_DEV=$PY does not run"
CORE=$(core_for_python "$VER") \
    || die "$DIR needs Python 3.11-3.14 (an ansible-core controller Python); $PY is Python $VER"

if venv_is_current "$DIR" "$PY" "$(core_spec "$CORE")" "$@"; then
    exit 0
fi
verb=creating
[ ! -d "$DIR" ] || verb=rebuilding
echo "$verb $DIR with Python $VER ($PY) and ansible-core $CORE (takes a minute or so)"
ensure_venv "$DIR" "$PY" "$(core_spec "$CORE")" "$@" \
    || die "could not create $DIR with $PY (Debian/Ubuntu need the python$VER-venv package for venvs)"
echo "$DIR ready: $("$DIR/bin/python" -c 'import sys, ansible.release as r
print("Python %d.%d.%d, ansible-core %s" % (sys.version_info[:3] + (r.__version__,)))')"
