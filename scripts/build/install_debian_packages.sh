#!/usr/bin/env bash
# Install the Debian packages the tests need, only those missing:
#   chromium (+ fonts) for the browser test (Playwright's own browser downloads do not work here),
#   postgresql, redis-server and nginx for the scale-out tests (tests/cluster).
# Usage: scripts/build/install_debian_packages.sh PACKAGE...
set -euo pipefail

missing=()
for package in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "==> Debian packages already installed: $*"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "==> Installing missing Debian packages with apt-get: ${missing[*]}"
$SUDO apt-get update -q
# policy-rc.d 101: the packages must not start their system services (port 80, 5432, 6379);
# the tests start their own instances on free loopback ports.
policy=/usr/sbin/policy-rc.d
created_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod +x "$policy" && created_policy=1
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
if [ -n "$created_policy" ]; then $SUDO rm -f "$policy"; fi
echo "==> Installed: ${missing[*]}"
