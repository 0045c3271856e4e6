"""The data model every stage shares: a Document and the layers stages add to it.

All spans carry offsets into the document's *raw* text (``start``/``end``),
so evidence can be highlighted exactly whatever normalisation did. Spans found
on normalised text also keep their normalised offsets (``norm_start``/
``norm_end``) so later stages can work on the clean form.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

EventType = Literal["LIST", "DELIST", "SUSPEND", "RECOGNIZE", "REACT"]
Modality = Literal["asserted", "planned", "possible", "denied"]
Precision = Literal["day", "month", "year"]
Stance = Literal["welcome", "condemn", "other"]
MentionKind = Literal["jurisdiction", "group", "person", "body", "office"]

ModalityClass = Literal["asserted", "proposed", "denied"]

EVENT_TYPES: tuple[EventType, ...] = ("LIST", "DELIST", "SUSPEND", "RECOGNIZE", "REACT")
MODALITIES: tuple[Modality, ...] = ("asserted", "planned", "possible", "denied")
PRECISIONS: tuple[Precision, ...] = ("day", "month", "year")


def modality_class(modality: str) -> ModalityClass:
    """Asserted, proposed (possible or planned) or denied: what decides whether two reports agree."""
    if modality == "asserted":
        return "asserted"
    if modality == "denied":
        return "denied"
    return "proposed"


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document: raw offsets, plus normalised offsets when known."""

    start: int
    end: int
    norm_start: int = -1
    norm_end: int = -1


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    """One sentence; ``line`` counts lines of the raw text from 1."""

    line: int = 0


@dataclass(frozen=True, slots=True)
class Token(Span):
    """One token; ``text`` is its normalised form."""

    text: str = ""


@dataclass(frozen=True, slots=True)
class TextLayer:
    """The normalised text, its map back to raw offsets, sentences and tokens.

    ``offsets[i]`` is the raw offset of normalised character ``i``; it has one
    extra element at the end, the raw length, so half-open spans map cleanly.
    Any ``Sequence[int]`` will do: the text stage stores a sparse
    :class:`fehrest.text.offsets.OffsetMap` rather than one integer per character.
    """

    normalized: str
    offsets: Sequence[int]
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()

    def raw_span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to a raw-text span.

        Characters the normaliser inserted (a restored ZWNJ) carry the raw
        offset of the next raw character, so they widen nothing; characters it
        deleted (tatweel, a doubled space) fall inside the span they follow.
        """
        return self.raw_spans(((norm_start, norm_end),))[0]

    def raw_spans(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """:meth:`raw_span` for many spans at once (a sparse map answers without its index checks)."""
        lookup: Callable[[int], int] = getattr(self.offsets, "raw_offset", None) or self.offsets.__getitem__
        out = []
        for norm_start, norm_end in spans:
            start = lookup(norm_start)
            end = lookup(norm_end)
            if norm_end > norm_start and end <= start:
                end = start + 1
            out.append((start, end))
        return out

    def norm_position(self, raw_pos: int) -> int:
        """Return the first normalised offset whose raw source is at or after ``raw_pos``."""
        return bisect.bisect_left(self.offsets, raw_pos)


@dataclass(frozen=True, slots=True)
class DateValue:
    """An ISO date value with its precision and the text it came from."""

    value: str
    precision: Precision
    text: str | None = None
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class TimeExpression(Span):
    """A time expression found in the text and, when possible, resolved."""

    text: str = ""
    date: DateValue | None = None
    kind: Literal["date", "relative", "range", "vague", "duration"] = "date"
    calendar: Literal["gregorian", "solar-hijri", "lunar-hijri", "none"] = "gregorian"
    # For ranges: the end of the interval, when the text gives one.
    until: DateValue | None = None


@dataclass(frozen=True, slots=True)
class Mention(Span):
    """A mention of a jurisdiction, body, group, person or office."""

    text: str = ""
    kind: MentionKind = "group"
    entity_id: str | None = None
    name: str | None = None
    jurisdiction: str | None = None
    role: str | None = None
    provisional: bool = False


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acted: a jurisdiction (ISO 3166-1 alpha-2, ``UN``, ``EU``) or an organisation."""

    jurisdiction: str | None
    name: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """The canonical organisation an event is about."""

    id: str
    name: str
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A source sentence (raw offsets) that reports an event."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """A typed designation event with its arguments and evidence."""

    id: str
    type: EventType
    modality: Modality
    actor: Actor
    target: Target
    evidence: tuple[Evidence, ...]
    authority: str | None = None
    agent: str | None = None
    list: str | None = None
    date: DateValue | None = None
    stance: Stance | None = None
    confidence: float = 0.5
    rule: str | None = None
    reason: str | None = None
    # The words that fired, as raw spans: what ``extract --explain`` highlights.
    cues: tuple[Evidence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Return the event as the JSON contract of DESIGN.md shapes it."""
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "modality": self.modality,
            "actor": {"jurisdiction": self.actor.jurisdiction, "name": self.actor.name},
            "authority": self.authority,
            "agent": self.agent,
            "target": {"id": self.target.id, "name": self.target.name, "wikidata": self.target.wikidata},
            "list": self.list,
            "date": None
            if self.date is None
            else {
                "value": self.date.value,
                "precision": self.date.precision,
                "text": self.date.text,
            },
            "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in self.evidence],
            "confidence": round(self.confidence, 3),
        }
        if self.actor.id is not None:
            out["actor"]["id"] = self.actor.id
        if self.date is not None and self.date.inferred:
            out["date"]["inferred"] = True
        if self.type == "REACT":
            out["stance"] = self.stance
        if self.rule is not None:
            out["rule"] = self.rule
        return out


@dataclass(frozen=True, slots=True)
class Document:
    """A raw text with its metadata and the annotation layers stages add.

    Stages never mutate a document: they return a copy with one more layer
    (see :meth:`with_layers`).
    """

    text: str
    source: str
    language: str = "auto"
    published: str | None = None
    published_inferred: bool = False
    title: str | None = None
    url: str | None = None
    id: str = ""
    content_hash: str = ""
    text_layer: TextLayer | None = None
    times: tuple[TimeExpression, ...] | None = None
    mentions: tuple[Mention, ...] | None = None
    events: tuple[Event, ...] | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))
        if not self.id:
            object.__setattr__(self, "id", self.content_hash[:16])

    def with_layers(self, **layers: Any) -> Document:
        """Return a copy of the document with the given fields replaced."""
        return dataclasses.replace(self, **layers)

    def require_text(self) -> TextLayer:
        """Return the text layer, or fail naming the stage that should have run."""
        if self.text_layer is None:
            raise ValueError(f"{self.source}: the text layer has not run")
        return self.text_layer

    def document_json(self) -> dict[str, Any]:
        """Return the ``document`` part of the extraction contract."""
        return {
            "id": self.id,
            "source": self.source,
            "language": self.language,
            "published": self.published,
            "published_inferred": self.published_inferred,
        }

    def to_json(self) -> dict[str, Any]:
        """Return the extraction contract object for this document."""
        return {
            "document": self.document_json(),
            "events": [e.to_json() for e in (self.events or ())],
        }


def spans_text(raw: str, spans: Sequence[Span]) -> list[str]:
    """Return the raw text of each span (a debugging and test helper)."""
    return [raw[s.start : s.end] for s in spans]
