#!/usr/bin/env bash
# Fast lint loop: ansible-lint (production profile), antsibull-docs lint-collection-docs
# (plugin docs), antsibull-changelog lint. Uses .venv-lint (make lint-venv).
# The tools need the collection at .../ansible_collections/NS/NAME, so they run on a copy
# in build/ci/lint/ (paths in their output are relative to the collection root, as in the repo).
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"

BIN="$REPO/.venv-lint/bin"
[ -x "$BIN/ansible-lint" ] || die "$BIN/ansible-lint missing: run 'make lint-venv'"

WORK="$REPO/build/ci/lint"
COLL="$WORK/ansible_collections/$COLL_NS/$COLL_NAME"
copy_collection "$COLL"
cd "$COLL"
export ANSIBLE_COLLECTIONS_PATH="$WORK"
export ANSIBLE_HOME="$WORK/ansible-home"
export PATH="$BIN:$PATH"

failed=()
step() {
    local name=$1 start=$SECONDS
    shift
    log "$name"
    if "$@" < /dev/null; then
        echo "--> $name: ok ($((SECONDS - start))s)"
    else
        echo "--> $name: FAILED ($((SECONDS - start))s)" >&2
        failed+=("$name")
    fi
}

color=()
[ -t 1 ] || color=(--nocolor)
step "ansible-lint --profile production" ansible-lint --profile production --offline "${color[@]}"
# Module EXAMPLES as playbooks (ansible-lint does not read module docs): FQCNs, names, valid YAML.
mapfile -t example_playbooks < <(python3 "$REPO/tools/examples_playbooks.py" plugins/modules "$WORK/examples")
step "ansible-lint --profile production on module EXAMPLES" \
    ansible-lint --profile production --offline "${color[@]}" "${example_playbooks[@]}"
step "antsibull-docs lint-collection-docs --plugin-docs" \
    antsibull-docs lint-collection-docs --plugin-docs .
step "antsibull-changelog lint" antsibull-changelog lint
if [ -f changelogs/changelog.yaml ]; then
    step "antsibull-changelog lint-changelog-yaml" antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml
fi

if [ ${#failed[@]} -gt 0 ]; then
    echo "lint FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "lint: all checks passed"
