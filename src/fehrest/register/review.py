"""Review of extracted events: accept, reject or correct, each decision in the audit log.

Status reads facts, and facts are merged events, so a decision changes what
status says at once by changing which live events a fact is made of:

- *accept* changes nothing but the record (the event leaves the queue);
- *reject* retires the event at the decision's record time; its fact is
  refolded from the live events left (or retired too when none is left);
- *correct* does the same, then merges a corrected copy of the event (same
  document, same evidence, recorded at the decision's time) the way
  ingestion merges any event.

A decision is a record-time event like any report: nothing is deleted, so a
question asked ``known_on`` before the decision answers as the register did
then, and one asked on or after it answers as it does now. The audit entry
keeps the event before and after.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

from fehrest.errors import FehrestError
from fehrest.model import EVENT_TYPES, MODALITIES, Actor, DateValue, Document, Event, Evidence, Target
from fehrest.register.backend import Row
from fehrest.register.dates import interval, parse_user_date, precision_of
from fehrest.register.facts import flag_contradictions, fold_sources
from fehrest.register.query import load_facts, resolve_group
from fehrest.register.store import Register

DECISIONS = ("accept", "reject", "correct")
CORRECTABLE = ("type", "modality", "date", "target", "jurisdiction")
_SPECIAL_JURISDICTIONS = ("UN", "EU")


class UnknownEventError(FehrestError):
    """No event with that id is in the register."""


class ReviewConflictError(FehrestError):
    """The event was already taken out by an earlier decision."""


class InvalidReviewError(FehrestError):
    """The decision or its changes are not acceptable."""


@dataclass(frozen=True, slots=True)
class ReviewResult:
    """What one decision did: the audit entry, and the events and facts it touched."""

    audit_id: int
    decision: str
    reviewer: str | None
    recorded_at: str
    event_id: int
    fact_id: int
    new_event_id: int | None
    new_fact_id: int | None
    before: dict[str, Any]
    after: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


_EVENT_COLUMNS = (
    "e.id, e.document_id, e.fact_id, e.event_key, e.type, e.modality, e.jurisdiction, e.actor_id, "
    "e.actor_name, e.authority, e.agent, e.target_id, e.target_name, e.list, e.program, e.date_value, "
    "e.date_precision, e.date_text, e.date_from_published, e.stance, e.confidence, e.rule, e.reason, "
    "e.evidence, e.reported_at, e.ingested_at, g.wikidata, e.retired_at"
)
_EVENT_SELECT = f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN groups g ON g.id = e.target_id"


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as the register holds it: the model's event plus where it sits."""

    id: int
    document_id: str
    fact_id: int
    event: Event
    program: str | None
    date_from_published: bool
    reported_at: str | None
    ingested_at: str
    register_date: str | None
    retired_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        """``Event.to_json`` with the register's id (the extractor's id is ``key``) and placement."""
        out = self.event.to_json()
        out.update(
            id=self.id,
            key=self.event.id,
            document=self.document_id,
            fact=self.fact_id,
            register_date=None
            if self.register_date is None
            else {
                "value": self.register_date,
                "precision": precision_of(self.register_date),
                "from_published": self.date_from_published,
            },
            reported_at=self.reported_at,
            ingested_at=self.ingested_at,
            retired_at=self.retired_at,
        )
        out["actor"]["id"] = self.event.actor.id
        out["stance"] = self.event.stance
        out["reason"] = self.event.reason
        return out


def _stored_event(row: Row) -> StoredEvent:
    from_published = bool(row[18])
    value = row[15]
    date = None if value is None or from_published else DateValue(value, precision_of(value), row[17])
    event = Event(
        id=row[3],
        type=row[4],
        modality=row[5],
        actor=Actor(row[6], row[8], row[7]),
        target=Target(row[11], row[12], row[26]),
        evidence=tuple(Evidence(e["text"], int(e["start"]), int(e["end"])) for e in json.loads(row[23])),
        authority=row[9],
        agent=row[10],
        list=row[13],
        date=date,
        stance=row[19],
        confidence=float(row[20]),
        rule=row[21],
        reason=row[22],
    )
    return StoredEvent(
        id=int(row[0]),
        document_id=row[1],
        fact_id=int(row[2]),
        event=event,
        program=row[14],
        date_from_published=from_published,
        reported_at=row[24],
        ingested_at=row[25],
        register_date=value,
        retired_at=row[27],
    )


def get_event(reg: Register, event_id: int, retired: bool = False) -> StoredEvent | None:
    """The live event with this register id (or a retired one too, with ``retired``), or None."""
    live = "" if retired else " AND e.retired_at IS NULL"
    rows = reg.db.query(f"{_EVENT_SELECT} WHERE e.id = ?{live}", (event_id,))
    return _stored_event(rows[0]) if rows else None


def document_events(reg: Register, document_id: str) -> list[StoredEvent]:
    """The live events the register holds for one document, in evidence order."""
    rows = reg.db.query(
        f"{_EVENT_SELECT} WHERE e.document_id = ? AND e.retired_at IS NULL ORDER BY e.id", (document_id,)
    )
    return [_stored_event(r) for r in rows]


def review_queue(reg: Register, limit: int = 50, offset: int = 0) -> list[StoredEvent]:
    """Events no one has decided on yet, least confident first."""
    rows = reg.db.query(
        f"{_EVENT_SELECT} WHERE e.retired_at IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.event_id = e.id) "
        "AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.new_event_id = e.id) "
        "ORDER BY e.confidence, e.id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [_stored_event(r) for r in rows]


def audit_entries(reg: Register, event_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """The audit log, newest first (or only the entries about one event)."""
    sql = (
        "SELECT id, action, event_id, new_event_id, fact_id, actor, recorded_at, before_json, after_json, "
        "note FROM audit_log"
    )
    params: list[object] = []
    if event_id is not None:
        sql += " WHERE event_id = ? OR new_event_id = ?"
        params += [event_id, event_id]
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    return [
        {
            "id": int(r[0]),
            "action": r[1],
            "event": r[2],
            "new_event": r[3],
            "fact": r[4],
            "actor": r[5],
            "recorded_at": r[6],
            "before": None if r[7] is None else json.loads(r[7]),
            "after": None if r[8] is None else json.loads(r[8]),
            "note": r[9],
        }
        for r in reg.db.query(sql, params)
    ]


def record_audit(
    reg: Register,
    action: str,
    actor: str | None,
    *,
    event_id: int | None = None,
    new_event_id: int | None = None,
    fact_id: int | None = None,
    before: Any = None,
    after: Any = None,
    note: str | None = None,
    recorded_at: str | None = None,
) -> int:
    """Append one entry to the audit log; return its id."""
    with reg.db.transaction():
        return reg.db.insert_returning_id(
            "INSERT INTO audit_log (action, event_id, new_event_id, fact_id, actor, recorded_at, "
            "before_json, after_json, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                action,
                event_id,
                new_event_id,
                fact_id,
                actor,
                recorded_at or reg.clock(),
                None if before is None else json.dumps(before, ensure_ascii=False),
                None if after is None else json.dumps(after, ensure_ascii=False),
                note,
            ),
        )


def review_event(
    reg: Register,
    event_id: int,
    decision: str,
    changes: Mapping[str, Any] | None = None,
    reviewer: str | None = None,
    note: str | None = None,
) -> ReviewResult:
    """Accept, reject or correct one event; status reflects the decision as soon as this returns."""
    if decision not in DECISIONS:
        raise InvalidReviewError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    if decision != "correct" and changes:
        raise InvalidReviewError(f"'changes' go with decision 'correct', not {decision!r}")
    with reg.db.transaction():
        stored = get_event(reg, event_id)
        if stored is None:
            _raise_missing(reg, event_id)
        corrected = _corrected(reg, stored.event, changes or {}) if decision == "correct" else None
        now = reg.clock()
        before = stored.to_json()
        new_event_id: int | None = None
        new_fact_id: int | None = None
        after: dict[str, Any] | None = before if decision == "accept" else None
        if decision != "accept":
            reg.retire_event(event_id, now)
            _refold_fact(reg, stored.fact_id, now)
            pairs = {(stored.event.target.id, stored.event.actor.jurisdiction)}
            if corrected is not None:
                new = _merge_corrected(reg, stored, corrected, reviewer, now)
                new_event_id, new_fact_id, after = new.id, new.fact_id, new.to_json()
                pairs.add((corrected.target.id, corrected.actor.jurisdiction))
            for target_id, jurisdiction in pairs:
                _reflag_contradictions(reg, target_id, jurisdiction)
        audit_id = record_audit(
            reg,
            f"review.{decision}",
            reviewer,
            event_id=event_id,
            new_event_id=new_event_id,
            fact_id=stored.fact_id,
            before=before,
            after=after,
            note=note,
            recorded_at=now,
        )
    return ReviewResult(
        audit_id, decision, reviewer, now, event_id, stored.fact_id, new_event_id, new_fact_id, before, after
    )


def _raise_missing(reg: Register, event_id: int) -> NoReturn:
    gone = reg.db.query(
        "SELECT action, recorded_at FROM audit_log WHERE event_id = ? AND action IN (?, ?) "
        "ORDER BY id DESC LIMIT 1",
        (event_id, "review.reject", "review.correct"),
    )
    if gone:
        verb = "rejected" if gone[0][0] == "review.reject" else "corrected"
        raise ReviewConflictError(f"event {event_id} was already {verb} on {gone[0][1]}")
    raise UnknownEventError(f"no event {event_id} in the register")


def _corrected(reg: Register, event: Event, changes: Mapping[str, Any]) -> Event:
    """The event with a reviewer's changes applied, each checked."""
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise InvalidReviewError(
            f"cannot correct {', '.join(unknown)}; correctable fields: {', '.join(CORRECTABLE)}"
        )
    if not changes:
        raise InvalidReviewError("decision 'correct' needs 'changes' (type, modality, date, target)")
    out = event
    if "type" in changes:
        if changes["type"] not in EVENT_TYPES:
            raise InvalidReviewError(f"type must be one of {', '.join(EVENT_TYPES)}")
        out = dataclasses.replace(out, type=changes["type"])
    if "modality" in changes:
        if changes["modality"] not in MODALITIES:
            raise InvalidReviewError(f"modality must be one of {', '.join(MODALITIES)}")
        out = dataclasses.replace(out, modality=changes["modality"])
    if "date" in changes:
        out = dataclasses.replace(out, date=_date_change(changes["date"], event.date))
    if "jurisdiction" in changes:
        out = dataclasses.replace(out, actor=_actor_change(changes["jurisdiction"], event.actor))
    if "target" in changes:
        name = changes["target"]
        if not isinstance(name, str) or not name.strip():
            raise InvalidReviewError("target must be a group id or name")
        try:
            group = resolve_group(reg, name)
        except FehrestError as exc:
            raise InvalidReviewError(f"target: {exc}") from None
        reg.add_group(group.id, group.name, group.wikidata)
        out = dataclasses.replace(out, target=Target(group.id, group.name, group.wikidata))
    if out == event:
        raise InvalidReviewError("the changes leave the event as it was; accept it instead")
    return out


def _date_change(value: Any, old: DateValue | None) -> DateValue | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidReviewError("date must be YYYY-MM-DD, YYYY-MM, YYYY or null")
    try:
        parse_user_date(value, "date")
    except FehrestError as exc:
        raise InvalidReviewError(str(exc)) from None
    return DateValue(value, precision_of(value), None if old is None else old.text)


def _actor_change(value: Any, old: Actor) -> Actor:
    if value is None:
        if old.id is None:
            raise InvalidReviewError("jurisdiction may be null only for a non-state actor")
        return Actor(None, old.name, old.id)
    code = value.upper() if isinstance(value, str) else ""
    if not (len(code) == 2 and code.isascii() and code.isalpha()) and code not in _SPECIAL_JURISDICTIONS:
        raise InvalidReviewError("jurisdiction must be an ISO 3166-1 alpha-2 code, UN or EU")
    return Actor(code, old.name if code == old.jurisdiction else None, None)


def _refold_fact(reg: Register, fact_id: int, now: str) -> None:
    """Rebuild a fact from the live events it still has, or retire it when it has none."""
    found = load_facts(reg, "f.id = ?", [fact_id])
    if not found:
        return
    fact = found[0]
    if not fact.sources:
        reg.retire_fact(fact_id, now)
        return
    folded = fold_sources(fact, fact.sources)
    value = None if folded.date is None else folded.date.value
    start, end = (None, None) if value is None else interval(value)
    # sources_head NULL: status then reads the sources from the events the fact has left.
    reg.db.execute(
        "UPDATE facts SET modality = ?, date_value = ?, date_precision = ?, date_start = ?, date_end = ?, "
        "date_from_published = ?, authority = ?, source_count = ?, first_ingested_at = ?, "
        "last_ingested_at = ?, sources_head = NULL WHERE id = ?",
        (
            folded.modality,
            value,
            None if value is None else precision_of(value),
            start,
            end,
            int(folded.date_from_published),
            folded.authority,
            folded.source_count,
            folded.first_ingested_at,
            folded.last_ingested_at,
            fact_id,
        ),
    )


def _merge_corrected(
    reg: Register, stored: StoredEvent, corrected: Event, reviewer: str | None, now: str
) -> StoredEvent:
    """Merge the corrected event into the facts as ingestion would, from the same document."""
    key = f"{stored.event.id}+review"
    event = dataclasses.replace(
        corrected,
        id=key,
        confidence=1.0,
        reason=f"corrected by {reviewer or 'a reviewer'}",
    )
    programs = {key: stored.program} if stored.program else {}
    # Only the id and publication day of the document matter to merging.
    doc = Document(
        text="",
        source=stored.document_id,
        id=stored.document_id,
        content_hash="-",
        published=stored.reported_at,
        events=(event,),
        meta={"programs": programs},
    )
    reg.merge_events([doc], now)
    rows = reg.db.query(
        f"{_EVENT_SELECT} WHERE e.document_id = ? AND e.event_key = ? ORDER BY e.id DESC LIMIT 1",
        (stored.document_id, key),
    )
    return _stored_event(rows[0])


def _reflag_contradictions(reg: Register, target_id: str, jurisdiction: str | None) -> None:
    """Recompute the contradiction flags of one group in one jurisdiction after facts moved."""
    if jurisdiction is None:
        return
    facts = load_facts(
        reg, "f.target_id = ? AND f.jurisdiction = ?", [target_id, jurisdiction], with_sources=False
    )
    fresh = flag_contradictions([dataclasses.replace(f, contradicted=False) for f in facts])
    reg.db.executemany(
        "UPDATE facts SET contradicted = ? WHERE id = ?",
        [
            (int(new.contradicted), new.id)
            for new, old in zip(fresh, facts, strict=True)
            if new.contradicted != old.contradicted
        ],
    )
