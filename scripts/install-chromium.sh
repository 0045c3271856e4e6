#!/usr/bin/env bash
# Install Debian's Chromium and ChromeDriver for the browser tests, when missing.
# Idempotent: when both are present it runs no apt command at all. The tests
# use /usr/bin/chromium and /usr/bin/chromedriver only: no browser is downloaded
# by any other means.
set -euo pipefail

packages=(chromium chromium-driver)

missing=()
for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if [ ${#missing[@]} -eq 0 ] && [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
else
    sudo=
fi
echo "chromium: installing ${missing[*]:-${packages[*]}}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
/usr/bin/chromium --version
