#!/usr/bin/env bash
# Reads a `dotnet test` (Microsoft.Testing.Platform) log and prints, last, each failed test with the first lines of its
# message (so that the end of a long CI log names the failure), then one closing line "tests: N passed, N failed, N skipped".
set -euo pipefail
log=$1
awk '/^failed / {n = 0; show = 1; print; next}
     show && /^[[:space:]]/ {if (++n <= 25) print; next}
     {show = 0}' "$log"
passed=$(awk '/^[[:space:]]+succeeded:/ {v=$2} END {print v+0}' "$log")
failed=$(awk '/^[[:space:]]+failed:/ {v=$2} END {print v+0}' "$log")
skipped=$(awk '/^[[:space:]]+skipped:/ {v=$2} END {print v+0}' "$log")
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
