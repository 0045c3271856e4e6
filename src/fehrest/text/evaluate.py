"""Score a ZWNJ restorer: gaps restored and false edits, token accuracy.

Used by ``tests/text`` and ``bench/bench_text.py`` to score Fehrest and the
peer normalisers on the same footing.

Both scores compare texts *gap by gap*: every text is read as a sequence of
visible characters (letters folded with :func:`fehrest.text.fold_key`'s letter
rules and digits made ASCII, so letter variants and the written ezafe ۀ do
not count) and the separator before each one: nothing, a space, a ZWNJ or a
line break. An edit is a separator that changed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fehrest.text.fold import fold_key

ZWNJ = "\u200c"
_SEPARATORS = {" ": " ", "\t": " ", ZWNJ: "z", "\n": "\n", "\r": "\n"}


def strip_zwnj(text: str) -> str:
    """Remove every ZWNJ: the damage crawled Persian text suffers."""
    return text.replace(ZWNJ, "")


def _skeleton(text: str) -> tuple[list[str], list[str]]:
    """Return the folded visible characters and the separator before each."""
    chars: list[str] = []
    gaps: list[str] = []
    sep = ""
    for ch in text:
        kind = _SEPARATORS.get(ch)
        if kind is not None:
            # A line break outranks a space, a space outranks a ZWNJ.
            if not sep or kind == "\n" or (kind == " " and sep == "z"):
                sep = kind
            continue
        folded = fold_key(ch) if not ch.isascii() else ch
        if not folded:
            continue  # a mark fold_key drops (harakat, tatweel)
        chars.append(folded)
        gaps.append(sep)
        sep = ""
    return chars, gaps


def _gap_map(base: tuple[list[str], list[str]], other: tuple[list[str], list[str]]) -> dict[int, str]:
    """For each visible character of ``base`` also in ``other``, the other's separator."""
    matcher = difflib.SequenceMatcher(None, base[0], other[0], autojunk=False)
    out: dict[int, str] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            out[block.a + k] = other[1][block.b + k]
    return out


@dataclass(frozen=True, slots=True)
class GapScore:
    """How a normaliser treated the gaps of a damaged text."""

    required: int
    restored: int
    false_word_edits: tuple[str, ...]
    punctuation_edits: int

    @property
    def recall(self) -> float:
        return self.restored / self.required if self.required else 1.0


def score_gaps(
    broken: str,
    output: str,
    correct: str,
    either: Iterable[str] = (),
) -> GapScore:
    """Score ``output`` (a normaliser's reading of ``broken``) against ``correct``.

    ``required`` counts the ZWNJs ``correct`` has where ``broken`` has none,
    outside the ``either`` forms (words that may be written both ways, given
    as they appear in ``broken``). A *false word edit* is a changed separator
    between two letters or digits that ``correct`` does not have; a changed
    separator next to punctuation is counted apart (spacing fixes).
    """
    base = _skeleton(broken)
    chars, gaps = base
    out_gaps = _gap_map(base, _skeleton(output))
    ref_gaps = _gap_map(base, _skeleton(correct))
    free = _either_positions(broken, either)
    required = restored = punctuation = 0
    false_edits: list[str] = []
    for i, sep in enumerate(gaps):
        if i in free:
            continue
        ref = ref_gaps.get(i, sep)
        out = out_gaps.get(i)
        if ref == "z" and sep == "":
            required += 1
            restored += out == "z"
        if out is None or out in (sep, ref):
            continue
        if i > 0 and chars[i - 1].isalnum() and chars[i].isalnum():
            false_edits.append(_context(chars, gaps, i, out))
        else:
            punctuation += 1
    return GapScore(required, restored, tuple(false_edits), punctuation)


def _either_positions(broken: str, either: Iterable[str]) -> set[int]:
    """Indices of visible characters inside any occurrence of an either-form."""
    free: set[int] = set()
    visible = [i for i, ch in enumerate(broken) if ch not in _SEPARATORS]
    index_of = {pos: k for k, pos in enumerate(visible)}
    for form in either:
        start = broken.find(form)
        while start != -1:
            end = start + len(form)
            inside = [index_of[p] for p in range(start, end) if p in index_of]
            free.update(inside[1:])  # the gaps inside the form, not before it
            start = broken.find(form, end)
    return free


def _context(chars: Sequence[str], gaps: Sequence[str], i: int, new: str) -> str:
    left = "".join(gaps[k] + chars[k] for k in range(max(i - 6, 0), i))
    right = "".join(chars[k] if k == i else gaps[k] + chars[k] for k in range(i, min(i + 6, len(chars))))
    shown = {"": "∅", " ": "␠", "z": "⟨zwnj⟩", "\n": "⏎"}[new]
    text = f"{left.replace('z', '')}{shown}{right.replace('z', '')}"
    return text.replace("\n", "⏎").strip()


_WORDS = re.compile(r"[\w\u200c]+|\S")


def _tokens(text: str) -> list[str]:
    """Words (a ZWNJ inside is part of the word) and single punctuation marks, folded."""
    return [ZWNJ.join(fold_key(part) for part in token.split(ZWNJ)) for token in _WORDS.findall(text)]


def token_accuracy(reference: str, output: str) -> tuple[int, int]:
    """Return (tokens of ``reference`` that ``output`` has exactly, all reference tokens).

    A token is a word or one punctuation mark; letter variants and digits are
    folded, but a ZWNJ inside a word is part of it, so a ZWNJ missing or
    misplaced makes the token wrong. Spacing around punctuation does not count.
    """
    ref = _tokens(reference)
    out = _tokens(output)
    matcher = difflib.SequenceMatcher(None, ref, out, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return same, len(ref)
