"""The Persian normaliser: letters, digits, spacing, ZWNJ, and its offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fehrest.text import normalize, normalize_text

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Arabic yeh and kaf become Persian ones
        ("كتاب علي", "کتاب علی"),
        # every digit becomes ASCII, Persian and Arabic-Indic alike
        ("سال ۱۴۰۳ و ٢٠٢٤", "سال 1403 و 2024"),
        # tatweel and harakat are decoration
        ("مـــدرسهٔ عِلم", "مدرسۀ علم"),
        # ezafe on a final heh, guillemets and ة stay as they are
        ("خانۀ «دولة»", "خانۀ «دولة»"),
        # no space before a Persian comma, one after it
        ("ما ،شما", "ما، شما"),
        # no space inside brackets around Persian words
        ("( سازمان ملل )", "(سازمان ملل)"),
        # a run of spaces is one
        ("دو   کلمه", "دو کلمه"),
        # verb prefix می and نمی before a verb form
        ("او میرود و نمیماند", f"او می{ZWNJ}رود و نمی{ZWNJ}ماند"),
        # a preverb before می
        ("برمیگردند", f"برمی{ZWNJ}گردند"),
        # plural after a joining letter gets a ZWNJ, after a non-joining one none
        ("کتابها و دیوارها", f"کتاب{ZWNJ}ها و دیوارها"),
        # ای after a silent heh
        ("نامهای نوشت", f"نامه{ZWNJ}ای نوشت"),
        # present perfect after a participle
        ("آنان رفتهاند", f"آنان رفته{ZWNJ}اند"),
        # superlative after an adjective
        ("بزرگترین شهر", f"بزرگ{ZWNJ}ترین شهر"),
        # compounds from the table
        ("روز پنجشنبه", f"روز پنج{ZWNJ}شنبه"),
        # words that only look inflected stay: تنها (alone), میدان (square), بهترین
        ("تنها در میدان بهترین بود", "تنها در میدان بهترین بود"),
        # the Dari month می after a number or ماه is not a verb prefix
        ("در ۱۲ می گفت", "در 12 می گفت"),
        ("اواخر ماه می رفت", "اواخر ماه می رفت"),
        # but a spaced verb prefix elsewhere is joined
        ("ایشان می روند", f"ایشان می{ZWNJ}روند"),
        # a spaced plural suffix is joined
        ("کتاب ها", f"کتاب{ZWNJ}ها"),
        # به روز دوشنبه: never joined across the space
        ("به روز دوشنبه", "به روز دوشنبه"),
        # a ZWNJ that is already there is kept; stray ones go
        (f"می{ZWNJ}خواهم {ZWNJ}نه", f"می{ZWNJ}خواهم نه"),
    ],
)
def test_normalize_text_persian_table(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_english_keeps_every_character() -> None:
    raw = "The U.S.\u00a0said  so."
    layer = normalize(raw, "en")
    assert layer.normalized == "The U.S. said  so."
    assert layer.raw_span(0, len(layer.normalized)) == (0, len(raw))


def test_normalize_offsets_point_to_raw_characters() -> None:
    raw = "گروههای مـسلح ۲۷ می"
    layer = normalize(raw)
    norm = layer.normalized
    start = norm.index("مسلح")
    a, b = layer.raw_span(start, start + len("مسلح"))
    assert raw[a:b] == "مـسلح"
    word = norm.index("گروه")
    assert raw[slice(*layer.raw_span(word, word + len(f"گروه{ZWNJ}های")))] == "گروههای"
    assert layer.norm_position(raw.index("۲۷")) == norm.index("27")


# Persian-ish text built from letters, affix pieces, digits, marks and spaces,
# so that hypothesis reaches the rules and not only random code points.
_PIECES = st.sampled_from(
    [
        "می",
        "نمی",
        "ها",
        "های",
        "ه",
        "ای",
        "ترین",
        "کتاب",
        "گروه",
        "کند",
        "رفته",
        "اند",
        "سه",
        "شنبه",
        "ماه",
        " ",
        "  ",
        ZWNJ,
        "ـ",
        "\u064b",
        "\u0654",
        "ي",
        "ك",
        "۲",
        "٣",
        "،",
        ".",
        "(",
        ")",
        "«",
        "»",
        "\n",
        "x",
        "\u200f",
    ]
)
persian_like = st.lists(_PIECES, max_size=40).map("".join)
any_text = st.one_of(persian_like, st.text(max_size=60))


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_normalize_twice_is_once(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_normalize_offset_map_is_monotone_and_complete(raw: str) -> None:
    layer = normalize(raw)
    offsets = list(layer.offsets)
    assert len(offsets) == len(layer.normalized) + 1
    assert offsets[-1] == len(raw)
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(raw) for o in offsets)


@settings(max_examples=300, deadline=None)
@given(persian_like)
def test_normalize_words_map_back_to_raw_that_normalises_to_them(raw: str) -> None:
    layer = normalize(raw)
    norm = layer.normalized
    for line_start, line in _lines(norm):
        pos = 0
        for word in line.split(" "):
            start = line_start + pos
            pos += len(word) + 1
            if not word:
                continue
            a, b = layer.raw_span(start, start + len(word))
            assert normalize_text(raw[a:b]) == word


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


latin_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1)
url = st.builds(lambda host, path: f"https://{host}.org/{path}?q=1", latin_word, latin_word)
email = st.builds(lambda user, host: f"{user}@{host}.com", latin_word, latin_word)
number = st.one_of(
    st.integers(min_value=0).map(str), st.floats(min_value=0, max_value=1e9, allow_nan=False).map(str)
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(latin_word, url, email, number), min_size=1, max_size=8))
def test_normalize_latin_urls_emails_numbers_pass_through(parts: list[str]) -> None:
    text = " ".join(parts)
    assert normalize_text(text) == text
    # ... also inside Persian text
    assert normalize_text(f"گفت {text} است") == f"گفت {text} است"


@pytest.mark.parametrize(
    "raw",
    [
        "",  # empty
        ZWNJ * 5,  # only ZWNJs
        " \n \n",  # only white space
        "abc گروههای ۱۲ ΑΒΓ 中文 \U0001f600 ﷲ ﻻ",  # mixed scripts, ligatures, emoji
        "گروههای " * 150_000,  # a line of about 1 MB
    ],
)
def test_normalize_never_crashes(raw: str) -> None:
    layer = normalize(raw)
    assert layer.raw_span(0, len(layer.normalized))[1] <= len(raw) or not raw
