"""Groups added from public ban and designation lists are recognised in new sentences."""

from __future__ import annotations

import pytest

from fehrest.entities import annotate_mentions, get_registry
from fehrest.model import Document
from fehrest.text import annotate_text


def group_ids(text: str, language: str) -> set[str | None]:
    doc = annotate_mentions(annotate_text(Document(text=text, source="<test>", language=language)))
    assert doc.mentions is not None
    return {m.entity_id for m in doc.mentions if m.kind == "group"}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # India, UAPA: the PFI ban of 2022, Persian news wording.
        ("fa", "دولت هند فعالیت جبهه مردمی هند را برای پنج سال ممنوع کرد.", "popular-front-of-india"),
        # An affiliate named in the same notification.
        ("en", "The notification also covers the Campus Front of India.", "campus-front-of-india"),
        # Kashmir: two separatist groups in one Persian sentence (the second is checked).
        ("fa", "نیودهلی جماعت اسلامی کشمیر و جبهه آزادی‌بخش جامو و کشمیر را غیرقانونی خواند.", "jammu-kashmir-liberation-front"),
        # A Sikh militant group, English.
        ("en", "Police said the suspects belonged to the Khalistan Tiger Force.", "khalistan-tiger-force"),
        # Canada's listing of a criminal gang, Persian.
        ("fa", "اتاوا باند لارنس بیشنوی را در فهرست نهادهای تروریستی گذاشت.", "lawrence-bishnoi-gang"),
        # Pakistan's proscription of an Iran-backed brigade.
        ("fa", "وزارت کشور پاکستان تیپ زینبیون را ممنوع اعلام کرد.", "zainabiyoun-brigade"),
        # The Afghan militia, without a ZWNJ problem in sight.
        ("fa", "شماری از نیروهای لشکر فاطمیون به افغانستان بازگشتند.", "fatemiyoun-division"),
        # Pakistan's official name for the TTP.
        ("en", "Officials blamed Fitna al-Khawarij for the attack in Bannu.", "tehrik-i-taliban-pakistan"),
        # Russia, extremist list: Navalny's regional offices.
        ("fa", "دادگاه مسکو ستادهای منطقه‌ای ناوالنی را افراطی شناخت.", "navalny-headquarters"),
        # Russia, extremist list: the "LGBT movement".
        ("fa", "دیوان عالی روسیه جنبش بین‌المللی ال‌جی‌بی‌تی را افراطی اعلام کرد.", "international-lgbt-movement"),
        # France, a dissolved climate movement, Persian with ZWNJ.
        ("fa", "پاریس گروه خیزش‌های زمین را منحل کرد.", "soulevements-de-la-terre"),
        # France, the Turkish ultranationalist movement.
        ("en", "France dissolved the Grey Wolves after clashes near Lyon.", "grey-wolves"),
        # Germany, a Reichsbürger association banned in 2025.
        ("en", "Berlin banned Königreich Deutschland in a series of raids.", "konigreich-deutschland"),
        # US designations of 2025: a Central American gang.
        ("fa", "واشنگتن باند باریو ۱۸ را سازمان تروریستی خارجی خواند.", "barrio-18"),
        # US designations of 2025: an Iraqi militia.
        ("en", "The State Department listed Kata'ib al-Imam Ali as well.", "kataib-imam-ali"),
        # Jordan's ban on its Brotherhood branch.
        ("fa", "اردن فعالیت اخوان‌المسلمین اردن را ممنوع کرد.", "muslim-brotherhood-jordan"),
        # Sri Lanka, after the Easter bombings.
        ("en", "Colombo outlawed National Thowheeth Jama'ath in 2019.", "national-thowheeth-jamaath"),
        # Iran: a monarchist group named with Iran's usual prefix.
        ("fa", "دستگاه قضایی ایران گروهک تندر را مسئول دانست.", "kingdom-assembly-of-iran"),
    ],
)  # fmt: skip
def test_groups_coverage_new_group_found(language: str, text: str, expected: str) -> None:
    assert expected in group_ids(text, language)


@pytest.mark.parametrize(
    ("language", "text", "group_id"),
    [
        # «تندر» is thunder: no group without a cue word.
        ("fa", "صدای تندر در شهر پیچید.", "kingdom-assembly-of-iran"),
        # «دختران ملت» is a plain phrase in Persian.
        ("fa", "دختران ملت در این مسابقه درخشیدند.", "dukhtaran-e-millat"),
        # Meta alone, with no group cue, is not taken for the banned company.
        ("en", "Meta released a new phone app on Monday.", "meta-platforms"),
        # RSF is also Reporters Without Borders.
        ("en", "RSF said three reporters were detained.", "rapid-support-forces"),
    ],
)  # fmt: skip
def test_groups_coverage_ambiguous_alias_needs_context(language: str, text: str, group_id: str) -> None:
    assert group_id not in group_ids(text, language)


def test_groups_coverage_ambiguous_alias_counts_after_full_name() -> None:
    text = "روسیه شرکت متا را افراطی اعلام کرد. استفاده از متا در روسیه ممنوع است."
    doc = annotate_mentions(annotate_text(Document(text=text, source="<test>", language="fa")))
    assert doc.mentions is not None
    assert sum(m.entity_id == "meta-platforms" for m in doc.mentions) == 2


@pytest.mark.parametrize(
    ("alias", "group_id"),
    [
        ("Popular Front of India", "popular-front-of-india"),
        ("جبهه مردمی هند", "popular-front-of-india"),
        ("تیپ زینبیون", "zainabiyoun-brigade"),
        ("Fatemiyoun Division", "fatemiyoun-division"),
        ("بنیاد مبارزه با فساد", "anti-corruption-foundation"),
        ("Génération identitaire", "generation-identitaire"),
        ("Comité Action Palestine", "comite-action-palestine"),
        ("Los Choneros", "los-choneros"),
    ],
)
def test_groups_coverage_find_group_by_alias(alias: str, group_id: str) -> None:
    group = get_registry().find_group(alias)
    assert group is not None
    assert group.id == group_id


def test_groups_coverage_short_palestine_forms_stay_apart() -> None:
    registry = get_registry()
    found = [registry.find_group(name) for name in ("اقدام فلسطین", "کمیته اقدام فلسطین")]
    assert [g.id if g else None for g in found] == ["palestine-action", "comite-action-palestine"]
