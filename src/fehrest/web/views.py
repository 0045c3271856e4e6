"""What the page shows, as plain functions: chart bands, map rows, highlighted text, group search.

Nothing here touches HTTP; the API and the pages both call these.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from fehrest.register.facts import STATUS_TYPES, Fact
from fehrest.register.store import Register

STATUS_COLOURS = {
    "listed": "#c0392b",
    "suspended": "#e0a526",
    "not listed": "#2e8b57",
    "unknown": "#9aa5b1",
}
_STATUS_OF = {"LIST": "listed", "DELIST": "not listed", "SUSPEND": "suspended"}
_ARABIC_SCRIPT = ("ARABIC",)


@dataclass(frozen=True, slots=True)
class Band:
    """One stretch of time in which a jurisdiction held one stance (from an asserted fact)."""

    jurisdiction: str
    status: str
    start: str
    end: str
    fact: int
    contradicted: bool


@dataclass(frozen=True, slots=True)
class Marker:
    """A proposal or a refusal, shown as a point on the timeline."""

    jurisdiction: str
    type: str
    modality: str
    date: str
    precision: str
    fact: int


def timeline_bands(facts: Iterable[Fact], today: str) -> tuple[list[Band], list[Marker]]:
    """Bands (listed / not listed / suspended) and proposal markers per jurisdiction.

    A band starts at the first day of an asserted fact and lasts until the next
    asserted fact of the same jurisdiction (or ``today``), so the band under a
    day is exactly what :func:`fehrest.register.facts.derive_status` says.
    """
    per: dict[str, list[Fact]] = {}
    markers: list[Marker] = []
    for fact in facts:
        if fact.type not in STATUS_TYPES or fact.jurisdiction is None or fact.date is None:
            continue
        if fact.modality_class == "asserted":
            per.setdefault(fact.jurisdiction, []).append(fact)
        else:
            start = fact.date_start or fact.date.value
            markers.append(
                Marker(fact.jurisdiction, fact.type, fact.modality, start, fact.date.precision, fact.id)
            )
    bands: list[Band] = []
    for jurisdiction, items in sorted(per.items()):
        items.sort(key=Fact.sort_key)
        for this, after in zip(items, [*items[1:], None], strict=True):
            start = this.date_start or today
            end = today if after is None else after.date_start or today
            bands.append(
                Band(
                    jurisdiction,
                    _STATUS_OF[this.type],
                    start,
                    max(start, end),
                    this.id,
                    this.contradicted,
                )
            )
    markers.sort(key=lambda m: (m.jurisdiction, m.date, m.fact))
    return bands, markers


def bands_json(bands: Sequence[Band], markers: Sequence[Marker]) -> dict[str, Any]:
    return {"bands": [asdict(b) for b in bands], "markers": [asdict(m) for m in markers]}


@cache
def numeric_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-2 → numeric (as the world atlas's ids: ``KZ`` → ``398``), from CLDR."""
    from babel.core import get_global

    out: dict[str, str] = {}
    for number, targets in get_global("territory_aliases").items():
        if number.isdigit() and len(number) == 3 and len(targets) == 1 and len(targets[0]) == 2:
            out.setdefault(targets[0], number)
    return out


def map_rows(statuses: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per jurisdiction of a status answer that is a country on the map."""
    codes = numeric_codes()
    return [
        {"id": codes[s["jurisdiction"]], "jurisdiction": s["jurisdiction"], "status": s["status"]}
        for s in statuses
        if s["jurisdiction"] in codes
    ]


@cache
def jurisdiction_names(code: str) -> tuple[str, str | None]:
    """English and Persian names of a jurisdiction code, from CLDR (the code itself when unknown)."""
    from babel import Locale

    english = Locale.parse("en").territories.get(code, code)
    persian = Locale.parse("fa").territories.get(code)
    return str(english), None if persian is None else str(persian)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same set of spans (indices into the span list)."""

    start: int
    end: int
    marks: tuple[int, ...]


def segment_text(length: int, spans: Sequence[tuple[int, int]]) -> list[Segment]:
    """Cut ``[0, length)`` at every span boundary; each piece names the spans covering it.

    Spans may overlap or nest (an evidence sentence holding a mention); out of
    range offsets are clipped, empty spans ignored.
    """
    clipped = [(max(0, min(s, length)), max(0, min(e, length))) for s, e in spans]
    cuts = sorted({0, length, *(p for s, e in clipped if e > s for p in (s, e))})
    out: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        if end > start:
            marks = tuple(i for i, (s, e) in enumerate(clipped) if s <= start and end <= e and e > s)
            out.append(Segment(start, end, marks))
    return out


def is_rtl(text: str, language: str | None = None) -> bool:
    """Whether a text reads right to left: by its language, else by most of its letters."""
    if language and language.split("-")[0].lower() in ("fa", "ps", "ar", "ur", "prs"):
        return True
    letters = [ch for ch in text[:2000] if ch.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for ch in letters if unicodedata.name(ch, "").startswith(_ARABIC_SCRIPT))
    return arabic * 2 > len(letters)


def search_groups(reg: Register, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Groups whose id, name or any alias (any language) contains the query, best matches first.

    Matching is on folded keys (Arabic/Persian letter variants, ZWNJ, case and
    diacritics forgiven). The entity registry's aliases count for the groups
    the register holds, so a Persian name finds a group stored under English.
    """
    from fehrest.entities.fold import fold_key

    wanted = fold_key(query)
    if not wanted:
        return []
    groups = {r[0]: (r[1], r[2]) for r in reg.db.query("SELECT id, name, wikidata FROM groups")}
    names: dict[str, list[str]] = {gid: [gid, name] for gid, (name, _) in groups.items()}
    for alias, gid in reg.db.query("SELECT alias, group_id FROM group_aliases"):
        names.setdefault(gid, []).append(alias)
    for gid, extra in _registry_aliases(groups).items():
        names[gid].extend(extra)
    ranked: list[tuple[int, str, str, str]] = []
    for gid, aliases in names.items():
        if gid not in groups:
            continue
        best: tuple[int, str] | None = None
        for alias in aliases:
            key = fold_key(alias)
            if not key or wanted not in key:
                continue
            rank = 0 if key == wanted else 1 if key.startswith(wanted) else 2
            if best is None or rank < best[0]:
                best = (rank, alias)
        if best is not None:
            ranked.append((best[0], groups[gid][0].casefold(), gid, best[1]))
    ranked.sort()
    return [
        {"id": gid, "name": groups[gid][0], "wikidata": groups[gid][1], "matched": alias}
        for _, _, gid, alias in ranked[:limit]
    ]


def _registry_aliases(groups: dict[str, tuple[str, str | None]]) -> dict[str, list[str]]:
    """Aliases the entity registry knows for the register's groups (by id, else by Wikidata QID)."""
    try:
        from fehrest.entities import get_registry

        registry = get_registry()
    except Exception:  # the registry is optional here: search still works on stored aliases
        return {}
    by_qid = {g.wikidata: g for g in registry.groups() if g.wikidata}
    out: dict[str, list[str]] = {}
    for gid, (_, qid) in groups.items():
        found = registry.find_group(gid) if gid else None
        if found is None and qid:
            found = by_qid.get(qid)
        if found is not None:
            out[gid] = [found.id, *found.all_aliases()]
    return out


def group_aliases(reg: Register, group_id: str, wikidata: str | None) -> list[str]:
    """Every name the register and the entity registry know a group by."""
    stored = [r[0] for r in reg.db.query("SELECT alias FROM group_aliases WHERE group_id = ?", (group_id,))]
    extra = _registry_aliases({group_id: ("", wikidata)}).get(group_id, [])
    seen: dict[str, str] = {}
    for alias in [*extra, *stored]:
        key = alias.casefold()
        if key != group_id.casefold():
            seen.setdefault(key, alias)
    return list(seen.values())


def persian_alias(aliases: Sequence[str]) -> str | None:
    """The first alias written in Arabic script (a Persian label for the page)."""
    return next((a for a in aliases if is_rtl(a)), None)
