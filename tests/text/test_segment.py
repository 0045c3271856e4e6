"""Sentences and tokens, in raw and normalised offsets."""

from __future__ import annotations

from fehrest.model import Document
from fehrest.text import annotate_text

ZWNJ = "\u200c"


def _sentences(text: str, language: str = "fa") -> list[str]:
    doc = annotate_text(Document(text=text, source="t", language=language))
    layer = doc.require_text()
    return [text[s.start : s.end] for s in layer.sentences]


def test_sentences_split_at_lines_and_stops() -> None:
    text = "خبر تازه\nدولت گفت. مجلس پرسید؟ پاسخ نداد!\n\n  پایان  "
    assert _sentences(text) == ["خبر تازه", "دولت گفت.", "مجلس پرسید؟", "پاسخ نداد!", "پایان"]


def test_sentences_keep_numbers_abbreviations_urls_and_quotes() -> None:
    text = 'Mr. Smith paid 12.5 dollars to the U.S. office. See https://a.org/x.html now. "It is over." Yes.'
    assert _sentences(text, "en") == [
        "Mr. Smith paid 12.5 dollars to the U.S. office.",
        "See https://a.org/x.html now.",
        '"It is over."',
        "Yes.",
    ]


def test_sentences_quoted_persian_sentence_ends_after_quote() -> None:
    text = 'او گفت: "این کار درست است." سپس رفت.'
    assert _sentences(text) == ['او گفت: "این کار درست است."', "سپس رفت."]


def test_sentences_carry_raw_line_numbers() -> None:
    text = "سطر یک\nسطر دو. جملهٔ دوم\nسطر سه"
    layer = annotate_text(Document(text=text, source="t", language="fa-AF")).require_text()
    assert [s.line for s in layer.sentences] == [1, 2, 2, 3]


def test_tokens_are_normalised_and_point_to_raw() -> None:
    text = "گروههای ۱۲.۵ درصد، a@b.com"
    layer = annotate_text(Document(text=text, source="t", language="fa")).require_text()
    assert [t.text for t in layer.tokens] == [f"گروه{ZWNJ}های", "12.5", "درصد", "،", "a@b.com"]
    assert [text[t.start : t.end] for t in layer.tokens] == ["گروههای", "۱۲.۵", "درصد", "،", "a@b.com"]


def test_tokens_english_abbreviations_and_urls() -> None:
    text = "The U.S. said https://x.org/a?b=1 works."
    layer = annotate_text(Document(text=text, source="t", language="en")).require_text()
    assert [t.text for t in layer.tokens] == ["The", "U.S.", "said", "https://x.org/a?b=1", "works", "."]
