"""An aggressive matching key for gazetteers and trigger lists.

:func:`fold_key` is *not* a normaliser: it loses information on purpose so
that spelling variants meet. It does not keep lengths; match on keys, then
map back through a matcher's own index.

What it does, in order:

- letters: ي ى → ی, ك → ک, ۀ ة ھ ہ ە → ه, أ إ آ ٱ → ا, ؤ → و, ئ → ی
  (so رئیس and رییس meet);
- drops ZWNJ, ZWJ, tatweel, harakat, superscript alef, hamza above/below and
  madda marks, and invisible direction marks (so رئیس‌جمهور and رئیسجمهور meet;
  the space in رئیس جمهور stays a space);
- digits of every script → ASCII;
- casefolds (Latin), and turns every run of white space into one space, trimmed.
"""

from __future__ import annotations

import re
import unicodedata

_LETTERS = {
    "ي": "ی",
    "ى": "ی",
    "ك": "ک",
    "ۀ": "ه",
    "ة": "ه",
    "ھ": "ه",
    "ہ": "ه",
    "ە": "ه",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
    "ئ": "ی",
}
_DROP = "\u200c\u200d\u0640\u0670\u0653\u0654\u0655\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff\u00ad"
_TABLE: dict[int, str | None] = {ord(k): v for k, v in _LETTERS.items()}
_TABLE.update({ord(ch): None for ch in _DROP})
_TABLE.update(dict.fromkeys(range(0x064B, 0x0653)))
_TABLE.update({code: str(code - 0x0660) for code in range(0x0660, 0x066A)})
_TABLE.update({code: str(code - 0x06F0) for code in range(0x06F0, 0x06FA)})
_SPACE = re.compile(r"\s+")


def fold_key(s: str) -> str:
    """Return the matching key of ``s`` (see the module docstring for the rules)."""
    # NFKC first: presentation forms and ligatures become plain letters.
    folded = unicodedata.normalize("NFKC", s).translate(_TABLE)
    # Other scripts' decimal digits (Devanagari, full-width…) become ASCII too.
    if not folded.isascii():
        folded = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in folded)
    return _SPACE.sub(" ", folded.casefold()).strip()
