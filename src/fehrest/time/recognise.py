"""Find time expressions in a (normalised) string and resolve them.

:func:`find_times` is pure: a string, a language and a reference day in,
:class:`~fehrest.model.TimeExpression` values out, with offsets into the
string. The steps, in order:

1. every grammar rule proposes matches; the longest non-overlapping ones win;
2. each is resolved against the reference day;
3. calendar brackets ("۱۲ سرطان/۲ جولای ۲۰۲۴") lend the year of one side to
   the other;
4. range markers join expressions ("از ۲۰۰۳ تا ۲۰۰۸", "since 2003",
   "تا ۲۰۰۸", "بین … و …");
5. a preposition or "early/late" qualifier before an expression joins its span
   ("در اوایل ماه جون", "on Monday").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from fehrest.language import base_language
from fehrest.model import TimeExpression
from fehrest.time.calendars import value_bounds
from fehrest.time.grammar import LEFT, OSP, RIGHT, SP, Parsed, build_rules, build_year
from fehrest.time.lexicon import load_lexicon
from fehrest.time.resolve import FUTURE_WINDOW, Resolution, resolve, resolve_anaphor

LANGUAGES = ("fa", "en")
# How far before an expression to look for a marker or preposition.
LOOK_BACK = 40


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched expression with its resolution."""

    parsed: Parsed
    resolution: Resolution
    start: int
    end: int

    @property
    def dated(self) -> bool:
        """Whether it names (or could name, given a reference) a date: ranges join only these."""
        return self.parsed.kind in ("date", "relative")


@dataclass(frozen=True, slots=True)
class _Markers:
    start: re.Pattern[str]
    between: re.Pattern[str]
    until: re.Pattern[str]
    end: re.Pattern[str]
    between_end: re.Pattern[str]
    open_after: re.Pattern[str]
    absorb: re.Pattern[str]
    bracket: re.Pattern[str]
    bare_year: re.Pattern[str]


@cache
def _markers(language: str) -> _Markers:
    lex = load_lexicon(language)

    def before(key: str) -> re.Pattern[str]:
        return re.compile(f"{LEFT}(?:{lex.alt(key)}){SP}$")

    def after(key: str) -> re.Pattern[str]:
        return re.compile(f"{SP}(?:{lex.alt(key)}){SP}")

    return _Markers(
        start=before("range_start"),
        between=before("range_between"),
        until=before("range_until"),
        end=after("range_end"),
        between_end=after("range_between_end"),
        open_after=re.compile(f"{SP}(?:{lex.alt('range_open_after')}){RIGHT}"),
        absorb=re.compile(f"{LEFT}(?:{lex.alt('prepositions')}|{lex.alt('qualifiers')})(?:{SP}|-)$"),
        bracket=re.compile(f"{OSP}[/(]{OSP}"),
        bare_year=re.compile(f"(?P<year3>\\d{{4}}){RIGHT}"),
    )


def find_times(text: str, language: str, reference: dt.date | None) -> tuple[TimeExpression, ...]:
    """Return the time expressions of ``text`` resolved against ``reference`` (offsets into ``text``)."""
    return tuple(to_expression(text, c, reference) for c in find_candidates(text, language, reference))


def find_candidates(
    text: str, language: str, reference: dt.date | None, window: dt.timedelta = FUTURE_WINDOW
) -> list[Candidate]:
    """Return the resolved candidates of ``text`` in order (the steps of the module docstring)."""
    lang = base_language(language)
    if lang not in LANGUAGES:
        return []
    lex = load_lexicon(lang)
    candidates: list[Candidate] = []
    for parsed in _parsed(text, lang):
        resolution = resolve(parsed, reference, window, lex.week_start)
        if resolution is not None:
            candidates.append(Candidate(parsed, resolution, parsed.start, parsed.end))
    candidates.sort(key=lambda c: c.start)
    markers = _markers(lang)
    candidates = _resolve_anaphora(candidates, lex.week_start)
    candidates = _join_brackets(text, candidates, markers, lex.week_start)
    candidates = _join_ranges(text, candidates, markers, lang, lex.week_start)
    return _absorb_prepositions(text, candidates, markers)


@lru_cache(maxsize=4)
def _parsed(text: str, lang: str) -> tuple[Parsed, ...]:
    """The expressions of ``text`` before resolution, longest first where they overlap.

    Parsing does not depend on the reference date, so the publication-date
    guess and the resolution that follows it share one pass over the text.
    """
    lex = load_lexicon(lang)
    matches: list[Parsed] = []
    for rule in build_rules(lang):
        for m in rule.pattern.finditer(text):
            parsed = rule.build(m, lex)
            if parsed is not None:
                matches.append(parsed)
    return tuple(_longest_first(matches))


def _longest_first(matches: list[Parsed]) -> list[Parsed]:
    kept: list[Parsed] = []
    taken = bytearray(max((p.end for p in matches), default=0))
    for p in sorted(matches, key=lambda p: (p.start - p.end, p.start)):
        if not any(taken[p.start : p.end]):
            kept.append(p)
            taken[p.start : p.end] = b"\x01" * (p.end - p.start)
    return kept


def _resolve_anaphora(cands: list[Candidate], week_start: int) -> list[Candidate]:
    """Resolve "the same year", "N years before that" against the last date named before them."""
    out: list[Candidate] = []
    antecedent: dt.date | None = None
    for c in cands:
        if c.parsed.relation in ("same-year", "anaphoric"):
            resolution = resolve_anaphor(c.parsed, antecedent, week_start) if antecedent else None
            if resolution is not None:
                c = dataclasses.replace(c, resolution=resolution)
        if c.resolution.date is not None:
            antecedent = value_bounds(c.resolution.date.value)[0]
        out.append(c)
    return out


def _reresolve(c: Candidate, anchor: dt.date, week_start: int) -> Candidate:
    """Resolve a yearless candidate again with ``anchor`` (a partner's date) as its reference."""
    resolution = resolve(c.parsed, anchor, dt.timedelta(0), week_start)
    if resolution is None or resolution.date is None:
        return c
    return dataclasses.replace(c, resolution=resolution)


def _is_anchor(c: Candidate) -> bool:
    return c.resolution.basis == "explicit" and c.resolution.date is not None


def _yearless(c: Candidate) -> bool:
    return c.parsed.kind == "date" and c.parsed.year is None and c.parsed.month is not None


def _anchor_day(c: Candidate) -> dt.date:
    assert c.resolution.date is not None
    return value_bounds(c.resolution.date.value)[1]


def _join_brackets(text: str, cands: list[Candidate], markers: _Markers, week_start: int) -> list[Candidate]:
    out = list(cands)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.parsed.calendar == b.parsed.calendar or not markers.bracket.fullmatch(text, a.end, b.start):
            continue
        if _yearless(a) and _is_anchor(b):
            out[i] = _reresolve(a, _anchor_day(b), week_start)
        elif _yearless(b) and _is_anchor(a):
            out[i + 1] = _reresolve(b, _anchor_day(a), week_start)
    return out


def _join_ranges(
    text: str, cands: list[Candidate], markers: _Markers, language: str, week_start: int
) -> list[Candidate]:
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if not c.dated:
            out.append(c)
            i += 1
            continue
        lead = text[max(0, c.start - LOOK_BACK) : c.start]
        start_m, until_m = _opening(lead, markers)
        closing = markers.between_end if markers.between.search(lead) else markers.end
        if start_m:
            end = _range_end(text, c, nxt, closing, markers, language)
            if end is not None:
                if _yearless(c) and _is_anchor(end):
                    c = _reresolve(c, _anchor_day(end), week_start)
                out.append(_range(c, c.start - len(start_m.group()), end.end, c.resolution, end.resolution))
                i += 2 if end is nxt else 1
                continue
            tail = markers.open_after.match(text, c.end)
            stop = tail.end() if tail else c.end
            out.append(_range(c, c.start - len(start_m.group()), stop, c.resolution, None))
        elif until_m:
            out.append(_range(c, c.start - len(until_m.group()), c.end, None, c.resolution))
        elif tail := markers.open_after.match(text, c.end):
            out.append(_range(c, c.start, tail.end(), c.resolution, None))
        else:
            out.append(c)
        i += 1
    return out


def _opening(lead: str, markers: _Markers) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """Return the range word before an expression: (since-or-between, until); the longer one wins."""
    since = markers.start.search(lead) or markers.between.search(lead)
    until = markers.until.search(lead)
    if since and until:
        return (since, None) if since.start() <= until.start() else (None, until)
    return since, until


def _range_end(
    text: str, c: Candidate, nxt: Candidate | None, closing: re.Pattern[str], markers: _Markers, language: str
) -> Candidate | None:
    """Return the candidate closing a range opened before ``c`` ("… تا ۲۰۰۸"), if any."""
    link = closing.match(text, c.end)
    if link is None:
        return None
    if nxt is not None and nxt.dated and nxt.start == link.end():
        return nxt
    year = markers.bare_year.match(text, link.end())
    if year is None or (nxt is not None and nxt.start < year.end()):
        return None
    parsed = build_year(year, load_lexicon(language))
    if parsed is None:
        return None
    parsed = dataclasses.replace(parsed, start=year.start(), end=year.end())
    resolution = resolve(parsed, None)
    return Candidate(parsed, resolution, parsed.start, parsed.end) if resolution else None


def _range(
    c: Candidate, start: int, end: int, since: Resolution | None, until: Resolution | None
) -> Candidate:
    """Return ``c`` widened to ``start..end`` as a range from ``since`` to ``until`` (either may be open)."""
    resolution = Resolution(
        since.date if since else None,
        (until.until or until.date) if until else None,
        (since or until or c.resolution).basis,
    )
    return Candidate(dataclasses.replace(c.parsed, kind="range"), resolution, start, end)


def _absorb_prepositions(text: str, cands: list[Candidate], markers: _Markers) -> list[Candidate]:
    out: list[Candidate] = []
    floor = 0
    for c in cands:
        start = c.start
        while m := markers.absorb.search(text, max(floor, start - LOOK_BACK), start):
            start = m.start()
        out.append(dataclasses.replace(c, start=start) if start != c.start else c)
        floor = c.end
    return out


def to_expression(text: str, c: Candidate, reference: dt.date | None) -> TimeExpression:
    """Build the public :class:`TimeExpression` of a candidate (offsets into ``text``)."""
    span = text[c.start : c.end]
    date = c.resolution.date
    until = c.resolution.until
    return TimeExpression(
        start=c.start,
        end=c.end,
        norm_start=c.start,
        norm_end=c.end,
        text=span,
        date=dataclasses.replace(date, text=span) if date else None,
        kind=c.parsed.kind if c.parsed.kind != "date" or not c.parsed.relation else "relative",
        calendar=c.parsed.calendar,
        until=dataclasses.replace(until, text=span) if until else None,
    )
