"""Find designation events sentence by sentence: trigger, modality, arguments.

The extractor reads three layers — sentences (text), time expressions and
mentions — and the per-language cues of :mod:`fehrest.events.rules`. It makes
one :class:`Candidate` per trigger; :mod:`fehrest.events.merge` then folds
the candidates that report one real-world event into one event.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, cast

from fehrest.events.rules import AuthorityTable, Rules, Trigger, fold_sentence, load_authorities
from fehrest.model import (
    Actor,
    DateValue,
    Mention,
    Modality,
    Sentence,
    Span,
    Stance,
    TextLayer,
    TimeExpression,
)

if TYPE_CHECKING:
    from fehrest.entities.registry import Group

# Mentions that can be the subject of a designation: a state, one of its
# bodies or offices, or a person acting for it.
_ACTOR_KINDS = frozenset({"jurisdiction", "body", "office", "person"})
# Bodies that report rather than act.
_REPORTER_ROLES = frozenset({"news agency", "media", "newspaper", "broadcaster"})
# Object pronouns among the group anaphors: "آن را" is never a subject.
_OBJECT_PRONOUNS = frozenset({"آن را", "آنها را", "آن ها را", "آنان را", "it", "them"})
# Words that join two names rather than name one thing ("واشنگتن و شورای امنیت").
_COORDINATORS = frozenset({"و", "یا", "and", "or"})
# The authorities that are courts, which "the same court" can point back to.
_COURTS = frozenset({"court", "supreme court", "constitutional court"})
# Bodies of civil society: they act for no state.
_CIVIL_ROLES = frozenset({"ngo"})
_COURT_ROLES = frozenset({"court", "supreme court", "constitutional court"})
# How specific an authority is: a named office beats "the government".
_VAGUE_AUTHORITIES = frozenset({"government"})


@dataclass(slots=True)
class Context:
    """The sentences a trigger is read in: the sentence, plus a speech intro.

    A quotation introduced by "he said:" on the line before belongs with its
    introduction, which names the speaker and often the date.
    """

    sentences: tuple[Sentence, ...]
    start: int
    end: int
    focus: Sentence


@dataclass(slots=True)
class Candidate:
    """One trigger with its arguments, before events are merged."""

    type: str
    modality: Modality
    trigger: Trigger
    context: Context
    span: tuple[int, int]
    words: str
    target_id: str
    target_name: str
    target_provisional: bool
    actor: Actor
    authority: str | None
    agent: str | None
    list_name: str | None
    date: DateValue | None
    stance: Stance | None
    confidence: float
    embedded: bool = False
    headline: bool = False
    present_perfect: bool = False
    # The target came from an anaphor ("the decision", "this group").
    from_anaphor: bool = False
    # The authority of the same state named elsewhere in the article; used
    # only when no sentence of the event names one (see merge).
    remembered_authority: str | None = None
    # Other subjects coordinated with the actor ("کلمبیا و هندوراس ... قرار
    # دادند", "Washington and the Security Council both listed it"): each
    # took the same step. (actor, authority) per subject.
    co_actors: list[tuple[Actor, str | None]] = field(default_factory=list)
    evidence: list[Sentence] = field(default_factory=list)


def _contexts(layer: TextLayer) -> list[Context]:
    out = []
    sentences = layer.sentences
    for i, sentence in enumerate(sentences):
        group: tuple[Sentence, ...] = (sentence,)
        if i > 0:
            prev = sentences[i - 1]
            if layer.normalized[prev.norm_start : prev.norm_end].rstrip().endswith(":"):
                group = (prev, sentence)
        out.append(Context(group, group[0].norm_start, sentence.norm_end, sentence))
    return out


def _select_triggers(rules: Rules, folded: str) -> list[tuple[Trigger, re.Match[str]]]:
    """Every trigger match in a sentence, the longer kept where two overlap."""
    found = [(t, m) for t in rules.triggers for m in t.regex.finditer(folded) if m.end() > m.start()]
    # A listing phrase that holds a revocation or suspension of it ("announced
    # that the revocation of X's designation as terrorist ...") reports the
    # revocation: the listing is only its object.
    undoing = [m for t, m in found if t.type in ("DELIST", "SUSPEND")]
    found = [
        (t, m)
        for t, m in found
        if t.type != "LIST" or not any(m.start() <= u.start() and u.end() <= m.end() for u in undoing)
    ]
    # A call on a state to undo its step ("urged London to revoke the
    # proscription") is the caller's reaction: the undoing it names is only asked for.
    calls = [m for t, m in found if t.type == "REACT"]
    found = [
        (t, m)
        for t, m in found
        if t.type == "REACT" or not any(c.start() < m.start() < c.end() for c in calls)
    ]
    found.sort(key=lambda tm: (-(tm[1].end() - tm[1].start()), tm[1].start()))
    kept: list[tuple[Trigger, re.Match[str]]] = []
    for trigger, match in found:
        overlaps = [k for k in kept if match.start() < k[1].end() and k[1].start() < match.end()]
        # Two triggers of one type overlapping are one trigger; a shorter
        # trigger inside a longer one of another type ("recognised ... as a
        # terrorist group") is part of it.
        if overlaps:
            if trigger.type == "REACT" and trigger.stance in ("welcome", "condemn"):
                # "welcomed the step and called it «a step the right way»": the longer
                # judgement keeps the stance the shorter verb names.
                kept = [
                    (replace(k[0], stance=trigger.stance), k[1])
                    if k in overlaps and k[0].type == "REACT" and k[0].stance == "other"
                    else k
                    for k in kept
                ]
            continue
        kept.append((trigger, match))
    kept.sort(key=lambda tm: tm[1].start())
    return kept


def _in(span: Span, start: int, end: int) -> bool:
    return start <= span.norm_start and span.norm_end <= end


def find_group(group_id: str) -> Group | None:
    """The register's entry for a group id or name, if the entity stage is there to ask."""
    try:
        from fehrest.entities import get_registry

        return get_registry().find_group(group_id)
    except (ImportError, KeyError, AttributeError):
        return None


@cache
def _state_of(group_id: str) -> str | None:
    """The state whose organ a target is (CENTCOM: US), which cannot be its designator."""
    group = find_group(group_id)
    return None if group is None else group.state_of


def _whole_group(group_id: str) -> tuple[str, str] | None:
    """The parent of a wing ("the military wing of X" is reported as X, per the gold convention)."""
    group = find_group(group_id)
    if group is None or group.kind != "wing" or not group.part_of:
        return None
    parent = find_group(group.part_of)
    return None if parent is None else (parent.id, parent.name)


class SentenceReader:
    """Reads the candidates of one document, keeping its focus as it goes."""

    def __init__(
        self,
        rules: Rules,
        layer: TextLayer,
        times: Sequence[TimeExpression],
        mentions: Sequence[Mention],
        de_facto: dict[str, str],
        authorities: AuthorityTable | None = None,
        published: str | None = None,
    ) -> None:
        self.rules = rules
        self.layer = layer
        self.times = times
        self.mentions = mentions
        self._mention_starts = [m.norm_start for m in mentions]  # mentions come in text order
        self.de_facto = de_facto
        self.authorities = authorities or load_authorities()
        self.published = published
        folded = fold_sentence(layer.normalized, rules.language)
        self._folded_text: str | None = folded if len(folded) == len(layer.normalized) else None
        # Modalities already read, by (sentence start, trigger span, own words).
        self._modalities: dict[tuple[int, tuple[int, int], bool], Modality] = {}
        # Clauses already found, by (sentence start, trigger span).
        self._clauses: dict[tuple[int, int, int], tuple[int, int]] = {}
        # The triggers of the sentence being read: (span, type).
        self._sentence_triggers: list[tuple[tuple[int, int], str]] = []
        self.last_target: tuple[str, str, bool] | None = None
        # Every target of the last sentence that reported an event, and its date.
        self.last_targets: list[tuple[str, str, bool]] = []
        # Every target reported so far, in the order first reported.
        self.all_reported: list[tuple[str, str, bool]] = []
        self.last_date: DateValue | None = None
        self.last_actor: Actor | None = None
        # The groups of the last announcement: one actor's step of one type,
        # reported over consecutive sentences ("He also banned ..."), and
        # that (actor, type).
        self.announced: list[tuple[str, str, bool]] = []
        self.announcer: tuple[str | None, str] | None = None
        self.events_so_far = 0
        # The state of a step read earlier in the sentence being read.
        self._sentence_actor: Actor | None = None
        # The last court named as an authority, for "the same court".
        self.last_court: str | None = None
        # The state the outlet calls its own, when its language variant says so.
        self.home: str | None = None
        # The group of the last step named, older ones included ("that ban").
        self.last_mentioned: tuple[str, str, bool] | None = None
        # The last step (not a reaction) reported, which "did the same" repeats.
        self.last_step: Candidate | None = None
        # Every group a step (not a reaction) has been reported about so far.
        self.designated: set[str] = set()
        # The undated steps of the sentence just read, which the next
        # sentence may date by opening on them ("The revocations took effect on Friday").
        self.undated: list[Candidate] = []

    # -- arguments ---------------------------------------------------------

    def _folded(self, start: int, end: int) -> str:
        # Folding keeps every offset, so the whole text is folded once (unless a
        # rare letter lower-cases to two, "İ": then slice by slice).
        if self._folded_text is None:
            return fold_sentence(self.layer.normalized[start:end], self.rules.language)
        return self._folded_text[max(0, start) : end]

    def _person_noun_before(self, m: Mention, floor: int) -> bool:
        """A person noun governs the group: "رهبر ارشد طالبان", "a commander of the Hamas".

        At most two words may stand between them, none a clause mark: in
        "سخنگوی حکومت گفت حذف نام حماس" the spokesman is not Hamas's.
        """
        before = self._folded(max(floor, m.norm_start - 25), m.norm_start)
        found = list(self.rules.person_nouns.finditer(before))
        if not found:
            return False
        rest = before[found[-1].end() :]
        return len(rest.split()) <= 2 and not any(ch in rest for ch in ".,،:")

    def _person_noun_after(self, m: Mention) -> bool:
        """English names a person by the group before the title: "Lashkar-e-Taiba chief Hafiz Saeed"."""
        if self.rules.language != "en":
            return False
        after = self._folded(m.norm_end, min(m.norm_end + 20, len(self.layer.normalized)))
        return (
            self.rules.person_nouns.match(after.lstrip().removeprefix("'s ").removeprefix("’s ")) is not None
        )

    def _persons_group(self, m: Mention) -> bool:
        """A group named as a person's: "the founder of X", "X chief", "رهبر X"."""
        if self._person_noun_before(m, self._sentence_start(m.norm_start)):
            return True
        after = self._folded(m.norm_end, min(m.norm_end + 20, len(self.layer.normalized)))
        after = after.removeprefix("'s").removeprefix("’s").lstrip()
        return self.rules.person_nouns.match(after) is not None

    def _sentence_start(self, pos: int) -> int:
        """The normalised start of the sentence holding ``pos``."""
        starts = [s.norm_start for s in self.layer.sentences]
        i = bisect.bisect_right(starts, pos) - 1
        return starts[i] if i >= 0 else 0

    def _preceded_by(self, pattern: re.Pattern[str], pos: int, window: int, floor: int) -> bool:
        before = self._folded(max(floor, pos - window), pos)
        return pattern.search(before) is not None

    def _clause(self, ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
        """The clause of the sentence the trigger sits in (normalised offsets)."""
        key = (ctx.focus.norm_start, span[0], span[1])
        found = self._clauses.get(key)
        if found is None:
            found = self._clauses[key] = self._find_clause(ctx, span)
        return found

    def _find_clause(self, ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
        base = ctx.focus.norm_start
        start, end = base, ctx.focus.norm_end
        folded = self._folded(base, end)
        for m in self.rules.clause_breaks.finditer(folded):
            if base + m.end() <= span[0]:
                if self.rules.relative_clause.match(folded, m.end()):
                    # A relative clause ends at the next comma; a trigger past
                    # it belongs to the clause the relative one interrupts.
                    close = folded.find(",", m.end())
                    if close != -1 and base + close < span[0]:
                        continue
                    if close != -1:
                        end = base + close
                start = base + m.end()
            elif base + m.start() >= span[1]:
                end = min(end, base + m.start())
                break
            elif span[1] <= base + m.end():
                # The break begins with the trigger's own verb ("... قرار داشت و ..."):
                # the clause ends after it.
                end = min(end, base + m.end())
                break
        return start, end

    def _actor_date_pairs(self, ctx: Context, span: tuple[int, int]) -> list[tuple[Mention, DateValue]]:
        """States each followed by its own date, coordinated before the trigger or after it.

        After it only when every such state has its date ("banned in the
        United Kingdom since 2024 and in Germany since 2003").
        """
        clause_start, clause_end = self._clause(ctx, span)
        before = [
            m
            for m in self.mentions
            if m.kind == "jurisdiction" and clause_start <= m.norm_start and m.norm_end <= span[0]
        ]
        pairs = self._dated_states(before)
        if len(pairs) < 2:
            after = [
                m
                for m in self.mentions
                if m.kind == "jurisdiction" and span[1] <= m.norm_start and m.norm_end <= clause_end
            ]
            later = self._dated_states(after)
            if len(later) >= 2 and len(later) == len(after):
                return later
        return pairs

    def _dated_states(self, states: list[Mention]) -> list[tuple[Mention, DateValue]]:
        """Each state with the date right after it, if it has one."""
        pairs = []
        for state in states:
            when = next(
                (
                    t
                    for t in self.times
                    if t.date is not None
                    # "مصر از سال ۲۰۱۳ و عربستان از سال ۲۰۱۴": a "since" range dates its state too
                    and t.kind in ("date", "relative", "range")
                    and 0 <= t.norm_start - state.norm_end <= 4
                ),
                None,
            )
            if when is not None and when.date is not None:
                pairs.append((state, when.date))
        return pairs

    def _sanctions_people(self, ctx: Context, span: tuple[int, int]) -> bool:
        """Sanctions on persons (a financier, officials) are no group designation."""
        clause = self._clause(ctx, span)
        person = self.rules.person_objects.search(self._folded(*clause))
        if person is None:
            return False
        # "placing the Wagner Group itself, eight people linked to it and three
        # companies under sanctions": a group named first is sanctioned too.
        return not any(
            m.kind == "group"
            and m.entity_id
            and clause[0] <= m.norm_start
            and m.norm_end <= clause[0] + person.start()
            and not self._persons_group(m)
            for m in self.mentions
        )

    def _is_government(self, mention: Mention, floor: int) -> bool:
        """A de facto government's group named as the state ("the Taliban government")."""
        if mention.kind != "group" or self._de_facto(mention) is None:
            return False
        if self._preceded_by(self.rules.government_words, mention.norm_start, 30, floor):
            return True
        after = self._folded(mention.norm_end, min(mention.norm_end + 25, len(self.layer.normalized)))
        after = after.strip().removeprefix("'s").removeprefix("’s").strip()
        if self.rules.government_words.match(after) is not None:
            return True
        # "The Taliban's foreign ministry": a body of the state right after the group.
        return any(
            m.kind in ("body", "office")
            and 0 <= m.norm_start - mention.norm_end <= 12
            and self._jurisdiction_of(m) == self._de_facto(mention)
            for m in self.mentions
        )

    def _de_facto(self, mention: Mention) -> str | None:
        for key in (mention.entity_id, mention.name):
            if key and key.casefold() in self.de_facto:
                return self.de_facto[key.casefold()]
        return None

    def _jurisdiction_of(self, mention: Mention) -> str | None:
        if mention.kind == "jurisdiction":
            return mention.entity_id
        if mention.kind == "group":
            return self._de_facto(mention)
        if mention.jurisdiction is None and mention.kind in ("body", "office"):
            state = self._adjacent_state(mention)
            return None if state is None else state.entity_id
        return mention.jurisdiction

    def _adjacent_state(self, body: Mention) -> Mention | None:
        """The state a body or office is named with: "مجلس عوام کانادا", "the US State Department".

        Persian names the state after the body (a word such as عوام or وقت
        may stand between); English before it, with or without "'s".
        """
        text = self.layer.normalized
        state_after = self.rules.language == "fa"
        for m in self.mentions:
            if m.kind != "jurisdiction" or (m.role or "") == "place":
                continue
            if state_after and 0 <= m.norm_start - body.norm_end <= 30:
                gap = text[body.norm_end : m.norm_start]
                if self.rules.member_states_gap.fullmatch(gap):
                    return m  # "وزیران خارجه ۲۸ کشور عضو اتحادیه اروپا"
                if m.norm_start - body.norm_end > 12:
                    continue
            elif not state_after and 0 <= body.norm_start - m.norm_end <= 4:
                gap = text[m.norm_end : body.norm_start].replace("'s", "").replace("’s", "")
            else:
                continue
            words = gap.split()
            if (
                not any(ch in gap for ch in '.,،:;()«»"')
                and len(words) <= 1
                and not set(words) & _COORDINATORS
            ):
                return m
        return None

    def _targets(
        self, ctx: Context, span: tuple[int, int], is_react: bool
    ) -> list[tuple[str, str, bool, bool]]:
        """The groups the event is about: (id, name, provisional, from_anaphor).

        The group nearest the trigger, and every group coordinated with it
        ("listed the Proud Boys, The Base and Atomwaffen Division").
        """
        groups = [
            m
            for m in self.mentions
            if m.kind == "group" and _in(m, ctx.focus.norm_start, ctx.focus.norm_end) and m.entity_id
        ]
        # "the Taliban's ban on women": the group owns the ban, it is not banned.
        groups = [m for m in groups if not self._owns_trigger(m, span)]
        # A clause naming its own group is about it, not a group of the next clause
        # ("X was on the list from 2019 and Y has been listed since 2009").
        own_clause = self._clause(ctx, span)
        in_clause = [m for m in groups if _in(m, *own_clause)]
        if in_clause and own_clause != (ctx.focus.norm_start, ctx.focus.norm_end):
            groups = in_clause
        elif (
            groups
            and not in_clause
            and own_clause != (ctx.focus.norm_start, ctx.focus.norm_end)
            and self.last_target is not None
            and any(
                a.group().strip() not in _OBJECT_PRONOUNS
                for a in self.rules.group_anaphors.finditer(self._folded(*own_clause))
            )
            and not self.rules.plural_anaphors.search(self._folded(*own_clause))
        ):
            # "Britain proscribed the group in 2020, and Canada added the Proud
            # Boys": "the group" of its own clause, not the next clause's name
            # (a pronoun may point at a name beside it: "شاخه آلمانی آن را").
            tid, name, provisional = self.last_target
            return [(tid, name, provisional, True)]
        head = self._relative_head(ctx, span, groups)
        if head is not None and not is_react:
            # "..., the al-Nusra Front, which Whitehall had proscribed": the group
            # the relative clause hangs on is its object.
            return self._chain([head], head)
        groups = [
            m
            for m in groups
            if not self._person_noun_before(m, ctx.focus.norm_start) and not self._person_noun_after(m)
        ]
        if is_react:
            # The reacting government is not what it reacts to.
            groups = [m for m in groups if not self._is_government(m, ctx.focus.norm_start)]
        # "Listed as another name for al-Nusra": the group listed is the one
        # the sentence is about, not the name it is said to stand for.
        named = [
            m
            for m in groups
            if not self._preceded_by(self.rules.alias_context, m.norm_start, 30, ctx.focus.norm_start)
        ]
        groups = named or groups
        # "The list of sanctions related to ISIL and al-Qaeda" names a regime, not a target.
        groups = [
            m
            for m in groups
            if not self._preceded_by(self.rules.list_qualifier, m.norm_start, 25, ctx.focus.norm_start)
        ]
        # A plural anaphor in another clause ("these NGOs are linked to X; a group the
        # US has listed since 1997") does not stand for this trigger's object.
        clause_text = self._folded(*self._clause(ctx, span))
        plural = next(
            (
                m
                for m in self.rules.plural_anaphors.finditer(clause_text)
                # "Kata'ib Hezbollah, a close ally of these groups, ...": not them
                if not self.rules.relation_before.search(clause_text[max(0, m.start() - 25) : m.start()])
            ),
            None,
        )
        earlier_set = [(tid, name, prov, True) for tid, name, prov in self.last_targets] if plural else []
        counted = self._counted_set(ctx, span)
        if counted:
            earlier_set = counted
        if is_react:
            # A reaction is to a step reported: of two groups named, the one
            # a step was about ("X said Y is part of it and its listing means nothing").
            groups = [m for m in groups if m.entity_id in self.designated] or groups
        if groups:
            mid = (span[0] + span[1]) / 2
            best = min(groups, key=lambda m: abs((m.norm_start + m.norm_end) / 2 - mid))
            clause_start = self._clause(ctx, span)[0]
            marked = self._object_marked(groups, clause_start, span)
            if marked is not None:
                # "X (DTP)، ...، را به اتهام ارتباط با پ‌ک‌ک منحل کرد": the group the
                # object marker follows, not one named in the charge.
                best = marked
            head = next((m for m in reversed(groups) if m.norm_end <= best.norm_start), None)
            if head is not None:
                between = self._folded(head.norm_end, best.norm_start)
                if self._describes(between):
                    # "X، شاخه جداشده از Y، را ... افزود": Y describes X, X is the object.
                    best = head
            subject = next((m for m in groups if m.norm_start >= clause_start), None)
            if (
                subject is not None
                and subject.norm_end <= span[0]
                and self._opens(clause_start, subject)
                and self.rules.passive_marker.search(self._folded(max(clause_start, span[0] - 16), span[0]))
            ):
                # "The SDPI, seen as the PFI's political wing, has not been banned":
                # a passive verb's subject is what is (not) banned.
                best = subject
            chain = self._chain(groups, best)
            chain = self._anaphor_joined(ctx, span, groups, chain) + chain
            if self.rules.others_named_next.search(self._folded(ctx.focus.norm_start, ctx.focus.norm_end)):
                # "designated Antifa Ost and three other groups. The other three are A, B and C."
                members = self._next_list_members(ctx)
                named_ids = {t[0] for t in chain}
                chain += (
                    [t for t in self._chain(members, members[0]) if t[0] not in named_ids] if members else []
                )
            if len(earlier_set) >= 2:
                # "Eight groups, among them the same cartels and MS-13": the
                # set named before, then the new names.
                named_ids = {t[0] for t in chain}
                return [t for t in earlier_set if t[0] not in named_ids] + chain
            return chain
        if self.rules.partial_anaphors.search(self._folded(ctx.focus.norm_start, ctx.focus.norm_end)):
            # "Most of these groups": no group in particular.
            return []
        members = self._next_list_members(ctx)
        if members:
            # "Eleven organisations were banned. The list includes A, B and C."
            return self._chain(members, members[0])
        sentence = self._folded(ctx.focus.norm_start, ctx.focus.norm_end)
        anaphor = self.rules.event_anaphors.search(sentence) or self.rules.group_anaphors.search(sentence)
        if self.last_target is None and anaphor:
            # "The group" before any event: the group last named.
            # A group named as a person's ("the founder of Jaish-e-Mohammed")
            # is not what "the listing" refers to.
            earlier = [
                m
                for m in self.mentions
                if m.kind == "group"
                and m.entity_id
                and m.norm_end <= ctx.focus.norm_start
                and not self._persons_group(m)
                and not self._preceded_by(
                    self.rules.list_qualifier, m.norm_start, 25, self._sentence_start(m.norm_start)
                )
            ]
            if earlier:
                m = earlier[-1]
                return [(m.entity_id or "", m.name or m.text, m.provisional, True)]
        if len(earlier_set) >= 2 and (not is_react or counted):
            # "The US listed the same groups the same day"; "welcomed the step against these two groups".
            return earlier_set
        if is_react and anaphor and len(self.announced) >= 2:
            # "Delhi welcomed the step": every group of the step announced.
            return [(tid, name, prov, True) for tid, name, prov in self.announced]
        if self.last_mentioned is not None and self.rules.recent_anaphors.search(sentence):
            # "... lifted that ban": the step named last, even an older one.
            tid, name, provisional = self.last_mentioned
            return [(tid, name, provisional, True)]
        if self.last_target is not None and (is_react or anaphor):
            tid, name, provisional = self.last_target
            return [(tid, name, provisional, True)]
        return []

    def _chain(self, groups: list[Mention], best: Mention) -> list[tuple[str, str, bool, bool]]:
        """``best`` and every group coordinated or enumerated with it, as targets."""
        chosen = [best]
        index = groups.index(best)
        enumerated = len(groups) >= 3
        for step in (-1, 1):
            i = index
            while 0 <= i + step < len(groups):
                a, b = sorted((groups[i], groups[i + step]), key=lambda m: m.norm_start)
                gap = self._folded(a.norm_end, b.norm_start)
                if self._describes(gap):
                    # "جماعت‌الاحرار، شاخه جداشده از تحریک طالبان پاکستان": the second
                    # name describes the first, it is not listed with it.
                    break
                if not (
                    self.rules.coordination.fullmatch(gap)
                    or (step == 1 and self.rules.inclusion.fullmatch(gap))
                    or (enumerated and self._list_gap(gap, a.norm_end, b.norm_start))
                    # "Boko Haram and its splinter faction Ansaru": two names
                    # joined by "and" with a few describing words between
                    or (self._and_gap(gap) and self._list_gap(gap, a.norm_end, b.norm_start))
                    # "X به رهبری فلان و Y", "X, led by Y's founder, and Z": a short
                    # description, then "and"
                    or self._described_and_gap(gap, a.norm_end, b.norm_start)
                    # "BarakaCity in October 2020 and the CCIF in December 2020"
                    or self._dated_and_gap(a, b)
                ):
                    break
                i += step
                chosen.append(groups[i])
        seen: dict[str, tuple[str, str, bool, bool]] = {}
        for m in sorted(chosen, key=lambda m: m.norm_start):
            tid, name = m.entity_id or "", m.name or m.text
            whole = _whole_group(tid)
            if whole is not None:
                tid, name = whole
            seen.setdefault(tid, (tid, name, m.provisional, False))
        return list(seen.values())

    def _own_date(self, m: Mention) -> TimeExpression | None:
        """A date right after a name, before the next word of the clause: "X in October 2020"."""
        return next(
            (
                t
                for t in self.times
                if t.date is not None
                and t.kind == "date"
                and 0 <= t.norm_start - m.norm_end <= 2
                and self._folded(m.norm_end, t.norm_end).strip(" ,،")
            ),
            None,
        )

    def _dated_and_gap(self, a: Mention, b: Mention) -> bool:
        """Two names each with a date of its own, joined by "and": "X in 2020 and Y in 2021"."""
        t = self._own_date(a)
        if t is None or t.norm_end > b.norm_start:
            return False
        rest = self._folded(t.norm_end, b.norm_start)
        return self._and_gap(rest) and self._own_date(b) is not None

    def _describes(self, gap: str) -> bool:
        """Between two names, a relation with no "and" ("، شاخه جداشده از", ", a splinter of"):
        the second name describes the first."""
        return bool(self.rules.relation_before.search(gap)) and not set(gap.split()) & _COORDINATORS

    def _anaphor_joined(
        self,
        ctx: Context,
        span: tuple[int, int],
        groups: list[Mention],
        chain: list[tuple[str, str, bool, bool]],
    ) -> list[tuple[str, str, bool, bool]]:
        """ "این جبهه و ارتش آزادی‌بخش اورومو را ...": the group the anaphor points
        to, joined by "and" to the first group named."""
        if self.last_target is None:
            return []
        ids = {t[0] for t in chain}
        first = min((m for m in groups if m.entity_id in ids), key=lambda m: m.norm_start, default=None)
        if first is None:
            return []
        before = self._folded(self._clause(ctx, span)[0], first.norm_start)
        anaphor = next(reversed(list(self.rules.group_anaphors.finditer(before))), None)
        if anaphor is None or anaphor.group().strip() in _OBJECT_PRONOUNS:
            return []
        gap = before[anaphor.end() :]
        if not self._and_gap(gap) or not self.rules.coordination.fullmatch(gap):
            return []
        tid, name, provisional = self.last_target
        return [] if tid in ids else [(tid, name, provisional, True)]

    def _and_gap(self, gap: str) -> bool:
        """An "and" (not a comma) and at most four words before the next name."""
        joined = self.rules.coordination.match(gap)
        return bool(joined and joined.group().strip(' ,،«»"')) and len(gap.split()) <= 5

    def _described_and_gap(self, gap: str, start: int, end: int) -> bool:
        words = gap.split()
        if not words or words[-1] not in _COORDINATORS or len(words) > 6:
            return False
        if self.rules.enumeration_stops.search(gap):
            return False
        return not any(start <= s[0] and s[1] <= end for s, _ in self._sentence_triggers)

    def _list_gap(self, gap: str, start: int, end: int) -> bool:
        """Between two names of an enumeration: a comma or "and", then a few describing words.

        "Aum Shinrikyo, the Basque separatist group ETA, Egypt's Gama'a
        al-Islamiyya": no verb, relative pronoun or trigger stands between.
        """
        joined = self.rules.coordination.match(gap)
        if not gap.lstrip().startswith((",", "،")) and not (joined and joined.group().strip(' ,،«»"')):
            return False
        if len(gap.split()) > 6 or self.rules.enumeration_stops.search(gap):
            return False
        return not any(start <= s[0] and s[1] <= end for s, _ in self._sentence_triggers)

    def _next_list_members(self, ctx: Context) -> list[Mention]:
        """The groups of the next sentence when it spells out a list ("The list includes A, B and C")."""
        sentences = self.layer.sentences
        index = next((i for i, s in enumerate(sentences) if s.norm_start == ctx.focus.norm_start), None)
        if index is None or index + 1 >= len(sentences):
            return []
        following = sentences[index + 1]
        if not self.rules.list_members.search(self._folded(following.norm_start, following.norm_end)):
            return []
        return [
            m
            for m in self.mentions
            if m.kind == "group"
            and m.entity_id
            and _in(m, following.norm_start, following.norm_end)
            and not self._person_noun_before(m, following.norm_start)
        ]

    def _actor(
        self,
        ctx: Context,
        span: tuple[int, int],
        target_id: str,
        exclude: Actor | None,
        embedded: bool,
        recognised: str | None = None,
    ) -> tuple[Actor | None, Mention | None]:
        """Who acted: the subject before the trigger, else a later mention, else focus."""
        floor = ctx.start
        folded_before = self._folded(ctx.focus.norm_start, span[0])
        if self.rules.no_actor.search(folded_before):
            return Actor(jurisdiction=None, name="no country"), None
        candidates = []
        for m in self.mentions:
            if not _in(m, floor, ctx.end):
                continue
            if m.kind in _ACTOR_KINDS:
                if (m.role or "") in _REPORTER_ROLES or (m.kind == "jurisdiction" and m.role == "place"):
                    # A city as a place ("who lives in Istanbul") acts for no state.
                    continue
                if m.kind == "jurisdiction" and self._residence(m):
                    # "مالتسف که در فرانسه به سر می‌برد": where he lives.
                    continue
                if self._jurisdiction_of(m) is None:
                    continue
                candidates.append(m)
            elif (m.kind == "group" and self._is_government(m, floor)) or (
                m.kind == "group" and m.entity_id != target_id and self._de_facto(m) is not None
            ):
                candidates.append(m)
        if recognised is not None:
            # Who recognises is never the government recognised ("Moscow has
            # not recognised the Taliban government").
            candidates = [m for m in candidates if self._jurisdiction_of(m) != recognised]
        before = [m for m in candidates if m.norm_end <= span[0]]
        clause_start, _ = self._clause(ctx, span)
        in_clause = [m for m in before if m.norm_start >= clause_start]
        if not in_clause and self.rules.relative_clause.match(self._folded(clause_start, span[0])):
            # "the United Kingdom, which banned ...": the noun the clause hangs on.
            head = [m for m in before if 0 <= clause_start - m.norm_end <= 3]
            if head:
                in_clause = head[-1:]
        if in_clause:
            # Each clause has its own subject ("Islamabad banned it, and London
            # proscribed it the same year").
            before = in_clause
        if (
            before
            and before[0].kind == "jurisdiction"
            and not self._folded(max(clause_start, ctx.focus.norm_start), before[0].norm_start).strip(
                " ،,«»\"'"
            )
        ):
            # A state named first in its clause is its subject.
            chosen_subject: Mention | None = next(
                (
                    m
                    for m in before[1:]
                    if m.kind != "jurisdiction" and self._jurisdiction_of(m) == before[0].entity_id
                ),
                before[0],
            )
        else:
            chosen_subject = None
        if exclude is not None:
            before_other = [m for m in before if self._jurisdiction_of(m) != exclude.jurisdiction]
        else:
            before_other = before
        chosen: Mention | None = None
        agents = [m for m in before if m.kind != "jurisdiction"]
        by = next((m for m in candidates if m.norm_start >= span[1]), None)
        if by is not None and self.rules.passive_agent.fullmatch(self._folded(span[1], by.norm_start)):
            # "Jaish-e-Mohammed, banned in Pakistan since 2002": the state after
            # the participle did it, not the subject of the sentence around it.
            chosen = by
        elif embedded and (
            owner := next(
                (m for m in candidates if m.kind == "jurisdiction" and 0 <= m.norm_start - span[1] <= 2),
                None,
            )
        ):
            # "قرار گرفتن نام پژاک در فهرست آمریکا را ... توصیف کرد": the list's owner
            # named right after it took the step reacted to.
            chosen = owner
        elif embedded and before_other:
            chosen = before_other[-1]
        elif chosen_subject is not None:
            chosen = chosen_subject
        elif agents:
            # A named person, office or body is the subject more often than a
            # country named in passing ("after Kazakhstan's decision, Lavrov ...").
            chosen = agents[0]
        elif owners := [m for m in candidates if m.kind == "body" and _in(m, span[0], span[1])]:
            # "The Taliban of Afghanistan are not yet off the Security
            # Council's list": the body owning the list named in the trigger,
            # not a state named in passing, holds the list.
            chosen = owners[0]
        elif before:
            chosen = before[0]
        elif (
            organ := self._stateless_subject(
                # a quotation's speaker is named in its "X said:" line
                ctx.start
                if len(ctx.sentences) > 1 and clause_start == ctx.focus.norm_start
                else clause_start,
                span,
            )
        ) is not None and (self.last_actor or self._focus_state(ctx)):
            # "The ministry has banned ...", "وزارت کشور ... ممنوع کرده بود": the
            # state's organ named alone is the state of the sentences before
            # (before any step: the state the article has named, "Nigerian judge ...").
            if self.last_actor is not None:
                return self.last_actor, organ
            focus = self._focus_state(ctx)
            return Actor(jurisdiction=focus, name=self._jurisdiction_name(focus)), organ
        elif self.last_actor and self.rules.subject_anaphors.match(self._folded(clause_start, span[0])):
            # "The government had banned ..." (no mention at all): likewise.
            return self.last_actor, None
        else:
            after = [m for m in candidates if m.norm_start >= span[0]]
            if after:
                chosen = after[0]
        if chosen is None:
            if self.last_actor is not None:
                return self.last_actor, None
            if self._sentence_actor is not None:
                # "... decided to ban X, and a gazette notice put the ban into effect"
                return self._sentence_actor, None
            # "On Tuesday the government acted ...", before any step was reported:
            # the state the article has named.
            focus = self._focus_state(ctx)
            if focus is not None and self.rules.subject_anaphors.match(self._folded(clause_start, span[0])):
                return Actor(jurisdiction=focus, name=self._jurisdiction_name(focus)), None
            return None, None
        jurisdiction = self._jurisdiction_of(chosen)
        return Actor(jurisdiction=jurisdiction, name=self._jurisdiction_name(jurisdiction)), chosen

    def _co_actors(
        self, ctx: Context, span: tuple[int, int], chosen: Mention
    ) -> list[tuple[Actor, str | None]]:
        """The subjects coordinated with the chosen one before the trigger, other states each."""
        subjects = [
            m
            for m in self.mentions
            if m.kind in _ACTOR_KINDS
            and m.role != "place"
            and (m.role or "") not in _REPORTER_ROLES
            and _in(m, ctx.focus.norm_start, span[0])
            and self._jurisdiction_of(m) is not None
        ]
        if chosen not in subjects:
            return []
        index = subjects.index(chosen)
        joined = [chosen]
        for step in (-1, 1):
            i = index
            while 0 <= i + step < len(subjects):
                a, b = sorted((subjects[i], subjects[i + step]), key=lambda m: m.norm_start)
                if not self.rules.actor_coordination.fullmatch(self._folded(a.norm_end, b.norm_start)):
                    break
                i += step
                joined.append(subjects[i])
        seen = {self._jurisdiction_of(chosen)}
        out = []
        for m in sorted(joined, key=lambda m: m.norm_start):
            code = self._jurisdiction_of(m)
            if code in seen:
                continue
            seen.add(code)
            authority, _ = self._authority(ctx, m)
            out.append(
                (
                    Actor(jurisdiction=code, name=self._jurisdiction_name(code)),
                    self.authorities.name(authority, code),
                )
            )
        return out

    def _stateless_subject(self, clause_start: int, span: tuple[int, int]) -> Mention | None:
        """A body, office or titled person named with no state before the trigger in its clause."""
        return next(
            (
                m
                for m in self.mentions
                if m.kind in ("body", "office", "person")
                and m.role
                and m.role not in _REPORTER_ROLES
                and self._jurisdiction_of(m) is None
                and clause_start <= m.norm_start
                and m.norm_end <= span[0]
            ),
            None,
        )

    @staticmethod
    def _jurisdiction_name(code: str | None) -> str | None:
        if code is None:
            return None
        try:
            from fehrest.entities import get_registry

            return get_registry().jurisdiction_name(code) or code
        except (ImportError, AttributeError):
            return code

    def _authority(self, ctx: Context, chosen: Mention | None) -> tuple[str | None, str | None]:
        """(authority, agent) from the mention chosen as the actor."""
        if chosen is None:
            return None, None
        table = self.authorities
        agent = chosen.name or chosen.text if chosen.kind == "person" else None
        if chosen.kind in ("person", "jurisdiction") and self._administration(chosen, ctx.start):
            # "The Biden administration", "دولت ترامپ", "the Australian government".
            return "government", agent
        role = (chosen.role or "").strip()
        jurisdiction = self._jurisdiction_of(chosen)
        if chosen.kind == "jurisdiction":
            # "ستره محکمه روسیه", "by the US State Department": the body named with the state.
            return self._body_with_state(chosen), None
        if chosen.kind in ("person", "office"):
            if role in table.spokesman_roles or role.endswith("spokesperson") or role.endswith("spokesman"):
                for m in self.mentions:
                    if (
                        m.kind == "body"
                        and _in(m, ctx.start, ctx.end)
                        and self._jurisdiction_of(m) in (jurisdiction, None)
                        and m.role
                        and m.role not in _REPORTER_ROLES
                    ):
                        return table.roles.get(m.role, m.role), agent
                seat = self._seat_in(ctx, jurisdiction)
                return seat or "government", agent
            if chosen.kind == "person" and not role:
                # A person with no title: take the office named beside them.
                for m in self.mentions:
                    if m.kind == "office" and _in(m, chosen.norm_end, chosen.norm_end + 40) and m.role:
                        return table.roles.get(m.role, m.role), agent
                return None, agent
            return (table.roles.get(role, role) if role else None), agent
        if chosen.kind == "body":
            return (table.roles.get(role, role) if role else None), None
        if chosen.kind == "group":
            # "The Taliban's foreign ministry": the de facto government's body named with it.
            body = next(
                (
                    m
                    for m in self.mentions
                    if m.kind in ("body", "office") and m.role and 0 <= m.norm_start - chosen.norm_end <= 12
                ),
                None,
            )
            if body is not None and body.role:
                return table.roles.get(body.role, body.role), None
        return None, None

    def _body_with_state(self, state: Mention) -> str | None:
        """The authority of a body named with a state, or of the seat a metonym names (the Kremlin)."""
        table = self.authorities
        seat = table.seats.get(fold_sentence(state.text, self.rules.language).strip().removeprefix("the "))
        if seat is not None:
            return seat
        for m in self.mentions:
            if m.kind in ("body", "office") and m.role and self._adjacent_state(m) == state:
                return table.roles.get(m.role, m.role)
        return None

    def _seat_in(self, ctx: Context, jurisdiction: str | None) -> str | None:
        """The authority of a seat metonym in the context ("a Kremlin spokesman" speaks for the president)."""
        for m in self.mentions:
            if m.kind == "jurisdiction" and m.entity_id == jurisdiction and _in(m, ctx.start, ctx.end):
                key = fold_sentence(m.text, self.rules.language).strip().removeprefix("the ")
                if key in self.authorities.seats:
                    return self.authorities.seats[key]
        return None

    def _administration(self, mention: Mention, floor: int) -> bool:
        """A government named by its leader or state ("the Biden administration", "دولت بایدن")."""
        if self._preceded_by(self.rules.administration, mention.norm_start, 10, floor):
            return True
        after = self._folded(mention.norm_end, min(mention.norm_end + 40, len(self.layer.normalized)))
        after = after.strip().removeprefix("'s").removeprefix("’s").strip()
        return self.rules.administration.match(after) is not None

    def _across_semicolon(self, t: TimeExpression, clause: tuple[int, int]) -> bool:
        a, b = (
            sorted((t.norm_start, clause[0])) if t.norm_start < clause[0] else sorted((clause[1], t.norm_end))
        )
        between = self.layer.normalized[a:b]
        return ";" in between or "؛" in between

    def _is_place(self, t: TimeExpression) -> bool:
        """A weekday the entity layer read as a capital in context (دوشنبه, Dushanbe, as subject)."""
        return any(
            m.kind == "jurisdiction" and m.norm_start <= t.norm_start and t.norm_end <= m.norm_end
            for m in self.mentions
        )

    def _judged(self, trigger: Trigger, match: re.Match[str]) -> tuple[Trigger, re.Match[str]]:
        """A reaction that judges the step ("called it «a positive step»") takes the judgement's stance."""
        if trigger.type != "REACT" or trigger.stance != "other":
            return trigger, match
        welcome = self.rules.welcome_words.search(match.group()) is not None
        condemn = self.rules.condemn_words.search(match.group()) is not None
        if welcome != condemn:
            return replace(trigger, stance="welcome" if welcome else "condemn"), match
        return trigger, match

    def _date(self, ctx: Context, span: tuple[int, int], trigger_type: str) -> DateValue | None:
        options = [
            t
            for t in self.times
            if t.date is not None
            and t.kind in ("date", "relative", "range")
            and _in(t, ctx.start, ctx.end)
            and not self._is_place(t)
        ]
        if not options:
            return None
        clause = self._clause(ctx, span)
        inside = [t for t in options if _in(t, *clause)]
        if not inside and self.rules.relative_opener.search(
            self._folded(max(ctx.focus.norm_start, clause[0] - 10), clause[0])
        ):
            # "rejected on Wednesday an appeal against the ruling that declared X
            # extremist": the ruling is older than the day the sentence names.
            return None
        # Another clause's date, not across a semicolon ("China has none; the
        # US since 1997 ...").
        options = inside or [t for t in options if not self._across_semicolon(t, clause)]
        if not options:
            return None
        mid = (span[0] + span[1]) / 2
        # A date beside another kind of trigger is that trigger's ("Egypt,
        # which outlawed it in 2013, welcomed the move": 2013 is the ban's).
        others = [s for s, kind in self._sentence_triggers if s != span and kind != trigger_type]
        if others:

            def distance(t: TimeExpression, s: tuple[int, int]) -> int:
                # A comma between them is a clause apart: it weighs more than words.
                a, b = sorted((t.norm_end, s[0])) if t.norm_end <= s[0] else sorted((s[1], t.norm_start))
                between = self.layer.normalized[a:b]
                return b - a + 100 * (between.count(",") + between.count("،"))

            def between(t: TimeExpression, o: tuple[int, int]) -> bool:
                left, right = sorted((span, o))
                return left[1] <= t.norm_start and t.norm_end <= right[0]

            # Only a date between two triggers is contested; one before both
            # ("On 28 May Putin spoke of recognising and delisting") is shared.
            options = [
                t
                for t in options
                if all(not between(t, o) or distance(t, span) <= distance(t, o) for o in others)
            ]
            if not options:
                return None
        best = min(options, key=lambda t: abs((t.norm_start + t.norm_end) / 2 - mid))
        return best.date

    def _modality(self, ctx: Context, span: tuple[int, int], own_words: bool = True) -> Modality:
        """The modality cue nearest the trigger in its sentence, else asserted.

        A cue inside or right beside the trigger (a negated verb, "may be
        removed") wins; otherwise the nearest cue before the trigger, then
        after it, so "said it would consider listing" reads "consider".
        """
        base, clause_end = self._clause(ctx, span)
        sentence = self._folded(base, clause_end)
        t_start, t_end = span[0] - base, span[1] - base
        best: tuple[int, str] | None = None
        for name, pattern in self.rules.modality:
            for m in pattern.finditer(sentence):
                if self._inside_group_name(base + m.start(), base + m.end()):
                    # a cue inside a group's name is part of the name («فلسطین پیروز خواهد شد»)
                    continue
                if m.end() <= t_start:
                    distance = t_start - m.end()
                    if not own_words and (distance > 12 or self.rules.language == "fa"):
                        # "welcomed that Moscow does not consider it terrorist": the
                        # negation is in what is welcomed, not in the welcome (a
                        # Persian reaction is negated in its own verb, after it).
                        continue
                elif m.start() >= t_end and not own_words:
                    if not (self.rules.language == "fa" and name == "denied" and m.start() - t_end <= 4):
                        continue  # a reaction is not negated by what it goes on to say
                    distance = 0  # "استقبال نکرد": the reaction's own verb negated
                elif m.start() >= t_end:
                    if any(
                        not self.rules.complement_head.search(sentence[: sub.start()])
                        for sub in self.rules.subordinator.finditer(sentence, t_end, m.start())
                    ):
                        # "... listed groups whose assets must be frozen": a cue in a
                        # relative clause after the trigger is that clause's.
                        continue
                    distance = m.start() - t_end + 1000  # after the trigger: a weaker cue
                elif own_words:
                    if name == "possible":
                        # "listed X, a network that urges followers to ..., as terrorist":
                        # a cue inside a long trigger describes the group, not the step.
                        continue
                    distance = 0
                else:
                    continue  # a reaction's own verb ("rejected the decision") is its stance
                if name == "denied" and distance < 1000:
                    distance = max(0, distance - 30)  # a negation governs the clause
                if best is None or distance < best[0]:
                    best = (distance, name)
        if best is not None:
            return best[1]  # type: ignore[return-value]
        if self.rules.subjunctive.search(self._folded(*span)):
            # A subjunctive verb ("... قرار دهد") is wished or asked for, not done.
            return "possible"
        return "asserted"

    def _inside_group_name(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._mention_starts, start) - 1
        while i >= 0 and self.mentions[i].norm_start >= start - 200:
            m = self.mentions[i]
            if m.kind == "group" and m.norm_start <= start and end <= m.norm_end:
                return True
            i -= 1
        return False

    def _forward_weekday(self, ctx: Context, span: tuple[int, int], date: DateValue) -> DateValue:
        """A bare weekday of a planned step is the coming one ("will come into force on Friday").

        The time layer resolves a bare weekday to the last such day on or
        before publication; a future clause speaks of the next one. A weekday
        right after a reporting verb ("said on Monday that it will ...")
        dates the statement and stays.
        """
        if self.published is None or date.precision != "day" or date.value > self.published:
            return date
        start, end = self._clause(ctx, span)
        if not self.rules.future.search(self._folded(start, end)):
            return date
        for t in self.times:
            if t.date != date or t.kind != "relative" or not _in(t, start, end):
                continue
            words = self._folded(t.norm_start, t.norm_end)
            if not self.rules.weekdays.search(words) or self.rules.past_weekday.search(words):
                continue
            if self._preceded_by(self.rules.reporting_past, t.norm_start, 15, start):
                continue
            ahead = dt.date.fromisoformat(date.value) + dt.timedelta(days=7)
            return replace(date, value=ahead.isoformat())
        return date

    def _present_perfect(self, ctx: Context, span: tuple[int, int]) -> bool:
        """A present-perfect verb governs the trigger ("has not listed", "گفته است که ...").

        Read from the clause start to just past the trigger (a Persian
        auxiliary follows its verb): a perfect in a later clause ("... and
        said Berlin has bowed to pressure") reports something else.
        """
        start, end = self._clause(ctx, span)
        return self.rules.present_perfect.search(self._folded(start, min(end, span[1] + 20))) is not None

    def _list(self, ctx: Context, trigger: Trigger) -> str | None:
        if trigger.list is not None:
            return trigger.list
        sentence = self._folded(ctx.focus.norm_start, ctx.focus.norm_end)
        for pattern, name in self.rules.lists:
            if pattern.search(sentence):
                return name
        return None

    # -- the sentence ------------------------------------------------------

    def _react_subject(self, ctx: Context, span: tuple[int, int]) -> Actor | None:
        """A non-state reactor: a group (not a government) that is the subject.

        The group itself ("Hamas condemned ..."), its spokesman or leadership
        ("رهبری تحریک لبیک", "a spokesman for the group"), or the group named
        earlier when the subject points back to it ("The group said ...",
        "این گروه ... محکوم کرد").
        """
        start = ctx.focus.norm_start
        if len(ctx.sentences) > 1 and not any(
            _in(m, start, span[0]) and m.kind in (*_ACTOR_KINDS, "group") for m in self.mentions
        ):
            # A quotation after "X said:": X speaks.
            start = ctx.start
        # A clause of its own with its own subject ("..., but a spokesman for
        # the group said ...") reacts apart from the one before it.
        clause_start = self._clause(ctx, span)[0]
        kinds = (*_ACTOR_KINDS, "group")
        if any(
            _in(m, clause_start, span[0])
            and (m.kind in _ACTOR_KINDS or (m.kind == "group" and self._opens(clause_start, m)))
            for m in self.mentions
        ):
            start = clause_start
        before = [m for m in self.mentions if _in(m, start, span[0]) and m.kind in kinds]
        head = self._folded(start, span[0]).lstrip(" ،,«»\"'")
        anaphor = self.rules.group_anaphors.match(head)
        if (
            anaphor is not None
            and anaphor.group().strip() not in _OBJECT_PRONOUNS
            and self.last_target is not None
            and self.de_facto.get(self.last_target[0].casefold()) is None
        ):
            tid, name, _ = self.last_target
            return Actor(jurisdiction=None, name=name, id=tid)
        if not before:
            return None
        first = before[0]
        if first.kind == "group" and not self._is_government(first, ctx.start):
            return Actor(jurisdiction=None, name=first.name or first.text, id=first.entity_id)
        if first.kind in ("person", "body", "office"):
            if (first.role or "") in _REPORTER_ROLES:
                return None
            near = self._folded(max(start, first.norm_start - 20), min(first.norm_end + 40, span[0]))
            if first.kind == "person" and self.rules.former.search(near):
                # "Karzai, a former president of Afghanistan": he speaks for himself.
                return Actor(jurisdiction=None, name=first.name or first.text, id=first.name or first.text)
            # A group's spokesman or leader speaks for the group; an NGO for itself.
            group = next(
                (
                    m
                    for m in self.mentions
                    if m.kind == "group"
                    and first.norm_end <= m.norm_start <= first.norm_end + 40
                    and m.norm_end <= span[0]
                    and self._de_facto(m) is None
                ),
                None,
            )
            if group is None and first.kind == "person" and first.name:
                # "Ammori said:" after "Huda Ammori, a co-founder of Palestine Action":
                # the group the person was introduced with.
                introduced = next(
                    (m for m in self.mentions if m.kind == "person" and m.name == first.name), first
                )
                group = next(
                    (
                        m
                        for m in self.mentions
                        if m.kind == "group"
                        and introduced is not first
                        and introduced.norm_end <= m.norm_start <= introduced.norm_end + 40
                        and self._de_facto(m) is None
                        and self._persons_group(m)
                    ),
                    None,
                )
            if group is not None and first.kind == "body" and self._jurisdiction_of(first) is not None:
                # "وزارت خارجه ایران قرار گرفتن نام حزب‌الله ... را محکوم کرد": a state's
                # ministry, and the group is what it speaks of.
                group = None
            if group is not None:
                return Actor(jurisdiction=None, name=group.name or group.text, id=group.entity_id)
            after = self._folded(first.norm_end, min(first.norm_end + 30, span[0]))
            before_first = self._folded(max(start, first.norm_start - 30), first.norm_start)
            names_group = self.rules.group_self_reference.search(after) or self.rules.group_possessive.search(
                before_first
            )
            if (
                names_group
                and self.last_target is not None
                and self.de_facto.get(self.last_target[0].casefold()) is None
            ):
                # "A spokesman for the group said ...", "X, the group's counsel, ...".
                tid, name, _ = self.last_target
                return Actor(jurisdiction=None, name=name, id=tid)
            if (
                self._jurisdiction_of(first) is None
                and first.kind != "office"
                # "Dobrindt, the interior minister, said ...": a state's officer
                # with no state named speaks for the state of the article.
                and (first.role or "") not in self.authorities.roles
                and self._stateless_organ(first) is None
            ):
                return Actor(jurisdiction=None, name=first.name or first.text, id=first.entity_id)
        return None

    def _stateless_organ(self, m: Mention) -> Mention | None:
        """A state body named with no state: ``m`` itself, or the one after its
        speaker ("X, spokesman of the foreign ministry")."""
        if m.kind != "body":
            m = next(
                (b for b in self.mentions if b.kind == "body" and 0 <= b.norm_start - m.norm_end <= 40),
                m,
            )
        if m.kind == "body" and (m.role or "") in self.authorities.roles and self._jurisdiction_of(m) is None:
            return m
        return None

    def _counted_set(self, ctx: Context, span: tuple[int, int]) -> list[tuple[str, str, bool, bool]]:
        """ "These two groups": the two the article has named most so far (first named on a tie).

        Only an anaphor in the trigger's own clause counts ("Canada listed both
        groups in 2021, and Britain proscribed The Base that July").
        """
        m = self.rules.counted_anaphors.search(self._folded(*self._clause(ctx, span)))
        if m is None:
            return []
        word = next((g for g in m.groups() if g), "")
        n = self.rules.numbers.get(word.casefold(), 0)
        pool = list(self.all_reported)
        if n and len(pool) < n:
            # "... the counterpart of the Fatemiyoun. The US listed both groups":
            # a group named but not yet reported counts too.
            for named in self.mentions:
                if named.norm_end > ctx.focus.norm_start:
                    break
                t = (named.entity_id or "", named.name or named.text, named.provisional)
                if (
                    named.kind == "group"
                    and named.entity_id
                    and t not in pool
                    and self._times_named(t[0], named.norm_end)
                ):
                    pool.append(t)
        if not n or len(pool) < n:
            return []
        ranked = sorted(
            pool,
            key=lambda t: (-self._times_named(t[0], ctx.focus.norm_start), pool.index(t)),
        )
        return [(tid, name, prov, True) for tid, name, prov in ranked[:n]]

    def _focus_state(self, ctx: Context) -> str | None:
        """The state last named (not as a place) before this sentence."""
        named = [
            m
            for m in self.mentions
            if m.kind == "jurisdiction" and m.norm_end <= ctx.start and m.role != "place"
        ]
        return self._jurisdiction_of(named[-1]) if named else None

    def _other_state(
        self, ctx: Context, span: tuple[int, int], excluded: str
    ) -> tuple[Actor, Mention | None] | None:
        """Another state than ``excluded``: named before the trigger, the outlet's own, the last actor."""
        before = [
            m
            for m in self.mentions
            if m.kind in _ACTOR_KINDS
            and _in(m, ctx.start, span[0])
            and self._jurisdiction_of(m) not in (None, excluded)
            and m.role != "place"
        ]
        if not before:
            # "قرار گرفتن نام سپاه در فهرست ... آمریکا": the state owning the list named after it
            clause_end = self._clause(ctx, span)[1]
            before = [
                m
                for m in self.mentions
                if m.kind == "jurisdiction"
                and _in(m, span[1], clause_end)
                and self._jurisdiction_of(m) not in (None, excluded)
                and m.role != "place"
            ]
        if before:
            code = self._jurisdiction_of(before[0])
            return Actor(jurisdiction=code, name=self._jurisdiction_name(code)), before[0]
        for code in (self.home, self.last_actor.jurisdiction if self.last_actor else None):
            if code is not None and code != excluded:
                return Actor(jurisdiction=code, name=self._jurisdiction_name(code)), None
        return None

    def _addressee(
        self, ctx: Context, span: tuple[int, int], chosen: Mention, actor: Actor
    ) -> Mention | None:
        """The body or state a request is addressed to, when another than the requester's.

        A state's own prosecutor asking its own court stays the requester's act.
        """
        clause_start, _ = self._clause(ctx, span)
        for m in self.mentions:
            if m.kind not in ("body", "jurisdiction") or not _in(m, clause_start, span[0]) or m is chosen:
                continue
            code = self._jurisdiction_of(m)
            if code is None or code == actor.jurisdiction:
                continue
            before = self._folded(max(clause_start, m.norm_start - 25), m.norm_start)
            after = self._folded(m.norm_end, min(span[0], m.norm_end + 60))
            if self.rules.addressee_before.search(before) and self.rules.addressee_after.search(after):
                return m
        return None

    def _object_marked(
        self, groups: list[Mention], clause_start: int, span: tuple[int, int]
    ) -> Mention | None:
        """The group the last object marker before the trigger follows ("X را"), if another is nearer."""
        lead = self._folded(clause_start, span[0])
        marks = [m.start() for m in self.rules.object_marker.finditer(lead)]
        if not marks:
            return None
        mark = clause_start + marks[-1]
        before = [g for g in groups if g.norm_end <= mark and g.norm_start >= clause_start]
        after = [g for g in groups if mark < g.norm_start < span[0]]
        return before[-1] if before and after else None

    def _residence(self, m: Mention) -> bool:
        """A state named as where someone lives ("who lives in France", «در فرانسه به سر می‌برد»)."""
        before = self._folded(max(0, m.norm_start - 25), m.norm_start)
        after = self._folded(m.norm_end, min(len(self.layer.normalized), m.norm_end + 25))
        return bool(self.rules.residence_before.search(before) or self.rules.residence_after.match(after))

    def _owns_trigger(self, m: Mention, span: tuple[int, int]) -> bool:
        """A group in the possessive right before the trigger ("the Taliban's ban") made it."""
        if self.rules.language != "en" or not 0 <= span[0] - m.norm_end <= 4:
            return False
        return self._folded(m.norm_end, span[0]).strip() in ("'s", "’s", "'", "’")

    def _relative_head(self, ctx: Context, span: tuple[int, int], groups: list[Mention]) -> Mention | None:
        """The group a relative clause holding the trigger hangs on, if it names its own subject."""
        clause_start, _ = self._clause(ctx, span)
        if clause_start == ctx.focus.norm_start:
            return None
        if not self.rules.relative_clause.match(self._folded(clause_start, span[0])):
            return None
        if any(_in(g, clause_start, span[1]) for g in groups):
            return None
        head = [g for g in groups if 0 <= clause_start - g.norm_end <= 3]
        subject = [m for m in self.mentions if m.kind in _ACTOR_KINDS and _in(m, clause_start, span[0])]
        # "which Whitehall had proscribed": a subject of its own, so the head is the object
        return head[-1] if head and subject else None

    def _times_named(self, group_id: str, end: int) -> int:
        """How often a group has been named before ``end``, not as the name of a
        sanctions regime ("فهرست تحریم‌های القاعده")."""
        return sum(
            1
            for m in self.mentions
            if m.kind == "group"
            and m.entity_id == group_id
            and m.norm_end <= end
            and not self._preceded_by(
                self.rules.list_qualifier, m.norm_start, 25, self._sentence_start(m.norm_start)
            )
        )

    def _opens(self, clause_start: int, m: Mention) -> bool:
        """Whether a mention is the first words of its clause (at most one word before it)."""
        return len(self._folded(clause_start, m.norm_start).split()) <= 1

    def read(self, ctx: Context) -> list[Candidate]:
        """Return the candidates of one sentence (in its context)."""
        sentence = ctx.focus
        folded = self._folded(sentence.norm_start, sentence.norm_end)
        undated, self.undated = self.undated, []
        if undated and self.rules.dating_anaphors.match(folded.lstrip()):
            self._date_from_next(sentence, undated)
        matches = [self._judged(t, m) for t, m in _select_triggers(self.rules, folded)]
        if any(t.type == "SUSPEND" for t, _ in matches):
            # "Suspended the ban" is the precise claim; a removal word beside
            # it in the same sentence is loose wording of the same act.
            matches = [(t, m) for t, m in matches if t.type != "DELIST"]
        if not matches:
            return []
        has_react = any(t.type == "REACT" for t, _ in matches)
        self._sentence_triggers = [
            ((sentence.norm_start + m.start(), sentence.norm_start + m.end()), t.type) for t, m in matches
        ]
        out: list[Candidate] = []
        react_actor: Actor | None = None
        self._sentence_actor = None
        for trigger, match in matches:
            start = sentence.norm_start + match.start()
            end = sentence.norm_start + match.end()
            if self._preceded_by(self.rules.blockers, start, 14, sentence.norm_start):
                continue
            if trigger.type == "RECOGNIZE" and (
                self.rules.recognize_other_object.search(
                    self._folded(max(sentence.norm_start, start - 60), start)
                )
                or self.rules.recognize_other_object.match(
                    self._folded(end, min(sentence.norm_end, end + 60))
                )
            ):
                # "Brazil recognises only the Security Council's lists": no government recognised.
                continue
            lead = self._folded(self._clause(ctx, (start, end))[0], start)
            if self.rules.hypothetical.search(lead[max(lead.rfind(","), lead.rfind("،")) + 1 :]):
                # "did not say whether any entity had been taken off": a question, not a step
                # (only in the trigger's own stretch: "If MPs approve it, the order comes into force").
                continue
            is_react = trigger.type == "REACT"
            if trigger.list == "sanctions" and self._sanctions_people(ctx, (start, end)):
                continue
            if is_react and not (self.events_so_far or out or self.rules.react_context.search(folded)):
                continue
            embedded = has_react and not is_react
            targets = self._targets(ctx, (start, end), is_react)
            if not targets and trigger.echo:
                # "Brazil followed suit": the groups of the step it repeats.
                targets = [(tid, name, prov, True) for tid, name, prov in self.last_targets]
            for target_id, target_name, provisional, from_anaphor in targets:
                candidate = self._candidate(
                    ctx,
                    trigger,
                    (start, end),
                    (target_id, target_name, provisional, from_anaphor),
                    embedded,
                    react_actor,
                    folded,
                )
                if candidate is None or self._undated_status(ctx, (start, end), candidate):
                    continue
                if len(targets) >= 2 and not is_react:
                    # "dissolved X in October 2020 and Y in December 2020": each its own date
                    named = next(
                        (
                            m
                            for m in self.mentions
                            if m.entity_id == target_id and _in(m, ctx.focus.norm_start, ctx.focus.norm_end)
                        ),
                        None,
                    )
                    own_date = None if named is None else self._own_date(named)
                    if own_date is not None and own_date.date is not None and own_date.norm_start > start:
                        candidate.date = own_date.date
                pairs = [] if is_react else self._actor_date_pairs(ctx, (start, end))
                if len(pairs) >= 2:
                    # "Canada in 2024 and the US in 2019 listed it": one event per state.
                    for state, when in pairs:
                        code = state.entity_id
                        out.append(
                            replace(
                                candidate,
                                actor=Actor(jurisdiction=code, name=self._jurisdiction_name(code)),
                                date=when,
                                authority=None,
                                agent=None,
                            )
                        )
                    continue
                if trigger.echo:
                    # "did the same": the step before, in this sentence or the last one reported
                    model = next((c for c in reversed(out) if not c.trigger.echo), None) or self.last_step
                    if model is None:
                        continue
                    candidate.type, candidate.list_name = model.type, model.list_name
                if is_react:
                    react_actor = candidate.actor
                elif candidate.actor.jurisdiction is not None:
                    self._sentence_actor = candidate.actor
                out.append(candidate)
                out.extend(
                    # "دولت‌های کلمبیا و هندوراس": the governments named together share the organ
                    replace(
                        candidate,
                        actor=actor,
                        authority=authority
                        or (candidate.authority if candidate.authority == "government" else None),
                        agent=None,
                        co_actors=[],
                    )
                    for actor, authority in candidate.co_actors
                )
        if self.announcer is not None and self.last_target is not None:
            # A state does not react to its own step: its reaction is to the
            # last group named, not to every group it announced.
            out = [
                c
                for c in out
                if not (
                    c.type == "REACT"
                    and c.from_anaphor
                    and c.actor.jurisdiction == self.announcer[0]
                    and c.target_id != self.last_target[0]
                )
            ]
        own = {c.actor.id for c in out if c.type == "REACT" and c.actor.id == c.target_id}
        # A group reacting to a step that named several groups speaks for itself.
        out = [c for c in out if not (c.type == "REACT" and c.actor.id in own and c.target_id != c.actor.id)]
        if self.rules.same_day.search(folded) and self.last_date is not None:
            # "... did the same the same day": the date of the event before.
            for c in out:
                if c.date is None and c.type != "REACT":
                    c.date = self.last_date
        reported: list[tuple[str, str, bool]] = []
        for c in out:
            if (not c.embedded or c.type == "REACT") and not (self.last_target and self._background(c)):
                self.last_target = (c.target_id, c.target_name, c.target_provisional)
                if c.type != "REACT" and self.last_target not in reported:
                    reported.append(self.last_target)
            if c.actor.jurisdiction is not None and c.type != "REACT":
                self.last_actor = c.actor
        steps = [c for c in out if c.type != "REACT" and not c.embedded and not self._background(c)]
        if steps:
            key = (steps[0].actor.jurisdiction, steps[0].type)
            if key != self.announcer or any((c.actor.jurisdiction, c.type) != key for c in steps):
                self.announced = []
            self.announcer = key
            for c in steps:
                if (t := (c.target_id, c.target_name, c.target_provisional)) not in self.announced:
                    self.announced.append(t)
        if len(reported) >= 2 and self.last_target in reported:
            # Several groups in one step: "the group" next points to the one the
            # article is about (named most so far), the last named on a tie.
            self.last_target = max(
                reported, key=lambda t: (self._times_named(t[0], sentence.norm_end), reported.index(t))
            )
        for c in out:
            if (
                c.type != "REACT"
                and (t := (c.target_id, c.target_name, c.target_provisional)) not in self.all_reported
            ):
                self.all_reported.append(t)
        if reported:
            self.last_targets = reported
            self.last_date = next((c.date for c in out if c.type != "REACT" and c.date is not None), None)
        self.events_so_far += len(out)
        self.last_step = next((c for c in reversed(steps) if not c.trigger.echo), self.last_step)
        self.designated.update(c.target_id for c in out if c.type != "REACT")
        steps_here = [c for c in out if c.type != "REACT"]
        if steps_here:
            best_here = max(steps_here, key=lambda c: self._times_named(c.target_id, sentence.norm_end))
            self.last_mentioned = (best_here.target_id, best_here.target_name, best_here.target_provisional)
        self.undated = [
            c
            for c in out
            if c.type != "REACT" and c.date is None and not c.embedded and c.modality == "asserted"
        ]
        return out

    def _date_from_next(self, sentence: Sentence, undated: list[Candidate]) -> None:
        """Date the steps of the sentence before by the one day this sentence names."""
        days = {
            t.date.value: t.date
            for t in self.times
            if t.date is not None
            and t.date.precision == "day"
            and t.kind in ("date", "relative")
            and _in(t, sentence.norm_start, sentence.norm_end)
        }
        if len(days) != 1:
            return
        (date,) = days.values()
        for c in undated:
            c.date = date
            c.evidence.append(sentence)

    def remembered_authority(self, c: Candidate) -> Candidate:
        """Remember the authority of a state's designation from another sentence of the article.

        "The United States designated X on Thursday. The State Department
        said ...": the office or body of the same state named nearest the
        event (before it first) is who acted. Merging uses it only for the
        article's news, not for a restated older listing, whose authority
        the article rarely gives.
        """
        if c.actor.jurisdiction is None or c.type not in ("LIST", "DELIST", "SUSPEND"):
            return c
        table = self.authorities
        here = c.context.focus.norm_start
        best: tuple[int, str] | None = None
        for m in self.mentions:
            role = (m.role or "").strip()
            if m.kind not in ("body", "office", "person") or role not in table.roles:
                continue
            if role in table.spokesman_roles or self._jurisdiction_of(m) != c.actor.jurisdiction:
                continue
            # Before the event beats after it: a distance after costs double.
            distance = here - m.norm_end if m.norm_end <= here else 2 * (m.norm_start - here)
            if best is None or distance < best[0]:
                best = (distance, table.roles[role])
        if best is None:
            best = self._unstated_body_after(c)
        if best is None:
            return c
        c.remembered_authority = table.name(best[1], c.actor.jurisdiction)
        return c

    def _unstated_body_after(self, c: Candidate) -> tuple[int, str] | None:
        """A body named with no state in the very next sentence acted for the event's state.

        "The UAE published its list on Saturday. It was approved by the cabinet":
        only when the article names no office of that state anywhere.
        """
        table = self.authorities
        focus = c.context.focus
        following = [s for s in self.layer.sentences if s.norm_start >= focus.norm_end]
        if not following:
            return None
        after = following[0]
        for m in self.mentions:
            role = (m.role or "").strip()
            if m.kind != "body" or role not in table.roles or role in table.spokesman_roles:
                continue
            if (
                after.norm_start <= m.norm_start
                and m.norm_end <= after.norm_end
                and self._jurisdiction_of(m) is None
            ):
                return (0, table.roles[role])
        return None

    def _undated_status(self, ctx: Context, span: tuple[int, int], c: Candidate) -> bool:
        """An undated "still on the list" restates a status; it reports no event."""
        if c.type == "REACT" or c.modality != "asserted" or c.date is not None or c.headline:
            # a headline's present tense reports news ("Australia lists X"), not a status
            return False
        start, _ = self._clause(ctx, span)
        return self.rules.status_cues.search(self._folded(start, span[1])) is not None

    def _background(self, c: Candidate) -> bool:
        """A restated older listing ("has listed since 2001"): not what "the decision" refers to."""
        return c.date is not None and self.published is not None and c.date.value[:4] < self.published[:4]

    def _candidate(
        self,
        ctx: Context,
        trigger: Trigger,
        span: tuple[int, int],
        target: tuple[str, str, bool, bool],
        embedded: bool,
        react_actor: Actor | None,
        folded: str,
    ) -> Candidate | None:
        target_id, target_name, provisional, from_anaphor = target
        is_react = trigger.type == "REACT"
        actor: Actor | None = None
        chosen: Mention | None = None
        if is_react:
            actor = self._react_subject(ctx, span)
        if actor is None:
            recognised = self.de_facto.get(target_id.casefold()) if trigger.type == "RECOGNIZE" else None
            actor, chosen = self._actor(
                ctx, span, target_id, react_actor if embedded else None, embedded, recognised
            )
        if (
            is_react
            and self.home is not None
            and actor is not None
            and actor.jurisdiction not in (None, self.home)
        ):
            # "سخنگوی وزارت امور خارجه گفت" in an Iranian report, about another
            # state's step: the outlet's own state's ministry reacts. With no
            # office chosen, the quotation's speaker ("قاسمی، سخنگوی وزارت امور
            # خارجه، گفت: «این اقدام ...»") is looked for.
            speaker = chosen
            if speaker is None and actor == self.last_actor:
                speaker = self._stateless_subject(ctx.focus.norm_start, span)
            home_organ = None if speaker is None else self._stateless_organ(speaker)
            if home_organ is not None:
                actor = Actor(jurisdiction=self.home, name=self._jurisdiction_name(self.home))
                chosen = chosen or home_organ
        if is_react and chosen is None and actor is not None and actor == self.last_actor:
            # No state or office named as the reactor: the state that decided does
            # not react to its own step; the unnamed speaker is the group's side
            # ("Kuvvatov, who lives in exile, called the decision ...").
            actor = Actor(jurisdiction=None, name=target_name, id=target_id)
        if actor is None:
            return None
        if is_react and chosen is not None and chosen.kind == "body" and chosen.role in _COURT_ROLES:
            # "the court found the dissolution «necessary in a democratic society»":
            # a court's reasons are its ruling, not a reaction to it.
            return None
        if (
            chosen is not None
            and chosen.kind == "body"
            and (chosen.role or "") in _CIVIL_ROLES
            and trigger.type in ("DELIST", "SUSPEND")
            and not is_react
        ):
            # "Amnesty said the ban must be lifted": a rights group's demand is
            # its reaction to the ban, not a step any state is weighing.
            name = chosen.name or chosen.text
            trigger = replace(trigger, type="REACT", stance="condemn", modality=None)
            is_react = True
            actor, chosen = Actor(jurisdiction=None, name=name, id=name), None
        own_state = _state_of(target_id)
        if not is_react and own_state is not None and actor.jurisdiction == own_state:
            # "Iran's Security Council declared US Central Command (CENTCOM)
            # terrorist": the US named with its own command is not the actor.
            other = self._other_state(ctx, span, own_state)
            if other is None:
                return None
            actor, chosen = other
        if not is_react and chosen is not None:
            addressee = self._addressee(ctx, span, chosen, actor)
            if addressee is not None:
                # "Kabul will ask the Security Council to list the group": the
                # listing proposed is the Council's.
                chosen = addressee
                code = self._jurisdiction_of(addressee)
                actor = Actor(jurisdiction=code, name=self._jurisdiction_name(code))
        authority, agent = self._authority(ctx, chosen)
        if (
            is_react
            and chosen is not None
            and chosen.kind == "body"
            and (chosen.role or "") == "organization"
        ):
            # "The UN criticised the ruling": an organisation speaking as a whole, not its Council.
            authority = None
        authority = self.authorities.name(authority, actor.jurisdiction)
        clause_text = self._folded(self._clause(ctx, span)[0], span[0])
        organ = self.rules.subject_anaphors.search(clause_text)
        if authority is None and chosen is None and organ is not None and not is_react:
            # "On Tuesday the government acted ...": the organ named is the authority.
            word = organ.group().split()[-1]  # "the interim government" → government
            authority = self.authorities.name(self.authorities.roles.get(word), actor.jurisdiction)
        if self.rules.same_court.search(clause_text) and self.last_court is not None:
            # "The same court suspended ...", "همین دادگاه پیش‌تر ...": the court named before.
            authority = self.last_court
        if authority in _COURTS:
            self.last_court = authority
        # An event named inside a reaction takes no date of its own, unless
        # a relative clause gives it one ("Egypt, which banned it in 2013, welcomed").
        in_relative = self.rules.relative_clause.match(self._folded(*self._clause(ctx, span)))
        date = self._date(ctx, span, trigger.type) if not embedded or in_relative else None
        key = (ctx.focus.norm_start, span, not is_react)
        if key not in self._modalities:
            # one trigger with several targets: the same clause, the same modality
            self._modalities[key] = self._modality(ctx, span, own_words=not is_react)
        modality = self._modalities[key]
        if trigger.modality is not None and modality != "denied":
            modality = cast(Modality, trigger.modality)
        if is_react and modality != "denied":
            modality = "asserted"  # a reaction is reported as made; "calls for" is its content
        if modality == "planned" and date is not None:
            date = self._forward_weekday(ctx, span, date)
        if (
            modality == "asserted"
            and not is_react
            and date is not None
            and date.precision == "day"
            and self.published is not None
            and date.value > self.published
        ):
            # Taking effect after the article was written: decided, not yet done.
            modality = "planned"
        stance = trigger.stance
        if is_react and stance == "other" and actor.jurisdiction is None and actor.id == target_id:
            # A group judging its own designation dismisses it ("called the decision
            # 'politically motivated'"): the gold's convention reads that as condemnation.
            stance = "condemn"
        confidence = trigger.confidence
        if from_anaphor:
            confidence -= 0.1
        if chosen is None:
            confidence -= 0.15
        if date is not None:
            confidence += 0.05
        sentence = ctx.focus
        # A request or proposal by several states is not a step by each of them.
        joint = chosen is not None and not embedded and modality != "possible"
        co_actors = self._co_actors(ctx, span, chosen) if joint and chosen is not None else []
        return Candidate(
            co_actors=co_actors,
            type=trigger.type,
            modality=modality,
            trigger=trigger,
            context=ctx,
            span=span,
            words=self.layer.normalized[span[0] : span[1]],
            target_id=target_id,
            target_name=target_name,
            target_provisional=provisional,
            actor=actor,
            authority=authority,
            agent=agent,
            list_name=self._list(ctx, trigger) if trigger.type in ("LIST", "DELIST", "SUSPEND") else None,
            date=date,
            stance=stance,
            confidence=max(0.05, min(confidence, 0.99)),
            embedded=embedded,
            headline=sentence.line == 1 and not folded.rstrip().endswith((".", "!", "?", "؟")),
            present_perfect=self._present_perfect(ctx, span),
            from_anaphor=from_anaphor,
            evidence=list(ctx.sentences) if is_react or date is not None else [sentence],
        )


def read_candidates(
    rules: Rules,
    layer: TextLayer,
    times: Sequence[TimeExpression],
    mentions: Sequence[Mention],
    published: str | None = None,
    variant: str | None = None,
) -> list[Candidate]:
    """Return the candidates of a whole document, in reading order.

    ``variant`` is the document's language as detected (``fa-IR``): its
    outlets' own state answers for an organ named with no state.
    """
    authorities = load_authorities()
    reader = SentenceReader(
        rules, layer, times, mentions, authorities.de_facto_on(published), authorities, published
    )
    reader.home = authorities.home.get(variant or "")
    out: list[Candidate] = []
    for ctx in _contexts(layer):
        out.extend(reader.read(ctx))
    return [reader.remembered_authority(c) for c in out]
