"""Run one peer normaliser (hazm or shekar) inside its own venv; JSON in, JSON out.

Called by bench/bench_text.py as ``ENV/bin/python run_peer.py NAME`` with
``{"texts": [...], "timed": "...", "rounds": N}`` on standard input; prints
``{"outputs": [...], "seconds": best of N rounds on "timed", "version": ...}``.
"""

from __future__ import annotations

import json
import sys
import time
from importlib.metadata import version
from typing import Any


def load(name: str) -> Any:
    if name == "hazm":
        from hazm import Normalizer

        return Normalizer().normalize
    if name == "shekar":
        from shekar import Normalizer as ShekarNormalizer

        return ShekarNormalizer()
    raise SystemExit(f"unknown peer {name!r}")


def main() -> None:
    name = sys.argv[1]
    job = json.load(sys.stdin)
    run = load(name)
    outputs = [run(text) for text in job["texts"]]
    best = float("inf")
    for _ in range(job["rounds"]):
        start = time.perf_counter()
        run(job["timed"])
        best = min(best, time.perf_counter() - start)
    json.dump({"outputs": outputs, "seconds": best, "version": version(name)}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
