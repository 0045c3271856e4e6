#!/usr/bin/env bash
# Build the isolated environments the text benchmark runs its peers in.
#
# hazm 0.10 (the last release for Python 3.11) pins numpy 1.24 and pulls
# gensim and fasttext; shekar pulls numpy 2 and onnxruntime. Neither may
# enter the project's .venv, and they disagree with each other, so each gets
# its own venv under bench/.env-peers/ (gitignored).
# Idempotent: a finished environment (marker file) is left as it is.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.env-peers"
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3

status=0
for peer in hazm shekar; do
    env_dir="$root/$peer"
    if [[ -f "$env_dir/.fehrest-ok" ]]; then
        continue
    fi
    rm -rf "$env_dir"
    "$python" -m venv "$env_dir"
    if "$env_dir/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements-$peer.txt"; then
        touch "$env_dir/.fehrest-ok"
    else
        # The benchmark reports a peer it cannot run as missing; say why here.
        echo "setup_peers: could not install $peer (see pip's message above)" >&2
        status=1
    fi
done
exit $status
