"""The mentions stage on the seed article and on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fehrest.entities import annotate_mentions, get_registry
from fehrest.model import Document, Mention
from fehrest.text import annotate_text

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed"


def mentions(text: str, language: str = "fa") -> tuple[Mention, ...]:
    doc = annotate_mentions(annotate_text(Document(text=text, source="<test>", language=language)))
    assert doc.mentions is not None
    return doc.mentions


def find(ms: tuple[Mention, ...], text: str, kind: str | None = None) -> Mention:
    hits = [m for m in ms if text in m.text and (kind is None or m.kind == kind)]
    assert hits, f"no mention {text!r} ({kind}) in {[(m.text, m.kind) for m in ms]}"
    return hits[0]


@pytest.fixture(scope="module")
def seed_mentions() -> tuple[str, tuple[Mention, ...]]:
    path = next(SEED.glob("*[0-9a-f].txt"))
    text = path.read_text(encoding="utf-8")
    return text, mentions(text)


@pytest.fixture(scope="module")
def seed_gold() -> dict[str, object]:
    return json.loads(next(SEED.glob("*.gold.json")).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_annotate_seed_people_found_with_roles(seed_mentions, seed_gold) -> None:  # type: ignore[no-untyped-def]
    _, ms = seed_mentions
    expected_roles = {"Hafiz Zia Ahmad": "deputy spokesperson", "Zamir Kabulov": "special envoy"}
    for person in seed_gold["people"]:
        m = find(ms, person["fa"], "person")
        assert m.role == expected_roles.get(person["name"], person["role"])
        jurisdiction = "AF" if person["jurisdiction"] == "Taliban government" else person["jurisdiction"]
        assert m.jurisdiction == jurisdiction


def test_annotate_seed_organisations_linked(seed_mentions) -> None:  # type: ignore[no-untyped-def]
    _, ms = seed_mentions
    assert find(ms, "طالبان", "group").name == "Taliban"
    assert find(ms, "امارت اسلامی افغانستان", "group").entity_id == "taliban"
    assert find(ms, "سازمان پیمان امنیت جمعی", "body").entity_id == "csto"
    assert find(ms, "سی اس تی او", "body").entity_id == "csto"
    assert find(ms, "تاس", "body").entity_id == "tass"
    court = find(ms, "ستره محکم", "body")
    assert (court.entity_id, court.role, court.jurisdiction) == ("supreme-court", "supreme court", "KZ")
    assert find(ms, "توییتر", "body").entity_id == "x-twitter"


def test_annotate_seed_places_and_jurisdictions(seed_mentions) -> None:  # type: ignore[no-untyped-def]
    _, ms = seed_mentions
    codes = {m.entity_id for m in ms if m.kind == "jurisdiction"}
    assert {"KZ", "AF", "RU", "US", "CN"} <= codes
    assert find(ms, "آلماتا").entity_id == "KZ"
    moscow = find(ms, "مسکو")
    assert (moscow.entity_id, moscow.role) == ("RU", "metonym")
    anaphors = [m for m in ms if m.role == "anaphor"]
    assert anaphors
    assert all(m.entity_id == "KZ" for m in anaphors)


def test_annotate_seed_foreign_ministry_acts_for_afghanistan(seed_mentions) -> None:  # type: ignore[no-untyped-def]
    _, ms = seed_mentions
    ministries = [m for m in ms if m.entity_id == "foreign-ministry"]
    assert ministries
    assert all(m.jurisdiction == "AF" for m in ministries)


def test_annotate_offsets_point_into_raw_text(seed_mentions) -> None:  # type: ignore[no-untyped-def]
    text, ms = seed_mentions
    assert all(text[m.start : m.end] == m.text for m in ms)
    assert [m.start for m in ms] == sorted(m.start for m in ms)


@pytest.mark.parametrize(
    ("text", "name", "role", "jurisdiction"),
    [
        # an unknown name before a Persian title with ezafe ۀ
        (
            "به گفتۀ دیمیتری ولکوف، وزیر کشور بلاروس، این تصمیم نهایی است.",
            "دیمیتری ولکوف",
            "interior minister",
            "BY",
        ),
        # an unknown name, Dari title and Afghan spelling of Kyrgyzstan
        (
            "نورلان عثمانوف، سخنگوی وزارت خارجۀ قیرقیزستان گفت که بررسی ادامه دارد.",
            "نورلان عثمانوف",
            "spokesperson",
            "KG",
        ),
    ],
)
def test_annotate_person_by_apposition(text: str, name: str, role: str, jurisdiction: str) -> None:
    person = find(mentions(text), name, "person")
    assert (person.text, person.role, person.jurisdiction) == (name, role, jurisdiction)


def test_annotate_english_title_before_name() -> None:
    ms = mentions("German Interior Minister Klaus Becker announced the ban on Tuesday.", "en")
    person = find(ms, "Klaus Becker", "person")
    assert (person.role, person.jurisdiction) == ("interior minister", "DE")
    assert find(ms, "German").role == "adjective"


@pytest.mark.parametrize(
    ("text", "surface", "code", "role"),
    [
        # a palace standing for the government
        ("کرملین این گزارش را رد کرد.", "کرملین", "RU", "metonym"),
        # the capital as a place after در
        ("نشست در مسکو برگزار شد.", "مسکو", "RU", "place"),
        # Tajikistan's capital acting, not the weekday
        ("دوشنبه این حزب را ممنوع اعلام کرد.", "دوشنبه", "TJ", "metonym"),
        # an adjective that stands for the state
        ("مقام‌های ازبکستانی از این اقدام استقبال کردند.", "ازبکستانی", "UZ", "adjective"),
        # this country after a named one
        ("ترکمنستان گفت که این کشور بی‌طرف می‌ماند.", "این کشور", "TM", "anaphor"),
    ],
)
def test_annotate_jurisdiction_roles(text: str, surface: str, code: str, role: str) -> None:
    m = find(mentions(text), surface, "jurisdiction")
    assert (m.entity_id, m.role) == (code, role)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # دوشنبه as the weekday
        ("روز دوشنبه نشستی برگزار شد.", "fa"),
        # a nationality that is not the state
        ("A Lebanese businessman was named in the report.", "en"),
        # مالی as "financial"
        ("کمک‌های مالی افزایش یافت.", "fa"),
    ],
)
def test_annotate_no_jurisdiction_in_common_words(text: str, language: str) -> None:
    assert [m for m in mentions(text, language) if m.kind == "jurisdiction"] == []


def test_annotate_body_takes_jurisdiction_from_english_possessive() -> None:
    ms = mentions("Pakistan's Foreign Office welcomed the decision.", "en")
    body = find(ms, "Foreign Office", "body")
    assert (body.role, body.jurisdiction) == ("foreign ministry", "PK")


def test_annotate_provisional_group_in_designation_object() -> None:
    ms = mentions("سازمان امنیت ملی گروه شاهینان شرق را در فهرست سازمان‌های ممنوعه قرار داد.")
    group = find(ms, "شاهینان شرق", "group")
    assert group.provisional
    assert (group.entity_id or "").startswith("provisional:")


def test_annotate_ambiguous_alias_needs_the_full_name() -> None:
    alone = mentions("سپاه در این منطقه مستقر شد.")
    assert [m for m in alone if m.kind == "group"] == []
    with_full = mentions("سپاه پاسداران انقلاب اسلامی بیانیه داد. سپاه گفت که پاسخ می‌دهد.")
    assert [m.entity_id for m in with_full if m.kind == "group"] == ["islamic-revolutionary-guard-corps"] * 2


@pytest.mark.parametrize(
    ("alias", "group_id"),
    [
        ("حوثی‌ها", "ansar-allah"),  # Persian plural with ZWNJ
        ("حوثیها", "ansar-allah"),  # the same without ZWNJ
        ("ISIS-K", "islamic-state-khorasan"),
        ("داعش خراسان", "islamic-state-khorasan"),
        ("Islamic Emirate of Afghanistan", "taliban"),
        ("منافقین", "mojahedin-e-khalq"),
        ("پ‌ک‌ک", "kurdistan-workers-party"),
        ("Хезболла", "hezbollah"),
        ("taliban", "taliban"),  # an id
    ],
)
def test_registry_find_group_by_any_alias(alias: str, group_id: str) -> None:
    group = get_registry().find_group(alias)
    assert group is not None
    assert group.id == group_id


def test_registry_jurisdictions() -> None:
    registry = get_registry()
    assert registry.jurisdiction_name("KZ") == "Kazakhstan"
    assert registry.find_jurisdiction("قیرقیزستان") == "KG"
    assert registry.find_jurisdiction("قزاقستان") == "KZ"
    assert registry.find_jurisdiction("Казахстан") == "KZ"
    assert registry.group("jaish-al-adl").successor_of == "jundallah"
    assert registry.group("quds-force").part_of == "islamic-revolutionary-guard-corps"


def test_ambiguous_alias_counts_beside_its_parent_group() -> None:
    # «جبهه مقاومت» alone is many fronts; beside لشکر طیبه it is the Resistance Front.
    beside = mentions("پاکستان جبهه مقاومت را شاخه‌ای از لشکر طیبه می‌داند.")
    alone = mentions("جبهه مقاومت در بیانیه‌ای از مردم خواست آرام بمانند.")
    assert "the-resistance-front" in {m.entity_id for m in beside}
    assert "the-resistance-front" not in {m.entity_id for m in alone}


@pytest.mark.parametrize(
    "text",
    [
        # "two neo-Nazi groups": a count and a describing word, no name
        "کانادا دو گروه نئونازی را در فهرست سازمان‌های تروریستی قرار داد.",
        # "the extremist group" names nothing either
        "دولت گروه افراطی را در فهرست سازمان‌های ممنوعه قرار داد.",
    ],
)
def test_description_in_object_position_is_no_provisional_group(text: str) -> None:
    assert not [m for m in mentions(text) if m.provisional]


def test_unknown_name_in_object_position_is_still_provisional() -> None:
    ms = mentions("دولت هلند گروه زاغ سپید را در فهرست سازمان‌های تروریستی قرار داد.")
    assert [m.text for m in ms if m.provisional] == ["زاغ سپید"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a capital before a place noun is the city
        ("Aum Shinrikyo carried out the 1995 attack on the Tokyo subway.", "place"),
        # a capital acting is its government
        ("Tokyo listed the group in 2002.", "metonym"),
    ],
)
def test_capital_before_a_place_noun_is_a_place(text: str, role: str) -> None:
    tokyo = find(mentions(text, "en"), "Tokyo", "jurisdiction")
    assert tokyo.role == role


def test_mixed_case_acronym_is_not_an_ordinary_word() -> None:
    # "LeT" is Lashkar-e-Taiba; "let" in a sentence is a verb
    assert "lashkar-e-taiba" in {m.entity_id for m in mentions("India blamed LeT for the attack.", "en")}
    assert "lashkar-e-taiba" not in {m.entity_id for m in mentions("They refuse to let it happen.", "en")}


def test_this_country_is_the_state_its_sentence_opened_on() -> None:
    ms = mentions("ازبکستان پس از ترکمنستان گام برداشت؛ وزارت خارجه این کشور روز دوشنبه بیانیه‌ای داد.")
    anaphor = find(ms, "این کشور", "jurisdiction")
    assert anaphor.entity_id == "UZ"


def test_provisional_english_name_keeps_its_small_words() -> None:
    ms = mentions(
        "Bahrain on Wednesday designated the Union of Desert Scholars as a terrorist organisation.", "en"
    )
    assert [m.text for m in ms if m.provisional] == ["Union of Desert Scholars"]
