#!/usr/bin/env bash
# Reads a `dotnet test` (Microsoft.Testing.Platform) log and prints one closing line "tests: N passed, N failed, N skipped".
set -euo pipefail
log=$1
passed=$(awk '/^[[:space:]]+succeeded:/ {v=$2} END {print v+0}' "$log")
failed=$(awk '/^[[:space:]]+failed:/ {v=$2} END {print v+0}' "$log")
skipped=$(awk '/^[[:space:]]+skipped:/ {v=$2} END {print v+0}' "$log")
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
