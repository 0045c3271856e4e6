"""Questions asked of the register: status as of a day, timelines, changes.

Every question can be asked ``known_on`` a record time: the answer is then
rebuilt from the events the register had ingested by then and no review had
yet retired, so a decision taken on that day can be audited later (DESIGN,
"two clocks"). Without ``known_on``, retired events and facts are left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, overload

from fehrest.errors import FehrestError
from fehrest.model import DateValue
from fehrest.register.backend import Row
from fehrest.register.dates import end_of, interval, record_cutoff, start_of, stored_precision
from fehrest.register.facts import (
    STATUS_TYPES,
    Fact,
    Source,
    Status,
    derive_status,
    flag_contradictions,
    fold_sources,
)
from fehrest.register.store import HEAD_FIELDS, SOURCES_HEAD, Register, chunked


@dataclass(frozen=True, slots=True)
class Group:
    """A group as the register knows it."""

    id: str
    name: str
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class StatusReport:
    """The status of one group in every jurisdiction (or one), as of a day, known on a record time."""

    group: Group
    as_of: str
    known_on: str | None
    statuses: tuple[Status, ...]


_FACT_COLUMNS = (
    "f.id, f.type, f.modality, f.jurisdiction, f.actor_id, f.actor_name, f.target_id, g.name, "
    "f.date_value, f.date_from_published, f.authority, f.list, f.program, f.stance, f.contradicted, "
    "f.first_ingested_at, f.last_ingested_at, f.source_count, f.sources_head"
)
_FACT_SELECT = f"SELECT {_FACT_COLUMNS} FROM facts f JOIN groups g ON g.id = f.target_id"
_SOURCE_SELECT = (
    "SELECT e.fact_id, e.document_id, d.source, d.url, e.reported_at, e.ingested_at, e.evidence, e.modality, "
    "e.date_value, e.date_text, e.date_from_published, e.authority, e.agent, e.rule, e.confidence "
    "FROM events e JOIN documents d ON d.id = e.document_id"
)


def _date(value: str | None, text: str | None = None) -> DateValue | None:
    return None if value is None else DateValue(value, stored_precision(value), text)


def _fact_from_row(row: Row, sources: Sequence[Source] = ()) -> Fact:
    # Positional: status makes hundreds of these per question.
    return Fact(
        int(row[0]),
        row[1],  # type
        row[2],  # modality
        row[3],  # jurisdiction
        row[4],  # actor_id
        row[5],  # actor_name
        row[6],  # target_id
        row[7],  # target_name
        None if row[8] is None else DateValue(row[8], stored_precision(row[8])),
        bool(row[9]),  # date_from_published
        row[10],  # authority
        row[11],  # list
        row[12],  # program
        row[13],  # stance
        bool(row[14]),  # contradicted
        row[15],  # first_ingested_at
        row[16],  # last_ingested_at
        int(row[17]),  # source_count
        sources,
    )


def _source_from_row(row: Row) -> tuple[int, Source]:
    return int(row[0]), Source(
        document_id=row[1],
        source=row[2],
        url=row[3],
        reported_at=row[4],
        ingested_at=row[5],
        evidence=tuple(item["text"] for item in json.loads(row[6])),
        modality=row[7],
        date=_date(row[8], row[9]),
        date_from_published=bool(row[10]),
        authority=row[11],
        agent=row[12],
        rule=row[13],
        confidence=float(row[14]),
    )


def _in(column: str, values: Sequence[object]) -> str:
    return f"{column} IN ({','.join('?' * len(values))})"


def resolve_group(reg: Register, name: str) -> Group:
    """Find a group by id, any alias in any language, or (via the entity registry) its canonical form."""
    ids: list[str] = []
    known = _registry_group(name)
    if known is not None:
        ids.append(known.id)
        if known.wikidata:
            ids.extend(
                r[0] for r in reg.db.query("SELECT id FROM groups WHERE wikidata = ?", (known.wikidata,))
            )
    folded = name.strip().casefold()
    ids.extend(r[0] for r in reg.db.query("SELECT id FROM groups WHERE id = ?", (name.strip(),)))
    ids.extend(r[0] for r in reg.db.query("SELECT group_id FROM group_aliases WHERE alias = ?", (folded,)))
    unique = list(dict.fromkeys(ids))
    rows = [
        r
        for part in chunked(unique)
        for r in reg.db.query(f"SELECT id, name, wikidata FROM groups WHERE {_in('id', part)}", part)
    ]
    if not rows:
        if known is not None:
            return known
        raise FehrestError(f"no group called {name!r} in the register")
    if len(rows) > 1 and known is None:
        names = ", ".join(f"{r[1]} ({r[0]})" for r in rows)
        raise FehrestError(f"{name!r} names several groups: {names}; give the id")
    first = next((r for r in rows if known is not None and r[0] == known.id), rows[0])
    return Group(first[0], first[1], first[2])


def _registry_group(name: str) -> Group | None:
    """Ask the entity registry (when it is there) for the canonical group behind a name."""
    try:
        from fehrest.entities import get_registry
    except ImportError:
        return None
    found = get_registry().find_group(name)
    if found is None:
        return None
    return Group(str(found.id), str(found.name), getattr(found, "wikidata", None))


def _group_ids(reg: Register, group: Group) -> list[str]:
    """The register ids that stand for one group (its own, and any sharing its QID)."""
    ids = [group.id]
    if group.wikidata:
        ids.extend(r[0] for r in reg.db.query("SELECT id FROM groups WHERE wikidata = ?", (group.wikidata,)))
    return list(dict.fromkeys(ids))


def load_facts(
    reg: Register,
    where: str,
    params: Sequence[object],
    known_on: str | None = None,
    with_sources: bool = True,
) -> list[Fact]:
    """Facts matching a SQL condition on ``f`` (facts), with their sources.

    Without ``known_on``, the live facts as they stand. With it, each fact is
    rebuilt from the events ingested before that record time and not retired
    by a review by then, and facts with no such event disappear.
    """
    cutoff = None if known_on is None else record_cutoff(known_on)
    if cutoff is None:
        where = f"({where}) AND f.retired_at IS NULL"
    else:
        # A fact retired by then has no event left to rebuild it from.
        where = f"({where}) AND (f.retired_at IS NULL OR f.retired_at >= ?)"
        params = [*params, cutoff]
    facts = [_fact_from_row(r) for r in reg.db.query(f"{_FACT_SELECT} WHERE {where}", params)]
    if not facts or (not with_sources and known_on is None):
        return facts
    sources = _load_sources(reg, [f.id for f in facts], cutoff)
    if known_on is None:
        return [_with_sources(f, sources.get(f.id, [])) for f in facts]
    rebuilt = [fold_sources(f, sources[f.id]) for f in facts if f.id in sources]
    by_pair: dict[tuple[str, str | None], list[Fact]] = {}
    for fact in rebuilt:
        by_pair.setdefault((fact.target_id, fact.jurisdiction), []).append(fact)
    return [f for group in by_pair.values() for f in flag_contradictions(group)]


def _with_sources(fact: Fact, sources: list[Source]) -> Fact:
    return replace(fact, sources=tuple(sorted(sources, key=lambda s: s.ingested_at)))


def _load_sources(
    reg: Register, fact_ids: list[int], before: str | None, limit: int | None = None
) -> dict[int, list[Source]]:
    """Sources of facts (the first ``limit`` of each, in ingestion order), as recorded before a time.

    Without a time, the live events; with one, the events ingested before it
    and not retired by then (a review at that very time or later still counts
    them).
    """
    out: dict[int, list[Source]] = {}
    for part in chunked(fact_ids):
        where, params = reg.db.any_of("e.fact_id", part, "bigint")
        sql = f"{_SOURCE_SELECT} WHERE {where}"
        if before is None:
            sql += " AND e.retired_at IS NULL"
        else:
            sql += " AND e.ingested_at < ? AND (e.retired_at IS NULL OR e.retired_at >= ?)"
            params += [before, before]
        if limit is not None:
            ranked = sql.replace(
                " FROM events e",
                ", ROW_NUMBER() OVER (PARTITION BY e.fact_id ORDER BY e.ingested_at, e.id) AS rn "
                "FROM events e",
                1,
            )
            sql = f"SELECT * FROM ({ranked}) ranked WHERE rn <= ?"
            params.append(limit)
        for row in reg.db.query(sql, params):
            fact_id, source = _source_from_row(row)
            out.setdefault(fact_id, []).append(source)
    return out


def status(
    reg: Register,
    name: str,
    as_of: str | None = None,
    jurisdiction: str | None = None,
    known_on: str | None = None,
    sources: int | None = 3,
) -> StatusReport:
    """Is the group listed, per jurisdiction, on ``as_of`` (default: today), as known on ``known_on``?

    Each fact in the answer carries its first ``sources`` sources (all with
    ``None``); ``Fact.source_count`` always says how many there are.
    """
    group = resolve_group(reg, name)
    day = end_of(as_of) if as_of else reg.clock()[:10]
    ids = _group_ids(reg, group)
    where = f"{_in('f.target_id', ids)} AND {_in('f.type', STATUS_TYPES)} AND f.jurisdiction IS NOT NULL"
    params: list[object] = [*ids, *STATUS_TYPES]
    if jurisdiction:
        where += " AND f.jurisdiction = ?"
        params.append(jurisdiction.upper())
    if known_on is None:
        # Facts that cannot matter are pruned on raw rows; derive_status decides.
        unsourced: set[int] = set()
        candidates = _status_candidates(
            reg, where + " AND f.date_start <= ? AND f.retired_at IS NULL", [*params, day], sources, unsourced
        )
        statuses = derive_status(candidates, day)
        if unsourced:
            statuses = _attach_sources(reg, statuses, sources, unsourced)
    else:
        statuses = derive_status(load_facts(reg, where, params, known_on=known_on), day)
    return StatusReport(group, day, known_on, tuple(statuses))


def _status_candidates(
    reg: Register, scope: str, params: list[object], limit: int | None, unsourced: set[int]
) -> list[Fact]:
    """The facts that can bear on status: per jurisdiction the latest asserted one, later
    proposals and denials, and every contradicted assertion.

    Pruning reads a few columns of every fact of the group (from the covering
    index ``facts_status``); only the kept facts are then read in full.
    """
    light = reg.db.query(
        "SELECT f.id, f.modality, f.jurisdiction, f.target_id, f.date_value, f.contradicted "
        f"FROM facts f WHERE {scope}",
        params,
    )
    latest: dict[tuple[str, str], tuple[str, int, int]] = {}
    keys: list[tuple[str, int, int]] = []
    for fact_id, modality, jurisdiction, target_id, value, _ in light:
        key = (start_of(value), len(value), int(fact_id))
        keys.append(key)
        if modality == "asserted" and key > latest.get((target_id, jurisdiction), ("", 0, 0)):
            latest[(target_id, jurisdiction)] = key
    wanted: list[int] = []
    for (fact_id, modality, jurisdiction, target_id, _, contradicted), key in zip(light, keys, strict=True):
        floor = latest.get((target_id, jurisdiction))
        if modality == "asserted":
            if key == floor or contradicted:
                wanted.append(int(fact_id))
        elif floor is None or key > floor:
            wanted.append(int(fact_id))
    kept: list[Fact] = []
    for part in chunked(wanted):
        where, ids = reg.db.any_of("f.id", part, "bigint")
        for r in reg.db.query(f"{_FACT_SELECT} WHERE {where}", ids):
            if limit is not None and limit <= SOURCES_HEAD and r[18] is not None:
                kept.append(_fact_from_row(r, HeadSources(r[18], limit)))
            else:
                kept.append(_fact_from_row(r))
                unsourced.add(int(r[0]))
    return kept


class HeadSources(Sequence[Source]):
    """The first sources a fact row keeps as JSON, parsed only when someone looks.

    Status answers "listed since when, by whom" for hundreds of facts; most
    callers read the sources of a few of them.
    """

    __slots__ = ("_items", "_json", "_limit")

    def __init__(self, raw: str, limit: int) -> None:
        self._json = raw
        self._limit = limit
        self._items: tuple[Source, ...] | None = None

    def _parsed(self) -> tuple[Source, ...]:
        if self._items is None:
            self._items = tuple(_source_from_head(h) for h in json.loads(self._json)[: self._limit])
        return self._items

    def __len__(self) -> int:
        return len(self._parsed())

    @overload
    def __getitem__(self, index: int) -> Source: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Source]: ...

    def __getitem__(self, index: int | slice) -> Source | Sequence[Source]:
        return self._parsed()[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(self._parsed())

    def __repr__(self) -> str:
        return repr(self._parsed())


def _source_from_head(item: list[Any] | dict[str, Any]) -> Source:
    """One source of ``sources_head``: an array in :data:`HEAD_FIELDS` order (older rows: an object)."""
    h = item if isinstance(item, dict) else dict(zip(HEAD_FIELDS, item, strict=True))
    return Source(
        document_id=h["document_id"],
        source=h["source"],
        url=h["url"],
        reported_at=h["reported_at"],
        ingested_at=h["ingested_at"],
        evidence=tuple(h["evidence"]),
        modality=h["modality"],
        date=_date(h["date"], h["date_text"]),
        date_from_published=bool(h["date_from_published"]),
        authority=h["authority"],
        agent=h["agent"],
        rule=h["rule"],
        confidence=float(h["confidence"]),
    )


def _attach_sources(
    reg: Register, statuses: list[Status], limit: int | None, unsourced: set[int]
) -> list[Status]:
    """Read from events the sources of the facts in the answer that lack them."""
    wanted = {f.id for s in statuses for f in _facts_of(s)} & unsourced
    sources = _load_sources(reg, sorted(wanted), None, limit)

    def full(fact: Fact) -> Fact:
        return _with_sources(fact, sources.get(fact.id, [])) if fact.id in wanted else fact

    return [
        replace(
            s,
            fact=None if s.fact is None else full(s.fact),
            pending=tuple(map(full, s.pending)),
            denied=tuple(map(full, s.denied)),
            contradicted=tuple(map(full, s.contradicted)),
        )
        for s in statuses
    ]


def _facts_of(status_: Status) -> Iterable[Fact]:
    if status_.fact is not None:
        yield status_.fact
    yield from status_.pending
    yield from status_.denied
    yield from status_.contradicted


def timeline(
    reg: Register, name: str, jurisdiction: str | None = None, known_on: str | None = None
) -> tuple[Group, list[Fact]]:
    """Every fact about a group, in legal order (undated facts last)."""
    group = resolve_group(reg, name)
    ids = _group_ids(reg, group)
    where = _in("f.target_id", ids)
    params: list[object] = list(ids)
    if jurisdiction:
        where += " AND f.jurisdiction = ?"
        params.append(jurisdiction.upper())
    facts = load_facts(reg, where, params, known_on=known_on)
    return group, sorted(facts, key=Fact.sort_key)


def changes(
    reg: Register, since: str, until: str | None = None, recorded: bool = False, known_on: str | None = None
) -> list[Fact]:
    """Designation facts that moved since a day: by legal date, or by record time with ``recorded``."""
    low = since if recorded else interval(since)[0]
    high = None if not until else record_cutoff(until) if recorded else end_of(until)
    if known_on is None:
        column = "f.first_ingested_at" if recorded else "f.date_start"
        where = f"{column} >= ? AND {_in('f.type', STATUS_TYPES)}"
        params: list[object] = [low, *STATUS_TYPES]
        if high is not None:
            where += f" AND {column} < ?" if recorded else f" AND {column} <= ?"
            params.append(high)
        facts = load_facts(reg, where, params)
    else:
        facts = [
            f for f in _changes_known_on(reg, low, high, recorded, known_on) if _moved(f, low, high, recorded)
        ]
    return sorted(facts, key=lambda f: (f.first_ingested_at, *f.sort_key()) if recorded else f.sort_key())


def _changes_known_on(reg: Register, low: str, high: str | None, recorded: bool, known_on: str) -> list[Fact]:
    """Facts that may have moved in the window as known on a record time (the caller filters exactly).

    A fact's row says what it is now; rebuilt from fewer sources its record
    times and its date may differ. Unless a review retired one of its events
    after ``known_on`` (those facts are all read), its sources then are a
    subset of its live ones: a later first record time, or a date of the same
    year (or, borrowed from publication, up to a month into the next).
    """
    if recorded:
        window = "f.last_ingested_at >= ?" + ("" if high is None else " AND f.first_ingested_at < ?")
    else:
        window = "f.date_start >= ?" + ("" if high is None else " AND f.date_start <= ?")
        low = f"{int(low[:4]) - 1:04d}-01-01"
        high = None if high is None else f"{high[:4]}-12-31"
    params: list[object] = [low] if high is None else [low, high]
    # Deduplicated here: DISTINCT would steer SQLite to scan events by fact.
    rows = reg.db.query("SELECT fact_id FROM events WHERE retired_at >= ?", (record_cutoff(known_on),))
    touched = sorted({int(r[0]) for r in rows})
    if touched:
        also, ids = reg.db.any_of("f.id", touched, "bigint")
        window = f"({window}) OR {also}"
        params += ids
    return load_facts(
        reg, f"{_in('f.type', STATUS_TYPES)} AND ({window})", [*STATUS_TYPES, *params], known_on
    )


def _moved(fact: Fact, low: str, high: str | None, recorded: bool) -> bool:
    """Whether a rebuilt fact falls in a window of record time (``high`` exclusive) or legal time."""
    if recorded:
        return fact.first_ingested_at >= low and (high is None or fact.first_ingested_at < high)
    start = fact.date_start
    return start is not None and start >= low and (high is None or start <= high)
