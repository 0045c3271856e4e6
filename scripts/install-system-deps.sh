#!/usr/bin/env bash
# Install the Debian packages Fehrest's tests need, when they are missing.
#
#   scripts/install-system-deps.sh                 # PostgreSQL (the register tests)
#   scripts/install-system-deps.sh chromium ...    # any other packages (see install-chromium.sh)
#
# Idempotent: when everything is present it runs no apt command at all.
set -euo pipefail

if [ $# -gt 0 ]; then packages=("$@"); else packages=(postgresql); fi

missing=()
for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "system packages: all present (${packages[*]})"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
else
    sudo=
fi
echo "system packages: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
