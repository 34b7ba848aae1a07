#!/usr/bin/env bash
# make test: every stage CI runs, in order, sequentially (2-core machine). Every stage runs even
# when an earlier one failed; the exit status is non-zero when any stage failed.
#   lint, build-check,
#   contract (every module's requests validated by Stoplight Prism against Microsoft's spec),
#   ansible-test sanity/units/integration with ansible-core 2.19 on Python 3.11,
#   ansible-test sanity/units/integration with ansible-core 2.21 on the newest Python >= 3.12
#   that its ansible-test supports.
# TEST_STAGES="lint build-check 2.19:sanity ..." selects a subset (any make target; CORE:target for ansible-test).
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$REPO"

read -r -a stages <<< "${TEST_STAGES:-lint build-check contract 2.19:sanity 2.19:units 2.19:integration 2.21:sanity 2.21:units 2.21:integration}"

# Before any work: the Pythons the stages need must be installed (2.19 stages: 3.11; 2.21 stages:
# one of 3.12-3.14; the others: a .venv Python), or a stage would fail minutes in, deep in its output.
missing=()
checked=" "
for st in "${stages[@]}"; do
    core=
    [[ $st != *:* ]] || core=${st%%:*}
    [[ $checked != *" ${core:-dev} "* ]] || continue
    checked+="${core:-dev} "
    if [ -z "$core" ]; then
        find_dev_python > /dev/null \
            || missing+=("the lint and build stages (.venv, .venv-lint) need one of Python 3.11, 3.12, 3.13, 3.14: $(how_to_get_python 3.13)")
        continue
    fi
    wanted=$(pythons_for_core "$core" | sort -V)
    [ -n "$wanted" ] || continue  # a core this script has no Python table for: ansible-test.sh decides
    found=
    for ver in $wanted; do
        find_python "$ver" > /dev/null && found=$ver
    done
    one_of=
    [ "$(echo "$wanted" | wc -l)" -eq 1 ] || one_of="one of "
    [ -n "$found" ] || missing+=("the ansible-core $core stages need ${one_of}Python $(echo "$wanted" | paste -sd, - | sed 's/,/, /g'): \
$(how_to_get_python "$(echo "$wanted" | head -n1)")")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "ERROR: make test stops before any work: a Python it needs is missing (found: $(available_pythons | paste -sd" " - | grep . || echo none))" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
fi

echo "customerinsights.hub make test: ${#stages[@]} stages; CI=${CI:-}; pythons: $(available_pythons | tr '\n' ' ')"
total_start=$SECONDS
passed=0
failed=0
summary=()
for st in "${stages[@]}"; do
    if [[ $st == *:* ]]; then
        target=${st#*:}
        args=("$target" "CORE=${st%%:*}")
    else
        target=$st
        args=("$target")
    fi
    printf '\n################ make %s\n' "${args[*]}"
    start=$SECONDS
    if make --no-print-directory "${args[@]}" < /dev/null; then
        result=ok
        passed=$((passed + 1))
    else
        result=FAILED
        failed=$((failed + 1))
    fi
    summary+=("$(printf '%-20s %-7s %5ss' "$st" "$result" "$((SECONDS - start))")")
done

printf '\n################ make test summary (%ss total)\n' "$((SECONDS - total_start))"
printf '  %s\n' "${summary[@]}"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
