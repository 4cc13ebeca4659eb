#!/usr/bin/env bash
# Installs the machine packages the tests need. The .NET SDK is on the machine; NuGet restore happens in the build.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet SDK not found: install the .NET 10 SDK first" >&2
  exit 1
fi
if [ ! -d ../shared/data ]; then
  echo "note: ../shared/data is absent; tests that check against the real published data will fail" >&2
fi
