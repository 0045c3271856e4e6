"""The HTTP API: the register's answers in the JSON shapes the CLI prints, plus review and ingest.

Routes are plain (sync) functions: FastAPI runs them in its thread pool, and
each thread reads through its own register connection.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator

from fehrest.errors import FehrestError
from fehrest.model import Document
from fehrest.register.facts import Fact
from fehrest.register.query import Group, changes, load_facts, status, timeline
from fehrest.register.report import fact_json, status_json
from fehrest.register.review import (
    InvalidReviewError,
    ReviewConflictError,
    UnknownEventError,
    audit_entries,
    document_events,
    get_event,
    record_audit,
    review_event,
    review_queue,
)
from fehrest.register.store import Register
from fehrest.web.deps import (
    RegisterDep,
    TokenDep,
    check_date,
    check_jurisdiction,
    check_known_on,
    find_group,
)
from fehrest.web.errors import ApiError
from fehrest.web.views import bands_json, group_aliases, search_groups, timeline_bands

router = APIRouter(prefix="/api", tags=["register"])

GroupPath = Annotated[str, Path(description="The group: its id or any alias in any language.")]
AsOf = Annotated[str | None, Query(description="Legal date, YYYY-MM-DD, YYYY-MM or YYYY (default: today).")]
KnownOn = Annotated[
    str | None, Query(description="Answer from what the register held then (a date or ISO timestamp).")
]
Jurisdiction = Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code, UN or EU.")]
Explain = Annotated[bool, Query(description="Include the evidence sentences, rules and confidences.")]
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items.")]
EventId = Annotated[int, Path(ge=1, le=2**62, description="The event's register id.")]


def ok(payload: Any, status_code: int = 200) -> JSONResponse:
    """Answer JSON as it is (our payloads are already plain JSON values)."""
    return JSONResponse(payload, status_code=status_code)


@router.get("/health", summary="Is the service up", tags=["service"])
def health(reg: RegisterDep) -> JSONResponse:
    """Answer ``ok`` with the register's schema version, after one query to the database."""
    version = reg.db.query("SELECT MAX(version) FROM schema_migrations")[0][0]
    return ok({"status": "ok", "schema_version": int(version)})


@router.get("/groups", summary="Search groups by any alias in any language")
def search(
    reg: RegisterDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="A name in Persian, English…")],
    limit: Limit = 20,
) -> JSONResponse:
    """Groups whose id, name or alias contains ``q`` (letter variants, ZWNJ and case forgiven)."""
    return ok({"query": q, "groups": search_groups(reg, q, limit)})


@router.get("/groups/{group}", summary="One group with its aliases")
def group_info(reg: RegisterDep, group: GroupPath) -> JSONResponse:
    """The group a name stands for, every alias known for it, and the jurisdictions with facts about it."""
    found = find_group(reg, group)
    rows = reg.db.query(
        "SELECT DISTINCT jurisdiction FROM facts WHERE target_id = ? AND jurisdiction IS NOT NULL "
        "AND retired_at IS NULL ORDER BY jurisdiction",
        (found.id,),
    )
    return ok(
        {
            "group": {"id": found.id, "name": found.name, "wikidata": found.wikidata},
            "aliases": group_aliases(reg, found.id, found.wikidata),
            "jurisdictions": [r[0] for r in rows],
        }
    )


@router.get("/groups/{group}/status", summary="Status as of a date, per jurisdiction")
def group_status(
    reg: RegisterDep,
    group: GroupPath,
    as_of: AsOf = None,
    jurisdiction: Jurisdiction = None,
    known_on: KnownOn = None,
    explain: Explain = False,
) -> JSONResponse:
    """Listed / not listed / suspended / unknown per jurisdiction: since when, by whom, on which sources.

    The same JSON as ``fehrest status --format json``.
    """
    day = check_date(as_of, "as_of")
    code = check_jurisdiction(jurisdiction)
    record = check_known_on(known_on)
    try:
        report = status(reg, group, day, code, record)
    except FehrestError as exc:  # the only one left is "no such group" (or several)
        raise ApiError(404, str(exc)) from None
    return ok(status_json(report, explain))


def group_timeline_facts(
    reg: Register, group: str, jurisdiction: str | None, known_on: str | None
) -> tuple[Group, list[Fact]]:
    """The timeline of a group, or 404."""
    try:
        return timeline(reg, group, jurisdiction, known_on)
    except FehrestError as exc:
        raise ApiError(404, str(exc)) from None


@router.get("/groups/{group}/timeline", summary="Every fact about a group, in legal order")
def group_timeline(
    reg: RegisterDep,
    group: GroupPath,
    jurisdiction: Jurisdiction = None,
    known_on: KnownOn = None,
    explain: Explain = False,
) -> JSONResponse:
    """The same JSON as ``fehrest timeline --format json``."""
    code = check_jurisdiction(jurisdiction)
    found, facts = group_timeline_facts(reg, group, code, check_known_on(known_on))
    return ok(
        {"group": {"id": found.id, "name": found.name}, "facts": [fact_json(f, explain) for f in facts]}
    )


@router.get("/groups/{group}/bands", summary="The timeline as chart bands and proposal markers")
def group_bands(reg: RegisterDep, group: GroupPath, known_on: KnownOn = None) -> JSONResponse:
    """Per jurisdiction: stretches of listed / not listed / suspended, and proposals as markers.

    A band runs from an asserted fact's first day to the next asserted fact
    (or today), so the band under a day is what status says for that day.
    """
    found, facts = group_timeline_facts(reg, group, None, check_known_on(known_on))
    today = reg.clock()[:10]
    payload = {"group": {"id": found.id, "name": found.name}, "today": today}
    payload.update(bands_json(*timeline_bands(facts, today)))
    return ok(payload)


@router.get("/changes", summary="Designations that moved since a date")
def changes_since(
    reg: RegisterDep,
    since: Annotated[str, Query(description="From this date (legal; record time with recorded=true).")],
    until: Annotated[str | None, Query(description="Up to this date.")] = None,
    recorded: Annotated[bool, Query(description="By when the register learnt it.")] = False,
    explain: Explain = False,
) -> JSONResponse:
    """The same JSON as ``fehrest changes --format json``."""
    start = check_date(since, "since")
    end = check_date(until, "until")
    assert start is not None
    facts = changes(reg, start, end, recorded)
    return ok({"since": since, "until": until, "facts": [fact_json(f, explain) for f in facts]})


@router.get("/facts/{fact_id}", summary="One fact with its sources and events")
def fact_detail(
    reg: RegisterDep, fact_id: Annotated[int, Path(ge=1, le=2**62, description="The fact's id.")]
) -> JSONResponse:
    """A merged fact with every source's evidence, and the ids of the events it is made of."""
    facts = load_facts(reg, "f.id = ?", [fact_id])
    if not facts:
        raise ApiError(404, f"no fact {fact_id} in the register")
    events = [
        int(r[0])
        for r in reg.db.query(
            "SELECT id FROM events WHERE fact_id = ? AND retired_at IS NULL ORDER BY id", (fact_id,)
        )
    ]
    return ok({**fact_json(facts[0], explain=True), "events": events})


_DOCUMENT_COLUMNS = "id, source, url, title, language, published, published_inferred, ingested_at, kind"


def _document_json(row: tuple[Any, ...]) -> dict[str, Any]:
    return {
        "id": row[0],
        "source": row[1],
        "url": row[2],
        "title": row[3],
        "language": row[4],
        "published": row[5],
        "published_inferred": bool(row[6]),
        "ingested_at": row[7],
        "kind": row[8],
    }


@router.get("/documents", summary="Documents in the register, newest first")
def documents(reg: RegisterDep, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    """Documents by ingestion time, newest first, without their text."""
    rows = reg.db.query(
        f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY ingested_at DESC, id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return ok({"documents": [_document_json(r) for r in rows]})


def document_payload(reg: RegisterDep, document_id: str) -> dict[str, Any]:
    """A document with its text, mentions and events (raw offsets), or 404."""
    rows = reg.db.query(f"SELECT {_DOCUMENT_COLUMNS}, text FROM documents WHERE id = ?", (document_id,))
    if not rows:
        raise ApiError(404, f"no document {document_id!r} in the register")
    doc = _document_json(rows[0])
    doc["text"] = rows[0][9]
    mentions = [
        {
            "start": int(r[0]),
            "end": int(r[1]),
            "text": r[2],
            "kind": r[3],
            "entity_id": r[4],
            "name": r[5],
            "jurisdiction": r[6],
            "role": r[7],
        }
        for r in reg.db.query(
            "SELECT start_offset, end_offset, text, kind, entity_id, name, jurisdiction, role FROM mentions "
            "WHERE document_id = ? ORDER BY start_offset, end_offset",
            (document_id,),
        )
    ]
    events = [e.to_json() for e in document_events(reg, document_id)]
    return {"document": doc, "mentions": mentions, "events": events}


@router.get("/documents/{document_id}", summary="A document with its annotations")
def document_detail(
    reg: RegisterDep,
    document_id: Annotated[str, Path(max_length=200, description="The document's id.")],
) -> JSONResponse:
    """The text, its mentions and its events, all with offsets into the raw text."""
    return ok(document_payload(reg, document_id))


class DocumentIn(BaseModel):
    """A document to ingest: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=2_000_000)
    source: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, description="ISO date (YYYY-MM-DD) of publication.")
    language: Literal["auto", "fa", "en"] = "auto"

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value

    @field_validator("published")
    @classmethod
    def _iso_day(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            raise ValueError("published must be an ISO date (YYYY-MM-DD)") from None


@router.post("/documents", status_code=201, summary="Ingest a document (needs a token)", tags=["write"])
def ingest_document(request: Request, reg: RegisterDep, token: TokenDep, body: DocumentIn) -> JSONResponse:
    """Extract events from the text and store them; re-sending the same text changes nothing."""
    doc = Document(
        text=body.text,
        source=body.source or body.url or f"api:{token.name}",
        language=body.language,
        published=body.published,
        title=body.title,
        url=body.url,
    )
    try:
        extracted = request.app.state.extract(doc)
    except FehrestError as exc:
        raise ApiError(422, f"extraction failed: {exc}") from None
    except Exception as exc:  # the extractor's crash is the server's problem, said plainly
        raise ApiError(503, f"extraction failed: {type(exc).__name__}: {exc}") from None
    result = reg.store_documents([extracted])
    new = result.new_documents == 1
    if new:
        record_audit(reg, "ingest", token.name, after={"document": extracted.id, "events": result.new_events})
    payload = document_payload(reg, extracted.id)
    payload["new"] = new
    return ok(payload, 201 if new else 200)


@router.get("/events/{event_id}", summary="One event with its review history")
def event_detail(reg: RegisterDep, event_id: EventId) -> JSONResponse:
    """The event as the extractor made it, where it sits in the register, and decisions taken on it."""
    stored = get_event(reg, event_id)
    history = audit_entries(reg, event_id=event_id)
    if stored is None:
        if history:
            return ok({"id": event_id, "removed": True, "audit": history})
        raise ApiError(404, f"no event {event_id} in the register")
    return ok({**stored.to_json(), "audit": history})


@router.get("/review/queue", summary="Events awaiting review, least confident first")
def queue(reg: RegisterDep, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    """Events no one has accepted, rejected or corrected yet."""
    return ok({"events": [e.to_json() for e in review_queue(reg, limit, offset)]})


class Changes(BaseModel):
    """What a reviewer corrects; fields left out stay as they are (``date: null`` clears the date)."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["LIST", "DELIST", "SUSPEND", "RECOGNIZE", "REACT"] | None = None
    modality: Literal["asserted", "planned", "possible", "denied"] | None = None
    date: str | None = Field(None, description="YYYY-MM-DD, YYYY-MM or YYYY; null for none.")
    target: str | None = Field(None, max_length=200, description="A group id or any alias.")
    jurisdiction: str | None = Field(None, max_length=2, description="ISO alpha-2, UN or EU.")


class ReviewIn(BaseModel):
    """A reviewer's decision on one event."""

    model_config = ConfigDict(extra="forbid")

    decision: Literal["accept", "reject", "correct"]
    changes: Changes | None = None
    note: str | None = Field(None, max_length=2000)


@router.post(
    "/events/{event_id}/review", summary="Accept, reject or correct an event (needs a token)", tags=["write"]
)
def review(reg: RegisterDep, token: TokenDep, event_id: EventId, body: ReviewIn) -> JSONResponse:
    """Record the decision in the audit log and apply it: status reflects it at once."""
    changes_given = {} if body.changes is None else body.changes.model_dump(exclude_unset=True)
    for name in ("type", "modality", "target"):
        if name in changes_given and changes_given[name] is None:
            raise ApiError(422, f"changes.{name} cannot be null")
    try:
        result = review_event(reg, event_id, body.decision, changes_given, token.name, body.note)
    except UnknownEventError as exc:
        raise ApiError(404, str(exc)) from None
    except ReviewConflictError as exc:
        raise ApiError(409, str(exc)) from None
    except InvalidReviewError as exc:
        raise ApiError(422, str(exc)) from None
    return ok(result.to_json())


@router.get("/audit", summary="The audit log, newest first")
def audit(
    reg: RegisterDep,
    limit: Limit = 100,
    event: Annotated[int | None, Query(ge=1, le=2**62, description="Only entries about this event.")] = None,
) -> JSONResponse:
    """Review decisions and ingests: who (token name), when, and the event before and after."""
    return ok({"entries": audit_entries(reg, event_id=event, limit=limit)})
