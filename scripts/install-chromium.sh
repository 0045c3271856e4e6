#!/usr/bin/env bash
# Install Debian's Chromium and ChromeDriver for the browser tests, when missing.
# The tests use /usr/bin/chromium and /usr/bin/chromedriver only: no browser
# is downloaded by any other means.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/install-system-deps.sh" chromium chromium-driver
/usr/bin/chromium --version
