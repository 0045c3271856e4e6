"""A phrase matcher over folded text: Aho-Corasick on a compact key.

Phrases and text are folded the same way (:mod:`fehrest.entities.fold`), spaces
dropped, so the matcher forgives lost ZWNJ, letter variants, missing spaces
and punctuation inserted inside a word. It also forgives one slip in a long
phrase (two adjacent letters swapped; one letter dropped from a very long
phrase), so ``رسیمت`` still matches ``رسمیت``.

Word boundaries are checked on the raw text: a match must start and end at a
word edge, except that an allowed suffix may follow (``قزاقستان`` + ``ی``) and
an allowed one-word prefix may be glued before (``و`` + ``طالبان``). Among
overlapping candidates the longest wins (then exact over a slip, then the
leftmost).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from fehrest.entities.fold import BARRIER, JOINER, TRANSPARENT, Compact, compact, fold_key, is_word_char

P = TypeVar("P")

# Persian suffixes that may stick to a name without ending the match: the
# adjective / ezafe ی, plurals and possessive clitics.
PERSIAN_SUFFIXES = frozenset(
    fold_key(s) for s in ("ی", "ای", "یی", "ها", "های", "هایی", "ان", "یان", "ش", "اش", "شان", "ست", "است")
)
# One-letter or short words news sometimes glues before a name.
PERSIAN_PREFIXES = frozenset(fold_key(s) for s in ("و", "ب", "به", "از", "در", "با", "بر"))

MIN_TYPO_LENGTH = 6
MIN_DELETION_LENGTH = 9
MIN_PREFIXED_LENGTH = 4


@dataclass(frozen=True, slots=True)
class Match(Generic[P]):
    """One phrase found in a text: raw offsets, the phrase, its payload.

    ``suffix`` is the folded suffix glued after the phrase (not inside
    ``start``..``end``); ``typo`` says the phrase matched with one slip.
    """

    start: int
    end: int
    phrase: str
    payload: P
    suffix: str = ""
    prefix: str = ""
    typo: bool = False


@dataclass(frozen=True, slots=True)
class _Entry(Generic[P]):
    length: int
    phrase: str
    payload: P
    typo: bool
    exact_case: bool


class PhraseMatcher(Generic[P]):
    """Find phrases in text, tolerant of the usual damage; longest match, no overlaps.

    ``phrases`` maps a phrase to its payload. ``exact_case`` lists phrases that
    must keep their letter case (``IS``, ``The Base``). When two phrases fold
    to the same key the first one wins (see :attr:`collisions`).
    """

    def __init__(
        self,
        phrases: Mapping[str, P] | Iterable[tuple[str, P]],
        *,
        typos: bool = True,
        suffixes: Collection[str] = PERSIAN_SUFFIXES,
        prefixes: Collection[str] = PERSIAN_PREFIXES,
        exact_case: Collection[str] = (),
        min_typo_length: int = MIN_TYPO_LENGTH,
    ) -> None:
        items = phrases.items() if isinstance(phrases, Mapping) else phrases
        self.suffixes = frozenset(suffixes)
        self.prefixes = frozenset(prefixes)
        self.collisions: list[tuple[str, str]] = []
        exact = frozenset(exact_case)
        entries: dict[str, _Entry[P]] = {}
        for phrase, payload in items:
            # text keeps free-standing punctuation as barriers: a name written with
            # brackets or a dash ("Opposition Platform – For Life") matches with them
            # too (without any, the two keys are one)
            for key in sorted({fold_key(phrase), fold_key(phrase, keep_barriers=True)}):
                if not key:
                    continue
                if key in entries:
                    if entries[key].payload != payload:
                        self.collisions.append((entries[key].phrase, phrase))
                    continue
                entries[key] = _Entry(len(key), phrase, payload, False, phrase in exact)
        if typos:
            self._add_typos(entries, min_typo_length)
        self._automaton = ahocorasick.Automaton()
        for key, entry in entries.items():
            self._automaton.add_word(key, entry)
        self._empty = not entries
        if entries:
            self._automaton.make_automaton()
        self.size = len(entries)

    @staticmethod
    def _add_typos(entries: dict[str, _Entry[P]], min_length: int) -> None:
        variants: dict[str, _Entry[P] | None] = {}
        for key, entry in list(entries.items()):
            if len(key) < min_length or not key.isalpha() or entry.exact_case:
                continue
            for variant in _slips(key):
                if variant in entries:
                    continue
                seen = variants.get(variant, entry)
                # A slip two different phrases could explain is no evidence.
                variants[variant] = (
                    _Entry(len(variant), entry.phrase, entry.payload, True, False)
                    if seen is not None and seen.payload == entry.payload
                    else None
                )
        entries.update({k: v for k, v in variants.items() if v is not None})

    def find(self, text: str) -> list[Match[P]]:
        """Return the matches in ``text``, sorted by position, longest first on overlap."""
        if self._empty or not text:
            return []
        comp = compact(text)
        candidates: list[tuple[int, bool, int, int, _Entry[P], str, str]] = []
        for key_end, entry in self._automaton.iter(comp.key):
            key_start = key_end - entry.length + 1
            start = comp.raw_offset(key_start)
            end = comp.raw_offset(key_end) + 1
            prefix = self._prefix_at(comp, start, entry.length)
            if prefix is None:
                continue
            suffix = self._suffix_at(comp, end)
            if suffix is None:
                continue
            if entry.exact_case and not _same_case(text[start:end], entry.phrase):
                continue
            candidates.append((-entry.length, entry.typo, start, end, entry, suffix, prefix))
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))
        taken_starts: list[int] = []
        taken_ends: list[int] = []
        chosen: list[Match[P]] = []
        for _, typo, start, end, entry, suffix, prefix in candidates:
            i = bisect.bisect_left(taken_starts, start)
            if i > 0 and taken_ends[i - 1] > start:
                continue
            if i < len(taken_starts) and taken_starts[i] < end:
                continue
            taken_starts.insert(i, start)
            taken_ends.insert(i, end)
            chosen.append(Match(start, end, entry.phrase, entry.payload, suffix, prefix, typo))
        chosen.sort(key=lambda m: m.start)
        return chosen

    def _prefix_at(self, comp: Compact, start: int, length: int) -> str | None:
        """Return "" at a word start, a glued prefix when allowed, else None."""
        folded = comp.folded
        i = start - 1
        while i >= 0 and folded[i] == TRANSPARENT:
            i -= 1
        if i < 0 or not (is_word_char(folded[i]) or folded[i] == JOINER):
            return ""
        if folded[i] == JOINER or length < MIN_PREFIXED_LENGTH:
            return None
        j = i
        while j >= 0 and (is_word_char(folded[j]) or folded[j] == TRANSPARENT):
            j -= 1
        if j >= 0 and folded[j] == JOINER:
            return None
        prefix = folded[j + 1 : i + 1].replace(TRANSPARENT, "")
        return prefix if prefix in self.prefixes else None

    def _suffix_at(self, comp: Compact, end: int) -> str | None:
        """Return "" at a word end, the glued suffix when allowed, else None."""
        folded = comp.folded
        n = len(folded)
        i = end
        while i < n and folded[i] == TRANSPARENT:
            i += 1
        if i >= n or not (is_word_char(folded[i]) or folded[i] == JOINER):
            return ""
        j = i
        while j < n and (is_word_char(folded[j]) or folded[j] in (JOINER, TRANSPARENT)):
            j += 1
        suffix = "".join(ch for ch in folded[i:j] if ch not in (JOINER, TRANSPARENT))
        return suffix if suffix in self.suffixes else None


def _slips(key: str) -> Iterable[str]:
    """Yield the one-slip variants of a key: swapped neighbours, a dropped letter."""
    for i in range(1, len(key) - 1):
        if key[i] != key[i + 1]:
            yield key[:i] + key[i + 1] + key[i] + key[i + 2 :]
    if len(key) >= MIN_DELETION_LENGTH:
        for i in range(1, len(key) - 1):
            if key[i] != key[i - 1]:
                yield key[:i] + key[i + 1 :]


def _same_case(raw: str, phrase: str) -> bool:
    """Compare letters only, case-sensitively (spacing and punctuation ignored)."""
    return [c for c in raw if c.isalnum()] == [c for c in phrase if c.isalnum()]


__all__ = ["BARRIER", "Match", "PhraseMatcher"]
