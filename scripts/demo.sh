#!/usr/bin/env bash
# make demo: extract events from the bundled sample articles and print them.
# (Grows with the register and the web page: ingest, status, serve.)
set -euo pipefail
cd "$(dirname "$0")/.."
db="$1"; host="$2"; port="$3"
fehrest=.venv/bin/fehrest
samples=$(.venv/bin/python -c 'import fehrest, pathlib; print(pathlib.Path(fehrest.__file__).parent / "samples")')
mkdir -p "$(dirname "$db")"
if $fehrest ingest --help >/dev/null 2>&1; then
  $fehrest ingest --db "$db" "$samples"
  $fehrest status Taliban --db "$db" --as-of "$(date +%F)"
else
  $fehrest extract "$samples"/*.txt --format table
fi
if $fehrest serve --help >/dev/null 2>&1; then
  echo "Serving the register at http://$host:$port/ (Ctrl-C to stop)"
  exec $fehrest serve --db "$db" --host "$host" --port "$port"
fi
