"""Benchmark: Fehrest's time recogniser against dateparser on news time expressions.

Reads ``bench/data/time_expressions.tsv`` (expression, language, reference
date, expected value, expected precision) and, for each engine, prints the
share of expressions resolved to the expected value and the expressions it
handles per second, with the ratio against dateparser measured in this run.

Scoring. Ours must give the expected value *and* precision. dateparser returns
a datetime without precision, so it is scored leniently: its result is cut to
the expected precision (a right day for "in March 2005" counts as 2005-03). A
vague row ("-") is right when the engine gives no date. dateparser runs as the
issue asks: ``dateparser.parse(expr, languages=[lang], settings={RELATIVE_BASE:
reference, PREFER_DATES_FROM: past})``; its ``search_dates`` (which finds a
date inside a longer phrase) is reported too, as its best mode may be that one.

Run: ``.venv/bin/python bench/bench_time.py``
"""

from __future__ import annotations

import datetime as dt
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fehrest.time import find_times

TABLE = Path(__file__).resolve().parent / "data" / "time_expressions.tsv"
MIN_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Row:
    """One expression of the table."""

    expression: str
    language: str
    reference: dt.date
    value: str
    precision: str


Prediction = tuple[str, str] | None  # (value, precision), or None for "no date"
Engine = Callable[[Row], Prediction]


def load_rows() -> list[Row]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        expression, language, reference, value, precision = line.split("\t")
        rows.append(Row(expression, language, dt.date.fromisoformat(reference), value, precision))
    return rows


def ours(row: Row) -> Prediction:
    for t in find_times(row.expression, row.language, row.reference):
        if t.date is not None:
            return t.date.value, t.date.precision
    return None


def _cut(moment: dt.datetime | None, precision: str) -> Prediction:
    if moment is None:
        return None
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    fmt = formats.get(precision, "%Y-%m-%d")
    return moment.strftime(fmt), precision


def _settings(row: Row) -> dict[str, object]:
    base = dt.datetime.combine(row.reference, dt.time(12))
    return {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}


def dateparser_parse(row: Row) -> Prediction:
    import dateparser

    return _cut(
        dateparser.parse(row.expression, languages=[row.language], settings=_settings(row)), row.precision
    )


def dateparser_search(row: Row) -> Prediction:
    from dateparser.search import search_dates

    found = search_dates(row.expression, languages=[row.language], settings=_settings(row))
    return _cut(found[0][1] if found else None, row.precision)


def correct(row: Row, prediction: Prediction) -> bool:
    if row.value == "-":
        return prediction is None
    return prediction == (row.value, row.precision)


@dataclass(frozen=True, slots=True)
class Score:
    name: str
    right: dict[str, int]
    total: dict[str, int]
    per_second: float

    def accuracy(self, language: str | None = None) -> float:
        if language is None:
            return sum(self.right.values()) / max(1, sum(self.total.values()))
        return self.right.get(language, 0) / max(1, self.total.get(language, 0))


def run(name: str, engine: Engine, rows: list[Row]) -> tuple[Score, list[Row]]:
    right: dict[str, int] = {}
    total: dict[str, int] = {}
    misses: list[Row] = []
    for row in rows:  # first pass: score (and warm caches)
        ok = correct(row, engine(row))
        right[row.language] = right.get(row.language, 0) + ok
        total[row.language] = total.get(row.language, 0) + 1
        if not ok:
            misses.append(row)
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < MIN_SECONDS:
        for row in rows:
            engine(row)
        done += len(rows)
    elapsed = time.perf_counter() - start
    return Score(name, right, total, done / elapsed), misses


def main() -> None:
    warnings.filterwarnings("ignore")
    rows = load_rows()
    n_fa = sum(r.language == "fa" for r in rows)
    print(f"{len(rows)} expressions ({n_fa} Persian, {len(rows) - n_fa} English) from {TABLE.name}\n")
    results = []
    for name, engine in (
        ("fehrest.time", ours),
        ("dateparser.parse", dateparser_parse),
        ("dateparser search_dates", dateparser_search),
    ):
        results.append(run(name, engine, rows))
    peer = results[1][0]
    header = f"{'engine':<26}{'all':>8}{'fa':>8}{'en':>8}{'expr/s':>12}{'speed vs dateparser':>22}"
    print(header)
    print("-" * len(header))
    for score, _ in results:
        print(
            f"{score.name:<26}{score.accuracy():>8.1%}{score.accuracy('fa'):>8.1%}{score.accuracy('en'):>8.1%}"
            f"{score.per_second:>12,.0f}{score.per_second / peer.per_second:>21.1f}x"
        )
    misses = results[0][1]
    if misses:
        print("\nfehrest.time misses:")
        for row in misses:
            print(
                f"  {row.expression!r} ({row.language}, ref {row.reference}):"
                f" expected {row.value} {row.precision}, got {ours(row)}"
            )


if __name__ == "__main__":
    main()
