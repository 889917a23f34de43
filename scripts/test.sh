#!/usr/bin/env bash
# Installs what is missing, builds, runs every test suite and ends with one line
# "N passed, N failed" (N counts individual test cases, from the TAP output).
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh || exit 1
scripts/build.sh || { echo "0 passed, 1 failed"; exit 1; }

meson test -C build --print-errorlogs --num-processes 2 "$@"
status=$?

log=build/meson-logs/testlog.txt
passed=$(grep -cE '^ok [0-9]+' "$log" || true)
failed=$(grep -cE '^not ok [0-9]+' "$log" || true)
# An executable that failed without reporting a failing case (crash, timeout)
# still counts as one failure.
crashed=$(awk '
  /^test:/            { name = $0; notok = 0 }
  /^not ok [0-9]+/    { notok++ }
  /^result:/          { if ($0 !~ /exit status 0/ && $0 !~ /skipped/) pending = 1; else pending = 0 }
  /^={20,}$/ && name != "" { if (pending && notok == 0) n++; pending = 0; name = "" }
  END { print n + 0 }' "$log")
failed=$((failed + crashed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
