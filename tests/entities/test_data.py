"""Every entity data file loads and is consistent: ids, aliases, QIDs, links."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import pytest

from fehrest.entities.fold import fold_key
from fehrest.entities.registry import load_bodies, load_groups, load_people, load_titles
from fehrest.resources import data_path, load_tsv

QID = re.compile(r"^Q[1-9][0-9]*$")
# The dev corpus gold uses these canonical names.
REQUIRED_NAMES = [
    "Taliban", "Islamic Revolutionary Guard Corps", "Quds Force", "Hamas", "Hezbollah", "Ansar Allah",
    "Hayat Tahrir al-Sham", "Muslim Brotherhood", "Balochistan Liberation Army", "Islamic State",
    "Islamic State Khorasan Province", "al-Qaeda", "Tehrik-i-Taliban Pakistan", "Tehreek-e-Labbaik Pakistan",
    "Jaish al-Adl", "Mojahedin-e Khalq", "Kurdistan Workers' Party", "Hizb ut-Tahrir", "Haqqani Network",
    "The Resistance Front", "Lashkar-e-Taiba", "Jamaat Ansarullah", "Islamic Movement of Uzbekistan",
    "al-Shabaab", "Boko Haram", "Palestine Action", "The Base", "Proud Boys", "Atomwaffen Division",
    "Russian Imperial Movement", "Wagner Group", "Polisario Front",
]  # fmt: skip
LANGUAGES = {"en", "fa", "ps", "ar", "ur", "ru"}


def test_groups_register_is_large_enough() -> None:
    assert len(load_groups()) >= 150


def test_groups_ids_are_unique_and_slugs() -> None:
    ids = [g.id for g in load_groups()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_groups_required_canonical_names_present() -> None:
    names = {g.name for g in load_groups()}
    assert [n for n in REQUIRED_NAMES if n not in names] == []


def test_groups_wikidata_ids_are_well_formed() -> None:
    for group in load_groups():
        assert group.wikidata is None or QID.match(group.wikidata), group.id


def test_groups_links_point_to_known_groups() -> None:
    ids = {g.id for g in load_groups()}
    for group in load_groups():
        assert group.part_of in (None, *ids), group.id
        assert group.successor_of in (None, *ids), group.id
        assert group.part_of != group.id


def test_groups_languages_are_known_and_english_present() -> None:
    for group in load_groups():
        assert set(group.aliases) <= LANGUAGES, group.id
        assert set(group.ambiguous) <= LANGUAGES, group.id
        assert group.aliases.get("en"), group.id
        assert group.aliases.get("fa"), group.id


def test_groups_every_alias_maps_to_one_group_or_is_marked_ambiguous() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for group in load_groups():
        for alias in group.all_aliases():
            owners[fold_key(alias)].add(group.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_groups_ambiguous_aliases_are_not_also_plain_aliases() -> None:
    plain = {fold_key(a) for g in load_groups() for a in g.all_aliases()}
    for group in load_groups():
        for values in group.ambiguous.values():
            assert not [a for a in values if fold_key(a) in plain], group.id


def test_bodies_ids_unique_and_roles_set() -> None:
    bodies = load_bodies()
    assert len({b.id for b in bodies}) == len(bodies)
    assert all(b.role and b.names for b in bodies)


def test_bodies_names_do_not_collide_across_bodies() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for body in load_bodies():
        for names in body.names.values():
            for name in names:
                owners[fold_key(name)].add(body.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_people_have_names_and_known_jurisdictions() -> None:
    # any CLDR territory (the register names them all through babel) or an extra code
    from babel import Locale

    codes = {row[0] for row in load_tsv("entities", "jurisdictions_extra.tsv")} | set(
        Locale("en").territories
    )
    for person in load_people():
        assert person.names
        assert person.jurisdiction is None or person.jurisdiction in codes | {"AF", "UN", "EU"}


def test_titles_have_an_office() -> None:
    titles = load_titles()
    assert len(titles) > 50
    assert all(surface and office for surface, office in titles)


def test_jurisdictions_extra_rows_are_well_formed() -> None:
    roles = {"name", "adjective", "metonym", "place", "anaphor", "exclude"}
    for row in load_tsv("entities", "jurisdictions_extra.tsv"):
        assert len(row) in (4, 5), row
        code, lang, role, surface = row[:4]
        assert code == "-" or re.fullmatch(r"[A-Z]{2}", code), row
        assert lang in LANGUAGES, row
        assert role in roles, row
        assert surface, row
        assert (code == "-") == (role in ("anaphor", "exclude")), row


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for folder in ("entities", "fa", "en")
        for p in data_path(folder).rglob("*")
        if p.suffix in (".yaml", ".tsv") and (folder == "entities" or p.name.startswith("titles"))
    ),
    ids=lambda p: p.name,
)
def test_data_files_are_nfc_with_a_header(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert unicodedata.normalize("NFC", text) == text
    assert text.startswith("#")
