"""Every time data file loads, is NFC, and is complete."""

from __future__ import annotations

import unicodedata

import pytest

from fehrest.resources import data_path, load_yaml
from fehrest.time.lexicon import fold, load_lexicon

LANGUAGES = ["fa", "en"]


def words(node: object) -> list[str]:
    """Every string in a YAML tree (keys and values)."""
    if isinstance(node, dict):
        return [w for k, v in node.items() for w in [*words(k), *words(v)]]
    if isinstance(node, list):
        return [w for v in node for w in words(v)]
    return [node] if isinstance(node, str) else []


@pytest.mark.parametrize("language", LANGUAGES)
def test_data_file_is_nfc_with_a_header(language: str) -> None:
    text = data_path(language, "time.yaml").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert text.startswith("# ")


@pytest.mark.parametrize("language", LANGUAGES)
def test_data_word_lists_hold_only_strings(language: str) -> None:
    data = load_yaml(language, "time.yaml")
    for key, value in data.items():
        if isinstance(value, list):
            assert all(isinstance(w, str) for w in value), key  # YAML reads a bare on/no as a boolean


@pytest.mark.parametrize("language", LANGUAGES)
def test_data_months_weekdays_ordinals_are_complete(language: str) -> None:
    data = load_yaml(language, "time.yaml")
    for calendar, table in data["months"].items():
        assert sorted(table) == list(range(1, 13)), calendar
    assert sorted(data["weekdays"]) == list(range(1, 8))
    assert sorted(data["ordinals"]) == list(range(1, 32))


@pytest.mark.parametrize("language", LANGUAGES)
def test_data_spellings_are_unambiguous(language: str) -> None:
    # one folded spelling must not name two months (or two weekdays)
    data = load_yaml(language, "time.yaml")
    months = [fold(w) for table in data["months"].values() for ws in table.values() for w in ws]
    assert len(months) == len(set(months))
    weekdays = [fold(w) for ws in data["weekdays"].values() for w in ws]
    assert len(weekdays) == len(set(weekdays))


@pytest.mark.parametrize("language", LANGUAGES)
def test_data_context_lists_name_real_months(language: str) -> None:
    lex = load_lexicon(language)
    data = load_yaml(language, "time.yaml")
    for word in data["months_need_context"]:
        assert fold(word) in lex.months, word
    for word in data["weekdays_need_context"]:
        assert fold(word) in lex.weekdays, word


@pytest.mark.parametrize("language", LANGUAGES)
def test_data_plain_lists_are_sorted(language: str) -> None:
    data = load_yaml(language, "time.yaml")
    for key in (
        "months_need_context",
        "prepositions",
        "qualifiers",
        "vague",
        "range_start",
        "count_words_after",
    ):
        assert data[key] == sorted(data[key]), key


def test_data_persian_has_every_word_once_folded() -> None:
    assert all(w == w.strip() for w in words(load_yaml("fa", "time.yaml")))
