#!/usr/bin/env bash
# Build the collection and check the artifact:
#   1. ansible-galaxy collection build (into build/build-check/dist)
#   2. the tarball holds no build output, venvs, caches, ansible-test output or VCS data,
#      and does hold the files a collection needs
#   3. it installs (offline) and `ansible-galaxy collection verify --offline` passes
#   4. `ansible-doc NS.NAME.<module>` renders for every plugins/modules/*.py (text and JSON)
#   5. meta/execution-environment.yml: `ansible-builder create` succeeds and
#      `ansible-builder introspect` finds meta/ee-requirements.txt in the installed collection
# Uses .venv (ansible-galaxy, ansible-doc) and .venv-lint (ansible-builder).
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"

VENV="$REPO/.venv/bin"
VENV_LINT="$REPO/.venv-lint/bin"
[ -x "$VENV/ansible-galaxy" ] || die "$VENV/ansible-galaxy missing: run 'make venv'"
[ -x "$VENV_LINT/ansible-builder" ] || die "$VENV_LINT/ansible-builder missing: run 'make lint-venv'"

T="$REPO/build/build-check"
rm -rf "$T"
mkdir -p "$T"
cd "$REPO"
FQ="$COLL_NS.$COLL_NAME"
errors=0
fail() {
    echo "FAIL: $*" >&2
    errors=$((errors + 1))
}

log "build $FQ $COLL_VERSION"
"$VENV/ansible-galaxy" collection build --force --output-path "$T/dist" .
TARBALL="$T/dist/$COLL_NS-$COLL_NAME-$COLL_VERSION.tar.gz"
[ -f "$TARBALL" ] || die "tarball $TARBALL not built"
echo "$(tar -tzf "$TARBALL" | wc -l) entries, $(du -h "$TARBALL" | cut -f1)"

log "tarball contents"
tar -tzf "$TARBALL" | sed 's|^\./||' | sort > "$T/files.txt"
forbidden='(^|/)(\.git|\.venv[^/]*|\.tox|\.nox|\.ansible|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache)(/|$)'
forbidden+='|^build(/|$)|^tests/output(/|$)|^tests/integration/inventory$|^changelogs/\.plugin-cache\.yaml$'
forbidden+='|\.pyc$|\.tar\.gz$|^tools(/|$)|^\.ci(/|$)'
if grep -E "$forbidden" "$T/files.txt" > "$T/forbidden.txt"; then
    fail "tarball contains files that must not ship:"
    head -n 50 "$T/forbidden.txt" >&2
else
    echo "no build output, venvs, caches, test output or VCS files"
fi
required=(MANIFEST.json FILES.json meta/runtime.yml LICENSE)
if grep -q '^readme:' galaxy.yml; then
    required+=("$(galaxy_value readme)")
fi
modules=()
for f in plugins/modules/*.py; do
    [ -e "$f" ] || continue
    [ "$(basename "$f")" = __init__.py ] && continue
    modules+=("$(basename "$f" .py)")
    required+=("$f")
done
for f in "${required[@]}"; do
    grep -qx "$f" "$T/files.txt" || fail "tarball lacks $f"
done

log "install (offline) + verify"
"$VENV/ansible-galaxy" collection install --offline --force -p "$T/collections" "$TARBALL" 2>&1 \
    | grep -v 'is not part of the configured Ansible collections paths' || true
[ -f "$T/collections/ansible_collections/$COLL_NS/$COLL_NAME/MANIFEST.json" ] || die "install failed"
export ANSIBLE_COLLECTIONS_PATH="$T/collections"
"$VENV/ansible-galaxy" collection verify --offline "$FQ" || fail "ansible-galaxy collection verify --offline $FQ"

log "ansible-doc for ${#modules[@]} module(s): ${modules[*]:-none yet}"
for m in "${modules[@]}"; do
    if ! "$VENV/ansible-doc" "$FQ.$m" > "$T/doc-$m.txt" 2> "$T/doc-$m.err" \
            || grep -qiE 'error|not found|unable to' "$T/doc-$m.err" || ! grep -q "$FQ.$m" "$T/doc-$m.txt"; then
        fail "ansible-doc $FQ.$m does not render"
        cat "$T/doc-$m.err" >&2
        continue
    fi
    cat "$T/doc-$m.err" >&2
    if ! "$VENV/ansible-doc" --json "$FQ.$m" > "$T/doc-$m.json" \
            || ! "$VENV/python" - "$T/doc-$m.json" "$FQ.$m" <<'EOF'
import json
import sys

data = json.load(open(sys.argv[1]))[sys.argv[2]]
missing = [k for k in ('doc', 'examples', 'return') if not data.get(k)]
if missing:
    sys.exit('ansible-doc --json: empty %s' % ', '.join(missing))
print('%s: %d options, %d return values' % (sys.argv[2], len(data['doc'].get('options') or {}), len(data['return'])))
EOF
    then
        fail "ansible-doc --json $FQ.$m"
    fi
done

log "execution environment (meta/execution-environment.yml)"
# Paths inside the collection's EE file are relative to the collection root (that is how
# ansible-builder's introspection reads it from an installed collection), so give
# `ansible-builder create` the same layout: the EE file at the root of a scratch dir.
mkdir -p "$T/ee"
cp meta/execution-environment.yml "$T/ee/execution-environment.yml"
( cd "$REPO" && tar -cf - meta ) | tar -C "$T/ee" -xf -
if "$VENV_LINT/ansible-builder" create -f "$T/ee/execution-environment.yml" -c "$T/ee-context" \
        && [ -s "$T/ee-context/_build/requirements.txt" ]; then
    echo "ansible-builder create: ok ($(find "$T/ee-context" -type f | wc -l) files in the context)"
else
    fail "ansible-builder create -f meta/execution-environment.yml"
fi
"$VENV_LINT/ansible-builder" introspect "$T/collections" > "$T/introspect.txt" || fail "ansible-builder introspect"
cat "$T/introspect.txt"
while read -r req; do
    req=${req%%#*}
    req=$(echo "$req" | tr -d '[:space:]')
    [ -n "$req" ] || continue
    grep -qF "$req  # from collection $FQ" "$T/introspect.txt" \
        || fail "ansible-builder introspect does not list '$req' from $FQ"
done < meta/ee-requirements.txt

if [ "$errors" -gt 0 ]; then
    echo "build-check FAILED ($errors problem(s)); artifacts in $T" >&2
    exit 1
fi
echo "build-check: ok ($TARBALL)"
