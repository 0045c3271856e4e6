"""Fold the candidates that report one real-world event into one event.

Inside one article the headline, the announcement, a quote and a summing-up
line ("X is the first country to ...") are one event with several evidence
spans. Two candidates are one event when type, actor jurisdiction, target
and modality class agree and their dates are compatible (equal, one a
refinement of the other, or one missing). Two explicit, different dates are
two events (a proposal on 26 May and another on 28 May).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from fehrest.events.extract import Candidate
from fehrest.model import DateValue, Document, Event, Evidence, Sentence, Target, modality_class

_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def dates_compatible(a: DateValue | None, b: DateValue | None) -> bool:
    """True when one date is missing or one refines the other (2005-03 ⊂ 2005)."""
    if a is None or b is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def more_precise(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """The more precise of two compatible dates (the first when equal)."""
    if a is None:
        return b
    if b is None:
        return a
    return b if _PRECISION_RANK[b.precision] > _PRECISION_RANK[a.precision] else a


@dataclass(slots=True)
class Group:
    """Candidates gathered as one event."""

    members: list[Candidate] = field(default_factory=list)
    date: DateValue | None = None

    @property
    def first(self) -> Candidate:
        return self.members[0]

    def key(self) -> tuple[str, str | None, str, str]:
        return _key(self.first)

    def add(self, c: Candidate) -> None:
        self.members.append(c)
        self.date = more_precise(self.date, c.date)


def _key(c: Candidate) -> tuple[str, str | None, str, str]:
    # Non-state actors are told apart by who they are: a group, a former
    # president and a rights group reacting are three reactions.
    actor = c.actor.jurisdiction or "~" + (c.actor.id or c.actor.name or "").casefold()
    return c.type, actor, c.target_id, modality_class(c.modality)


def group_candidates(candidates: list[Candidate]) -> list[Group]:
    """Gather candidates into events, in reading order."""
    groups: list[Group] = []
    for c in candidates:
        home = None
        for g in reversed(groups):
            if g.key() == _key(c) and dates_compatible(g.date, c.date):
                home = g
                break
        if home is None:
            home = Group()
            groups.append(home)
        home.add(c)
    return _fold_headlines(groups)


def _fold_headlines(groups: list[Group]) -> list[Group]:
    """A headline that overstates yields to the body's precise claim.

    An event reported only in the headline, when the body reports an event
    of another type or modality about the same actor and target, is the
    headline's loose wording of that event, not an event of its own.
    """
    out = []
    for g in groups:
        if all(c.headline for c in g.members):
            body = [
                h
                for h in groups
                if h is not g
                and not all(c.headline for c in h.members)
                and h.first.actor.jurisdiction == g.first.actor.jurisdiction
                and h.first.target_id == g.first.target_id
                and h.first.type in ("LIST", "DELIST", "SUSPEND")
                and g.first.type in ("LIST", "DELIST", "SUSPEND")
                # A restated older listing ("added in May 2018") is not the news.
                and (h.date is None or h.date.precision == "day")
            ]
            if body and not any(h.key() == g.key() for h in body):
                # The body's claim stays first: it gives the event its type.
                body[0].members.extend(g.members)
                continue
        out.append(g)
    return out


def _best_authority(members: list[Candidate], date: DateValue | None, published: str | None) -> str | None:
    found = [c.authority for c in members if c.authority]
    specific = [a for a in found if a != "government"]
    chosen = specific or found
    if chosen:
        return chosen[0]
    # No sentence of the event names who acted: the state's office named
    # elsewhere in the article, for the article's news only (a restated
    # older listing rarely says who made it).
    if date is not None and published is not None and date.value[:4] < published[:4]:
        return None
    if all(c.modality == "denied" for c in members):
        # "The US has not listed them": a standing refusal, by no office in particular.
        return None
    return next((c.remembered_authority for c in members if c.remembered_authority), None)


def build_event(doc: Document, g: Group, target_wikidata: str | None) -> Event:
    """Turn a group of candidates into an :class:`Event` with its evidence."""
    # A headline's loose wording yields to the body's claim (type, actor, modality).
    first = next((c for c in g.members if not c.headline), g.first)
    sentences: list[Sentence] = []
    for c in g.members:
        for s in c.evidence:
            if s not in sentences:
                sentences.append(s)
    sentences.sort(key=lambda s: s.start)
    evidence = tuple(
        Evidence(text=doc.text[s.start : s.end].strip(), start=s.start, end=s.end) for s in sentences
    )
    date = g.date
    if (
        date is None
        and doc.published
        and (
            first.modality == "denied"
            or (first.modality == "asserted" and any(c.present_perfect for c in g.members))
        )
    ):
        # A dateless present-perfect report ("has removed") or refusal ("has
        # not listed", "will not recognise") holds on the day it was published.
        date = DateValue(value=doc.published, precision="day", text=None, inferred=True)
    confidence = min(0.99, max(c.confidence for c in g.members) + 0.02 * (len(g.members) - 1))
    key = "|".join(
        [
            doc.id,
            first.type,
            str(first.actor.jurisdiction),
            first.target_id,
            first.modality,
            date.value if date else "",
            str(sentences[0].start if sentences else 0),
        ]
    )
    rules = sorted({c.trigger.id for c in g.members})
    return Event(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        type=first.type,  # type: ignore[arg-type]
        modality=first.modality,
        actor=first.actor,
        target=Target(id=first.target_id, name=first.target_name, wikidata=target_wikidata),
        evidence=evidence,
        authority=_best_authority(g.members, date, doc.published),
        agent=next((c.agent for c in g.members if c.agent), None),
        # A headline's wording is loose ("brands X terrorists"): the body names the list.
        list=next((c.list_name for c in sorted(g.members, key=lambda c: c.headline) if c.list_name), None),
        date=date,
        # a plain "said of the decision" is no stance when another cue names one
        stance=next((c.stance for c in g.members if c.stance not in (None, "other")), first.stance),
        confidence=confidence,
        rule=rules[0] if len(rules) == 1 else ",".join(rules),
        reason="; ".join(f"{c.trigger.id}: «{c.words}»" for c in g.members)[:500],
        cues=tuple(_cue(doc, c) for c in g.members),
    )


def _cue(doc: Document, c: Candidate) -> Evidence:
    start, end = doc.require_text().raw_span(*c.span)
    return Evidence(text=doc.text[start:end], start=start, end=end)
