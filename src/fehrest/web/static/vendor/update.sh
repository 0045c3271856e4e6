#!/usr/bin/env bash
# Re-vendor the front-end files from the npm registry (see README.md beside this script).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent vega@5.33.1 vega-lite@5.23.0 vega-embed@6.29.0 world-atlas@2.0.2 vazirmatn@33.0.3 >/dev/null
for tgz in *.tgz; do mkdir "${tgz%.tgz}" && tar xzf "$tgz" -C "${tgz%.tgz}"; done
cp vega-5.33.1/package/build/vega.min.js "$here/"
cp vega-lite-5.23.0/package/build/vega-lite.min.js vega-lite-5.23.0/package/LICENSE "$here/"
mv "$here/LICENSE" "$here/vega-lite.LICENSE"
cp vega-embed-6.29.0/package/build/vega-embed.min.js "$here/"
cp vega-embed-6.29.0/package/LICENSE "$here/vega-embed.LICENSE"
cp world-atlas-2.0.2/package/countries-110m.json "$here/"
cp world-atlas-2.0.2/package/LICENSE "$here/world-atlas.LICENSE"
cp vazirmatn-33.0.3/package/fonts/webfonts/Vazirmatn-Regular.woff2 \
   vazirmatn-33.0.3/package/fonts/webfonts/Vazirmatn-Bold.woff2 "$here/"
cp vazirmatn-33.0.3/package/OFL.txt "$here/vazirmatn.OFL.txt"
echo "vendored into $here"
