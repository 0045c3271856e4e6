"""The register: documents, mentions, events and merged facts in SQLite or PostgreSQL."""

from __future__ import annotations

import gc
import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fehrest.model import Document, Event, modality_class
from fehrest.register.backend import Backend, Row, open_backend
from fehrest.register.dates import compatible, interval, utc_now
from fehrest.register.facts import (
    DatedClaim,
    dates_match,
    fact_key,
    opposite_key,
    refine_date,
    stronger_modality,
)
from fehrest.register.migrations import migrate

_encode_string: Callable[[str], str] = json.encoder.encode_basestring

Clock = Callable[[], str]
_CHUNK = 500  # parameters per IN (...) list, well under both servers' limits
# Fact keys kept in memory between batches (a few facts, 400 bytes each, per key); past this, start afresh.
_CACHE_LIMIT = 250_000


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What one call to :meth:`Register.store_documents` changed."""

    new_documents: int = 0
    unchanged_documents: int = 0
    new_events: int = 0
    new_facts: int = 0
    new_document_ids: tuple[str, ...] = ()

    def __add__(self, other: StoreResult) -> StoreResult:
        return StoreResult(
            self.new_documents + other.new_documents,
            self.unchanged_documents + other.unchanged_documents,
            self.new_events + other.new_events,
            self.new_facts + other.new_facts,
            self.new_document_ids + other.new_document_ids,
        )


@dataclass(slots=True)
class _FactState:
    """A fact being merged in memory during one batch."""

    id: int | None
    key: str
    type: str
    modality: str
    jurisdiction: str | None
    actor_id: str | None
    actor_name: str | None
    target_id: str
    claim: DatedClaim
    authority: str | None
    list_name: str | None
    program: str | None
    stance: str | None
    contradicted: bool
    source_count: int
    first_ingested_at: str
    last_ingested_at: str
    # sources_head as JSON text, appended to in place: no decode and re-encode.
    # None when the row has none, or has a full one we did not read.
    head: str | None = None
    # dirty: the row needs an update; changed: more than the count, the last
    # record time and the head changed (so the indexed columns are rewritten).
    dirty: bool = False
    changed: bool = False
    events: list[tuple[Any, ...]] = field(default_factory=list)

    def settle(self) -> None:
        """Forget what was written: the state now matches its row (a full head is not kept)."""
        self.events = []
        self.dirty = self.changed = False
        if self.source_count >= SOURCES_HEAD:
            self.head = None

    def head_wants_more(self) -> bool:
        """Whether the next source goes into ``sources_head`` (call before counting it)."""
        return self.head is not None and self.source_count < SOURCES_HEAD

    def add_to_head(self, source_json: str) -> None:
        """Keep a source on the fact row while it is among the first few (call before counting it)."""
        if self.head is not None and self.source_count < SOURCES_HEAD:
            self.head = self.head[:-1] + ("," if self.source_count else "") + source_json + "]"

    def preference(self, claim: DatedClaim) -> tuple[int, int, str, int]:
        """Among matching facts: the same value first, then text-dated, then latest, then oldest id."""
        return (
            int(self.claim.value == claim.value),
            int(not self.claim.from_published),
            self.claim.value or "",
            -(self.id or 1 << 62),
        )


# How many sources a fact row keeps in ``sources_head`` (the rest stay in events).
SOURCES_HEAD = 3
# The order of a source's values in ``sources_head`` (older rows hold objects with these keys).
HEAD_FIELDS = (
    "document_id",
    "source",
    "url",
    "reported_at",
    "ingested_at",
    "evidence",
    "modality",
    "date",
    "date_text",
    "date_from_published",
    "authority",
    "agent",
    "rule",
    "confidence",
)
# A full head never changes again: merging does not read it.
_FACT_COLUMNS = (
    "id, fact_key, type, modality, jurisdiction, actor_id, actor_name, target_id, date_value, "
    "date_from_published, authority, list, program, stance, contradicted, source_count, "
    f"first_ingested_at, last_ingested_at, CASE WHEN source_count < {SOURCES_HEAD} THEN sources_head END"
)


def _state_from_row(row: Row) -> _FactState:
    return _FactState(
        id=int(row[0]),
        key=row[1],
        type=row[2],
        modality=row[3],
        jurisdiction=row[4],
        actor_id=row[5],
        actor_name=row[6],
        target_id=row[7],
        claim=DatedClaim(row[8], bool(row[9])),
        authority=row[10],
        list_name=row[11],
        program=row[12],
        stance=row[13],
        contradicted=bool(row[14]),
        source_count=int(row[15]),
        first_ingested_at=row[16],
        last_ingested_at=row[17],
        head=row[18],
    )


def chunked(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    """Split a sequence into slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def default_register_path() -> Path:
    """Where the embedded register lives unless ``--db`` or ``FEHREST_DB`` says otherwise."""
    import platformdirs

    return Path(platformdirs.user_data_dir("fehrest")) / "register.sqlite"


class Register:
    """A sourced, time-aware register over one database connection.

    ``clock`` returns the record time (UTC ISO timestamp) stamped on what is
    stored; tests pass their own to replay history.
    """

    def __init__(self, db: Backend, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock
        migrate(db, clock())
        # Facts merged by earlier batches, by key, kept while nobody else writes
        # (see _fact_cache): the next batch then reads no fact it has seen.
        self._cache: dict[str, list[_FactState]] = {}
        self._cache_mark: object | None = None

    @classmethod
    def open(cls, target: str | Path | None = None, clock: Clock = utc_now) -> Register:
        """Open (creating and migrating) the register at a path or ``postgresql://`` URL."""
        return cls(open_backend(target if target is not None else default_register_path()), clock)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------

    def store_documents(self, docs: Iterable[Document], kind: str = "article") -> StoreResult:
        """Store documents with their mentions and events, merging events into facts.

        All in one transaction: either the whole batch is stored or none of it.
        A document whose content hash is already stored is skipped (idempotent).
        """
        batch = list(docs)
        if not batch:
            return StoreResult()
        now = self.clock()
        own = not self.db.in_transaction()
        try:
            with _gc_paused(), self.db.transaction():
                cache = self._fact_cache(own)
                fresh = self._fresh_documents(batch)
                self._insert_documents(fresh, kind, now)
                new_events, new_facts = self._merge_events(fresh, now, cache)
        except BaseException:
            self._forget_facts()
            raise
        if cache is not None:
            self._cache_mark = self.db.change_mark()
        return StoreResult(
            new_documents=len(fresh),
            unchanged_documents=len(batch) - len(fresh),
            new_events=new_events,
            new_facts=new_facts,
            new_document_ids=tuple(d.id for d in fresh),
        )

    def record_failure(self, source: str, problem: str, line: int | None = None) -> None:
        """Keep a failed input in the register, so a batch's problems outlive its output."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO failures (source, line, problem, recorded_at) VALUES (?, ?, ?, ?)",
                (source, line, problem, self.clock()),
            )

    def add_group(self, group_id: str, name: str, wikidata: str | None, aliases: Iterable[str] = ()) -> None:
        """Make a group known, with the aliases it can be found by."""
        with self.db.transaction():
            self._insert_groups(
                [(group_id, name, wikidata)], [(name, group_id), *((a, group_id) for a in aliases)]
            )

    def _fresh_documents(self, batch: list[Document]) -> list[Document]:
        hashes = list({d.content_hash for d in batch})
        known: set[str] = set()
        for part in chunked(hashes):
            marks = ",".join("?" * len(part))
            known.update(
                r[0]
                for r in self.db.query(
                    f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})", part
                )
            )
        fresh: list[Document] = []
        for doc in batch:
            if doc.content_hash not in known:
                known.add(doc.content_hash)
                fresh.append(doc)
        return fresh

    def _insert_documents(self, docs: list[Document], kind: str, now: str) -> None:
        self.db.executemany(
            "INSERT INTO documents (id, content_hash, kind, source, url, title, language, published, "
            "published_inferred, ingested_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            [
                (
                    d.id,
                    d.content_hash,
                    kind,
                    d.source,
                    d.url,
                    d.title,
                    d.language,
                    d.published,
                    int(d.published_inferred),
                    now,
                    d.text,
                )
                for d in docs
            ],
        )
        mentions = [
            (d.id, m.start, m.end, m.text, m.kind, m.entity_id, m.name, m.jurisdiction, m.role)
            for d in docs
            for m in d.mentions or ()
        ]
        self.db.executemany(
            "INSERT INTO mentions (document_id, start_offset, end_offset, text, kind, entity_id, name, "
            "jurisdiction, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            mentions,
        )
        groups: dict[str, tuple[str, str, str | None]] = {}
        aliases: set[tuple[str, str]] = set()
        for d in docs:
            for e in d.events or ():
                groups.setdefault(e.target.id, (e.target.id, e.target.name, e.target.wikidata))
                aliases.add((e.target.name, e.target.id))
            for m in d.mentions or ():
                if m.kind == "group" and m.entity_id and m.entity_id in groups:
                    aliases.add((m.text, m.entity_id))
        self._insert_groups(list(groups.values()), list(aliases))

    def _insert_groups(
        self, groups: list[tuple[str, str, str | None]], aliases: list[tuple[str, str]]
    ) -> None:
        self.db.executemany(
            "INSERT INTO groups (id, name, wikidata) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING", groups
        )
        self.db.executemany(
            "INSERT INTO group_aliases (alias, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(alias.casefold(), gid) for alias, gid in aliases if alias.strip()],
        )

    def _load_facts(
        self, keys: Iterable[str], cache: dict[str, list[_FactState]]
    ) -> dict[str, list[_FactState]]:
        """The facts of each key: from the cache, else read (and then cached)."""
        missing = sorted(k for k in set(keys) if k not in cache)
        for part in chunked(missing):
            where, params = self.db.any_of("fact_key", part)
            # A retired fact takes no new sources: a report after its review starts a fact afresh.
            sql = f"SELECT {_FACT_COLUMNS} FROM facts WHERE {where} AND retired_at IS NULL"
            for row in self.db.query(sql, params):
                state = _state_from_row(row)
                cache.setdefault(state.key, []).append(state)
        for key in missing:
            cache.setdefault(key, [])
        return cache

    def merge_events(self, docs: Sequence[Document], now: str | None = None) -> tuple[int, int]:
        """Merge the events of documents already stored into facts, as ingestion does.

        For callers that add events to a stored document (review's corrections):
        the documents are not inserted or checked. Returns (events stored, facts
        created). Runs in the caller's transaction, or in one of its own.
        """
        self._forget_facts()
        with self.db.transaction():
            return self._merge_events(list(docs), self.clock() if now is None else now)

    def retire_event(self, event_id: int, at: str | None = None) -> int | None:
        """Withdraw a live event from the register's current answers as of record time ``at``.

        The event stays, with ``retired_at``, so questions asked ``known_on``
        an earlier time still see it; nothing is deleted. Returns the id of
        its fact (which the caller refolds), or None when no live event has
        that id. Runs in the caller's transaction, or in one of its own.
        """
        self._forget_facts()
        with self.db.transaction():
            rows = self.db.query(
                "SELECT fact_id FROM events WHERE id = ? AND retired_at IS NULL", (event_id,)
            )
            if not rows:
                return None
            self.db.execute(
                "UPDATE events SET retired_at = ? WHERE id = ?",
                (self.clock() if at is None else at, event_id),
            )
        return int(rows[0][0])

    def retire_fact(self, fact_id: int, at: str | None = None) -> None:
        """Withdraw a fact left without live events (its row stays, as it last stood)."""
        self._forget_facts()
        with self.db.transaction():
            self.db.execute(
                "UPDATE facts SET retired_at = ? WHERE id = ? AND retired_at IS NULL",
                (self.clock() if at is None else at, fact_id),
            )

    def _fact_cache(self, own: bool) -> dict[str, list[_FactState]] | None:
        """The facts kept from earlier batches, when they still hold (call inside the transaction).

        They hold when this batch commits on its own (no outer transaction may
        roll it back) and nobody, on this connection or another, wrote since
        the last batch. PostgreSQL cannot tell cheaply, so it keeps none.
        """
        mark = self.db.change_mark()
        if not own or mark is None:
            self._forget_facts()
            return None
        if mark != self._cache_mark or len(self._cache) > _CACHE_LIMIT:
            self._cache = {}
        return self._cache

    def _forget_facts(self) -> None:
        self._cache = {}
        self._cache_mark = None

    def _merge_events(
        self, docs: list[Document], now: str, cache: dict[str, list[_FactState]] | None = None
    ) -> tuple[int, int]:
        keyed = [
            (fact_key(e.type, e.actor.jurisdiction, e.actor.id, e.target.id, e.modality), d, e)
            for d in docs
            for e in d.events or ()
        ]
        if not keyed:
            return 0, 0
        keys = {k for k, _, _ in keyed}
        wanted = keys | {o for k in keys if (o := opposite_key(k)) is not None}
        facts = self._load_facts(wanted, {} if cache is None else cache)
        touched: dict[int, _FactState] = {}
        prefix_of: Document | None = None
        prefix = ""
        for key, doc, event in keyed:
            claim = _claim_of(event, doc)
            state = self._match(facts[key], claim)
            if state is None:
                state = _new_state(key, doc, event, claim, now)
                facts[key].append(state)
            else:
                _absorb(state, event, doc, claim)
                state.last_ingested_at = now
                state.dirty = True
            if state.head_wants_more():
                if doc is not prefix_of:
                    prefix_of, prefix = doc, _head_prefix(doc, now)
                state.add_to_head(prefix + _head_rest(event, claim))
            state.source_count += 1
            state.events.append(_event_row(doc, event, claim, now))
            touched[id(state)] = state
        flagged = self._flag_contradictions(facts, touched.values())
        created = [s for s in touched.values() if s.id is None]
        self._insert_facts(created)
        involved = [*touched.values(), *flagged]
        self._update_facts(list({id(s): s for s in involved if s.dirty and s.id is not None}.values()))
        rows = [(state.id, *row) for state in touched.values() for row in state.events]
        self.db.executemany(
            "INSERT INTO events (fact_id, document_id, event_key, type, modality, jurisdiction, actor_id, "
            "actor_name, authority, agent, target_id, target_name, list, program, date_value, "
            "date_precision, date_text, date_from_published, stance, confidence, rule, reason, evidence, "
            "reported_at, ingested_at) VALUES (" + ", ".join("?" * 25) + ")",
            rows,
        )
        for state in involved:
            state.settle()
        return len(rows), len(created)

    @staticmethod
    def _match(candidates: list[_FactState], claim: DatedClaim) -> _FactState | None:
        if len(candidates) == 1:
            only = candidates[0]
            return only if dates_match(only.claim, claim) else None
        matching = [s for s in candidates if dates_match(s.claim, claim)]
        return max(matching, key=lambda s: s.preference(claim)) if matching else None

    @staticmethod
    def _flag_contradictions(
        facts: dict[str, list[_FactState]], touched: Iterable[_FactState]
    ) -> list[_FactState]:
        """Flag asserted LIST/DELIST facts whose dates may be the same day; return the facts flagged.

        Only a new fact or a new date can make a contradiction: other pairs were
        checked when they were last written (flags stay until a review refolds).
        """
        flagged: list[_FactState] = []
        for a in touched:
            if a.id is not None and not a.changed:
                continue
            other = opposite_key(a.key)
            if other is None or not a.claim.value:
                continue
            for b in facts.get(other, ()):
                if b.claim.value and compatible(a.claim.value, b.claim.value):
                    for s in (a, b):
                        if not s.contradicted:
                            s.contradicted = s.dirty = s.changed = True
                            flagged.append(s)
        return flagged

    def _insert_facts(self, states: list[_FactState]) -> None:
        if not states:
            return
        sql = (
            "INSERT INTO facts (id, fact_key, type, modality, modality_class, jurisdiction, actor_id, "
            "actor_name, target_id, date_value, date_precision, date_start, date_end, date_from_published, "
            "authority, list, program, stance, contradicted, source_count, first_ingested_at, "
            "last_ingested_at, sources_head) "
            "VALUES (" + ", ".join("?" * 23) + ")"
        )
        # Ids reserved up front let one executemany insert every new fact.
        ids = self.db.allocate_ids("facts", len(states))
        for state, new_id in zip(states, ids, strict=True):
            state.id = new_id
            state.dirty = state.changed = False
        self.db.executemany(sql, [(s.id, *_fact_row(s)) for s in states])

    def _update_facts(self, states: list[_FactState]) -> None:
        """Write merged facts back; most merges only count a source, which leaves the indexes alone."""
        # A head left unread (full) or absent stays as the row has it.
        self.db.executemany(
            "UPDATE facts SET source_count = ?, last_ingested_at = ?, "
            "sources_head = COALESCE(?, sources_head) WHERE id = ?",
            [(s.source_count, s.last_ingested_at, s.head, s.id) for s in states if not s.changed],
        )
        self.db.executemany(
            "UPDATE facts SET modality = ?, date_value = ?, date_precision = ?, date_start = ?, "
            "date_end = ?, date_from_published = ?, authority = ?, list = ?, program = ?, contradicted = ?, "
            "source_count = ?, last_ingested_at = ?, sources_head = COALESCE(?, sources_head) WHERE id = ?",
            [
                (
                    s.modality,
                    *_date_columns(s.claim),
                    int(s.claim.from_published),
                    s.authority,
                    s.list_name,
                    s.program,
                    int(s.contradicted),
                    s.source_count,
                    s.last_ingested_at,
                    s.head,
                    s.id,
                )
                for s in states
                if s.changed
            ],
        )


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a batch is merged.

    A batch makes tens of thousands of small acyclic objects; with a large
    heap each generation-2 pass rescans it all, which halved ingestion speed.
    Reference counting still frees everything; the collector resumes after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _claim_of(event: Event, doc: Document) -> DatedClaim:
    """The date an event gives, or its document's publication day when the text gives none."""
    if event.date is not None:
        return DatedClaim(event.date.value)
    if doc.published:
        return DatedClaim(doc.published[:10], from_published=True)
    return DatedClaim(None)


def _program_of(event: Event, doc: Document) -> str | None:
    """The official-list programme (UN 1988, SDGT…) an importer put in the document's meta."""
    programs = doc.meta.get("programs")
    return programs.get(event.id) if isinstance(programs, dict) else None


def _absorb(state: _FactState, event: Event, doc: Document, claim: DatedClaim) -> None:
    """Merge what one more source says into a fact: a finer date, a stronger modality, blanks filled."""
    before = (state.claim, state.modality, state.authority, state.list_name, state.program)
    state.claim = refine_date(state.claim, claim)
    state.modality = stronger_modality(state.modality, event.modality)
    state.authority = state.authority or event.authority
    state.list_name = state.list_name or event.list
    if state.program is None:
        state.program = _program_of(event, doc)
    if (state.claim, state.modality, state.authority, state.list_name, state.program) != before:
        state.changed = True


def _date_columns(claim: DatedClaim) -> tuple[str | None, str | None, str | None, str | None]:
    if claim.value is None:
        return None, None, None, None
    start, end = interval(claim.value)
    return claim.value, claim.precision, start, end


def _new_state(key: str, doc: Document, event: Event, claim: DatedClaim, now: str) -> _FactState:
    return _FactState(
        id=None,
        key=key,
        type=event.type,
        modality=event.modality,
        jurisdiction=event.actor.jurisdiction,
        actor_id=event.actor.id,
        actor_name=event.actor.name,
        target_id=event.target.id,
        claim=claim,
        authority=event.authority,
        list_name=event.list,
        program=_program_of(event, doc),
        stance=event.stance,
        contradicted=False,
        source_count=0,
        first_ingested_at=now,
        last_ingested_at=now,
        head="[]",
    )


def _fact_row(s: _FactState) -> tuple[Any, ...]:
    return (
        s.key,
        s.type,
        s.modality,
        modality_class(s.modality),
        s.jurisdiction,
        s.actor_id,
        s.actor_name,
        s.target_id,
        *_date_columns(s.claim),
        int(s.claim.from_published),
        s.authority,
        s.list_name,
        s.program,
        s.stance,
        int(s.contradicted),
        s.source_count,
        s.first_ingested_at,
        s.last_ingested_at,
        s.head,
    )


def _text(value: str | None) -> str:
    return "null" if value is None else _encode_string(value)


def _head_prefix(doc: Document, now: str) -> str:
    """The document's part of a ``sources_head`` entry (shared by its events)."""
    return f"[{_text(doc.id)},{_text(doc.source)},{_text(doc.url)},{_text(doc.published)},{_text(now)},"


def _head_rest(e: Event, claim: DatedClaim) -> str:
    """The event's part of a ``sources_head`` entry: with the prefix, an array in :data:`HEAD_FIELDS` order.

    Written by hand (strings through the json module's C encoder): an array of
    fourteen values is half the size of an object and several times as fast to make.
    """
    evidence = ",".join(_encode_string(v.text) for v in e.evidence)
    confidence = float(e.confidence)
    return (
        f"[{evidence}],{_text(e.modality)},{_text(claim.value)},"
        f"{_text(None if e.date is None else e.date.text)},{'true' if claim.from_published else 'false'},"
        f"{_text(e.authority)},{_text(e.agent)},{_text(e.rule)},"
        f"{repr(confidence) if math.isfinite(confidence) else json.dumps(confidence)}]"
    )


def _evidence_json(e: Event) -> str:
    """The evidence spans as ``json.dumps`` writes them (review reads them back), made faster."""
    return (
        "["
        + ", ".join(
            f'{{"text": {_encode_string(v.text)}, "start": {int(v.start)}, "end": {int(v.end)}}}'
            for v in e.evidence
        )
        + "]"
    )


def _event_row(doc: Document, e: Event, claim: DatedClaim, now: str) -> tuple[Any, ...]:
    evidence = _evidence_json(e)
    return (
        doc.id,
        e.id,
        e.type,
        e.modality,
        e.actor.jurisdiction,
        e.actor.id,
        e.actor.name,
        e.authority,
        e.agent,
        e.target.id,
        e.target.name,
        e.list,
        _program_of(e, doc),
        claim.value,
        claim.precision,
        None if e.date is None else e.date.text,
        int(claim.from_published),
        e.stance,
        e.confidence,
        e.rule,
        e.reason,
        evidence,
        doc.published,
        now,
    )
