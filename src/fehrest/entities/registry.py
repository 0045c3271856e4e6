"""The entity register: groups, jurisdictions, bodies, offices and known people.

Everything here is read from data files under ``fehrest/data`` (groups and
bodies as YAML, jurisdiction variants and titles as TSV) plus CLDR territory
names through ``babel``; this module only interprets them. The register is
built once per process (:func:`get_registry`) and is read-only afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from babel import Locale

from fehrest.entities.fold import fold_key
from fehrest.entities.matcher import PhraseMatcher
from fehrest.resources import data_path, load_tsv, load_yaml

LANGUAGES = ("en", "fa", "ps", "ar", "ur", "ru")
CLDR_LOCALES = ("en", "fa", "fa_AF", "ps", "ar", "ur", "ru")
# CLDR codes that are not jurisdictions (Eurozone, pseudo and unknown regions).
NOT_JURISDICTIONS = frozenset({"EZ", "QO", "XA", "XB", "ZZ"})
QID = re.compile(r"^Q[1-9][0-9]*$")
_ACRONYM = re.compile(r"^[A-ZА-Я0-9.\-&/%]{2,7}$")
# A short name with a capital inside ("LeT", "JeM", "HuT") is an acronym too:
# in lower case it is an ordinary word ("let").
_MIXED_ACRONYM = re.compile(r"^[A-ZА-Я][a-zа-я]?[A-ZА-Я][A-Za-zА-Яа-я]?$")


def _is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name) or _MIXED_ACRONYM.match(name))


@dataclass(frozen=True, slots=True)
class Group:
    """A designated (or designating) organisation with its names in every language."""

    id: str
    name: str
    wikidata: str | None = None
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    part_of: str | None = None
    successor_of: str | None = None
    kind: str = "group"
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    exact_case: tuple[str, ...] = ()
    governs: str | None = None
    # A state's own organ (CENTCOM: US; the IRGC: IR): that state never designates it.
    state_of: str | None = None

    def all_aliases(self) -> tuple[str, ...]:
        """Return the canonical name and every unambiguous alias, in all languages."""
        names = [self.name]
        for values in self.aliases.values():
            names.extend(values)
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class Body:
    """A court, parliament, ministry, international body or news agency."""

    id: str
    role: str
    names: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    jurisdiction: str | None = None
    # A common noun (court, government) that names a body only with its country.
    generic: bool = False
    exact_case: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """A well-known official: English name, best-known office, spellings."""

    name: str
    role: str | None
    jurisdiction: str | None
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """What a matched phrase stands for (the matcher's payload)."""

    kind: str  # jurisdiction | group | body | office | person | exclude
    entity_id: str | None = None
    name: str | None = None
    role: str | None = None
    jurisdiction: str | None = None
    ambiguous: bool = False
    generic: bool = False
    after_full: bool = False
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()


class EntityRegistry:
    """Groups, jurisdictions, bodies, offices and people, with one phrase matcher over all."""

    def __init__(
        self,
        groups: Sequence[Group],
        bodies: Sequence[Body],
        people: Sequence[Person],
        jurisdiction_names: Mapping[str, str],
        phrases: Sequence[tuple[str, Entry]],
        exact_case: Iterable[str],
    ) -> None:
        self._groups = tuple(groups)
        self._by_id = {g.id: g for g in groups}
        self.bodies = {b.id: b for b in bodies}
        self.people = tuple(people)
        self._jurisdiction_names = dict(jurisdiction_names)
        self.phrases = tuple(phrases)
        self.matcher: PhraseMatcher[Entry] = PhraseMatcher(phrases, exact_case=frozenset(exact_case))
        self._group_keys: dict[str, str | None] = {}
        for group in groups:
            keys = [group.id, group.name, *group.all_aliases()]
            for alias in keys:
                self._add_group_key(fold_key(alias), group.id)
        for group in groups:
            for values in group.ambiguous.values():
                for alias in values:
                    self._group_keys.setdefault(fold_key(alias), group.id)
        self._jurisdiction_keys: dict[str, str] = {}
        for phrase, entry in phrases:
            if entry.kind == "jurisdiction" and entry.entity_id and entry.role in (None, "adjective"):
                self._jurisdiction_keys.setdefault(fold_key(phrase), entry.entity_id)
        for code, name in self._jurisdiction_names.items():
            self._jurisdiction_keys.setdefault(fold_key(code), code)
            self._jurisdiction_keys.setdefault(fold_key(name), code)

    def _add_group_key(self, key: str, group_id: str) -> None:
        if key in self._group_keys and self._group_keys[key] != group_id:
            self._group_keys[key] = None  # shared by two groups: ambiguous
        else:
            self._group_keys[key] = group_id

    def groups(self) -> Sequence[Group]:
        """Return every group in the register."""
        return self._groups

    def group(self, group_id: str) -> Group:
        """Return the group with this id (``KeyError`` if none)."""
        return self._by_id[group_id]

    def find_group(self, name: str) -> Group | None:
        """Find a group by id or by any alias in any language (folded, so tolerant)."""
        if name in self._by_id:
            return self._by_id[name]
        group_id = self._group_keys.get(fold_key(name))
        if group_id is None:
            matches = [m for m in self.matcher.find(name) if m.payload.kind == "group"]
            if len(matches) == 1 and matches[0].end - matches[0].start >= len(name.strip()) - 1:
                group_id = matches[0].payload.entity_id
        return self._by_id.get(group_id) if group_id else None

    def jurisdiction_name(self, code: str) -> str | None:
        """Return the English name of a jurisdiction code (``KZ`` → ``Kazakhstan``)."""
        return self._jurisdiction_names.get(code)

    def find_jurisdiction(self, name: str) -> str | None:
        """Return the code of a jurisdiction named in any language, or None."""
        return self._jurisdiction_keys.get(fold_key(name))

    def governed_by(self, group_id: str) -> str | None:
        """Return the jurisdiction a group governs de facto (the Taliban: ``AF``)."""
        group = self._by_id.get(group_id)
        return group.governs if group else None


def load_groups() -> list[Group]:
    """Read every ``data/entities/groups/*.yaml`` file, in file-name order."""
    folder = data_path("entities", "groups")
    groups: list[Group] = []
    for path in sorted(folder.glob("*.yaml")):
        for raw in load_yaml("entities", "groups", path.name) or ():
            groups.append(_group_from(raw))
    return groups


def _names(raw: Mapping[str, Any] | None) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(str(v) for v in values) for lang, values in (raw or {}).items() if values}


def _group_from(raw: Mapping[str, Any]) -> Group:
    return Group(
        id=str(raw["id"]),
        name=str(raw["name"]),
        wikidata=raw.get("wikidata"),
        aliases=_names(raw.get("aliases")),
        part_of=raw.get("part_of"),
        successor_of=raw.get("successor_of"),
        kind=str(raw.get("kind", "group")),
        ambiguous=_names(raw.get("ambiguous")),
        exact_case=tuple(raw.get("exact_case") or ()),
        governs=raw.get("governs"),
        state_of=raw.get("state_of"),
    )


def load_bodies() -> list[Body]:
    """Read ``data/entities/bodies.yaml``."""
    return [
        Body(
            id=str(raw["id"]),
            role=str(raw["role"]),
            names=_names(raw.get("names")),
            jurisdiction=raw.get("jurisdiction"),
            generic=bool(raw.get("generic", False)),
            exact_case=tuple(raw.get("exact_case") or ()),
        )
        for raw in load_yaml("entities", "bodies.yaml")
    ]


def load_people() -> list[Person]:
    """Read ``data/entities/people.yaml``."""
    people = []
    for raw in load_yaml("entities", "people.yaml"):
        names = [str(raw["name"])]
        for lang in LANGUAGES:
            names.extend(str(v) for v in raw.get(lang) or ())
        people.append(
            Person(str(raw["name"]), raw.get("role"), raw.get("jurisdiction"), tuple(dict.fromkeys(names)))
        )
    return people


def load_titles() -> list[tuple[str, str]]:
    """Return ``(surface, office)`` pairs from the Persian and English title files."""
    rows: list[tuple[str, str]] = []
    for lang in ("fa", "en"):
        rows.extend((row[0], row[1]) for row in load_tsv(lang, "titles.tsv"))
    return rows


def cldr_names() -> dict[str, dict[str, str]]:
    """Return ``{locale: {code: name}}`` from CLDR for the locales Fehrest reads."""
    out: dict[str, dict[str, str]] = {}
    for loc in CLDR_LOCALES:
        territories = Locale.parse(loc).territories
        out[loc] = {
            code: name
            for code, name in territories.items()
            if len(code) == 2 and code.isalpha() and code not in NOT_JURISDICTIONS
        }
    return out


def _flags(text: str) -> tuple[bool, bool, frozenset[str], frozenset[str]]:
    case = after_full = False
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    for flag in filter(None, (f.strip() for f in text.split(","))):
        if flag == "case":
            case = True
        elif flag == "after_full":
            after_full = True
        elif flag.startswith("not_after:"):
            not_after = frozenset(fold_key(w) for w in flag[10:].split("|"))
        elif flag.startswith("not_before:"):
            not_before = frozenset(w if w.startswith("#") else fold_key(w) for w in flag[11:].split("|"))
    return case, after_full, not_after, not_before


def build_registry() -> EntityRegistry:
    """Assemble the register from the data files (see :func:`get_registry`)."""
    groups = load_groups()
    bodies = load_bodies()
    people = load_people()
    cldr = cldr_names()
    english = cldr["en"]
    phrases: list[tuple[str, Entry]] = []
    exact: set[str] = set()

    extra = load_tsv("entities", "jurisdictions_extra.tsv")
    # Order matters: the first phrase for a folded key wins, so exclusions
    # come first, then the most specific kinds, then CLDR names.
    for row in extra:
        if row[2] == "exclude":
            phrases.append((row[3], Entry("exclude")))
    for person in people:
        for name in person.names:
            phrases.append((name, Entry("person", None, person.name, person.role, person.jurisdiction)))
    for group in groups:
        exact.update(group.exact_case)
        for alias in group.all_aliases():
            if _is_acronym(alias):
                exact.add(alias)
            phrases.append((alias, Entry("group", group.id, group.name)))
    for body in bodies:
        exact.update(body.exact_case)
        label = (body.names.get("en") or (body.id,))[0]
        for names in body.names.values():
            for name in names:
                if _is_acronym(name):
                    exact.add(name)
                phrases.append(
                    (name, Entry("body", body.id, label, body.role, body.jurisdiction, generic=body.generic))
                )
    for surface, office in load_titles():
        phrases.append((surface, Entry("office", None, office, office)))
    for row in extra:
        code, _lang, role, surface = row[:4]
        if role == "exclude":
            continue
        case, after_full, not_after, not_before = _flags(row[4] if len(row) > 4 else "")
        if case:
            exact.add(surface)
        entity_id = None if code == "-" else code
        phrases.append(
            (
                surface,
                Entry(
                    "jurisdiction",
                    entity_id,
                    english.get(code) if entity_id else None,
                    None if role == "name" else role,
                    entity_id,
                    after_full=after_full,
                    not_after=not_after,
                    not_before=not_before,
                ),
            )
        )
    for territories in cldr.values():
        for code, surface in territories.items():
            if code == "UN":  # the United Nations is a body (bodies.yaml)
                continue
            phrases.append((surface, Entry("jurisdiction", code, english.get(code), None, code)))
    for group in groups:
        for values in group.ambiguous.values():
            for alias in values:
                if _is_acronym(alias):
                    exact.add(alias)
                phrases.append((alias, Entry("group", group.id, group.name, ambiguous=True)))
    return EntityRegistry(groups, bodies, people, english, phrases, exact)


@cache
def get_registry() -> EntityRegistry:
    """Return the process-wide register (built on first use, then cached)."""
    return build_registry()
