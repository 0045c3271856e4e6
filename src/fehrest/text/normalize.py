"""Normalise raw text and keep the map back to raw offsets.

Persian (``fa``) goes through three steps, each recorded as an
:class:`~fehrest.text.offsets.EditMap`:

1. characters: Arabic letter variants to Persian (ي→ی, ك→ک), every digit to
   ASCII, tatweel, harakat and invisible direction marks dropped, decomposed
   sequences composed (``ه`` + hamza → ``ۀ``), presentation forms unfolded;
2. spacing: one space between words, none before ``، ؛ ؟ . ! :`` or a closing
   bracket after a Persian letter, none inside brackets, a space after a
   Persian comma glued to the next word, no stray ZWNJ;
3. ZWNJ restoration (:mod:`fehrest.text.zwnj`).

Steps 1 and 2 repeat until nothing changes (a deleted tatweel can bring a
heh next to its hamza), which makes normalising twice the same as once.
Other languages get a light touch that changes no length: exotic spaces
become plain spaces.

Kept as they are, on purpose: ۀ, ة, ؤ, ئ, أ/إ/آ, quotes and guillemets, line
breaks. :func:`fehrest.text.fold_key` folds those for matching.
"""

from __future__ import annotations

from fehrest.language import base_language
from fehrest.model import TextLayer
from fehrest.text.chars import settled, space_persian, unify_light, unify_persian
from fehrest.text.offsets import EditMap, OffsetMap, apply_edits
from fehrest.text.zwnj import restore_zwnj

# Steps 1-2 settle in two rounds in practice; the bound only guards a bug.
_MAX_ROUNDS = 8


def normalize(raw: str, language: str = "fa", *, restore: bool = True) -> TextLayer:
    """Normalise ``raw`` and return a text layer with the offset map (no sentences).

    ``restore=False`` skips the ZWNJ step (to compare restorers on clean text).
    """
    if base_language(language) != "fa":
        text = unify_light(raw)
        return TextLayer(normalized=text, offsets=OffsetMap.identity(len(text)))
    steps: list[EditMap] = []
    text = raw
    window: tuple[int, ...] | None = None  # None: look at the whole text
    for _ in range(_MAX_ROUNDS):
        if window is not None and settled(text, window):
            break
        text, edits = unify_persian(text)
        touched: list[int] = []
        if edits:
            step = EditMap(edits, len(text))
            steps.append(step)
            text = apply_edits(text, edits)
            touched = step.output_positions()
        spacing = space_persian(text)
        if spacing:
            step = EditMap(spacing, len(text))
            steps.append(step)
            text = apply_edits(text, spacing)
            touched = [step.to_output(p) for p in touched] + step.output_positions()
        if not touched:
            break
        # A later round can only find something where this one changed the text.
        window = tuple(touched)
    restored = restore_zwnj(text) if restore else []
    if restored:
        steps.append(EditMap(restored, len(text)))
        text = apply_edits(text, restored)
    if not steps:
        steps.append(EditMap((), len(text)))
    return TextLayer(normalized=text, offsets=OffsetMap(steps))


def normalize_text(raw: str, language: str = "fa") -> str:
    """Return the normalised form of ``raw`` (see :func:`normalize`)."""
    return normalize(raw, language).normalized
