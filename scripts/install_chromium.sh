#!/usr/bin/env bash
# Install Debian's Chromium for the browser test (tests/browser), only when it is missing.
# Playwright's own browser downloads do not work here; the test drives /usr/bin/chromium.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "==> Chromium is already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "==> /usr/bin/chromium is missing; installing Debian's chromium package with apt-get"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
echo "==> Installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
