"""The phrase matcher forgives damaged text and keeps raw offsets exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fehrest.entities.fold import compact, fold_key, fold_text
from fehrest.entities.matcher import PhraseMatcher

PHRASES = {
    "به رسمیت شناختن": "recognise",
    "وزیر خارجه": "foreign minister",
    "قزاقستان": "KZ",
    "امارت اسلامی افغانستان": "taliban",
    "طالبان": "taliban",
    "Hezbollah": "hezbollah",
    "The Base": "the-base",
}
MATCHER = PhraseMatcher(PHRASES, exact_case=["The Base"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ZWNJ lost between the parts of a compound
        ("سخنان وزیرخارجه امروز", "وزیرخارجه"),
        # Arabic yeh and kaf instead of Persian ones
        ("گفت‌وگو با وزير خارجه", "وزير خارجه"),
        # heh with hamza (ۀ) as ezafe at the end of a word inside the phrase
        ("به گفتۀ وزیر خارجۀ کشور", "وزیر خارجۀ"),
        # a ZWNJ put where none belongs
        ("امارت‌اسلامی افغانستان اعلام کرد", "امارت‌اسلامی افغانستان"),
        # letters split by dots to dodge filters
        ("هواداران ط.ا.ل.ب.ا.ن گفتند", "ط.ا.ل.ب.ا.ن"),
        # two neighbouring letters swapped in a long phrase (رسیمت for رسمیت)
        ("برای به رسیمت شناختن آن", "به رسیمت شناختن"),
        # an adjective suffix glued to the name
        ("مقام‌های قزاقستانی گفتند", "قزاقستان"),
        # English with a hyphen inside the name
        ("a statement by Hez-bollah on Monday", "Hez-bollah"),
        # an English possessive
        ("Hezbollah's armed wing", "Hezbollah"),
    ],
)
def test_matcher_finds_damaged_phrases(text: str, expected: str) -> None:
    found = [text[m.start : m.end] for m in MATCHER.find(text)]
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        # the name inside a longer word is not the name
        "طالبانیسم",
        # a phrase must not run across a comma
        "وزیر، خارجه",
        # case-sensitive phrase in lower case is a common noun
        "at the base of the hill",
    ],
)
def test_matcher_rejects_non_matches(text: str) -> None:
    assert MATCHER.find(text) == []


def test_matcher_prefers_longest_match() -> None:
    matcher = PhraseMatcher({"تحریک طالبان پاکستان": "ttp", "طالبان": "taliban", "پاکستان": "PK"})
    found = matcher.find("گروه تحریک طالبان پاکستان حمله کرد")
    assert [m.payload for m in found] == ["ttp"]


@pytest.mark.parametrize(
    "text",
    [
        "the ISIL (Da'esh) and Al-Qaida sanctions committee added him",
        "the ISIL ( Da’esh ) and al-Qaida Sanctions Committee added him",
    ],
)
def test_phrase_with_brackets_matches_text_with_brackets(text: str) -> None:
    matcher = PhraseMatcher(
        {"ISIL (Da'esh) and Al-Qaida Sanctions Committee": "1267", "ISIL": "is", "Al-Qaida": "aq"}
    )
    found = matcher.find(text)
    assert [m.payload for m in found] == ["1267"]
    assert text[found[0].start : found[0].end].lower().endswith("sanctions committee")


def test_phrase_with_a_free_standing_dash_matches_the_text_with_it() -> None:
    matcher = PhraseMatcher({"سکوی مخالفان – برای زندگی": "opzzh", "برای": "x"}, typos=False)
    found = matcher.find("فعالیت حزب «سکوی مخالفان – برای زندگی» را ممنوع کرد")
    assert [m.payload for m in found] == ["opzzh"]


def test_phrase_with_brackets_also_matches_without_them() -> None:
    matcher = PhraseMatcher({"ISIL (Da'esh) and Al-Qaida Sanctions Committee": "1267", "ISIL": "is"})
    assert [m.payload for m in matcher.find("ISIL Da'esh and Al-Qaida Sanctions Committee")] == ["1267"]


def test_matcher_reports_suffix() -> None:
    found = MATCHER.find("دولت قزاقستانی")
    assert found[0].suffix == fold_key("ی")


@given(st.text(alphabet="طالبان قزاقستانی،.‌ وزیرخارجهHezbolah'-\n", max_size=80))
def test_matcher_offsets_are_valid_and_disjoint(text: str) -> None:
    found = MATCHER.find(text)
    previous_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= previous_end
        previous_end = m.end


@given(st.text(max_size=200))
def test_fold_text_keeps_length_and_compact_maps_back(text: str) -> None:
    assert len(fold_text(text)) == len(text)
    comp = compact(text)
    for i in range(len(comp.key)):
        raw = comp.raw_offset(i)
        assert 0 <= raw < len(text)
        assert comp.folded[raw] == comp.key[i]


@given(st.text(max_size=60))
def test_fold_key_is_idempotent(text: str) -> None:
    assert fold_key(fold_key(text)) == fold_key(text)
