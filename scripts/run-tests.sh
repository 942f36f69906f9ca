#!/usr/bin/env bash
# Runs the whole ava suite with TAP output and ends with one plain line, "N passed, N failed",
# counted from the TAP results themselves: a run that executed nothing prints "0 passed" and fails.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

npx ava --tap "$@" 2>&1 | tee "$log"
ava_status=${PIPESTATUS[0]}

passed=$(grep -cE '^ok [0-9]+' "$log")
failed=$(grep -cE '^not ok [0-9]+' "$log")
echo "${passed} passed, ${failed} failed"

if [ "$ava_status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
