"""Every text data file loads, is NFC, and keeps its columns."""

from __future__ import annotations

import unicodedata

import pytest

from fehrest.resources import data_path, load_tsv
from fehrest.text.chars import persian_table
from fehrest.text.zwnj import load_lexicon

FILES = [
    ("fa", "normalize_chars.tsv", 2),
    ("fa", "normalize_abbreviations.tsv", 2),
    ("fa", "zwnj_affixes.tsv", 2),
    ("fa", "zwnj_compounds.tsv", 2),
    ("fa", "zwnj_lexicon.tsv", 3),
    ("fa", "zwnj_verbs.tsv", 2),
    ("fa", "zwnj_words.tsv", 2),
]


@pytest.mark.parametrize(("lang", "name", "columns"), FILES)
def test_text_data_file_is_nfc_with_columns(lang: str, name: str, columns: int) -> None:
    raw = data_path(lang, name).read_text(encoding="utf-8")
    assert raw.startswith("#"), "a header says where the facts come from"
    assert unicodedata.normalize("NFC", raw) == raw
    for row in load_tsv(lang, name):
        assert len(row) >= columns, row


def test_text_data_hand_table_is_sorted_and_only_adds_zwnj() -> None:
    rows = load_tsv("fa", "zwnj_words.tsv")
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    for broken, fixed in rows:
        assert fixed.replace("\u200c", "") == broken


def test_text_data_compiles() -> None:
    assert persian_table().translate
    lex = load_lexicon()
    assert lex.verb_forms
    assert lex.words
    assert lex.table


def test_text_data_english_abbreviations_load() -> None:
    lines = data_path("en", "abbreviations.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    assert "Mr." in lines
