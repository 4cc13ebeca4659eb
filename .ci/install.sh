#!/usr/bin/env bash
# Installs the machine packages the tests need: PostgreSQL (the conformance suite and the multi-node tests start
# their own server on loopback), HAProxy (the failover test runs it as its L4 balancer, as the test's user, on
# loopback; the packaged service is not used), Debian's Chromium (browser tests drive it headless through Playwright;
# no browser download), CJK fonts (Noto for screenshots and report charts, WenQuanYi Micro Hei embedded in report
# PDFs: TrueType outlines that PDFsharp subsets, ADR 0038) and poppler-utils (report tests read PDFs with pdftotext). The .NET SDK is on the
# machine; NuGet restore happens in the build, npm packages in the portal's build step.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet SDK not found: install the .NET 10 SDK first" >&2
  exit 1
fi
if [ ! -d ../shared/data ]; then
  echo "note: ../shared/data is absent; tests that check against the real published data will fail" >&2
fi

packages=(postgresql haproxy chromium fonts-noto-cjk fonts-wqy-microhei poppler-utils)
# node >= 20 and npm: the Web project's build runs `npm ci` for the portal's ECharts (ADR 0015).
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
