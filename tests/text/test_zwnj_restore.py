"""ZWNJ restoration on the seed article and on corpus/dev, with ZWNJs stripped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fehrest.text import normalize_text
from fehrest.text.evaluate import score_gaps, strip_zwnj, token_accuracy
from fehrest.text.zwnj import analyse_word

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / ".." / "shared" / "seed" / "000_95124228fc6d7938"
CORPUS = ROOT / "corpus" / "dev"
ZWNJ = "\u200c"


@pytest.fixture(scope="module")
def seed_score() -> object:
    # CI lays ../shared beside the checkout; a missing seed is a broken set-up, not a pass.
    assert SEED.with_suffix(".txt").exists(), f"the seed is missing: {SEED}.txt (../shared beside the repo)"
    broken = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    correct = SEED.with_suffix(".zwnj.txt").read_text(encoding="utf-8")
    rows = SEED.with_suffix(".zwnj-either.tsv").read_text(encoding="utf-8").splitlines()
    either = [row.split("\t")[0] for row in rows if row and not row.startswith("#")]
    return score_gaps(broken, normalize_text(broken), correct, either)


def test_restore_seed_gets_back_98_percent(seed_score: object) -> None:
    assert seed_score.required >= 15  # type: ignore[attr-defined]
    assert seed_score.recall >= 0.98  # type: ignore[attr-defined]


def test_restore_seed_makes_no_false_word_edit(seed_score: object) -> None:
    assert seed_score.false_word_edits == ()  # type: ignore[attr-defined]


def _correct_persian_articles() -> list[Path]:
    articles = []
    for path in sorted(CORPUS.glob("fa-*.txt")):
        gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
        articles.append(CORPUS / "zwnj" / path.name if gold.get("zwnj_stripped") else path)
    return articles


def test_restore_corpus_tokens_come_back_97_percent() -> None:
    articles = _correct_persian_articles()
    assert articles, "corpus/dev has no Persian articles"
    same = total = 0
    for path in articles:
        correct = path.read_text(encoding="utf-8")
        ok, count = token_accuracy(correct, normalize_text(strip_zwnj(correct)))
        same += ok
        total += count
    assert same / total >= 0.97


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # continuous past with می
        ("میخوردند", f"می{ZWNJ}خوردند"),
        # negative continuous with نمی
        ("نمیشناسیم", f"نمی{ZWNJ}شناسیم"),
        # plural clitic with a possessive
        ("دوستهایشان", f"دوست{ZWNJ}هایشان"),
        # silent heh + copula
        ("خستهام", f"خسته{ZWNJ}ام"),
        # comparative after an adjective
        ("سادهتر", f"ساده{ZWNJ}تر"),
        # compound head after a known word
        ("سرمایهگذاری", f"سرمایه{ZWNJ}گذاری"),
        # a word starting with آ cannot be glued mid-word
        ("زیانآور", f"زیان{ZWNJ}آور"),
        # known words stay: میز (table), میلیون, تنها, بهتر, پاسداران
        ("میز", None),
        ("میلیون", None),
        ("تنها", None),
        ("بهتر", None),
        ("پاسداران", None),
        # plural after a non-joining letter needs no ZWNJ
        ("کشورها", None),
    ],
)
def test_analyse_word_table(word: str, expected: str | None) -> None:
    assert analyse_word(word) == expected
