"""Compile the per-language event cues (``data/<lang>/events.yaml``) into regexes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

from fehrest.errors import InputError
from fehrest.model import EventType, Stance
from fehrest.resources import data_path, load_yaml

_NEVER = "(?!x)x"

# Folding that keeps every offset: one character in, one character out, so a
# match on the folded sentence is a match on the normalised one.
_FA_FOLD = str.maketrans(
    {"\u200c": " ", "ۀ": "ه", "ة": "ه", "ي": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "ٱ": "ا"}
)


def fold_sentence(text: str, language: str) -> str:
    """Return a same-length folded copy of a normalised sentence for matching."""
    if language == "fa":
        return text.translate(_FA_FOLD)
    return text.lower()


@dataclass(frozen=True, slots=True)
class Trigger:
    """A pattern that signals one event type, with the rule id it cites."""

    id: str
    type: EventType
    regex: re.Pattern[str]
    confidence: float
    stance: Stance | None = None
    list: str | None = None
    # An elliptical verb ("followed suit", "نیز همین کار را کرد") takes the
    # type of the event just before it in the sentence.
    echo: bool = False
    # A trigger that names its own modality (a prosecutor's request is a
    # possible listing whatever the clause says, unless it is denied).
    modality: str | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    """Every cue of one language, compiled."""

    language: str
    triggers: tuple[Trigger, ...]
    lists: tuple[tuple[re.Pattern[str], str], ...]
    modality: tuple[tuple[str, re.Pattern[str]], ...]
    react_context: re.Pattern[str]
    blockers: re.Pattern[str]
    no_actor: re.Pattern[str]
    government_words: re.Pattern[str]
    person_nouns: re.Pattern[str]
    present_perfect: re.Pattern[str]
    event_anaphors: re.Pattern[str]
    coordination: re.Pattern[str]
    group_anaphors: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    subjunctive: re.Pattern[str]
    administration: re.Pattern[str]
    person_objects: re.Pattern[str]
    # A group named as another's alias ("as another name for X"): not the target.
    alias_context: re.Pattern[str]
    # What may stand between a listed group and the groups listed with it
    # ("..., along with 12 other groups including X").
    inclusion: re.Pattern[str]
    # A subject that names the state by its organ alone ("The government had
    # banned ..."): the state of the sentences before.
    subject_anaphors: re.Pattern[str]
    # A clause that opens with a relative pronoun ("..., which banned X"):
    # its subject is the noun just before it.
    relative_clause: re.Pattern[str]
    # A group that only names a list or regime ("the sanctions list related
    # to ISIL and al-Qaeda"): not what is listed.
    list_qualifier: re.Pattern[str] = re.compile(_NEVER)
    # "Still", "remains": an undated status, not an event (the gold's
    # convention: at most an acceptable extra).
    status_cues: re.Pattern[str] = re.compile(_NEVER)
    # A future verb in the clause, weekday names, "last" before a weekday, and
    # a past reporting verb: what re-reads a bare weekday of a planned step.
    future: re.Pattern[str] = re.compile(_NEVER)
    weekdays: re.Pattern[str] = re.compile(_NEVER)
    past_weekday: re.Pattern[str] = re.compile(_NEVER)
    reporting_past: re.Pattern[str] = re.compile(_NEVER)
    # Words that end an enumeration of groups ("A, the Basque group B, C"):
    # a relative pronoun or a verb between two names makes them no list.
    enumeration_stops: re.Pattern[str] = re.compile(_NEVER)
    # A sentence that spells out a list decided just before ("The list
    # includes A, B and C", "فهرست ... شامل الف، ب و ج است").
    list_members: re.Pattern[str] = re.compile(_NEVER)
    # After a spokesman or officer, words naming the group last spoken of
    # ("a spokesman for the group", "the group's general counsel").
    group_self_reference: re.Pattern[str] = re.compile(_NEVER)
    # Before a spokesman or leader, a possessive naming the group last spoken
    # of ("the movement's leader", "the group's spokesman").
    group_possessive: re.Pattern[str] = re.compile(_NEVER)
    # What may stand between two subjects that act together ("کلمبیا و
    # هندوراس", "Washington and the Security Council").
    actor_coordination: re.Pattern[str] = re.compile(_NEVER)
    # A word opening a relative or complement clause ("که", "which"): a
    # modality cue past it, after the trigger, belongs to that clause.
    subordinator: re.Pattern[str] = re.compile(_NEVER)
    # What a complement "که"/"that" follows (a speech verb): not a relative clause.
    complement_head: re.Pattern[str] = re.compile(_NEVER)
    # A plural anaphor with a number ("these two groups"); its number word in
    # a group named n..., looked up in ``numbers``.
    counted_anaphors: re.Pattern[str] = re.compile(_NEVER)
    # "former" beside a person's office: no longer speaks for the state.
    former: re.Pattern[str] = re.compile(_NEVER)
    # A request addressed to a body ("از شورای امنیت خواست", "asked the Security
    # Council to"): the words right before the addressee and right after it.
    addressee_before: re.Pattern[str] = re.compile(_NEVER)
    addressee_after: re.Pattern[str] = re.compile(_NEVER)
    # Right before a trigger, a passive auxiliary ("has not been", "was"): the
    # clause's subject is the target.
    passive_marker: re.Pattern[str] = re.compile(_NEVER)
    # The end of the words that open a relative clause ("the ruling that", "که"):
    # a trigger in it takes no date from the main clause.
    relative_opener: re.Pattern[str] = re.compile(_NEVER)
    # "The same court": the court named before acted again.
    same_court: re.Pattern[str] = re.compile(_NEVER)
    # Right before an anaphor, a relation to it ("a close ally of these groups"):
    # the anaphor is not the object of the step.
    relation_before: re.Pattern[str] = re.compile(_NEVER)
    # Between an office and the union it serves: "وزیران خارجه ۲۸ کشور عضو اتحادیه اروپا".
    member_states_gap: re.Pattern[str] = re.compile(_NEVER)
    # Words that give a judgement of the step its stance ("«گامی مثبت» خواند",
    # 'called the designation "politically motivated"').
    welcome_words: re.Pattern[str] = re.compile(_NEVER)
    condemn_words: re.Pattern[str] = re.compile(_NEVER)
    # Words that make the rest of the clause a question or a condition.
    hypothetical: re.Pattern[str] = re.compile(_NEVER)
    # A recognition whose object is a list, a resolution or a border, not a government.
    recognize_other_object: re.Pattern[str] = re.compile(_NEVER)
    # The object marker ("را"): the group it follows is the object of the verb after it.
    object_marker: re.Pattern[str] = re.compile(_NEVER)
    # "That ban": the step named last, even an older one.
    recent_anaphors: re.Pattern[str] = re.compile(_NEVER)
    # "X and three other groups": the others are named in the next sentence.
    others_named_next: re.Pattern[str] = re.compile(_NEVER)
    # Words that make a state named beside them someone's residence, not an actor.
    residence_before: re.Pattern[str] = re.compile(_NEVER)
    residence_after: re.Pattern[str] = re.compile(_NEVER)
    numbers: dict[str, int] = field(default_factory=dict)
    # A plural word for the groups of the event before ("the same cartels",
    # "همین گروه‌ها"): every target of that event, not only the last one.
    plural_anaphors: re.Pattern[str] = re.compile(_NEVER)
    # "Most of these groups" (بیشتر این گروه‌ها): part of the set before,
    # which names no group for certain.
    partial_anaphors: re.Pattern[str] = re.compile(_NEVER)
    # "The same day", "در همان روز": the date of the event before.
    same_day: re.Pattern[str] = re.compile(_NEVER)
    # A sentence opening on the step just reported ("The revocations were
    # published on Friday"): its date is that step's when the step had none.
    dating_anaphors: re.Pattern[str] = re.compile(_NEVER)
    # The words between a participle trigger and the state that did it
    # ("banned in Pakistan", "listed by Canada"): that state is the actor.
    passive_agent: re.Pattern[str] = re.compile(_NEVER)


def _replace_spaces(pattern: str, space: str) -> str:
    """Replace each space outside a character class (``[^ .]`` keeps its space)."""
    out = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif ch == " " and not in_class:
            out.append(space)
            continue
        out.append(ch)
    return "".join(out)


def _compile(pattern: str, macros: dict[str, str], language: str, source: str) -> re.Pattern[str]:
    for name, value in macros.items():
        pattern = pattern.replace("{" + name + "}", value)
    # A space in a Persian pattern stands for a space, a lost ZWNJ or nothing.
    # Quotation marks may wrap a word of the phrase ("«ممنوع» شد").
    pattern = _replace_spaces(pattern, '[ «»"]{0,3}' if language == "fa" else r"\s+")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise InputError(source, f"bad pattern {pattern!r}: {exc}") from None


_REQUIRED_CUES = (
    "react_context",
    "blockers",
    "no_actor",
    "government_words",
    "person_nouns",
    "present_perfect",
    "event_anaphors",
    "coordination",
    "group_anaphors",
    "clause_breaks",
    "subjunctive",
    "administration",
    "person_objects",
)
# Every other cue is optional: a language that lacks it never matches it.
_OPTIONAL_CUES = tuple(
    f.name for f in fields(Rules) if f.type == "re.Pattern[str]" and f.name not in _REQUIRED_CUES
)


@cache
def load_rules(language: str) -> Rules:
    """Load and compile the event cues of a language (``fa`` or ``en``)."""
    source = str(data_path(language, "events.yaml"))
    raw: dict[str, Any] = load_yaml(language, "events.yaml")
    macros: dict[str, str] = {}
    for name, value in (raw.get("macros") or {}).items():
        for prev, prev_value in macros.items():
            value = value.replace("{" + prev + "}", prev_value)
        macros[name] = value

    def comp(pattern: str) -> re.Pattern[str]:
        return _compile(pattern, macros, language, source)

    triggers = tuple(
        Trigger(
            id=t["id"],
            type=t["type"],
            # A trigger starts a word: "حکم" (ruling) is not the end of "محکمه" (court).
            regex=comp(f"(?<!\\w)(?:{t['pattern']})" if language == "fa" else t["pattern"]),
            confidence=float(t.get("confidence", 0.7)),
            stance=t.get("stance"),
            list=t.get("list"),
            echo=bool(t.get("echo", False)),
            modality=t.get("modality"),
        )
        for t in raw["triggers"]
    )
    modality = tuple(
        # A Persian cue starts a word: "باید" (must) is not the start of "بایدن" (Biden)
        # nor the end of a longer word.
        (name, comp("|".join(f"(?<!\\w)(?:{p})" if language == "fa" else f"(?:{p})" for p in patterns)))
        # "asserted" cues mark a step taken in words that look like intent
        # ("تصمیم گرفتند ... قرار دهند": decided, as the deciding body, to list)
        for name in ("denied", "planned", "possible", "asserted")
        if (patterns := raw["modality"].get(name))
    )
    # Every other cue is one regex: required ones fail loudly when missing,
    # optional ones (newer cues) never match when a language lacks them.
    cues: dict[str, re.Pattern[str]] = {name: comp(raw[name]) for name in _REQUIRED_CUES}
    cues.update({name: comp(raw.get(name) or _NEVER) for name in _OPTIONAL_CUES})
    return Rules(
        language=language,
        triggers=triggers,
        lists=tuple((comp(item["pattern"]), item["list"]) for item in raw["lists"]),
        modality=modality,
        numbers={str(k).casefold(): int(v) for k, v in (raw.get("anaphor_numbers") or {}).items()},
        **cues,
    )


@dataclass(frozen=True, slots=True)
class AuthorityTable:
    """Roles → authority words, spokesman roles, de facto governments."""

    roles: dict[str, str]
    spokesman_roles: frozenset[str]
    de_facto: dict[str, str]
    by_jurisdiction: dict[str, dict[str, str]]
    # Since when a de facto government runs its country (ISO date); before
    # that day the group is a non-state actor.
    de_facto_since: dict[str, str] = field(default_factory=dict)
    # Seats that name an office (the Kremlin → president), folded as events fold text.
    seats: dict[str, str] = field(default_factory=dict)
    # Language variant → the state its outlets call their own (fa-IR → IR).
    home: dict[str, str] = field(default_factory=dict)

    def de_facto_on(self, published: str | None) -> dict[str, str]:
        """The de facto governments in power on a publication day (all, when it is unknown)."""
        if published is None:
            return self.de_facto
        return {k: v for k, v in self.de_facto.items() if self.de_facto_since.get(k, "") <= published}

    def name(self, authority: str | None, jurisdiction: str | None) -> str | None:
        """The authority as the jurisdiction names it (US foreign ministry → state department)."""
        if authority is None or jurisdiction is None:
            return authority
        return self.by_jurisdiction.get(jurisdiction, {}).get(authority, authority)


@cache
def load_authorities() -> AuthorityTable:
    """Load ``data/events/authority.yaml``."""
    raw: dict[str, Any] = load_yaml("events", "authority.yaml")
    de_facto: dict[str, str] = {}
    since: dict[str, str] = {}
    for name, value in (raw.get("de_facto_governments") or {}).items():
        key = str(name).casefold()
        if isinstance(value, dict):
            de_facto[key] = str(value["jurisdiction"])
            if value.get("since"):
                since[key] = str(value["since"])
        else:
            de_facto[key] = str(value)
    return AuthorityTable(
        roles={str(k): str(v) for k, v in raw["roles"].items()},
        spokesman_roles=frozenset(raw.get("spokesman_roles") or ()),
        de_facto=de_facto,
        de_facto_since=since,
        seats={
            fold_sentence(str(k), "fa" if not str(k).isascii() else "en"): str(v)
            for k, v in (raw.get("seats") or {}).items()
        },
        by_jurisdiction={
            str(code): {str(k): str(v) for k, v in names.items()}
            for code, names in (raw.get("by_jurisdiction") or {}).items()
        },
        home={str(k): str(v) for k, v in (raw.get("home_jurisdictions") or {}).items()},
    )
