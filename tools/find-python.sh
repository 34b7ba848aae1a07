#!/usr/bin/env bash
# usage: tools/find-python.sh X.Y
# Prints the path of a real python X.Y interpreter (pyenv install or non-shim PATH entry).
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"

[ $# -eq 1 ] || die "usage: $0 X.Y"
find_python "$1" || die "python$1 not found (looked in $PYENV_ROOT/versions and on PATH)"
