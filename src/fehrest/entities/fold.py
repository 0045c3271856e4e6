"""Fold text to a matching key that forgives what news text gets wrong.

Folding is one character to one character (``str.translate``), so a folded
string lines up with its source and boundary checks can look at either. What
it forgives:

- Arabic and Persian letter variants (ي/ی، ك/ک، ۀ/ة/ه، أ/إ/آ/ا، ؤ/و، ئ/ی),
  Urdu and Pashto forms of the same letters, Persian and Arabic digits;
- case and Latin accents; Cyrillic ё;
- lost or extra ZWNJ, diacritics and tatweel (they become *transparent*);
- missing or extra spaces (spaces are dropped from the compact key);
- punctuation glued inside a word on purpose (``ط.ا.ل.ب.ا.ن``, ``Hez-bollah``).

The compact key keeps only letters and digits, plus a *barrier* character
for free-standing punctuation (a comma, a full stop before a space, quotes,
brackets, a line break) so that no phrase matches across it.

:func:`fold_key` is the key of a phrase; :func:`compact` is the key of a
text together with the map back to raw offsets.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Marks in the folded (same length) text.
SPACE = "\x01"  # whitespace and glued punctuation: dropped, a word boundary
JOINER = "\x03"  # ZWNJ / ZWJ: dropped, joins the parts of one word
TRANSPARENT = "\x04"  # diacritics, tatweel, bidi marks: dropped, ignored
BARRIER = "\x02"  # free-standing punctuation: kept in the key, never matched

_LETTER_VARIANTS = {
    "ي": "ی",
    "ى": "ی",
    "ئ": "ی",
    "ے": "ی",
    "ۓ": "ی",
    "ې": "ی",
    "ۍ": "ی",
    "ك": "ک",
    "ڪ": "ک",
    "ۀ": "ه",
    "ة": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "ە": "ه",
    "ۂ": "ه",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
    "ۇ": "و",
    "ё": "е",
    "Ё": "е",
}

_JOINERS = "\u200c\u200d"
# An apostrophe separates like a space: "Pakistan's", "Workers' Party", "Hay'at".
_APOSTROPHES = "'\u2019\u02bc\u2018"
_TRANSPARENT_CHARS = "\u0640\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u00ad\u0621\ufeff"


@cache
def _table() -> dict[int, str]:
    """Build the translation table for the Basic Multilingual Plane once."""
    table: dict[int, str] = {}
    for code in range(0x10000):
        ch = chr(code)
        out = _fold_char(ch)
        if out != ch:
            table[code] = out
    return table


def _fold_char(ch: str) -> str:
    if ch in _LETTER_VARIANTS:
        return _LETTER_VARIANTS[ch]
    if ch in _JOINERS:
        return JOINER
    if ch in _APOSTROPHES:
        return SPACE
    if ch in _TRANSPARENT_CHARS:
        return TRANSPARENT
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf"):
        return TRANSPARENT
    if ch.isspace() or category in ("Zs", "Zl", "Zp", "Cc"):
        return SPACE
    if category == "Nd":
        return str(unicodedata.digit(ch))
    if category.startswith("L"):
        lower = ch.lower()
        if len(lower) != 1:
            lower = ch
        decomposed = unicodedata.normalize("NFD", lower)
        base = decomposed[0]
        # Strip accents from Latin letters only: Arabic-script letters with
        # marks (پ، چ، ژ…) are distinct letters, not accented ones.
        if len(decomposed) > 1 and base.isascii():
            return base
        return lower
    if category.startswith(("P", "S")) or category == "No":
        return BARRIER
    return ch


_GLUED = re.compile(r"(?<=\w)[" + BARRIER + TRANSPARENT + r"]+(?=\w)")
_KEPT_RUN = re.compile(r"[^" + SPACE + JOINER + TRANSPARENT + r"]+")


def fold_text(text: str) -> str:
    """Return ``text`` folded character by character (same length as ``text``).

    Punctuation glued between two word characters becomes a word boundary;
    other punctuation stays a barrier.
    """
    folded = text.translate(_table())
    if BARRIER in folded:
        folded = _GLUED.sub(_blank_glued, folded)
    return folded


def _blank_glued(match: re.Match[str]) -> str:
    return "".join(TRANSPARENT if ch == TRANSPARENT else SPACE for ch in match.group())


def fold_key(s: str, *, keep_barriers: bool = False) -> str:
    """Return the compact matching key of a phrase: folded letters and digits only.

    With ``keep_barriers`` free-standing punctuation stays in the key as a
    barrier, so a phrase written with brackets (``ISIL (Da'esh) and Al-Qaida
    Sanctions Committee``) matches the same text with its brackets.
    """
    folded = fold_text(unicodedata.normalize("NFC", s))
    dropped = (SPACE, JOINER, TRANSPARENT) if keep_barriers else (SPACE, JOINER, TRANSPARENT, BARRIER)
    return "".join(ch for ch in folded if ch not in dropped)


@dataclass(frozen=True, slots=True)
class Compact:
    """A text's compact key with the map from key positions back to raw offsets."""

    key: str
    folded: str
    run_keys: tuple[int, ...]
    run_raws: tuple[int, ...]

    def raw_offset(self, key_pos: int) -> int:
        """Return the raw offset of the key character at ``key_pos``."""
        i = bisect.bisect_right(self.run_keys, key_pos) - 1
        return self.run_raws[i] + (key_pos - self.run_keys[i])


def compact(text: str) -> Compact:
    """Fold ``text`` and drop spaces, joiners and transparent marks, keeping the offset map."""
    folded = fold_text(text)
    pieces: list[str] = []
    run_keys: list[int] = []
    run_raws: list[int] = []
    position = 0
    for match in _KEPT_RUN.finditer(folded):
        piece = match.group()
        pieces.append(piece)
        run_keys.append(position)
        run_raws.append(match.start())
        position += len(piece)
    return Compact("".join(pieces), folded, tuple(run_keys), tuple(run_raws))


def is_word_char(ch: str) -> bool:
    """Tell whether a folded character is part of a word (a letter or digit)."""
    return ch.isalnum()
