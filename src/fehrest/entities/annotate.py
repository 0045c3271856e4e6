"""The mentions stage: turn phrase matches into linked mentions.

Matching (:mod:`fehrest.entities.matcher`) finds every known phrase; this
module decides what each match is in context:

- a jurisdiction name with ی is an adjective, a capital after "در"/"in" is a
  place, "این کشور"/"this country" is the jurisdiction last in focus;
- a body or an office takes its jurisdiction from what is written beside it
  (وزارت خارجۀ روسیه, Pakistan's Foreign Office, سخنگوی وزارت خارجۀ حکومت
  طالبان → AF through the group that governs it);
- a name next to a title becomes a person with that role ("سرگئی لاوروف،
  وزیر خارجۀ روسیه", "Russian Foreign Minister Sergei Lavrov");
- an unknown name in the object position of a designation becomes a
  provisional group for review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from fehrest.entities.fold import fold_key
from fehrest.entities.matcher import Match
from fehrest.entities.registry import EntityRegistry, Entry, get_registry
from fehrest.model import Document, Mention, TextLayer
from fehrest.resources import load_tsv, load_yaml

ADJECTIVE_SUFFIXES = frozenset(fold_key(s) for s in ("ی", "یی", "ای", "یها", "یهای", "یان"))
# Prepositions after which a capital names a place, not a government.
PLACE_PREPOSITIONS = frozenset(fold_key(s) for s in ("در", "به", "in", "at", "near", "شهر"))
GROUP_CONTEXT = frozenset(
    fold_key(s) for s in ("گروه", "گروهک", "سازمان", "جنبش", "تنظیم", "group", "organisation", "organization")
)
# Between a title/body and the jurisdiction it belongs to, only these may stand.
_LINK_GAP = re.compile(r"^[\s\u200c]*(?:(?:of|the|'s|’s)[\s\u200c]*)*$", re.IGNORECASE)
_COMMA_GAP = re.compile(r"^\s*[،,]\s*(?:the\s+|a\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"[\w\u200c\-'’.]+")
_LATIN_NAME_WORD = re.compile(r"^[A-Z][\w\-'’.]*$")


@dataclass(slots=True)
class _Item:
    """A mention being built (mutable while the annotator works on it)."""

    start: int
    end: int
    kind: str
    entity_id: str | None
    name: str | None
    role: str | None
    jurisdiction: str | None
    provisional: bool = False
    person_attached: bool = False
    generic: bool = False


def annotate_mentions(doc: Document) -> Document:
    """Add the mentions layer: jurisdictions, bodies, offices, people and groups."""
    layer = doc.require_text()
    mentions = find_mentions(layer, doc.text)
    return doc.with_layers(mentions=mentions)


def find_mentions(layer: TextLayer, raw: str, registry: EntityRegistry | None = None) -> tuple[Mention, ...]:
    """Return the mentions of a text layer, sorted by position (raw offsets)."""
    registry = registry or get_registry()
    text = layer.normalized
    items = _classify(text, registry.matcher.find(text), registry)
    _bind_jurisdictions(text, items, registry)
    items = [i for i in items if not (i.generic and i.jurisdiction is None)]
    items = _attach_people(text, items)
    items.extend(_surname_mentions(text, items))
    items.extend(_provisional_groups(text, items))
    items.sort(key=lambda i: (i.start, i.end))
    _resolve_anaphors(items, text)
    out = []
    for item in items:
        start, end = layer.raw_span(item.start, item.end)
        out.append(
            Mention(
                start=start,
                end=end,
                norm_start=item.start,
                norm_end=item.end,
                text=raw[start:end],
                kind=item.kind,  # type: ignore[arg-type]
                entity_id=item.entity_id,
                name=item.name,
                jurisdiction=item.jurisdiction,
                role=item.role,
                provisional=item.provisional,
            )
        )
    return tuple(out)


def _previous_word(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 40) : start])
    return fold_key(words[-1]) if words else ""


def _next_word(text: str, end: int) -> str:
    match = _WORD.search(text, end, min(len(text), end + 40))
    return match.group() if match else ""


def _past_hamza(text: str, end: int) -> int:
    """A name ending in a hamza the matcher folds away ("النجباء") ends after it."""
    while end < len(text) and text[end] in "\u0621\u0654":
        end += 1
    return end


def _with_relatives(named: set[str | None], registry: EntityRegistry) -> set[str | None]:
    """The named groups, their parents (``part_of``) and their parts."""
    out = set(named)
    for group in registry.groups():
        if group.part_of is None:
            continue
        if group.id in named:
            out.add(group.part_of)
        if group.part_of in named:
            out.add(group.id)
    return out


def _classify(text: str, matches: Sequence[Match[Entry]], registry: EntityRegistry) -> list[_Item]:
    items: list[_Item] = []
    seen: set[str | None] = set()  # jurisdictions already named in full
    # One sense per discourse: a short or ambiguous alias (سپاه, Brotherhood)
    # counts when the same group, or the group it is part of or one of its
    # own parts, is named unambiguously anywhere in the text («جبهه مقاومت»
    # beside لشکر طیبه is the Resistance Front).
    named = _with_relatives(
        {m.payload.entity_id for m in matches if m.payload.kind == "group" and not m.payload.ambiguous},
        registry,
    )
    for m in matches:
        entry = m.payload
        if entry.kind == "exclude" or m.prefix:
            continue
        if entry.kind == "group":
            if (
                entry.ambiguous
                and entry.entity_id not in named
                and _previous_word(text, m.start) not in GROUP_CONTEXT
            ):
                continue
            # A short name with an adjective ی is usually another word (حماسی).
            if m.suffix and len(fold_key(m.phrase)) <= 4:
                continue
            items.append(
                _Item(m.start, _past_hamza(text, m.end), "group", entry.entity_id, entry.name, None, None)
            )
        elif entry.kind == "jurisdiction":
            if entry.after_full and entry.entity_id not in seen:
                continue
            item = _jurisdiction_item(text, m, entry)
            if item is not None:
                items.append(item)
                seen.add(item.entity_id)
        elif entry.kind == "body":
            body = _Item(m.start, m.end, "body", entry.entity_id, entry.name, entry.role, entry.jurisdiction)
            body.generic = entry.generic
            items.append(body)
            # A body whose name says whose it is (دیوان دادگستری اتحادیه اروپا)
            # names that jurisdiction in full: a short form may follow (این اتحادیه).
            if entry.jurisdiction:
                seen.add(entry.jurisdiction)
        elif entry.kind == "office":
            items.append(_Item(m.start, m.end, "office", None, entry.name, entry.role, None))
        elif entry.kind == "person":
            items.append(_Item(m.start, m.end, "person", None, entry.name, entry.role, entry.jurisdiction))
    return items


def _jurisdiction_item(text: str, m: Match[Entry], entry: Entry) -> _Item | None:
    role = entry.role
    end = m.end
    before = _previous_word(text, m.start)
    if entry.not_after and before in entry.not_after:
        return None
    if entry.not_before:
        after = _next_word(text, end)
        if fold_key(after) in entry.not_before or ("#digit" in entry.not_before and after[:1].isdigit()):
            return None
    if role in ("anaphor", "metonym") and m.suffix:
        return None
    if role is None and m.suffix:
        if m.suffix not in ADJECTIVE_SUFFIXES:
            return None
        role = "adjective"
        end = m.end + len(m.suffix) + text.count("\u200c", m.end, m.end + len(m.suffix) + 1)
        if not _denotes_state(text, m.start, end, before):
            return None
    elif role == "adjective" and not _denotes_state(text, m.start, end, before):
        return None
    if role == "metonym" and (
        before in PLACE_PREPOSITIONS or fold_key(_next_word(text, end)) in _place_heads()
    ):
        role = "place"
    return _Item(m.start, end, "jurisdiction", entry.entity_id, entry.name, role, entry.entity_id)


def _denotes_state(text: str, start: int, end: int, before: str) -> bool:
    """Tell whether a nationality adjective stands for the state (see state_nouns.yaml)."""
    english, persian = _state_nouns()
    after = fold_key(_next_word(text, end))
    if text[start:end].isascii():
        return after in english
    return before in persian or after in persian


def _linked(text: str, left: _Item, right: _Item) -> bool:
    return 0 <= right.start - left.end <= 12 and bool(_LINK_GAP.match(text[left.end : right.start]))


def _owner(item: _Item, registry: EntityRegistry) -> str | None:
    """The jurisdiction an item stands for when it qualifies a title or body."""
    if item.kind == "jurisdiction" and item.role != "place":
        return item.entity_id or "?"
    if item.kind == "group" and item.entity_id:
        return registry.governed_by(item.entity_id)
    return None


def _bind_jurisdictions(text: str, items: list[_Item], registry: EntityRegistry) -> None:
    """Give bodies and offices the jurisdiction written beside them."""
    # Right to left so a chain (office → body → body → jurisdiction) resolves
    # from its end: each link inherits what follows it.
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if item.kind not in ("body", "office") or item.jurisdiction:
            continue
        if i + 1 < len(items) and _linked(text, item, items[i + 1]):
            nxt = items[i + 1]
            owner = _owner(nxt, registry)
            if owner is None and nxt.kind in ("body", "office"):
                owner = nxt.jurisdiction
            if owner:
                item.jurisdiction = None if owner == "?" else owner
                if owner != "?":
                    continue
        # English puts the country first: "Pakistan's Foreign Office", "Russian Foreign Minister".
        if i > 0 and _linked(text, items[i - 1], item):
            owner = _owner(items[i - 1], registry)
            if owner and owner != "?":
                item.jurisdiction = owner


def _attach_people(text: str, items: list[_Item]) -> list[_Item]:
    """Turn names beside titles into people and drop the titles they explain."""
    stops = _name_stopwords()
    taken = [(i.start, i.end) for i in items]
    extra: list[_Item] = []
    for idx, office in enumerate(items):
        if office.kind != "office":
            continue
        prev = items[idx - 1] if idx > 0 else None
        nxt = items[idx + 1] if idx + 1 < len(items) else None
        # "X، رئیس‌جمهور روسیه" / "X, the foreign minister": the name comes first.
        if prev is not None and prev.kind == "person" and _COMMA_GAP.match(text[prev.end : office.start]):
            _give_role(prev, office)
            continue
        if nxt is not None and nxt.kind == "person" and 0 <= nxt.start - _chain_end(items, idx) <= 2:
            _give_role(nxt, office)
            continue
        person = _name_before(text, office, stops, taken) or _name_after(text, items, idx, stops, taken)
        if person is not None:
            extra.append(person)
            taken.append((person.start, person.end))
    kept = [i for i in items if not (i.kind == "office" and i.person_attached)]
    return kept + extra


def _give_role(person: _Item, office: _Item) -> None:
    person.role = office.role
    if office.jurisdiction:
        person.jurisdiction = office.jurisdiction
    office.person_attached = True


def _chain_end(items: list[_Item], idx: int) -> int:
    """End of an office and the bodies/jurisdictions that qualify it."""
    end = items[idx].end
    j = idx + 1
    while (
        j < len(items) and items[j].kind in ("jurisdiction", "body", "office") and items[j].start - end <= 3
    ):
        end = items[j].end
        j += 1
    return end


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


def _name_before(
    text: str, office: _Item, stops: frozenset[str], taken: list[tuple[int, int]]
) -> _Item | None:
    comma = re.search(
        r"[،,]\s*(?:the\s+|a\s+)?$", text[max(0, office.start - 12) : office.start], re.IGNORECASE
    )
    if comma is None:
        return None
    limit = office.start - (len(text[max(0, office.start - 12) : office.start]) - comma.start())
    words = list(_WORD.finditer(text, max(0, limit - 80), limit))
    # Stop at punctuation: only the words right before the comma count.
    chosen: list[re.Match[str]] = []
    end = limit
    for w in reversed(words):
        gap = text[w.end() : end]
        # A word with a written ezafe (گفتۀ، سوی‌ِ) governs the name; it is not part of it.
        if w.group().endswith(("ۀ", "\u0654")):
            break
        if gap.strip() or "\n" in gap or fold_key(w.group()) in stops or w.group()[:1].isdigit():
            break
        if _overlaps(w.start(), w.end(), taken):
            break
        if w.group().isascii() and not _LATIN_NAME_WORD.match(w.group()):
            break
        chosen.insert(0, w)
        end = w.start()
        if len(chosen) == 3:
            break
    if len(chosen) < 2:
        return None
    start, stop = chosen[0].start(), chosen[-1].end()
    office.person_attached = True
    return _Item(start, stop, "person", None, text[start:stop], office.role, office.jurisdiction)


def _name_after(
    text: str, items: list[_Item], idx: int, stops: frozenset[str], taken: list[tuple[int, int]]
) -> _Item | None:
    """English "Foreign Minister Sergei Lavrov": capitalised words right after the title."""
    office = items[idx]
    end = _chain_end(items, idx)
    chosen: list[re.Match[str]] = []
    pos = end
    for w in _WORD.finditer(text, end, min(len(text), end + 80)):
        if (
            text[pos : w.start()].strip()
            or "\n" in text[pos : w.start()]
            or not _LATIN_NAME_WORD.match(w.group())
        ):
            break
        if fold_key(w.group()) in stops or _overlaps(w.start(), w.end(), taken):
            break
        chosen.append(w)
        pos = w.end()
        if len(chosen) == 4:
            break
    if len(chosen) < 2:
        return None
    start, stop = chosen[0].start(), chosen[-1].end()
    name = text[start:stop].rstrip(".")
    office.person_attached = True
    return _Item(start, start + len(name), "person", None, name, office.role, office.jurisdiction)


def _surname_mentions(text: str, items: list[_Item]) -> list[_Item]:
    """Later mentions of a person found beside a title, by surname ("… Dreyfus said")."""
    people = [i for i in items if i.kind == "person" and i.name and " " in i.name.strip()]
    taken = [(i.start, i.end) for i in items]
    found: list[_Item] = []
    for person in people:
        surname = (person.name or "").split()[-1]
        if len(surname) < 4:
            continue
        for m in re.finditer(rf"(?<![\w\u200c]){re.escape(surname)}(?![\w\u200c])", text):
            if m.start() > person.start and not _overlaps(m.start(), m.end(), taken):
                found.append(
                    _Item(m.start(), m.end(), "person", None, person.name, person.role, person.jurisdiction)
                )
                taken.append(m.span())
    return found


_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _resolve_anaphors(items: list[_Item], text: str) -> None:
    """ "This country" is the state its sentence opened on, else the state last named.

    "قرغیزستان دومین کشور بود که راه قزاقستان را رفت؛ وزارت خارجه این کشور ...":
    the subject, not the state named in passing just before.
    """
    focus: str | None = None
    sentence_start = 0
    subject: str | None = None
    for item in items:
        if item.kind != "jurisdiction":
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(text, sentence_start, item.start)]
        if ends:
            sentence_start, subject = ends[-1], None
        if item.role == "anaphor":
            item.entity_id = subject or focus
            item.jurisdiction = item.entity_id
        elif item.entity_id:
            focus = item.entity_id
            if subject is None and item.role not in ("place", "adjective"):
                subject = item.entity_id


@cache
def _place_heads() -> frozenset[str]:
    """Nouns after which a capital is a place ("the Tokyo subway")."""
    heads: dict[str, list[str]] = load_yaml("entities", "place_heads.yaml")
    return frozenset(fold_key(w) for words in heads.values() for w in words)


@cache
def _state_nouns() -> tuple[frozenset[str], frozenset[str]]:
    nouns: dict[str, list[str]] = load_yaml("entities", "state_nouns.yaml")
    return frozenset(map(fold_key, nouns["en"])), frozenset(map(fold_key, nouns["fa"]))


@cache
def _name_stopwords() -> frozenset[str]:
    return frozenset(fold_key(row[1]) for row in load_tsv("entities", "name_stopwords.tsv"))


@cache
def _cue_patterns() -> tuple[tuple[re.Pattern[str], ...], frozenset[str]]:
    cues: dict[str, Any] = load_yaml("entities", "designation_cues.yaml")
    fa, en = cues["fa"], cues["en"]
    heads = "|".join(map(re.escape, fa["heads"]))
    lists = "|".join(map(re.escape, fa["list_words"]))
    fa_pattern = re.compile(
        rf"(?<![\w\u200c])(?P<head>{heads})\s+(?P<name>(?:[^\s،,.«»\"]+\s+){{0,{fa['max_name_words'] - 1}}}?"
        rf"[^\s،,.«»\"]+)\s+{re.escape(fa['object_marker'])}\s+(?:\S+\s+){{0,{fa['window_words']}}}?"
        rf"(?:\S*\s+)?(?:{lists})"
    )
    verbs = "|".join(map(re.escape, en["verbs"]))
    after = "|".join(re.escape(a) if not a.isalpha() else rf"{a}\b" for a in en["after"])
    # Capitalised words, "of"/"for"/"the"/"and" allowed between them ("International
    # Union of Muslim Scholars"); the last word ends a word.
    link = r"(?:(?:of|for|the|and|de|del|al)\s+)?"
    name = rf"(?P<name>(?:[A-Z][\w'’\-]*\s+{link}){{0,{en['max_name_words'] - 1}}}[A-Z][\w'’\-]*\b)"
    en_pattern = re.compile(rf"\b(?:{verbs})\s+(?:the\s+)?{name}\s*(?={after})")
    labels = "|".join(map(re.escape, en["labels"]))
    en_label = re.compile(rf"\b(?:the\s+){name}\s+as\s+(?:an?\s+)?(?:{labels})\b")
    return (fa_pattern, en_pattern, en_label), frozenset(fa["keep_head"])


@cache
def _not_name_words() -> tuple[frozenset[str], frozenset[str]]:
    """Persian describing words that are no name, and quantities before a head noun."""
    fa: dict[str, Any] = load_yaml("entities", "designation_cues.yaml")["fa"]
    words = {fold_key(w) for phrase in fa.get("not_names", []) for w in phrase.replace("\u200c", " ").split()}
    return frozenset(words), frozenset(map(fold_key, fa.get("quantifiers", [])))


def _describes_no_group(text: str, m: re.Match[str]) -> bool:
    """ "دو گروه نئونازی را ...": a counted head, or a "name" made of describing words."""
    not_names, quantifiers = _not_name_words()
    if "head" not in m.re.groupindex:
        return False
    before = _previous_word(text, m.start("head"))
    if before in quantifiers or before.isdigit():
        return True
    words = [fold_key(w) for w in m.group("name").replace("\u200c", " ").split()]
    return all(w in not_names for w in words)


def _provisional_groups(text: str, items: list[_Item]) -> list[_Item]:
    """Names in the object position of a designation that no register knows."""
    patterns, keep_head = _cue_patterns()
    taken = [(i.start, i.end) for i in items]
    found: list[_Item] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            if _describes_no_group(text, m):
                continue
            start, end = m.span("name")
            if "head" in pattern.groupindex and m.group("head") in keep_head:
                start = m.start("head")
            if _overlaps(start, end, taken):
                continue
            name = text[start:end]
            slug = re.sub(r"[^\w]+", "-", name.lower().replace("\u200c", "-")).strip("-") or "unnamed"
            found.append(
                _Item(start, end, "group", f"provisional:{slug}", name, None, None, provisional=True)
            )
            taken.append((start, end))
    return found


def mention_json(mention: Mention) -> dict[str, Any]:
    """Return a mention as a plain JSON object (for the CLI and exports)."""
    return {k: v for k, v in _asdict(mention).items() if v not in (None, False)}


def _asdict(mention: Mention) -> dict[str, Any]:
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "kind": mention.kind,
        "id": mention.entity_id,
        "name": mention.name,
        "role": mention.role,
        "jurisdiction": mention.jurisdiction,
        "provisional": mention.provisional,
    }


__all__ = ["annotate_mentions", "find_mentions", "mention_json"]
