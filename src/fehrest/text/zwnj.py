"""Restore lost zero-width non-joiners (ZWNJ, U+200C) in Persian text.

Crawled Persian often loses every ZWNJ: ``میکند`` for ``می‌کند``,
``گروههای`` for ``گروه‌های``. The restorer puts them back from data:

1. a table of whole words (``zwnj_words.tsv``, written for Fehrest, and
   ``zwnj_compounds.tsv``, derived from hazm's word list), found with an
   Aho-Corasick automaton over the whole text;
2. the verb prefixes ``می``/``نمی`` (after an optional preverb such as
   ``بر``) before a verb form built from ``zwnj_verbs.tsv`` and the personal
   endings of ``zwnj_affixes.tsv``;
3. suffixes after a stem: plural ``ها`` and its clitic forms after a
   joining letter, ``ای/ام/اش/اند…`` after a silent final ``ه``, ``تر/ترین``
   after an adjective of ``zwnj_lexicon.tsv``.

Only words shaped like a candidate (one compiled regex, run over the whole
text) reach Python, and each distinct word is analysed once. A word that is
itself in the lexicon is left alone (``تنها`` is not ``تن‌ها``), and so is
any word already holding a ZWNJ. Across a space only two joins are made:
``می``/``نمی`` + a verb form, unless the word before is a number or a month
context (``۲۷ می در``: می is the month May in Dari), and a word + a
standalone plural suffix (``کتاب ها``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from fehrest.resources import load_tsv
from fehrest.text.chars import LETTERS, ZWNJ
from fehrest.text.offsets import Edit


def _letter_set() -> frozenset[str]:
    chars: set[str] = set()
    pattern = LETTERS
    i = 0
    while i < len(pattern):
        if i + 2 < len(pattern) and pattern[i + 1] == "-":
            chars.update(chr(c) for c in range(ord(pattern[i]), ord(pattern[i + 2]) + 1))
            i += 3
        else:
            chars.add(pattern[i])
            i += 1
    return frozenset(chars)


WORD_CHARS = _letter_set() | {ZWNJ}
# Distinct words analysed are remembered; past this many the memory starts over.
_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the restorer knows, loaded once from the data files."""

    words: dict[str, tuple[int, str]]
    table: dict[str, str]
    verb_forms: dict[str, str]
    participle_forms: dict[str, str]
    affixes: dict[str, tuple[str, ...]]
    non_joining: frozenset[str]
    month_context: frozenset[str]
    analysed: dict[str, str | None] = field(default_factory=dict)

    def joins(self, letter: str) -> bool:
        """True when ``letter`` joins the next one, so a ZWNJ is needed after it."""
        return letter not in self.non_joining


def _rows(name: str) -> Iterable[tuple[str, ...]]:
    return load_tsv("fa", name)


@cache
def load_lexicon() -> Lexicon:
    """Load and expand the ZWNJ data (cached: data files are read-only)."""
    affixes: dict[str, list[str]] = {}
    for kind, value, *_ in _rows("zwnj_affixes.tsv"):
        affixes.setdefault(kind, []).append("" if value == "-" else value)
    words = {row[0]: (int(row[1]), row[2] if len(row) > 2 else "") for row in _rows("zwnj_lexicon.tsv")}
    table = {broken: fixed for broken, fixed, *_ in _rows("zwnj_compounds.tsv")}
    # The hand-written table overrides the derived one; ``fixed == broken`` keeps a word.
    table.update({broken: fixed for broken, fixed, *_ in _rows("zwnj_words.tsv")})

    verb_forms: dict[str, str] = {}
    participle_forms: dict[str, str] = {}
    for past, present, *_ in _rows("zwnj_verbs.tsv"):
        for ending in affixes["present_ending"]:
            if ending:
                verb_forms.setdefault(present + ending, present + ending)
        if not past:
            continue
        for ending in affixes["past_ending"]:
            verb_forms.setdefault(past + ending, past + ending)
        participle = past + "ه"
        verb_forms.setdefault(participle, participle)
        for ending in affixes["perfect_ending"]:
            fixed = participle + ZWNJ + ending
            verb_forms[participle + ending] = fixed
            participle_forms[participle + ending] = fixed
            participle_forms["ن" + participle + ending] = "ن" + fixed
    return Lexicon(
        words=words,
        table=table,
        verb_forms=verb_forms,
        participle_forms=participle_forms,
        affixes={kind: tuple(values) for kind, values in affixes.items()},
        non_joining=frozenset(affixes["non_joining"]),
        month_context=frozenset(affixes["month_context"]),
    )


def _alternation(values: Iterable[str]) -> str:
    return "|".join(re.escape(v) for v in sorted(set(values), key=len, reverse=True) if v)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = load_lexicon()
    edge_after = f"(?![{LETTERS}{ZWNJ}])"
    words = re.compile(f"[{LETTERS}{ZWNJ}]+")
    prefixes = _alternation(lex.affixes["verb_prefix"])
    # ``می کند`` / ``نمی کند``: the prefix alone, a space, a word. The
    # patterns start with what they consume so the engine can skip ahead;
    # the edge before the prefix is checked in Python.
    spaced_verb = re.compile(f"(?:{prefixes}) (?=[{LETTERS}])")
    standalone = _alternation((*lex.affixes["plural"], "ترین"))
    spaced_suffix = re.compile(f" (?=(?:{standalone}){edge_after})(?<=[{LETTERS}][{LETTERS}] )")
    return words, spaced_verb, spaced_suffix


def analyse_word(word: str, lex: Lexicon | None = None) -> str | None:
    """Return ``word`` with its ZWNJs restored, or None to leave it as it is."""
    lex = lex or load_lexicon()
    cached = lex.analysed.get(word, "")
    if cached != "":
        return cached
    result = _analyse(word, lex)
    lex.analysed[word] = result
    return result


def _analyse(word: str, lex: Lexicon) -> str | None:
    fixed = lex.table.get(word)
    if fixed is not None:
        return fixed if fixed != word else None
    if word in lex.words:
        return None
    verb = _analyse_verb(word, lex)
    if verb is not None:
        return verb
    participle = lex.participle_forms.get(word)
    if participle is not None:
        return participle
    return _analyse_suffix(word, lex)


def _analyse_verb(word: str, lex: Lexicon) -> str | None:
    for preverb in ("", *lex.affixes["preverb"]):
        if not word.startswith(preverb):
            continue
        rest = word[len(preverb) :]
        for prefix in lex.affixes["verb_prefix"]:
            if rest.startswith(prefix):
                form = lex.verb_forms.get(rest[len(prefix) :])
                if form is not None:
                    return preverb + prefix + ZWNJ + form
    return None


def _stem_freq(stem: str, lex: Lexicon) -> int:
    entry = lex.words.get(stem)
    return entry[0] if entry else -1


# A plural reading competes with ``ه`` + ``ای`` (نهادهای / منطقه‌ای): the
# plural's stem must be this many times as frequent as the heh stem to win.
_PLURAL_HANDICAP = 10


def _analyse_suffix(word: str, lex: Lexicon) -> str | None:
    best: tuple[int, str] | None = None  # (score, fixed word)

    def offer(score: int, fixed: str) -> None:
        nonlocal best
        if best is None or score > best[0]:
            best = (score, fixed)

    for suffix in lex.affixes["plural"]:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 2:
            continue
        # تنهایی is تنها + یی, not تن + هایی: a known word plus its ending.
        if suffix != "ها" and stem + "ها" in lex.words:
            continue
        stem = lex.table.get(stem, stem)
        glue = ZWNJ if lex.joins(stem[-1]) else ""
        freq = _stem_freq(stem, lex)
        offer(freq // _PLURAL_HANDICAP if freq > 0 else freq, stem + glue + suffix)
    for kind, final in (("after_silent_heh", "ه"), ("after_yeh", "ی")):
        for suffix in lex.affixes[kind]:
            stem = word[: -len(suffix)]
            if not word.endswith(suffix) or not stem.endswith(final) or len(stem) < 3:
                continue
            compound = lex.table.get(stem)
            stem = compound or stem
            freq = max(_stem_freq(stem, lex), _stem_freq(stem[:-1], lex) if final == "ی" else -1)
            if compound is not None:
                freq = max(freq, 0)  # a known compound is a known word
            if freq >= 0 or stem in lex.verb_forms:
                offer(max(freq, 0), stem + ZWNJ + suffix)
    for suffix in lex.affixes["comparative"]:
        stem = word[: -len(suffix)]
        entry = lex.words.get(stem)
        if word.endswith(suffix) and entry and "AJ" in entry[1].split(",") and lex.joins(stem[-1]):
            offer(entry[0], stem + ZWNJ + suffix)
    if best is None:
        best = _analyse_compound(word, lex)
    if best is None or best[1] == word:
        return None
    return best[1]


def _analyse_compound(word: str, lex: Lexicon) -> tuple[int, str] | None:
    """Two known parts where the second cannot start a word's middle.

    A compound head (سرمایه + گذاری), a word starting with آ (الزام + آور:
    آ is written only at the start of a word), or the Arabic article ال
    between two known words (اخوان + المسلمین).
    """
    for kind in ("compound_head", "compound_head_after_heh"):
        for head in lex.affixes[kind]:
            stem = word[: -len(head)]
            if not word.endswith(head) or len(stem) < 3 or stem not in lex.words:
                continue
            if lex.joins(stem[-1]) and (kind == "compound_head" or stem[-1] == "ه"):
                return 0, stem + ZWNJ + head
    split = word.rfind("آ")
    if split >= 3 and word[split:] in lex.words and lex.joins(word[split - 1]):
        return 0, word[:split] + ZWNJ + word[split:]
    split = word.find("ال", 3)
    if split > 0:
        first, second = word[:split], word[split + 2 :]
        if len(second) >= 3 and first in lex.words and second in lex.words and lex.joins(first[-1]):
            return 0, first + ZWNJ + word[split:]
    return None


def _previous_word(text: str, pos: int) -> str:
    """The whitespace-delimited word that ends before ``pos`` (skipping spaces)."""
    end = pos
    while end > 0 and text[end - 1] == " ":
        end -= 1
    start = text.rfind(" ", 0, end) + 1
    newline = text.rfind("\n", 0, end) + 1
    return text[max(start, newline) : end]


def _insertions(word: str, fixed: str, offset: int) -> list[Edit]:
    """Edits turning ``word`` into ``fixed``: ZWNJ insertions when that is all it takes."""
    edits: list[Edit] = []
    i = 0
    for ch in fixed:
        if i < len(word) and word[i] == ch:
            i += 1
        elif ch == ZWNJ:
            edits.append((offset + i, offset + i, ZWNJ))
        else:
            return [(offset, offset + len(word), fixed)]
    if i != len(word):
        return [(offset, offset + len(word), fixed)]
    return edits


def _word_fixes(text: str, lex: Lexicon, words: re.Pattern[str]) -> list[Edit]:
    """Edits for whole words: each distinct word analysed once, then found again."""
    fixes: dict[str, str] = {}
    analysed = lex.analysed
    if len(analysed) > _CACHE_LIMIT:
        analysed.clear()
    for word in set(words.findall(text)):
        if ZWNJ in word:
            continue  # written with care already
        fixed = analysed.get(word, "")
        if fixed == "":
            fixed = analyse_word(word, lex)
        if fixed is not None:
            fixes[word] = fixed
    if not fixes:
        return []
    automaton = ahocorasick.Automaton()
    for word, fixed in fixes.items():
        automaton.add_word(word, (len(word), fixed))
    automaton.make_automaton()
    edits: list[Edit] = []
    size = len(text)
    for last, (length, fixed) in automaton.iter_long(text):
        start, end = last + 1 - length, last + 1
        # Keys are whole words: a hit inside a longer word is not one.
        if (start and text[start - 1] in WORD_CHARS) or (end < size and text[end] in WORD_CHARS):
            continue
        edits.extend(_insertions(text[start:end], fixed, start))
    return edits


def restore_zwnj(text: str) -> list[Edit]:
    """Return the edits that restore lost ZWNJs in ``text`` (sorted, non-overlapping)."""
    lex = load_lexicon()
    words, spaced_verb, spaced_suffix = _patterns()
    edits = _word_fixes(text, lex, words)

    for match in spaced_verb.finditer(text):
        start = match.start()
        if start and text[start - 1] in WORD_CHARS:
            continue  # the end of a longer word (قدیمی کند)
        next_word = words.match(text, match.end())
        if next_word is None or next_word.group().replace(ZWNJ, "") not in lex.verb_forms:
            continue
        previous = _previous_word(text, start)
        if previous in lex.month_context or previous[-1:].isdigit():
            continue  # ۲۷ می در / ماه می گفت: the month May, not the prefix
        edits.append((match.end() - 1, match.end(), ZWNJ))

    for match in spaced_suffix.finditer(text):
        space = match.start()
        stem = _previous_word(text, space + 1)
        if len(stem) < 2 or not all(ch in WORD_CHARS for ch in stem):
            continue
        suffix = words.match(text, space + 1)
        if suffix is not None and suffix.group() == "ترین":
            entry = lex.words.get(stem)
            if not entry or "AJ" not in entry[1].split(","):
                continue
        edits.append((space, space + 1, ZWNJ if lex.joins(stem[-1]) else ""))

    edits.sort()
    return edits
