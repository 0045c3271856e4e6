"""Benchmark the mentions stage: mentions per second over ~10 MB of dev text.

Peers, measured in the same run over the same text:

- a single bare ``pyahocorasick`` pass with the same phrase keys over the
  folded compact text (the scan limit: what matching alone costs);
- the PhraseMatcher (folding + scan + boundary checks + longest match);
- the whole mentions stage (matcher + roles, binding, people, anaphors).

Run: ``.venv/bin/python bench/bench_entities.py [--mb 10]``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import ahocorasick

from fehrest.entities import find_mentions, get_registry
from fehrest.entities.fold import compact, fold_key
from fehrest.model import TextLayer

ROOT = Path(__file__).resolve().parents[1]


def load_corpus(megabytes: float) -> list[str]:
    """Return the dev articles repeated until they reach ``megabytes`` of UTF-8."""
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "dev").glob("*.txt"))]
    seed = ROOT / ".." / "shared" / "seed"
    articles += [p.read_text(encoding="utf-8") for p in sorted(seed.glob("*[0-9a-f].txt"))]
    if not articles:
        raise SystemExit("no dev corpus found under corpus/dev")
    target = int(megabytes * 1_000_000)
    docs: list[str] = []
    size = 0
    while size < target:
        for text in articles:
            docs.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="megabytes of text (default 10)")
    args = parser.parse_args()

    start = time.perf_counter()
    registry = get_registry()
    load_seconds = time.perf_counter() - start
    docs = load_corpus(args.mb)
    total_bytes = sum(len(d.encode("utf-8")) for d in docs)

    bare = ahocorasick.Automaton()
    for phrase, _ in registry.phrases:
        key = fold_key(phrase)
        if key:
            bare.add_word(key, len(key))
    bare.make_automaton()
    keys = [compact(d).key for d in docs]
    start = time.perf_counter()
    bare_hits = sum(1 for key in keys for _ in bare.iter(key))
    bare_seconds = time.perf_counter() - start

    start = time.perf_counter()
    matches = sum(len(registry.matcher.find(d)) for d in docs)
    matcher_seconds = time.perf_counter() - start

    start = time.perf_counter()
    mentions = 0
    for d in docs:
        layer = TextLayer(normalized=d, offsets=tuple(range(len(d) + 1)))
        mentions += len(find_mentions(layer, d, registry))
    stage_seconds = time.perf_counter() - start

    mb = total_bytes / 1e6
    print(f"entities benchmark: {len(docs)} documents, {mb:.1f} MB; register built in {load_seconds:.2f} s")
    print(f"{'step':<34}{'seconds':>9}{'MB/s':>8}{'items':>10}{'items/s':>11}{'× bare':>8}")
    rows = [
        ("bare pyahocorasick pass (peer)", bare_seconds, bare_hits),
        ("PhraseMatcher.find", matcher_seconds, matches),
        ("mentions stage (find_mentions)", stage_seconds, mentions),
    ]
    for name, seconds, items in rows:
        print(
            f"{name:<34}{seconds:>9.2f}{mb / seconds:>8.2f}{items:>10}{items / seconds:>11.0f}"
            f"{seconds / bare_seconds:>8.1f}"
        )


if __name__ == "__main__":
    main()
