"""Language identification: Persian variants, English, others; never raises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fehrest.language import identify_language, persian_variant
from fehrest.resources import load_tsv


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Afghan months (جوزا) and Gregorian spelling (جون), Afghan institutions (ولسوالی, شاروالی).
        ("در ماه جوزا و تا پایان جون، شاروالی کابل کار ولسوالی‌ها را بررسی کرد و گزارش داد.", "fa-AF"),
        # Iranian months (خرداد, شهریور) and spellings (ژوئن).
        ("در خرداد امسال و تا پایان ژوئن، شهرداری تهران طرح تازه‌ای را برای شهریور آماده کرد.", "fa-IR"),
        # Neutral Persian: no hint either way.
        ("وزیر خارجه امروز با همتای خود دیدار کرد و درباره همکاری‌های دو کشور گفتگو کرد.", "fa"),
        # English.
        ("The foreign minister met his counterpart today to discuss trade between the two countries.", "en"),
        # Russian: stored, not read.
        ("Министр иностранных дел сегодня встретился с коллегой и обсудил торговлю двух стран.", "ru"),
        # Pashto, told by its own letters (ښ, ړ, ګ, ې).
        ("د بهرنیو چارو وزیر نن له خپل همکار سره ولیدل او د دواړو هیوادونو ترمنځ سوداګرۍ خبرې وکړې.", "ps"),
    ],
)
def test_identify_language_table(text: str, expected: str) -> None:
    assert identify_language(text) == expected


def test_identify_language_declared_variant_wins_for_persian() -> None:
    text = "وزیر خارجه امروز با همتای خود دیدار کرد و درباره همکاری‌های دو کشور گفتگو کرد."
    assert identify_language(text, "fa-AF") == "fa-AF"
    # A template's lang="en" does not make a Persian article English.
    assert identify_language(text, "en") == "fa"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A month that is also a common word (دی, مهر, بهمن; جدی, میزان) tells the
        # variant only after a day number.
        ("وزیر خارجه روز ۱۶ بهمن گفت که این تصمیم در ۲۰ دی گرفته شده بود.", "fa-IR"),
        ("وزیر خارجه روز 7 جدی گفت که این تصمیم در ۲۰ میزان گرفته شده بود.", "fa-AF"),
        # The same words used as words: no hint.
        ("بهمن در کوه آمد و مهر مادری او جدی بود؛ دی روز سردی بود.", "fa"),
    ],
)
def test_persian_variant_reads_months_after_a_day_number(text: str, expected: str) -> None:
    assert persian_variant(text) == expected


def test_dialect_data_is_well_formed() -> None:
    rows = load_tsv("fa", "dialect.tsv")
    assert all(len(r) == 4 and r[1] in ("AF", "IR") for r in rows)
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms))


@given(st.text(max_size=200))
def test_identify_language_never_raises(text: str) -> None:
    assert isinstance(identify_language(text), str)
    assert persian_variant(text) in ("fa", "fa-AF", "fa-IR")
