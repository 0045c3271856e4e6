"""Benchmark the Persian normaliser against hazm's and shekar's, in one run.

    .venv/bin/python bench/bench_text.py

The peers run in their own venvs (bench/.env-peers/, built by
bench/text/setup_peers.sh, which `make bench` calls first) through
bench/text/run_peer.py; a peer whose venv is missing is reported as such.

Measured for each normaliser on the same texts:

- the seed article (ZWNJs lost): ZWNJs restored out of those its correct
  version has (the 15 of zwnj.tsv; the forms of zwnj-either.tsv may go either
  way), false word edits (a gap between two letters changed in a way the
  correct text does not have; letter variants, digits and ۀ do not count),
  spacing edits next to punctuation (counted apart), and whether the Dari
  month in "۲۷ می در" is left alone;
- the Persian articles of corpus/dev with every ZWNJ stripped: the share of
  tokens that come back exactly;
- speed: characters per second on the seed repeated to about 2 MB (best of
  a few rounds).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from fehrest.text import fold_key, normalize  # noqa: E402
from fehrest.text.evaluate import score_gaps, strip_zwnj, token_accuracy  # noqa: E402

SEED = ROOT.parent / "shared" / "seed" / "000_95124228fc6d7938"
CORPUS = ROOT / "corpus" / "dev"
PEERS = ROOT / "bench" / ".env-peers"
TIMED_CHARS = 2_000_000


@dataclass
class Result:
    name: str
    version: str
    restored: int = 0
    required: int = 0
    false_edits: tuple[str, ...] = ()
    punctuation: int = 0
    month_kept: bool = False
    tokens_ok: int = 0
    tokens: int = 0
    chars_per_second: float = 0.0


def corpus_pairs() -> list[tuple[str, str]]:
    """(correct text, stripped text) for every Persian article of corpus/dev."""
    pairs = []
    for path in sorted(CORPUS.glob("fa-*.txt")):
        gold = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
        source = CORPUS / "zwnj" / path.name if gold.get("zwnj_stripped") else path
        correct = source.read_text(encoding="utf-8")
        pairs.append((correct, strip_zwnj(correct)))
    return pairs


def score(name: str, version: str, outputs: list[str], seconds: float, timed: int, inputs: Inputs) -> Result:
    seed_out, corpus_out = outputs[0], outputs[1:]
    gaps = score_gaps(inputs.seed, seed_out, inputs.correct, inputs.either)
    result = Result(
        name, version, gaps.restored, gaps.required, gaps.false_word_edits, gaps.punctuation_edits
    )
    result.month_kept = "27 می در" in fold_key(seed_out.replace("\u200c", "<zwnj>"))
    for (correct, _), out in zip(inputs.corpus, corpus_out, strict=True):
        ok, total = token_accuracy(correct, out)
        result.tokens_ok += ok
        result.tokens += total
    result.chars_per_second = timed / seconds
    return result


@dataclass
class Inputs:
    seed: str
    correct: str
    either: list[str]
    corpus: list[tuple[str, str]]
    timed: str

    @property
    def texts(self) -> list[str]:
        return [self.seed] + [stripped for _, stripped in self.corpus]


def load_inputs() -> Inputs:
    seed = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    correct = SEED.with_suffix(".zwnj.txt").read_text(encoding="utf-8")
    either_rows = SEED.with_suffix(".zwnj-either.tsv").read_text(encoding="utf-8").splitlines()
    either = [row.split("\t")[0] for row in either_rows if row and not row.startswith("#")]
    timed = seed * (TIMED_CHARS // len(seed) + 1)
    return Inputs(seed, correct, either, corpus_pairs(), timed)


def run_ours(inputs: Inputs, rounds: int = 3) -> Result:
    from importlib.metadata import version

    run: Callable[[str], object] = normalize
    outputs = [normalize(text).normalized for text in inputs.texts]
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run(inputs.timed)
        best = min(best, time.perf_counter() - start)
    return score("fehrest", version("fehrest"), outputs, best, len(inputs.timed), inputs)


def run_peer(name: str, inputs: Inputs, rounds: int = 2) -> Result | str:
    python = PEERS / name / "bin" / "python"
    if not python.exists():
        return f"{name}: no venv at {python.parent.parent} (run bench/text/setup_peers.sh)"
    job = json.dumps({"texts": inputs.texts, "timed": inputs.timed, "rounds": rounds}, ensure_ascii=False)
    proc = subprocess.run(
        [str(python), str(ROOT / "bench" / "text" / "run_peer.py"), name],
        input=job,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        return f"{name}: failed: {proc.stderr.strip().splitlines()[-1:]}"
    reply = json.loads(proc.stdout)
    return score(name, reply["version"], reply["outputs"], reply["seconds"], len(inputs.timed), inputs)


def print_table(results: list[Result], baseline: Result | None) -> None:
    head = (
        f"{'normaliser':<16}{'seed ZWNJ':>10}{'false':>7}{'punct':>7}{'month':>7}"
        f"{'corpus tokens':>15}{'Mchar/s':>9}{'× hazm':>8}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        ratio = f"{r.chars_per_second / baseline.chars_per_second:.1f}" if baseline else "—"
        print(
            f"{r.name + ' ' + r.version:<16}{f'{r.restored}/{r.required}':>10}{len(r.false_edits):>7}"
            f"{r.punctuation:>7}{'kept' if r.month_kept else 'JOINED':>7}"
            f"{f'{100 * r.tokens_ok / r.tokens:.2f}%':>15}{r.chars_per_second / 1e6:>9.2f}{ratio:>8}"
        )


def main() -> None:
    inputs = load_inputs()
    print(
        f"seed: {len(inputs.seed)} chars; corpus/dev: {len(inputs.corpus)} Persian articles, ZWNJ stripped; "
        f"timed text: {len(inputs.timed) / 1e6:.1f} M chars"
    )
    results = [run_ours(inputs)]
    for name in ("hazm", "shekar"):
        peer = run_peer(name, inputs)
        if isinstance(peer, str):
            print(peer)
        else:
            results.append(peer)
    baseline = next((r for r in results if r.name == "hazm"), None)
    print()
    print_table(results, baseline)
    for r in results:
        if r.false_edits:
            print(f"\n{r.name} false word edits on the seed (∅ joined, ␠ space, ⟨zwnj⟩):")
            for edit in r.false_edits:
                print(f"  {edit}")


if __name__ == "__main__":
    main()
