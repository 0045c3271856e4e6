"""Unit tables: triggers, modality, actor, coreference, headline folding, negatives.

Every sentence here was written for these tests; none comes from the corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fehrest.events import may_report_designation
from fehrest.model import Document

Extract = Callable[..., Document]


def _summary(doc: Document) -> set[tuple[str, str, str | None, str]]:
    return {(e.type, e.modality, e.actor.jurisdiction, e.target.name) for e in doc.events or ()}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # remove-from-list, past tense, ZWNJ in place
        (
            "دولت ازبکستان روز شنبه نام طالبان را از فهرست سازمان‌های تروریستی حذف کرد.",
            ("DELIST", "asserted", "UZ"),
        ),
        # placement on a list, the verb after the list
        ("کانادا سپاه پاسداران را در فهرست سازمان‌های تروریستی قرار داد.", ("LIST", "asserted", "CA")),
        # "recognised as a terrorist group" is a listing, not a recognition
        ("دادگاه عالی روسیه حماس را به عنوان یک گروه تروریستی به رسمیت شناخت.", ("LIST", "asserted", "RU")),
        # declared banned, with quotation marks around the key word
        ("حکومت پاکستان تحریک طالبان پاکستان را «ممنوع» اعلام کرد.", ("LIST", "asserted", "PK")),
        # suspension of a ban by a court
        ("دادگاه عالی روسیه ممنوعیت فعالیت طالبان را به حالت تعلیق درآورد.", ("SUSPEND", "asserted", "RU")),
        # "put on the list" with گذاشت
        ("هلند در سال ۲۰۱۲ حزب‌الله را در فهرست سازمان‌های تروریستی گذاشته بود.", ("LIST", "asserted", "NL")),
        # "has X on its list" (در فهرست ... دارد): a listing in force
        ("ژاپن از سال ۲۰۰۵ حماس را در فهرست تروریستی خود دارد.", ("LIST", "asserted", "JP")),
        # "listed as a terrorist body" with the verb فهرست کرد
        ("حکومت نیوزیلند سپاه پاسداران را به عنوان نهاد تروریستی فهرست کرد.", ("LIST", "asserted", "NZ")),
        # "special global terrorist" in quotation marks
        ("وزارت خارجه امریکا لشکر طیبه را «تروریست جهانی ویژه» معرفی کرد.", ("LIST", "asserted", "US")),
        # "recognises as a «terrorist entity»" (quoted designation, present tense می‌شناسد)
        (
            "دولت نیوزیلند اعلام کرد که سه باند را «نهاد تروریستی» می‌شناسد، از جمله حزب‌الله.",
            ("LIST", "asserted", "NZ"),
        ),
        # a ban in force since a year ("از سال ... ممنوع است")
        ("حزب‌الله از سال ۲۰۰۹ در هلند ممنوع است.", ("LIST", "asserted", "NL")),
        # kept on its list since a year ("از سال ... در فهرست خود نگه داشته است")
        ("ژاپن از سال ۲۰۰۵ حماس را در فهرست خود نگه داشته است.", ("LIST", "asserted", "JP")),
        # "regards as terrorist" (تروریستی می‌داند)
        ("امارات متحده عربی اخوان‌المسلمین را سازمانی تروریستی می‌داند.", ("LIST", "asserted", "AE")),
        # a court ruling for dissolution (حکم به انحلال)
        ("دیوان عالی مصر حکم به انحلال اخوان‌المسلمین داد.", ("LIST", "asserted", "EG")),
        # a judgement on the decision, with a long qualifier (a reaction)
        (
            "قزاقستان نام حماس را از فهرست تروریستی حذف کرد.\n"
            "وزارت خارجه اسرائیل این تصمیم را نشانه «بی‌توجهی آشکار» به امنیت منطقه خواند.",
            ("REACT", "asserted", "IL"),
        ),
        # expressed concern (ابراز نگرانی) about a delisting
        (
            "کانادا نام حماس را از فهرست تروریستی حذف کرد.\nاسرائیل از تصمیم اتاوا ابراز نگرانی کرد.",
            ("REACT", "asserted", "IL"),
        ),
        # English: designate
        ("Canada designated Hezbollah as a terrorist entity on Monday.", ("LIST", "asserted", "CA")),
        # English: "listed ... as" with a long full name between the verb and "as"
        (
            "Japan on Friday listed the Popular Front for the Liberation of Palestine as a terrorist organisation.",
            ("LIST", "asserted", "JP"),
        ),
        # English: a listing in force "since" a year, the state named as the list's owner
        (
            "Hezbollah has been on Japan's terrorist list since 2009, officials said.",
            ("LIST", "asserted", "JP"),
        ),
        # English: delist
        ("Germany removed Hamas from its list of banned groups last week.", ("DELIST", "asserted", "DE")),
        # a name in guillemets inside the phrase ("ممنوعیت ... «...» را لغو کرد")
        ("دادگاه عالی اتریش ممنوعیت گروه «حزب‌التحریر» را لغو کرد.", ("DELIST", "asserted", "AT")),
        # an announced revocation of a designation holds the listing words: the revocation wins
        (
            "وزیر خارجه کانادا اعلام کرد که لغو معرفی حماس به عنوان «سازمان تروریستی» اجرایی شد.",
            ("DELIST", "asserted", "CA"),
        ),
        # a court finding the ban unlawful (غیرقانونی بوده است) lifts it
        (
            "دادگاه قانون اساسی ترکیه اعلام کرد که ممنوعیت حزب کارگران کردستان غیرقانونی بوده است.",
            ("DELIST", "asserted", "TR"),
        ),
        # English: a bare past "listed" whose object points back to the group named before
        (
            "Norway added Boko Haram to its sanctions list on Tuesday.\nSweden listed it in May 2019.",
            ("LIST", "asserted", "SE"),
        ),
        # English: "declared it a terrorist group", no "as", inside a relative clause
        (
            "Jordan banned the Hasm movement on Sunday.\n"
            "Kuwait, which declared it a terrorist group last year, praised the step.",
            ("LIST", "asserted", "KW"),
        ),
        # English: a state publishing its own list of groups it deems terrorist, members after "including"
        (
            "Bahrain on Sunday issued a list of 12 groups it considers terrorist, including Hezbollah.",
            ("LIST", "asserted", "BH"),
        ),
        # English: a ban ruled unlawful
        (
            "A Dutch court ruled on Monday that the ban on Samidoun was unlawful.",
            ("DELIST", "asserted", "NL"),
        ),
    ],
)
def test_trigger_gives_type_and_actor(extract: Extract, text: str, want: tuple[str, str, str]) -> None:
    got = {(t, m, j) for t, m, j, _ in _summary(extract(text, published="2025-03-01"))}
    assert want in got


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # "may" (احتمال دارد): a possibility
        ("وزیر خارجه ترکیه گفت احتمال دارد آنکارا طالبان را از فهرست تروریستی خارج کند.", "possible"),
        # "intends to" (قصد دارد): planned
        ("دولت آلمان قصد دارد حزب‌الله را ممنوع کند.", "planned"),
        # "is considering" (بررسی می‌کند)
        ("دولت استرالیا بررسی می‌کند که سپاه پاسداران را در فهرست تروریستی قرار دهد.", "possible"),
        # "Biden's government" (دولت بایدن) starts like "must" (باید) but is no cue: asserted
        ("دولت بایدن سال گذشته حزب‌الله را از فهرست تروریستی خارج کرد.", "asserted"),
        # "has not yet" (هنوز ... نکرده): denied
        ("فرانسه هنوز سپاه پاسداران را در فهرست تروریستی قرار نداده است.", "denied"),
        # English "would": announced, planned
        ("The British government said it would proscribe Hamas next week.", "planned"),
        # English "is considering"
        ("Britain is considering whether to proscribe the IRGC.", "possible"),
        # "considers terrorist" is a standing view, not a step under consideration
        (
            "Bahrain released a list of nine organisations it considers terrorist, including Hamas.",
            "asserted",
        ),
        # the month May is no "may": a dated listing stays asserted
        ("Sweden banned Hizb ut-Tahrir in May 2019.", "asserted"),
        # ... but the modal verb still reads possible
        ("Sweden may ban Hizb ut-Tahrir next year.", "possible"),
        # a cabinet approving a ministry's proposal to ban: done, not proposed
        ("کابینه پاکستان پیشنهاد وزارت داخله را برای ممنوع کردن تحریک طالبان پاکستان تأیید کرد.", "asserted"),
        # a non-binding motion (طرح غیرالزامی) asking for a listing: possible
        (
            "مجلس هلند با تصویب یک طرح غیرالزامی از حکومت خواسته بود "
            "که سپاه پاسداران را در فهرست تروریستی بگذارد.",
            "possible",
        ),
        # "is not" (نیست): the step is not a recognition
        ("سخنگوی وزارت خارجه ترکیه گفت این اقدام به معنای به رسمیت شناختن حکومت طالبان نیست.", "denied"),
        # English "intended to": an announced intention, planned
        ("Germany's interior minister announced on Monday that she intended to proscribe Hamas.", "planned"),
        # English: an order laid before parliament to proscribe, not yet approved
        ("Britain's home secretary laid an order before parliament to proscribe Hezbollah.", "planned"),
        # English "stopped short of": denied
        ("The Kremlin stopped short of recognising the Taliban government.", "denied"),
        # "has no plan to remove" (برنامه‌ای برای ... ندارد): denied, not planned
        ("وزیر خارجه ازبکستان گفت کشورش برنامه‌ای برای حذف نام حماس از فهرست تروریستی ندارد.", "denied"),
        # "took no decision to recognise" (تصمیمی ... نگرفته است)
        ("حکومت اندونزی تصمیمی برای به رسمیت شناختن امارت اسلامی نگرفته است.", "denied"),
        # a present passive negated: "is not removed" (حذف نمی‌شود)
        ("ترکیه: نام حماس از فهرست سازمان‌های ممنوعه حذف نمی‌شود", "denied"),
        # English "no immediate plans to": denied, though "plans to" alone is planned
        ("A Canadian official said Ottawa had no immediate plans to delist the Houthis.", "denied"),
        # "wanting" (خواهان) a listing: possible
        ("هند و فرانسه خواهان درج نام لشکر طیبه در فهرست تروریستی شدند.", "possible"),
        # "could be considered" (قابل بررسی): possible
        ("سخنگوی حکومت گفت حذف نام حماس از فهرست تروریستی اتریش قابل بررسی است.", "possible"),
        # "at the request of" (به درخواست): the court acted; the request is no proposal
        ("دادگاه عالی ازبکستان به درخواست دادستان، حزب‌التحریر را ممنوع کرد.", "asserted"),
        # a prosecutor's request sent to a court is a possible listing
        (
            "دادستانی کل ازبکستان درخواست ممنوعیت حزب‌التحریر را در ماه مه به دادگاه فرستاده بود.",
            "possible",
        ),
        # English: a suit filed by a prosecutor
        ("Kazakhstan's prosecutor filed a suit to ban Hizb ut-Tahrir in March.", "possible"),
        # a court rejecting an appeal against a ban refuses to lift it
        ("Russia's Supreme Court rejected an appeal against the ban on Hizb ut-Tahrir.", "denied"),
        # "will not recognise" (به رسمیت نخواهد شناخت): a denied recognition
        ("وزیر خارجه ازبکستان گفت تاشکند امارت اسلامی را فعلاً به رسمیت نخواهد شناخت.", "denied"),
        # an order laid before parliament is not in force yet: planned
        (
            "The Home Office laid an order on Monday removing Hamas from the list of proscribed organisations.",
            "planned",
        ),
        # ... unless the sentence says it came into force
        (
            "The Home Office laid an order on Monday proscribing Hamas, which came into force on Friday.",
            "asserted",
        ),
        # "declined to" (خودداری کرد): denied
        ("دولت ترکیه از قرار دادن حماس در فهرست تروریستی خودداری کرد.", "denied"),
        # "does not consider X terrorist" (تروریستی نمی‌داند): a denied listing
        ("وزیر خارجه قطر گفت دوحه حزب‌الله را گروهی تروریستی نمی‌داند.", "denied"),
        # a negated future: "will not put on the list" (قرار نخواهد داد)
        ("نخست‌وزیر اندونزی گفت جاکارتا حماس را در فهرست تروریستی قرار نخواهد داد.", "denied"),
    ],
)
def test_modality_cue_governs_trigger(extract: Extract, text: str, modality: str) -> None:
    doc = extract(text, published="2025-03-01")
    assert doc.events, text
    assert doc.events[0].modality == modality


def test_each_clause_has_its_own_actor_and_date(extract: Extract) -> None:
    # Two states, two verbs, two years in one sentence.
    doc = extract(
        "Islamabad banned the group in 2008, and the United Kingdom proscribed it in 2010.\n"
        "The Balochistan Liberation Army denies the charges.\n",
        published="2025-03-01",
    )
    # No group named before the anaphor: nothing to point back to.
    assert not [e for e in doc.events or () if e.type == "LIST"]
    doc = extract(
        "The Balochistan Liberation Army claimed an attack on Monday.\n"
        "Islamabad banned the group in 2008, and the United Kingdom proscribed it in 2010.\n",
        published="2025-03-01",
    )
    got = {
        (e.actor.jurisdiction, e.date.value if e.date else None) for e in doc.events or () if e.type == "LIST"
    }
    assert got == {("PK", "2008"), ("GB", "2010")}


@pytest.mark.parametrize(
    "text",
    [
        # "The government had banned ...": the organ named alone is the state of the sentences before
        "Norway lifted its ban on Hamas on Monday.\nThe government had banned the group on 4 April, after protests in Sweden.\n",
        # Persian: "وزارت کشور ... ممنوع کرده بود" after a sentence naming the state
        "نروژ روز دوشنبه ممنوعیت حماس را لغو کرد.\nوزارت کشور در ۴ اپریل فعالیت این گروه را در سوئد ممنوع کرده بود.\n",
    ],
)
def test_stateless_organ_is_the_state_before(extract: Extract, text: str) -> None:
    listed = [e for e in extract(text, published="2025-06-10").events or () if e.type == "LIST"]
    assert [e.actor.jurisdiction for e in listed] == ["NO"]


def test_one_event_reported_three_times_is_merged(extract: Extract) -> None:
    # Headline, announcement and a summing-up line: one event, three spans.
    text = (
        "ازبکستان طالبان را از فهرست سازمان‌های تروریستی حذف کرد\n"
        "وزارت خارجه ازبکستان روز شنبه اعلام کرد که نام طالبان را "
        "از فهرست سازمان‌های تروریستی خارج کرده است.\n"
        "ازبکستان دومین کشوری است که طالبان را از این فهرست حذف کرده است.\n"
    )
    events = [e for e in extract(text, published="2025-03-02").events or () if e.type == "DELIST"]
    assert len(events) == 1
    assert len(events[0].evidence) == 3
    assert events[0].authority == "foreign ministry"


def test_headline_overstating_yields_to_body(extract: Extract) -> None:
    # The headline says "removed"; the body says a court suspended the ban.
    text = (
        "Court removes Hizb ut-Tahrir from banned list\n"
        "Germany's Federal Administrative Court on Tuesday suspended the ban on Hizb ut-Tahrir "
        "pending a full hearing.\n"
    )
    types = {e.type for e in extract(text, published="2025-03-05").events or ()}
    assert types == {"SUSPEND"}


def test_anaphor_points_back_to_the_group(extract: Extract) -> None:
    # "این اقدام" / "this step" refers to the delisting of the line before.
    text = (
        "قزاقستان نام حماس را از فهرست گروه‌های تروریستی خود حذف کرد.\n"
        "وزارت خارجه ترکیه از این اقدام استقبال کرد.\n"
    )
    react = [e for e in extract(text, published="2025-03-01").events or () if e.type == "REACT"]
    assert [(e.actor.jurisdiction, e.target.name, e.stance) for e in react] == [("TR", "Hamas", "welcome")]


@pytest.mark.parametrize(
    "text",
    [
        # sanctions on a person, not on the group
        "The Treasury imposed sanctions on two businessmen accused of funding Hezbollah.",
        # an attack report: a group and "terrorist", no designation
        "Hamas fighters fired rockets at southern towns on Tuesday, the army said.",
        # a list that is not a designation list
        "The Taliban published a list of schools that will reopen in Kabul.",
        # without removing (بدون حذف): a condition, not an act
        "مقام‌های روسیه گفتند بدون حذف نام طالبان از فهرست، گفتگو درباره روابط زود است.",
        # persons removed from a list named after two groups: the groups only name the regime
        "شورای امنیت روز دوشنبه نام دو وزیر سوری را از فهرست تحریم‌های مرتبط با داعش و القاعده خارج کرد.",
        # an undated "still on the list": a status restated, not an event
        "جبهه النصره همچنان در فهرست سازمان‌های تروریستی کانادا قرار دارد.",
        # English: an undated "remains listed" likewise
        "Hamas remains listed as a terrorist organisation in Japan.",
        # English: an undated present "are banned" in a relative clause is a standing status
        "Hizb ut-Tahrir, whose rallies are banned in Austria, denied any role in the riots.",
        # a present "قرار دارد" (is on the list) with no date: a status
        "حزب‌الله در کانادا و هلند در فهرست سازمان‌های تروریستی قرار دارد.",
        # sanctions on companies dealing with a group, not on the group
        "The Treasury sanctioned four companies that shipped oil for the Quds Force.",
        # a welcome of "the listing" of a person named as a group's chief
        "The UN listed Lashkar-e-Taiba chief Hafiz Saeed as a sanctioned individual.\n"
        "India's foreign ministry welcomed the listing.",
        # "suspends talks ... border": no ban in "border", no reaction in "reactivation"
        "Peru suspends talks with the Shining Path after border clashes.\n"
        "The government ordered the reactivation of warrants against the Shining Path's envoys.",
    ],
)
def test_no_event_without_a_designation(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text, published="2025-03-01").events or () if e.type != "RECOGNIZE"]


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        # a group and a trigger stem
        ("قرقیزستان طالبان را از فهرست حذف کرد.", True),
        # ZWNJ lost inside the group's name and the trigger
        ("آلمان حزبالله را ممنوع کرد.", True),
        # a trigger word, no group
        ("The city council added ten streets to its repair list.", False),
        # an acronym inside an ordinary word is not a group
        ("Students protested against higher fees.", False),
    ],
)
def test_first_pass_keeps_only_possible_articles(text: str, keep: bool) -> None:
    assert may_report_designation(text) is keep


@pytest.mark.parametrize(
    "text",
    [
        # "Canada in 2020 and Germany in 2021 put Hamas on their lists."
        "کانادا در سال 2020 و آلمان در سال 2021 حماس را در فهرست گروه‌های تروریستی قرار دادند.\n",
        # "since" ranges date their states too ("از سال ... و ... از سال ...")
        "کانادا از سال ۲۰۲۰ و آلمان از سال ۲۰۲۱ حماس را سازمانی تروریستی می‌دانند.\n",
        # English, the states after the verb, each with its own "since"
        "Hamas has been banned in Canada since 2020 and in Germany since 2021.\n",
    ],
)
def test_coordinated_states_with_own_dates_are_separate_events(extract: Extract, text: str) -> None:
    got = {
        (e.actor.jurisdiction, e.date.value if e.date else None)
        for e in extract(text, published="2025-03-01").events or ()
    }
    assert got == {("CA", "2020"), ("DE", "2021")}


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        # the group itself, named by an anaphor as the subject
        (
            "Kazakhstan banned Hizb ut-Tahrir on Monday.\nThe group condemned the ban as unjust.\n",
            "2025-03-05",
            (None, "Hizb ut-Tahrir"),
        ),
        # Persian: "this group" as the subject of the condemnation
        (
            "آلمان حماس را ممنوع کرد.\nاین گروه تصمیم برلین را محکوم کرده است.\n",
            "2025-03-05",
            (None, "Hamas"),
        ),
        # the group's leadership (رهبری) speaks for the group, not for the state
        (
            "حکومت مصر اخوان‌المسلمین را ممنوع اعلام کرد.\nرهبری اخوان‌المسلمین تصمیم حکومت را محکوم کرد.\n",
            "2025-03-05",
            (None, "Muslim Brotherhood"),
        ),
        # "the Taliban's foreign ministry" is the Afghan state once they govern
        (
            "Uzbekistan removed the Taliban from its list of banned groups.\n"
            "The Taliban's foreign ministry welcomed the decision.\n",
            "2025-03-05",
            ("AF", "Taliban"),
        ),
        # ... but a Taliban spokesman in 2015 speaks for an insurgent movement
        (
            "Uzbekistan removed the Taliban from its list of banned groups.\n"
            "A spokesman for the Taliban welcomed the decision.\n",
            "2015-03-05",
            (None, "Taliban"),
        ),
    ],
)
def test_react_actor_is_who_reacts(
    extract: Extract, text: str, published: str, want: tuple[str | None, str]
) -> None:
    react = [e for e in extract(text, published=published).events or () if e.type == "REACT"]
    assert [(e.actor.jurisdiction, e.target.name) for e in react] == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a spokesman four words before the group is not the group's ("سخنگوی حکومت گفت حذف نام حماس")
        ("سخنگوی حکومت اتریش گفت حذف نام حماس از فهرست تروریستی ممکن است.", {"Hamas"}),
        # a person noun right before the group makes it a person's group ("رهبر ارشد طالبان")
        ("آمریکا رهبر ارشد طالبان را در فهرست تحریم‌ها قرار داد.", set()),
        # English "a commander of the X": the person is sanctioned, not the group
        ("Britain sanctioned a commander of the Houthis on Monday.", set()),
    ],
)
def test_person_noun_governs_only_a_near_group(extract: Extract, text: str, want: set[str]) -> None:
    events = extract(text, published="2025-03-01").events or ()
    assert {e.target.name for e in events} == want


def test_group_affiliated_with_another_is_the_only_target(extract: Extract) -> None:
    # "groups affiliated with al-Qaeda" names the regime; the group listed is Ansaru.
    doc = extract(
        "The UN on Monday added Ansaru to its list of entities affiliated with al-Qaeda.\n",
        published="2025-03-04",
    )
    assert {e.target.name for e in doc.events or ()} == {"Ansaru"}


def test_city_as_a_place_is_no_reactor(extract: Extract) -> None:
    # "who lives in Istanbul": the exile reacts for himself, not for Turkey.
    doc = extract(
        "Tajikistan banned Group 24 on Monday.\n"
        'Rahimov, who lives in Istanbul, called the decision "absurd" and said he would not stop.',
        published="2025-03-04",
    )
    react = [e for e in doc.events or () if e.type == "REACT"]
    assert [(e.actor.jurisdiction, e.modality) for e in react] == [(None, "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        # a spokesman "for the group" speaks for the group last named; a quoted judgement
        'Britain proscribed Hizb ut-Tahrir on Friday.\nA spokesman for the group called the decision "an attack".',
        # "rejected the decision": the rejection is the stance, not a denied modality
        "Canada listed Samidoun on Tuesday.\nSamidoun rejected the decision as an insult.",
        # Persian: the group calls the ruling (رأی) unjust
        "دادگاه عالی اتریش حزب‌التحریر را ممنوع کرد.\nحزب‌التحریر این رأی را «ظالمانه» خواند.",
    ],
)
def test_group_judging_its_own_designation_condemns(extract: Extract, text: str) -> None:
    react = [e for e in extract(text, published="2025-03-07").events or () if e.type == "REACT"]
    assert [(e.actor.jurisdiction, e.modality, e.stance) for e in react] == [(None, "asserted", "condemn")]


def test_alias_named_group_is_not_the_target(extract: Extract) -> None:
    # "listed as another name for al-Nusra": the group listed is HTS.
    doc = extract(
        "Canada added Hayat Tahrir al-Sham to its terrorist list in 2018 "
        "as another name for the al-Nusra Front.\n",
        published="2025-03-01",
    )
    assert {e.target.name for e in doc.events or ()} == {"Hayat Tahrir al-Sham"}


def test_groups_listed_along_with_others_are_each_listed(extract: Extract) -> None:
    # "..., along with five other groups including X and Y": three listings.
    doc = extract(
        "New Zealand on Monday listed the Proud Boys as a terrorist entity, along with five other groups "
        "including The Base and the Atomwaffen Division.\n",
        published="2025-03-04",
    )
    assert {e.target.name for e in doc.events or ()} == {"Proud Boys", "The Base", "Atomwaffen Division"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an enumeration whose items carry describing words ("the ... group X", "Egypt's X")
        (
            "Canada has revoked the listings of Kahane Chai, the Basque separatist group ETA, "
            "Egypt's Gama'a al-Islamiyya and Asbat al-Ansar.",
            {"Kahane Chai", "ETA", "al-Gama'a al-Islamiyya", "Asbat al-Ansar"},
        ),
        # two names joined by "and its <describing words>": both are targets
        (
            "Australia listed Hamas and its Lebanese ally Hezbollah as terrorist organisations.",
            {"Hamas", "Hezbollah"},
        ),
        # a count of groups banned, then the next sentence spells out the list
        (
            "دادگاه عالی قرقیزستان روز دوشنبه چهار سازمان را تروریستی شناخت.\n"
            "فهرستی که دادگاه تأیید کرد شامل القاعده، طالبان، حزب‌التحریر و لشکر طیبه است.",
            {"al-Qaeda", "Taliban", "Hizb ut-Tahrir", "Lashkar-e-Taiba"},
        ),
        # English: "the list includes A, B and C" after a count
        (
            "Kyrgyzstan's supreme court banned three organisations on Monday.\n"
            "The list includes al-Qaeda, Hizb ut-Tahrir and Lashkar-e-Taiba.",
            {"al-Qaeda", "Hizb ut-Tahrir", "Lashkar-e-Taiba"},
        ),
    ],
)
def test_enumerated_groups_are_each_a_target(extract: Extract, text: str, want: set[str]) -> None:
    doc = extract(text, published="2025-03-04")
    assert {e.target.name for e in doc.events or () if e.type in ("LIST", "DELIST")} == want


def test_relative_clause_has_its_own_subject_and_date(extract: Extract) -> None:
    # The subject of "which banned" is the state before it; its date is the ban's.
    doc = extract(
        "Japan listed Hamas on Monday.\n"
        "The step follows France, which banned the group in March 2019.\n"
        "Jordan, which outlawed Hamas in 1999, welcomed the move.\n",
        published="2025-03-04",
    )
    got = {(e.type, e.actor.jurisdiction, e.date.value if e.date else None) for e in doc.events or ()}
    assert ("LIST", "FR", "2019-03") in got
    assert ("LIST", "JO", "1999") in got
    assert ("REACT", "JO", None) in got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the recogniser is the metonym (Ankara), not the Taliban's government after it
        ("با این حال، آنکارا هنوز حکومت طالبان را به رسمیت نشناخته است.", ("TR", "denied")),
        # the Taliban minister announces that Beijing recognised them: China recognises
        (
            "وزیر خارجه حکومت طالبان اعلام کرد که پکن امارت اسلامی را به رسمیت شناخته است.",
            ("CN", "asserted"),
        ),
        # a passive noun phrase ("being recognised") is no act of recognition
        ("مقام‌های طالبان از به رسمیت شناخته شدن روزافزون امارت اسلامی سخن گفتند.", None),
    ],
)
def test_recognition_actor_is_the_recogniser(
    extract: Extract, text: str, want: tuple[str, str] | None
) -> None:
    got = [
        (e.actor.jurisdiction, e.modality)
        for e in extract(text, published="2025-03-01").events or ()
        if e.type == "RECOGNIZE"
    ]
    assert got == ([want] if want else [])


@pytest.mark.parametrize(
    ("text", "etype", "want"),
    [
        # English "has not listed": a denial that holds on the publication day
        ("Austria has not listed the Proud Boys as a terrorist group.", "LIST", "2025-03-01"),
        # an adverb between the auxiliary and the verb ("has never formally recognised")
        ("Norway has never formally recognised the Taliban government.", "RECOGNIZE", "2025-03-01"),
        # Persian "هنوز ... نشناخته است." (the full stop right after the auxiliary)
        ("اتریش هنوز حکومت طالبان را به رسمیت نشناخته است.", "RECOGNIZE", "2025-03-01"),
        # a perfect in a later clause is not the trigger's ("... and said the court has erred")
        (
            "Japan banned Hamas on 2 February.\n"
            "The group condemned the decision on Monday and said the court has erred.\n",
            "REACT",
            None,
        ),
        # a word that starts with است after a quotation mark is no auxiliary
        (
            "ژاپن حماس را ممنوع کرد.\nسخنگوی وزارت خارجه ایران این تصمیم را نشانه «استانداردهای دوگانه» خواند.\n",
            "REACT",
            None,
        ),
    ],
)
def test_present_perfect_dates_by_publication(
    extract: Extract, text: str, etype: str, want: str | None
) -> None:
    events = [e for e in extract(text, published="2025-03-01").events or () if e.type == etype]
    assert events, text
    date = events[-1].date
    assert (None if date is None or date.value != "2025-03-01" else date.value) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the body named before its state (ezafe): "ستره محکمه اتریش" — and محکمه is no "حکم" trigger
        ("ستره محکمه اتریش در ماه مه ممنوعیت فعالیت حماس را به حالت تعلیق درآورد.", "supreme court"),
        # a body with no state of its own takes the state right after it ("مجلس عوام هلند")
        ("مجلس عوام هلند در سال ۲۰۲۰ حماس را در فهرست تروریستی قرار داد.", "parliament"),
        # English passive agent: "by the US State Department"
        ("Hamas was designated by the US State Department on Monday.", "state department"),
        # a seat standing for an office: a Kremlin spokesman speaks for the president
        (
            "Britain banned the Wagner Group on Friday.\nA Kremlin spokesman condemned the move.\n",
            "president",
        ),
        # the state's office named in another sentence: who made the day's designation
        (
            "Norway designated Hamas as a terrorist organisation on Monday.\n"
            "The Norwegian justice ministry said the listing takes effect at once.\n",
            "justice ministry",
        ),
        # ... but not for a restated older listing, whose authority the article does not give
        (
            "Norway banned Hamas in 2003.\nThe Norwegian justice ministry said on Monday it would review it.\n",
            None,
        ),
        # a body named with no state in the very next sentence acted for the state
        (
            "Qatar designated Hezbollah as a terrorist organisation on Monday.\n"
            "The decision was approved by the cabinet after a short debate.\n",
            "cabinet",
        ),
        # a UN sanctions committee lists for the Security Council
        (
            "The UN Security Council's sanctions committee added Ansaru to its list on Monday.",
            "security council",
        ),
        # "the UN" named alone lists the same way
        ("سازمان ملل جنبش اسلامی ازبکستان را در فهرست تروریستی گذاشت.", "security council"),
    ],
)
def test_authority_of_the_event(extract: Extract, text: str, want: str | None) -> None:
    events = extract(text, published="2025-03-05").events or ()
    assert events, text
    # The event of the last sentence when it is a reaction, else the first.
    event = events[-1] if events[-1].type == "REACT" else events[0]
    assert event.authority == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an effective day after publication: decided, not yet done — planned, dated by that day
        (
            "وزیر خارجه کانادا روز جمعه اعلام کرد که معرفی حماس به عنوان سازمان تروریستی از ۱۰ مارچ لغو می‌شود.",
            ("DELIST", "planned", "2025-03-10"),
        ),
        # a planned step's bare weekday is the coming one (published Wednesday 5 March 2025)
        (
            "Norway's justice minister laid an order to proscribe Hamas.\n"
            "The ban will come into force on Friday.\n",
            ("LIST", "planned", "2025-03-07"),
        ),
        # ... but a weekday right after "said" dates the statement
        (
            "Norway's justice minister said on Monday that Norway will proscribe Hamas.",
            ("LIST", "planned", "2025-03-03"),
        ),
        # "در این فهرست" (on this list): a determiner between the preposition and the list
        (
            "حماس از سال ۲۰۰۳ در فهرست تروریستی اتحادیه اروپا است.\n"
            "حکومت نروژ در ۱۰ جنوری حماس را در این فهرست گذاشته بود.\n",
            ("LIST", "asserted", "2025-01-10"),
        ),
    ],
)
def test_planned_step_dates(extract: Extract, text: str, want: tuple[str, str, str]) -> None:
    got = {
        (e.type, e.modality, e.date.value if e.date else None)
        for e in extract(text, published="2025-03-05").events or ()
    }
    assert want in got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Persian: "the same groups" (همین گروه‌ها) beside a new name, "on the same day"
        (
            "دولت استرالیا روز دوشنبه ۱۰ مارس حماس و حزب‌الله را در فهرست سازمان‌های تروریستی قرار داد.\n"
            "دولت نیوزیلند نیز در همان روز همین گروه‌ها و جنبش الشباب را در فهرست تروریستی گذاشت.",
            {
                ("AU", "Hamas", "2025-03-10"),
                ("AU", "Hezbollah", "2025-03-10"),
                ("NZ", "Hamas", "2025-03-10"),
                ("NZ", "Hezbollah", "2025-03-10"),
                ("NZ", "al-Shabaab", "2025-03-10"),
            },
        ),
        # English: "the same groups" alone, "the same day"
        (
            "Japan on Monday 10 March designated Hamas and Hezbollah as terrorist organisations.\n"
            "South Korea designated the same groups the same day.",
            {
                ("JP", "Hamas", "2025-03-10"),
                ("JP", "Hezbollah", "2025-03-10"),
                ("KR", "Hamas", "2025-03-10"),
                ("KR", "Hezbollah", "2025-03-10"),
            },
        ),
    ],
)
def test_plural_anaphor_takes_every_target_before(
    extract: Extract, text: str, want: set[tuple[str, str, str]]
) -> None:
    doc = extract(text, published="2025-03-12")
    got = {
        (e.actor.jurisdiction, e.target.name, e.date.value if e.date else None)
        for e in doc.events or ()
        if e.type == "LIST"
    }
    assert got == want


def test_partial_plural_is_not_the_whole_set(extract: Extract) -> None:
    # "most of these groups" (بیشتر این گروه‌ها) names no group for certain.
    text = (
        "دولت استرالیا روز دوشنبه حماس و حزب‌الله را در فهرست سازمان‌های تروریستی قرار داد.\n"
        "کانادا پیش از این بیشتر این گروه‌ها را ممنوع کرده بود."
    )
    actors = {e.actor.jurisdiction for e in extract(text, published="2025-03-12").events or ()}
    assert "CA" not in actors


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a ban announced over two sentences ("he also banned"): the welcome covers all three
        (
            "نخست‌وزیر هلند روز دوشنبه حماس و حزب‌الله را ممنوع اعلام کرد.\n"
            "او همچنین فعالیت شبکه صامدون را غیرقانونی اعلام کرد.\n"
            "دولت اسرائیل این اقدام را «گامی مثبت» خواند.",
            {("IL", "Hamas"), ("IL", "Hezbollah"), ("IL", "Samidoun")},
        ),
        # English: two groups designated together, "the decision" covers both
        (
            "Japan designated Hamas and Hezbollah as terrorist organizations on Monday.\n"
            "Israel's foreign ministry welcomed the decision.",
            {("IL", "Hamas"), ("IL", "Hezbollah")},
        ),
        # a state reacting again to its own step names only the last group, not the set
        (
            "Japan designated Hamas and Hezbollah as terrorist organizations on Monday.\n"
            "Japan's foreign ministry defended the decision.",
            set(),
        ),
    ],
)
def test_welcome_covers_every_group_of_the_step(
    extract: Extract, text: str, want: set[tuple[str, str]]
) -> None:
    doc = extract(text, published="2025-03-12")
    got = {(e.actor.jurisdiction or "", e.target.name) for e in doc.events or () if e.type == "REACT"}
    assert got == want


def test_group_reacting_to_a_shared_step_speaks_for_itself(extract: Extract) -> None:
    # Three groups listed together; a Hamas spokesman's word is Hamas's reaction only.
    text = (
        "Japan designated Hamas, Hezbollah and the Houthis as terrorist organizations on Monday.\n"
        'A Hamas spokesman called the decision "shameful".'
    )
    doc = extract(text, published="2025-03-12")
    assert {e.target.name for e in doc.events or () if e.type == "REACT"} == {"Hamas"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the Security Council owns the list named inside the trigger; Iraq is named in passing
        ("داعش عراق هنوز از فهرست تحریم‌های شورای امنیت خارج نشده است.", ("UN", "denied")),
        # a state as the clause's first word is still the subject
        ("ترکیه حماس را از فهرست تحریم‌های شورای امنیت خارج نکرده است.", ("TR", "denied")),
    ],
)
def test_list_owner_in_the_trigger_holds_the_list(extract: Extract, text: str, want: tuple[str, str]) -> None:
    got = [
        (e.actor.jurisdiction, e.modality)
        for e in extract(text, published="2025-03-01").events or ()
        if e.type == "DELIST"
    ]
    assert got == [want]


def test_call_to_reverse_is_a_second_reaction(extract: Extract) -> None:
    # Two reactors in one sentence: Norway condemns, the EU asks Ankara to undo the ban.
    text = (
        "Turkey's Constitutional Court on Monday banned the Peoples' Democratic Party.\n"
        "Norway condemned the ruling, and the European Union urged Ankara to reverse it.\n"
    )
    doc = extract(text, published="2025-03-04")
    got = {(e.actor.jurisdiction, e.stance) for e in doc.events or () if e.type == "REACT"}
    assert got == {("NO", "condemn"), ("EU", "condemn")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The next sentence opens on the step ("The removals were ...") and names
        # the day it took effect: that day dates both undated removals, not publication.
        (
            "Canada has removed Hamas and Hezbollah from its list of terrorist entities.\n"
            "The removals were announced in the gazette on Tuesday.",
            {("Hamas", "2025-03-11"), ("Hezbollah", "2025-03-11")},
        ),
        # A next sentence that does not open on the step leaves the publication date.
        (
            "Canada has removed Hamas and Hezbollah from its list of terrorist entities.\n"
            "Officials met the press on Tuesday.",
            {("Hamas", "2025-03-14"), ("Hezbollah", "2025-03-14")},
        ),
    ],
)
def test_next_sentence_on_the_step_dates_it(extract: Extract, text: str, want: set[tuple[str, str]]) -> None:
    doc = extract(text, published="2025-03-14")
    got = {(e.target.name, e.date.value if e.date else None) for e in doc.events or () if e.type == "DELIST"}
    assert got == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "banned in Kenya" after the group: Kenya banned it, not the state
        # that is the subject of the sentence around it.
        (
            "Uganda accused al-Shabaab, banned in Kenya since 2010, of a raid on the border.",
            ("LIST", "KE", "al-Shabaab"),
        ),
        # "outlawed by Britain": the state after "by" did it.
        (
            "Germany said Hezbollah, outlawed by Britain in 2019, was active in Berlin.",
            ("LIST", "GB", "Hezbollah"),
        ),
    ],
)
def test_state_after_a_passive_participle_is_the_actor(
    extract: Extract, text: str, want: tuple[str, str, str]
) -> None:
    got = {(e.type, e.actor.jurisdiction, e.target.name) for e in extract(text).events or ()}
    assert want in got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "X را همراه با A و B": every group named with it is listed too
        (
            "دادگاه عالی ازبکستان در سال ۲۰۰۴ حزب‌التحریر را همراه با القاعده و داعش ممنوع کرده بود.",
            {"Hizb ut-Tahrir", "al-Qaeda", "Islamic State"},
        ),
        # English "together with"
        (
            "Japan listed Hamas together with Hezbollah as terrorist groups in 2019.",
            {"Hamas", "Hezbollah"},
        ),
    ],
)
def test_groups_named_together_with_the_target_are_listed(
    extract: Extract, text: str, want: set[str]
) -> None:
    events = extract(text, published="2025-03-01").events or ()
    assert {e.target.name for e in events if e.type == "LIST"} == want


@pytest.mark.parametrize(
    "text",
    [
        # the movement's leader speaks for the movement
        "The US designated the Russian Imperial Movement on Monday.\n"
        'Ivan Petrov, the movement\'s leader, told reporters the designation was "a joke".',
        # "told <outlet> the list was ...": a judgement on the list by the group itself
        "Bahrain added the Muslim Brotherhood to its terrorist list on Sunday.\n"
        "The Brotherhood told state television the list was an insult.",
    ],
)
def test_group_speaking_of_its_own_listing_reacts_for_itself(extract: Extract, text: str) -> None:
    react = [e for e in extract(text, published="2025-03-07").events or () if e.type == "REACT"]
    assert [(e.actor.jurisdiction, e.modality) for e in react] == [(None, "asserted")]
    assert react[0].actor.name == react[0].target.name


def test_contrasted_clause_reacts_with_its_own_subject(extract: Extract) -> None:
    # "..., but a spokesman for the group said ...": two reactors in one sentence.
    doc = extract(
        "The UN on Monday added Boko Haram to its sanctions list.\n"
        "Nigeria's government welcomed the step, but a spokesman for Boko Haram said "
        'the group "does not care about lists".',
        published="2025-03-04",
    )
    react = {(e.actor.jurisdiction, e.stance) for e in doc.events or () if e.type == "REACT"}
    assert react == {("NG", "welcome"), (None, "condemn")}


def test_object_after_and_is_not_a_new_reactor(extract: Extract) -> None:
    # "... رد کرد و گفت به هر اقدامی علیه حماس پاسخ متقابل می‌دهد": the ministry still speaks.
    doc = extract(
        "استرالیا روز دوشنبه حماس را در فهرست سازمان‌های تروریستی قرار داد.\n"
        "وزارت خارجه قطر این تصمیم را رد کرد و گفت که به هر اقدامی علیه حماس پاسخ متقابل خواهد داد.",
        published="2025-03-04",
    )
    react = {(e.actor.jurisdiction, e.target.name) for e in doc.events or () if e.type == "REACT"}
    assert react == {("QA", "Hamas")}


def test_reaction_is_to_the_group_a_step_was_about(extract: Extract) -> None:
    # The speaker names the movement it belongs to and the listed network: the
    # listing reacted to is the network's.
    doc = extract(
        "شورای امنیت روز دوشنبه شبکه حقانی را در فهرست تحریم‌های خود گذاشت.\n"
        "سخنگوی طالبان گفت که شبکه حقانی بخشی از امارت اسلامی است و تحریم آن «هیچ تأثیری» ندارد.",
        published="2015-03-04",
    )
    react = [(e.actor.name, e.target.name, e.stance) for e in doc.events or () if e.type == "REACT"]
    assert react == [("Taliban", "Haqqani Network", "condemn")]


def test_ban_in_force_since_a_month_is_dated_by_it(extract: Extract) -> None:
    # "از اکتبر ۲۰۱۳ ممنوع است": a standing ban, dated by when it began
    doc = extract("فعالیت داعش در ترکیه بر اساس حکم دادگاه از اکتبر ۲۰۱۳ ممنوع است.", published="2025-03-01")
    got = {
        (e.type, e.modality, e.actor.jurisdiction, e.date.value if e.date else None) for e in doc.events or ()
    }
    assert got == {("LIST", "asserted", "TR", "2013-10")}


def test_declared_an_unlawful_association_is_a_listing(extract: Extract) -> None:
    doc = extract(
        "Pakistan first declared Jamaat-ud-Dawa an unlawful association in May 2018.", published="2025-03-01"
    )
    got = {
        (e.type, e.modality, e.actor.jurisdiction, e.date.value if e.date else None) for e in doc.events or ()
    }
    assert got == {("LIST", "asserted", "PK", "2018-05")}


def test_ruling_that_declared_keeps_its_own_modality(extract: Extract) -> None:
    # the appeal was rejected (a denied lifting); the ruling it leaves in force did list the group
    doc = extract(
        "Kazakhstan's Supreme Court on Monday rejected an appeal against the ban on Hizb ut-Tahrir, "
        "leaving in force a March ruling that declared the group an extremist organisation.",
        published="2025-03-01",
    )
    got = {(e.type, e.modality) for e in doc.events or ()}
    assert ("LIST", "asserted") in got
    assert ("LIST", "denied") not in got


def test_group_listed_alongside_the_target_is_listed_too(extract: Extract) -> None:
    doc = extract(
        "New Zealand listed Hamas as a terrorist entity in 2010, alongside Hezbollah.", published="2025-03-01"
    )
    assert {(e.type, e.target.name) for e in doc.events or ()} == {("LIST", "Hamas"), ("LIST", "Hezbollah")}


def test_the_group_after_several_points_to_the_one_the_article_is_about(extract: Extract) -> None:
    # The article is about The Base; a companion named once is not what "the group" means.
    doc = extract(
        "Britain to ban The Base\n"
        "The Home Office said The Base would be proscribed from Friday.\n"
        "Canada listed The Base as a terrorist entity in February, alongside the Proud Boys.\n"
        "Japan has not designated the group.",
        published="2021-07-13",
    )
    denied = {e.target.name for e in doc.events or () if e.modality == "denied"}
    assert denied == {"The Base"}


@pytest.mark.parametrize(
    "text",
    [
        # a ruling that called the group terrorist, annulled by a higher court
        "دادگاه عالی اردن حکم دادگاه پایین‌تر را که اخوان‌المسلمین را گروهی تروریستی خوانده بود، لغو کرد.",
        # the ruling named by what it said («تروریستی» بودن)
        "دادگاه قانون اساسی اردن حکم «تروریستی» بودن اخوان‌المسلمین را نقض کرد.",
    ],
)
def test_annulled_ruling_that_listed_is_a_delisting(extract: Extract, text: str) -> None:
    doc = extract(text, published="2025-03-01")
    assert {(e.type, e.modality, e.actor.jurisdiction) for e in doc.events or ()} == {
        ("DELIST", "asserted", "JO")
    }


def test_each_clause_joined_after_a_judging_verb_has_its_own_state(extract: Extract) -> None:
    # "X ... می‌دانند و Y نیز از سال ... در فهرست خود نگه داشته است": Y's own listing
    doc = extract(
        "ژاپن حزب‌الله را سازمانی تروریستی می‌داند و کانادا نیز از سال ۲۰۰۲ این گروه را در فهرست خود نگه داشته است.",
        published="2025-03-01",
    )
    got = {(e.actor.jurisdiction, e.date.value if e.date else None) for e in doc.events or ()}
    assert ("CA", "2002") in got


def test_capital_named_like_a_weekday_does_not_date_the_event(extract: Extract) -> None:
    # «دوشنبه» as the subject is Dushanbe (Tajikistan), not Monday.
    doc = extract(
        "وزیر خارجه تاجیکستان روز پنج‌شنبه گفت که دوشنبه امارت اسلامی را به رسمیت نخواهد شناخت.",
        published="2025-07-18",
    )
    got = [(e.type, e.actor.jurisdiction, e.date.value if e.date else None) for e in doc.events or ()]
    assert got == [("RECOGNIZE", "TJ", "2025-07-17")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # two states as one subject: each listed the group
        ("پاراگوئه و آرژانتین حزب‌الله را در فهرست سازمان‌های تروریستی قرار دادند.", {"PY", "AR"}),
        # a metonym and a body joined by "و", both "قرار داده بودند"
        (
            "لندن و شورای امنیت سازمان ملل هر دو در سال ۲۰۰۱ القاعده را در فهرست تحریم‌های خود قرار داده بودند.",
            {"GB", "UN"},
        ),
        # English, three states enumerated
        ("Japan, Canada and Australia listed Hamas as a terrorist organisation.", {"JP", "CA", "AU"}),
        # the ambassador of another state beside the subject is no second subject
        ("استرالیا سفیر ایران را اخراج کرد و سپاه پاسداران را در فهرست تروریستی قرار داد.", {"AU"}),
    ],
)
def test_coordinated_subjects_each_take_the_step(extract: Extract, text: str, want: set[str]) -> None:
    events = extract(text, published="2025-03-01").events or ()
    assert {e.actor.jurisdiction for e in events if e.type == "LIST"} == want


def test_joint_request_is_not_a_step_by_each_requester(extract: Extract) -> None:
    # Two states asking the UN to list a group: no listing by either of them twice over.
    doc = extract(
        "هند و فرانسه خواهان درج نام لشکر طیبه در فهرست تحریم‌های سازمان ملل شدند.", published="2025-03-01"
    )
    assert len([e for e in doc.events or () if e.type == "LIST"]) == 1


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "will take the same decision" in its own sentence repeats the step before
        (
            "پاراگوئه روز دوشنبه حزب‌الله را در فهرست سازمان‌های تروریستی قرار داد.\n"
            "برزیل نیز اعلام کرد که به‌زودی همین تصمیم را خواهد گرفت.",
            {("LIST", "asserted", "PY"), ("LIST", "planned", "BR")},
        ),
        # English "followed suit" a sentence later
        (
            "Paraguay listed Hezbollah as a terrorist organisation on Monday.\nBrazil followed suit on Friday.",
            {("LIST", "asserted", "PY"), ("LIST", "asserted", "BR")},
        ),
    ],
)
def test_did_the_same_repeats_the_step_before(
    extract: Extract, text: str, want: set[tuple[str, str, str]]
) -> None:
    doc = extract(text, published="2025-03-08")
    assert {(e.type, e.modality, e.actor.jurisdiction) for e in doc.events or ()} == want


def test_this_magazine_points_back_to_the_banned_outlet(extract: Extract) -> None:
    doc = extract(
        "دادگاه آلمان ممنوعیت مجله «کامپکت» را لغو کرد.\n"
        "وزیر کشور آلمان در ژوئیه ۲۰۲۴ این مجله را ممنوع کرده بود.",
        published="2025-06-25",
    )
    got = {(e.type, e.target.name, e.date.value if e.date else None) for e in doc.events or ()}
    assert ("LIST", "Compact", "2024-07") in got


def test_ban_order_taking_effect_is_a_listing(extract: Extract) -> None:
    # "فرمان ممنوعیت ... اجرایی شد": the order is in force, a long relative clause between
    doc = extract(
        "فرمان ممنوعیت گروه «واگنر» که وزیر کشور بریتانیا هفته پیش به پارلمان برده بود، "
        "پس از تصویب هر دو مجلس از روز جمعه، ۲۴ شهریور، اجرایی شد.",
        published="2023-09-16",
    )
    assert {(e.type, e.modality, e.target.name) for e in doc.events or ()} == {
        ("LIST", "asserted", "Wagner Group")
    }


def test_titled_official_with_no_state_speaks_for_the_state(extract: Extract) -> None:
    # "X, the interior minister, said he respects the ruling": Germany reacts, not a person on his own.
    doc = extract(
        "دادگاه اداری آلمان ممنوعیت حزب‌التحریر را لغو کرد.\n"
        "یوهان مولر، وزیر کشور، گفت که به حکم دادگاه احترام می‌گذارد.",
        published="2025-06-25",
    )
    react = [(e.actor.jurisdiction, e.stance) for e in doc.events or () if e.type == "REACT"]
    assert react == [("DE", "other")]


def test_quoted_names_joined_by_and_are_each_listed(extract: Extract) -> None:
    doc = extract(
        "دولت کانادا روز چهارشنبه گروه‌های «خون و افتخار» و «کامبت ۱۸» را به فهرست نهادهای تروریستی افزود.",
        published="2019-06-27",
    )
    assert {e.target.name for e in doc.events or () if e.type == "LIST"} == {"Blood & Honour", "Combat 18"}


def test_quotation_after_said_is_the_speakers_reaction(extract: Extract) -> None:
    doc = extract(
        "روسیه روز دوشنبه نام طالبان را از فهرست سازمان‌های ممنوعه حذف کرد.\n"
        "ذبیح‌الله مجاهد، سخنگوی امارت اسلامی، گفت:\n"
        "«این گام مثبتی است.»",
        published="2025-04-22",
    )
    react = [(e.actor.jurisdiction, e.stance) for e in doc.events or () if e.type == "REACT"]
    assert react == [("AF", "welcome")]


def test_unnamed_ministry_in_an_iranian_report_is_irans(extract: Extract) -> None:
    # The vocabulary (ژوئن، وزارت امور خارجه) marks an Iranian outlet; its unnamed ministry reacts.
    doc = extract(
        "وزارت خزانه‌داری آمریکا روز سه‌شنبه ۲۵ خرداد (۱۵ ژوئن) کتائب حزب‌الله را در فهرست تحریم‌های خود قرار داد.\n"
        "آمریکا پیش‌تر در ژوئیه ۲۰۰۹ این گروه را در فهرست سازمان‌های تروریستی خارجی گنجانده بود.\n"
        "سخنگوی وزارت امور خارجه این اقدام را «غیرقانونی» خواند.",
        published="2025-06-16",
    )
    react = [e.actor.jurisdiction for e in doc.events or () if e.type == "REACT"]
    assert react == ["IR"]


def test_modality_of_a_relative_clause_after_the_trigger_is_its_own(extract: Extract) -> None:
    # "... in the list of groups whose assets must be frozen": the listing itself was done.
    doc = extract(
        "دولت عراق حزب‌الله را در فهرست گروه‌هایی گنجاند که دارایی‌هایشان باید مسدود شود.",
        published="2025-11-20",
    )
    assert [e.modality for e in doc.events or ()] == ["asserted"]


def test_disappointment_is_a_reaction(extract: Extract) -> None:
    doc = extract(
        "Russia's Supreme Court banned Hizb ut-Tahrir on Thursday.\n"
        "Hizb ut-Tahrir said it was deeply disappointed by the ruling.",
        published="2025-04-22",
    )
    assert [e.type for e in doc.events or () if e.type == "REACT"] == ["REACT"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "the names ... will soon be removed" (نام ... حذف خواهد شد): a planned delisting
        (
            "اردن ماه گذشته حماس را در فهرست گروه‌های تروریستی قرار داد.\n"
            "دولت اردن روز پنج‌شنبه اعلام کرد که نام این گروه به اشتباه در فهرست آمده و به‌زودی حذف خواهد شد.",
            ("DELIST", "planned"),
        ),
        # "will ask the court to suspend the ban" (از دادگاه خواهند خواست): a possible suspension
        (
            "پاکستان روز یکشنبه تحریک لبیک پاکستان را ممنوع اعلام کرد.\n"
            "رهبران این گروه گفته‌اند که از دادگاه عالی خواهند خواست این ممنوعیت را به حالت تعلیق درآورد.",
            ("SUSPEND", "possible"),
        ),
    ],
)
def test_second_step_after_a_listing(extract: Extract, text: str, want: tuple[str, str]) -> None:
    doc = extract(text, published="2025-03-08")
    assert want in {(e.type, e.modality) for e in doc.events or ()}


@pytest.mark.parametrize(
    "text",
    [
        # a nominalised step judged: "گنجاندن نام X در این فهرست را «خیانت» خواند"
        "عراق روز دوشنبه حزب‌الله را در فهرست تحریم‌های خود گنجاند.\n"
        "کتائب حزب‌الله گنجاندن نام حزب‌الله در این فهرست را «خیانت» خواند.",
        # the present tense: "این حکم را «غیرقانونی» می‌داند"
        "وزارت کشور آلمان روز چهارشنبه حزب‌التحریر را ممنوع اعلام کرد.\n"
        "حزب‌التحریر اعلام کرده است که این حکم را «غیرقانونی» می‌داند.",
        # defiance in a quotation: «با ممنوعیت نمی‌توان ...»
        "پاکستان روز یکشنبه تحریک لبیک پاکستان را ممنوع اعلام کرد.\n"
        "رهبر تحریک لبیک پاکستان گفت:\n«با ممنوعیت نمی‌توان صدای ما را خاموش کرد.»",
    ],
)
def test_group_side_judging_a_step_reacts(extract: Extract, text: str) -> None:
    react = [e for e in extract(text, published="2025-03-08").events or () if e.type == "REACT"]
    assert [(e.actor.jurisdiction, e.modality) for e in react] == [(None, "asserted")]


def test_the_cartel_points_back_and_each_state_lists_it(extract: Extract) -> None:
    doc = extract(
        "The US designated the Sinaloa Cartel on Monday.\n"
        "Ecuador and Argentina declared the cartel a terrorist organisation in August.",
        published="2025-09-08",
    )
    got = {(e.actor.jurisdiction, e.target.name) for e in doc.events or ()}
    assert {("EC", "Sinaloa Cartel"), ("AR", "Sinaloa Cartel")} <= got


def test_these_two_groups_are_the_two_the_article_is_about(extract: Extract) -> None:
    # Four groups banned, two of them the story; "these two groups" are those two.
    doc = extract(
        "پاکستان حزب‌التحریر و جیش محمد را ممنوع کرد\n"
        "دولت پاکستان روز شنبه اعلام کرد که حزب‌التحریر و جیش محمد در این کشور ممنوع شده‌اند.\n"
        "او همچنین لشکر طیبه و سپاه صحابه پاکستان را غیرقانونی اعلام کرد.\n"
        "بریتانیا این دو گروه را در ماه دسمبر در فهرست سازمان‌های ممنوعه خود قرار داده بود.",
        published="2025-01-13",
    )
    got = {e.target.name for e in doc.events or () if e.actor.jurisdiction == "GB"}
    assert got == {"Hizb ut-Tahrir", "Jaish-e-Mohammed"}


def test_non_state_reactions_of_different_speakers_stay_apart(extract: Extract) -> None:
    # the group, a former president and a rights group: three reactions, none by a state
    doc = extract(
        "پاکستان روز یکشنبه تحریک لبیک پاکستان را ممنوع اعلام کرد.\n"
        "رهبر تحریک لبیک پاکستان این تصمیم را «ظالمانه» خواند.\n"
        "نواز شریف، نخست‌وزیر پیشین پاکستان، این تصمیم را «نادرست» خواند.\n"
        "سازمان عفو بین‌الملل گفته است که ممنوعیت این گروه باید فوراً برداشته شود.",
        published="2025-03-10",
    )
    react = [e for e in doc.events or () if e.type == "REACT"]
    assert len(react) == 3
    assert {e.actor.jurisdiction for e in react} == {None}
    assert not [e for e in doc.events or () if e.type == "DELIST"]


def test_both_groups_count_an_older_listing_too(extract: Extract) -> None:
    # the second group is named only in a background listing; "هر دو گروه" still means both
    doc = extract(
        "آمریکا روز سه‌شنبه سرایا المختار را در فهرست تروریست‌های جهانی ویژه قرار داد.\n"
        "آمریکا پیش‌تر در ژوئیه ۲۰۱۸ سرایا الاشتر را در فهرست سازمان‌های تروریستی خارجی گنجانده بود.\n"
        "دولت بحرین هر دو گروه را در سال ۲۰۱۴ تروریستی اعلام کرده بود.",
        published="2020-12-16",
    )
    got = {e.target.name for e in doc.events or () if e.actor.jurisdiction == "BH"}
    assert got == {"Saraya al-Mukhtar", "al-Ashtar Brigades"}


def test_plural_anaphor_in_another_clause_is_not_the_object(extract: Extract) -> None:
    doc = extract(
        "اسرائیل روز جمعه مؤسسه الحق و انجمن الضمیر را تروریستی اعلام کرد.\n"
        "تل‌آویو مدعی است که این نهادها با جبهه خلق برای آزادی فلسطین ارتباط دارند؛ "
        "گروهی که آمریکا از سال ۱۹۹۷ در فهرست سازمان‌های تروریستی خارجی خود نگه داشته است.",
        published="2021-10-23",
    )
    got = {e.target.name for e in doc.events or () if e.actor.jurisdiction == "US"}
    assert got == {"Popular Front for the Liberation of Palestine"}


def test_bare_listed_with_its_object_is_a_listing(extract: Extract) -> None:
    doc = extract("Paraguay listed Hezbollah in August 2019, weeks after Argentina.", published="2024-07-13")
    got = {(e.type, e.actor.jurisdiction, e.date.value if e.date else None) for e in doc.events or ()}
    assert ("LIST", "PY", "2019-08") in got


def test_judging_the_step_in_a_quotation_is_a_reaction(extract: Extract) -> None:
    doc = extract(
        "امریکا روز چهارشنبه حزب‌المجاهدین را سازمان تروریستی خارجی معرفی کرد.\n"
        "دفتر خارجه پاکستان در اعلامیه‌ای گفت:\n"
        "«نام‌گذاری گروهی که برای مردم کشمیر مبارزه می‌کند، کاملاً ناموجه است.»",
        published="2017-08-17",
    )
    assert [e.actor.jurisdiction for e in doc.events or () if e.type == "REACT"] == ["PK"]


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        # the de facto government's body named with it
        (
            "Russia's Supreme Court suspended the ban on the Taliban on Thursday.\n"
            "The Taliban's foreign ministry welcomed the ruling.",
            "2025-04-18",
            ("AF", "foreign ministry"),
        ),
        # a state's government with an adjective between
        (
            "The UN added al-Shabaab to its sanctions list on Monday.\n"
            "Somalia's transitional government welcomed the decision.",
            "2010-04-13",
            ("SO", "government"),
        ),
        # the Palestinian Authority's ministry (تشکیلات خودگردان فلسطین)
        (
            "اسرائیل روز جمعه مؤسسه الحق را تروریستی اعلام کرد.\n"
            "وزارت امور خارجه تشکیلات خودگردان فلسطین این اقدام را محکوم کرد.",
            "2021-10-23",
            ("PS", "foreign ministry"),
        ),
    ],
)
def test_reaction_authority_is_the_body_that_spoke(
    extract: Extract, text: str, published: str, want: tuple[str, str]
) -> None:
    react = [e for e in extract(text, published=published).events or () if e.type == "REACT"]
    assert [(e.actor.jurisdiction, e.authority) for e in react] == [want]


def test_standing_refusal_takes_no_office_from_elsewhere(extract: Extract) -> None:
    # the State Department listed the group; "the US has not listed" the other is no office's act
    doc = extract(
        "The State Department on Monday designated Tehrik-i-Taliban Pakistan as a foreign terrorist organisation.\n"
        "The United States has not listed the Afghan Taliban.",
        published="2010-09-02",
    )
    denied = [e.authority for e in doc.events or () if e.modality == "denied"]
    assert denied == [None]


def test_war_minister_is_the_defence_minister(extract: Extract) -> None:
    doc = extract(
        "بنی گانتس، وزیر جنگ رژیم صهیونیستی، روز جمعه مؤسسه الحق را تروریستی اعلام کرد.",
        published="2021-10-23",
    )
    assert [(e.actor.jurisdiction, e.authority) for e in doc.events or ()] == [("IL", "defence ministry")]


@pytest.mark.parametrize(
    "text",
    [
        "A Berlin court on Tuesday temporarily lifted the ban on Hizb ut-Tahrir pending a full hearing.",
        "Britain's High Court put the proscription of Palestine Action on hold until the appeal is heard.",
        "A German judge halted enforcement of the ban on Samidoun while the case continues.",
        "دادگاه اداری برلین روز سه‌شنبه ممنوعیت حزب‌التحریر را به طور موقت لغو کرد.",
        "دادگاه عالی آلمان اجرای ممنوعیت فعالیت حزب‌التحریر را تا صدور حکم نهایی متوقف کرد.",
    ],
)
def test_a_ban_lifted_for_the_time_being_is_suspended(extract: Extract, text: str) -> None:
    doc = extract(text, published="2025-03-05")
    assert [e.type for e in doc.events or ()] == ["SUSPEND"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a state asking the Security Council to list: the Council's possible listing
        (
            "وزارت خارجه افغانستان گفته است که از شورای امنیت سازمان ملل خواهد خواست "
            "داعش خراسان را در فهرست تحریم‌های خود قرار دهد.",
            ("UN", "security council"),
        ),
        # English: "urged the EU to designate"
        ("Israel urged the European Union to designate the IRGC as a terrorist organisation.", ("EU", None)),
    ],
)
def test_request_to_another_body_is_that_bodys_possible_listing(
    extract: Extract, text: str, want: tuple[str, str | None]
) -> None:
    doc = extract(text, published="2025-03-05")
    assert [(e.modality, e.actor.jurisdiction, e.authority) for e in doc.events or ()] == [
        ("possible", *want)
    ]


def test_own_prosecutor_asking_own_court_stays_the_prosecutors(extract: Extract) -> None:
    doc = extract(
        "دادستانی کل روسیه روز دوشنبه از دادگاه عالی این کشور خواست که حزب‌التحریر را ممنوع کند.",
        published="2025-03-05",
    )
    assert [(e.actor.jurisdiction, e.authority) for e in doc.events or ()] == [("RU", "prosecutor")]


def test_relative_clause_with_its_own_subject_is_about_its_head(extract: Extract) -> None:
    # "..., the al-Nusra Front, which Whitehall had proscribed": al-Nusra is the one proscribed then
    doc = extract(
        "Britain banned Hayat Tahrir al-Sham in 2017 as an alias of the al-Nusra Front, "
        "which Whitehall had proscribed in 2013.",
        published="2025-10-17",
    )
    got = {(e.target.name, e.date.value if e.date else None) for e in doc.events or ()}
    assert ("al-Nusra Front", "2013") in got
    assert ("Hayat Tahrir al-Sham", "2013") not in got


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("وزارت خارجه ایران این اقدام را به شدت تقبیح کرد.", "condemn"),
        ("تهران سفیر آلمان را در اعتراض به این تصمیم احضار کرد.", "condemn"),
        ("وزارت خارجه پاکستان از این تصمیم ابراز خرسندی کرد.", "welcome"),
        ("Iran summoned the German ambassador over the decision.", "condemn"),
        ("India's foreign ministry applauded the decision.", "welcome"),
        ("Qatar expressed regret over the decision.", "other"),
    ],
)
def test_reaction_wordings(extract: Extract, text: str, stance: str) -> None:
    lead = (
        "وزارت کشور آلمان روز چهارشنبه حزب‌التحریر را ممنوع اعلام کرد.\n"
        if not text.isascii()
        else "Germany banned Hizb ut-Tahrir on Wednesday.\n"
    )
    react = [e for e in extract(lead + text, published="2025-03-06").events or () if e.type == "REACT"]
    assert [e.stance for e in react] == [stance]


def test_a_call_to_revoke_is_a_reaction_not_a_revocation(extract: Extract) -> None:
    doc = extract(
        "Britain proscribed Palestine Action on 5 July.\n"
        "The UN rights chief urged London to revoke the proscription.",
        published="2025-07-31",
    )
    assert {e.type for e in doc.events or ()} == {"LIST", "REACT"}


def test_group_owning_a_ban_is_not_banned(extract: Extract) -> None:
    # "the Taliban's ban on women": the Taliban made the ban
    doc = extract(
        "Australia postponed the series, citing the Taliban's ban on women playing sport.",
        published="2024-03-20",
    )
    assert not doc.events


def test_state_ministry_speaking_of_a_group_is_the_state(extract: Extract) -> None:
    doc = extract(
        "پاراگوئه روز دوشنبه حزب‌الله را در فهرست گروه‌های تروریستی قرار داد.\n"
        "وزارت امور خارجه ایران قرار گرفتن نام حزب‌الله در این فهرست را محکوم کرد.",
        published="2019-08-20",
    )
    assert [e.actor.jurisdiction for e in doc.events or () if e.type == "REACT"] == ["IR"]


def test_reaction_to_a_step_against_these_two_groups_is_to_both(extract: Extract) -> None:
    doc = extract(
        "پاراگوئه روز دوشنبه حزب‌الله و حماس را سازمان‌های تروریستی اعلام کرد.\n"
        "آرژانتین در ژوئیه ۲۰۱۹ حزب‌الله را سازمانی تروریستی اعلام کرده بود.\n"
        "وزیر خارجه آمریکا از اقدام پاراگوئه علیه این دو گروه قدردانی کرد.",
        published="2019-08-20",
    )
    got = {e.target.name for e in doc.events or () if e.type == "REACT"}
    assert got == {"Hezbollah", "Hamas"}


@pytest.mark.parametrize(
    "text",
    [
        "دادگاه عمومی اتحادیه اروپا روز سه‌شنبه تصمیم شورا برای نگه داشتن نام حماس در فهرست تروریستی را باطل کرد.",
        "The EU General Court on Tuesday annulled the Council's decisions to keep Hamas on its terrorist list.",
    ],
)
def test_annulling_the_decision_to_keep_a_group_listed_delists(extract: Extract, text: str) -> None:
    doc = extract(text, published="2025-03-05")
    assert [(e.type, e.actor.jurisdiction) for e in doc.events or ()] == [("DELIST", "EU")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # France bans an association by a decree dissolving it; its court suspends the decree
        (
            "France's Council of State on Friday suspended the government's decree dissolving Génération identitaire.",
            {("SUSPEND", "asserted", "FR")},
        ),
        (
            "France's interior minister said the government would dissolve Génération identitaire.",
            {("LIST", "planned", "FR")},
        ),
        # a group dissolving itself is no ban
        ("The PKK announced its dissolution on Monday, Turkish media said.", set()),
        # Persian: the dissolution announced (انحلال ... را اعلام کرده بود)
        (
            "وزیر کشور فرانسه انحلال گروه «نسل هویت‌گرا» را در ماه مارس اعلام کرده بود.",
            {("LIST", "asserted", "FR")},
        ),
    ],
)
def test_dissolving_an_association_is_banning_it(
    extract: Extract, text: str, want: set[tuple[str, str, str]]
) -> None:
    doc = extract(text, published="2025-03-08")
    assert {(e.type, e.modality, e.actor.jurisdiction) for e in doc.events or ()} == want


def test_both_groups_include_one_named_in_passing(extract: Extract) -> None:
    # the Fatemiyoun is named only as the Zainabiyoun's counterpart; "both groups" are the two
    doc = extract(
        "پاکستان روز سه‌شنبه لوای زینبیون را ممنوع اعلام کرد.\n"
        "لوای زینبیون همتای لوای فاطمیون است.\n"
        "وزارت خزانه‌داری امریکا در ژانویه ۲۰۱۹ هر دو گروه را در فهرست تروریستان جهانی ویژه قرار داده بود.",
        published="2024-04-03",
    )
    got = {e.target.name for e in doc.events or () if e.actor.jurisdiction == "US"}
    assert got == {"Zainabiyoun Brigade", "Fatemiyoun Division"}


def test_passive_subject_is_the_target(extract: Extract) -> None:
    doc = extract(
        "India banned the Popular Front of India on Tuesday.\n"
        "The Social Democratic Party of India, seen as the PFI's political wing, has not been banned.",
        published="2022-09-29",
    )
    denied = {e.target.name for e in doc.events or () if e.modality == "denied"}
    assert denied == {"Social Democratic Party of India"}


def test_appeal_rejected_against_the_ruling_that_declared(extract: Extract) -> None:
    doc = extract(
        "A Russian appeals court on Wednesday rejected an appeal against the ruling that declared "
        "the Anti-Corruption Foundation an extremist organisation.",
        published="2021-08-05",
    )
    got = {(e.type, e.modality, e.actor.jurisdiction) for e in doc.events or ()}
    assert ("DELIST", "denied", "RU") in got
    assert ("LIST", "asserted", "RU") in got


def test_one_of_the_groups_leaders_speaks_for_it(extract: Extract) -> None:
    doc = extract(
        "اتحادیه اروپا روز دوشنبه نام سازمان مجاهدین خلق را از فهرست تروریستی حذف کرد.\n"
        "مریم رجوی، از رهبران این سازمان، گفت:\n«امروز روز پیروزی عدالت است.»",
        published="2009-01-27",
    )
    assert [(e.actor.jurisdiction, e.stance) for e in doc.events or () if e.type == "REACT"] == [
        (None, "welcome")
    ]


def test_ruling_in_a_relative_clause_takes_no_date_from_the_main_clause(extract: Extract) -> None:
    doc = extract(
        "A Russian appeals court on Wednesday rejected an appeal against the ruling that declared "
        "the Anti-Corruption Foundation an extremist organisation.",
        published="2021-08-05",
    )
    listing = [e for e in doc.events or () if e.type == "LIST"]
    assert [e.date for e in listing] == [None]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "دیوان عالی روسیه روز چهارشنبه جنبش کلمباین را تروریستی اعلام کرد.\n"
            "همین دادگاه پیش‌تر در اوت ۲۰۲۰ جنبش آئوئه را افراطی خوانده و ممنوع کرده بود.",
            "supreme court",
        ),
        (
            "France's Council of State on Friday suspended the decree dissolving Génération identitaire.\n"
            "The same court suspended the dissolution of the antifascist group GALE in May 2022.",
            "court",
        ),
    ],
)
def test_the_same_court_is_the_court_named_before(extract: Extract, text: str, want: str) -> None:
    events = extract(text, published="2023-08-12").events or ()
    assert all(e.authority == want for e in events), [(e.target.name, e.authority) for e in events]
    assert len(events) == 2


def test_names_ending_in_hamza_are_coordinated(extract: Extract) -> None:
    # «حرکت النجباء، کتائب سیدالشهداء و کتائب امام علی»: three groups, the hamza part of each name
    doc = extract(
        "وزارت خارجه آمریکا روز چهارشنبه اعلام کرد که حرکت النجباء، کتائب سیدالشهداء و کتائب امام علی "
        "را در فهرست سازمان‌های تروریستی خارجی قرار داده است.",
        published="2025-09-18",
    )
    assert len([e for e in doc.events or () if e.type == "LIST"]) == 3


def test_each_clause_lists_its_own_group_with_its_own_date(extract: Extract) -> None:
    doc = extract(
        "حرکت النجباء از ۱۴ اسفند ۱۳۹۷ در فهرست تروریست‌های جهانی ویژه آمریکا قرار داشت و "
        "کتائب حزب‌الله، متحد نزدیک این گروه‌ها، از ۱۱ تیر ۱۳۸۸ سازمان تروریستی خارجی شمرده می‌شود.",
        published="2025-09-18",
    )
    got = {(e.target.name, e.date.value if e.date else None) for e in doc.events or ()}
    assert got == {("Harakat Hezbollah al-Nujaba", "2019-03-05"), ("Kata'ib Hezbollah", "2009-07-02")}


@pytest.mark.parametrize(
    "text",
    [
        'A Moscow court declared the Anti-Corruption Foundation and its regional network "extremist" on Wednesday.',
        "دادگاه مسکو روز چهارشنبه بنیاد مبارزه با فساد را «افراطی» اعلام کرد.",
    ],
)
def test_declared_extremist_is_a_ban(extract: Extract, text: str) -> None:
    doc = extract(text, published="2021-06-10")
    assert [(e.type, e.actor.jurisdiction) for e in doc.events or ()] == [("LIST", "RU")]


def test_a_state_does_not_designate_its_own_organ(extract: Extract) -> None:
    # "... declared US Central Command (CENTCOM) terrorist": the US is named only as CENTCOM's state
    doc = extract(
        "شورای عالی امنیت ملی ایران روز دوشنبه فرماندهی مرکزی ایالات متحده (سنتکام) را سازمانی تروریستی اعلام کرد.",
        published="2019-04-09",
    )
    assert [(e.type, e.actor.jurisdiction) for e in doc.events or ()] == [("LIST", "IR")]


def test_the_government_before_any_step_is_the_state_the_article_names(extract: Extract) -> None:
    doc = extract(
        "New Zealand names Proud Boys as terrorist entity\n"
        "Security agencies warned of online extremist networks.\n"
        "On Tuesday the government designated the Proud Boys as a terrorist entity.",
        published="2022-06-22",
    )
    got = {(e.actor.jurisdiction, e.authority, e.date.value if e.date else None) for e in doc.events or ()}
    assert got == {("NZ", "government", "2022-06-21")}


def test_both_groups_in_another_clause_are_not_this_clauses_object(extract: Extract) -> None:
    doc = extract(
        "New Zealand designated the Proud Boys and The Base on Tuesday.\n"
        "Canada listed both groups in February 2021, and Britain proscribed The Base that July.",
        published="2022-06-22",
    )
    got = {e.target.name for e in doc.events or () if e.actor.jurisdiction == "GB"}
    assert got == {"The Base"}


def test_decision_then_gazette_are_two_stages(extract: Extract) -> None:
    doc = extract(
        "Bangladesh bans the Awami League\n"
        "The interim government decided on Saturday night to ban all activities of the Awami League, "
        "and a gazette notice issued on Monday put the ban into effect.",
        published="2025-05-13",
    )
    got = {(e.modality, e.date.value if e.date else None) for e in doc.events or ()}
    assert got == {("planned", "2025-05-10"), ("asserted", "2025-05-12")}


@pytest.mark.parametrize(
    "text",
    [
        # a question whether a step happened reports none
        "Egypt removed 716 people from its terrorism lists on Sunday.\n"
        "The prosecution did not say whether the Muslim Brotherhood had been taken off the list of entities.",
        # a reaction to a step that is not a designation
        "Egypt pardoned 700 prisoners on Sunday.\nA Muslim Brotherhood spokesman dismissed the move as a gesture.",
    ],
)
def test_no_group_event_from_questions_or_unrelated_moves(extract: Extract, text: str) -> None:
    assert not [
        e for e in extract(text, published="2024-11-25").events or () if e.target.name == "Muslim Brotherhood"
    ]


def test_has_not_on_its_list_is_denied_and_takes_no_date_across_a_semicolon(extract: Extract) -> None:
    doc = extract(
        "چین نیز نام حماس را در فهرست خود ندارد؛ در مقابل، آمریکا از سال ۱۹۹۷ این جنبش را تروریستی اعلام کرده است.",
        published="2023-10-27",
    )
    china = [
        (e.modality, e.date.value if e.date else None)
        for e in doc.events or ()
        if e.actor.jurisdiction == "CN"
    ]
    assert china == [("denied", "2023-10-27")] or china == [("denied", None)]


def test_welcoming_a_refusal_is_an_asserted_reaction(extract: Extract) -> None:
    doc = extract(
        "روسیه روز پنجشنبه گفت حماس را سازمانی تروریستی نمی‌داند.\n"
        "حماس در بیانیه‌ای از اینکه مسکو این جنبش را تروریستی نمی‌داند قدردانی کرد.",
        published="2023-10-27",
    )
    assert [e.modality for e in doc.events or () if e.type == "REACT"] == ["asserted"]


def test_interim_government_as_subject_is_the_government(extract: Extract) -> None:
    doc = extract(
        "Bangladesh bans the Awami League\nThe interim government banned the Awami League on Monday.",
        published="2025-05-13",
    )
    assert {(e.actor.jurisdiction, e.authority) for e in doc.events or ()} == {("BD", "government")}


def test_letter_that_lower_cases_to_two_keeps_offsets(extract: Extract) -> None:
    # "İ" lower-cases to two characters; the rest of the text must still be read in place.
    doc = extract(
        "İzmir police said.\nTurkey listed Hamas as a terrorist organisation in 2024.", published="2025-03-01"
    )
    assert [(e.actor.jurisdiction, e.date.value if e.date else None) for e in doc.events or ()] == [
        ("TR", "2024")
    ]


def test_state_opening_the_clause_after_a_colon_takes_no_step(extract: Extract) -> None:
    # "...: دوشنبه ... هیچ گامی برای بیرون کردن آن از فهرست برنداشته است" — Tajikistan, denied
    doc = extract(
        "موضع تاجیکستان تغییری نکرده است: دوشنبه که از نخستین روزهای حکومت طالبان منتقد این گروه بوده، "
        "تا کنون هیچ گامی برای بیرون کردن آن از فهرست سازمان‌های ممنوعه خود برنداشته است.",
        published="2025-05-12",
    )
    assert [(e.type, e.modality, e.actor.jurisdiction) for e in doc.events or ()] == [
        ("DELIST", "denied", "TJ")
    ]


def test_calling_a_named_days_decision_illegal_is_a_reaction(extract: Extract) -> None:
    doc = extract(
        "Bangladesh banned the Awami League on Saturday.\n"
        'The Awami League called Saturday\'s decision "illegal" and said it would keep organising.',
        published="2025-05-13",
    )
    assert [(e.actor.jurisdiction, e.stance) for e in doc.events or () if e.type == "REACT"] == [
        (None, "condemn")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "South Korea's Constitutional Court on Friday ordered the dissolution of the Unified Progressive Party.",
            ("LIST", "asserted", "KR"),
        ),
        (
            "A Nigerian court refused to lift the terrorism label on the Indigenous People of Biafra.",
            ("DELIST", "denied", "NG"),
        ),
    ],
)
def test_court_orders_on_a_group(extract: Extract, text: str, want: tuple[str, str, str]) -> None:
    doc = extract(text, published="2018-01-19")
    assert want in {(e.type, e.modality, e.actor.jurisdiction) for e in doc.events or ()}


def test_recognising_lists_is_no_recognition_and_not_declared_is_denied(extract: Extract) -> None:
    doc = extract(
        "برزیل تنها فهرست‌های شورای امنیت سازمان ملل را به رسمیت می‌شناسد و تاکنون حماس را تروریستی اعلام نکرده است.",
        published="2025-05-09",
    )
    assert [(e.type, e.modality) for e in doc.events or ()] == [("LIST", "denied")]


def test_that_ban_is_the_step_named_last(extract: Extract) -> None:
    doc = extract(
        "Bangladesh banned the Awami League on Monday.\n"
        "The previous government had banned Jamaat-e-Islami Bangladesh on 1 August 2024.\n"
        "Less than a month later, on 28 August, the interim administration lifted that ban.",
        published="2025-05-13",
    )
    got = {(e.type, e.target.name) for e in doc.events or () if e.type == "DELIST"}
    assert got == {("DELIST", "Jamaat-e-Islami")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a decree for a dissolution annulled
        (
            "شورای دولتی فرانسه روز پنج‌شنبه فرمان دولت برای انحلال «خیزش‌های زمین» را لغو کرد.",
            ("DELIST", "asserted"),
        ),
        # a dissolution upheld: the court refuses to lift it
        ("شورای دولتی فرانسه روز پنج‌شنبه انحلال گروه «آلواریوم» را تأیید کرد.", ("DELIST", "denied")),
        (
            "Germany's Federal Administrative Court upheld the ban on Hizb ut-Tahrir on Tuesday.",
            ("DELIST", "denied"),
        ),
    ],
)
def test_courts_annulling_or_upholding_a_ban(extract: Extract, text: str, want: tuple[str, str]) -> None:
    doc = extract(text, published="2023-11-10")
    assert want in {(e.type, e.modality) for e in doc.events or ()}


def test_object_marker_names_the_object_not_the_group_in_the_charge(extract: Extract) -> None:
    doc = extract(
        "دادگاه قانون اساسی ترکیه روز جمعه حزب جامعه دموکراتیک را به اتهام ارتباط با پ‌ک‌ک منحل کرد.",
        published="2009-12-12",
    )
    assert {e.target.name for e in doc.events or ()} == {"Democratic Society Party"}


def test_respect_for_a_ruling_named_at_length_is_a_reaction(extract: Extract) -> None:
    doc = extract(
        "شورای دولتی فرانسه روز پنج‌شنبه فرمان دولت برای انحلال «خیزش‌های زمین» را لغو کرد.\n"
        "وزیر کشور فرانسه گفت که به حکم دادگاه دربارهٔ «خیزش‌های زمین» احترام می‌گذارد.",
        published="2023-11-10",
    )
    assert [e.actor.jurisdiction for e in doc.events or () if e.type == "REACT"] == ["FR"]


def test_groups_named_in_the_next_sentence_and_all_four(extract: Extract) -> None:
    doc = extract(
        "The State Department on Thursday designated Antifa Ost and three other European groups as "
        "Specially Designated Global Terrorists.\n"
        "The other three are the Informal Anarchist Federation and two Greek groups, Armed Proletarian Justice "
        "and Revolutionary Class Self-Defense.\n"
        "Rubio said the department would also designate all four as Foreign Terrorist Organizations.",
        published="2025-11-14",
    )
    asserted = {e.target.name for e in doc.events or () if e.modality == "asserted"}
    planned = {e.target.name for e in doc.events or () if e.modality == "planned"}
    assert len(asserted) == 4
    assert planned == asserted


@pytest.mark.parametrize(
    "text",
    [
        # a standing regime monitored, not an act of sanctioning
        "The Security Council extended the mandate of the team that monitors sanctions on the Taliban.",
        # travel bans on people linked to a group
        "The team reports on travel bans imposed on individuals linked to the Taliban.",
        # "those sanctioned" is a noun
        "China sought language on Islamic State Khorasan Province, but the text made no change to the list of those sanctioned.",
    ],
)
def test_sanctions_as_a_standing_regime_are_no_step(extract: Extract, text: str) -> None:
    assert not extract(text, published="2024-12-13").events


def test_calling_a_step_recognition_of_a_war_is_no_recognition(extract: Extract) -> None:
    doc = extract(
        "The United States on Thursday designated Los Choneros as a Foreign Terrorist Organization.\n"
        'President Daniel Noboa welcomed the decision, calling it recognition of "a war our police have fought alone".',
        published="2025-09-05",
    )
    assert {(e.type, e.actor.jurisdiction) for e in doc.events or ()} == {("LIST", "US"), ("REACT", "EC")}


def test_ban_renewed_for_another_term_is_a_listing(extract: Extract) -> None:
    doc = extract(
        "دولت هند روز سه‌شنبه ممنوعیت جماعت اسلامی جامو و کشمیر را پنج سال دیگر تمدید کرد.",
        published="2024-02-28",
    )
    assert [(e.type, e.modality, e.actor.jurisdiction) for e in doc.events or ()] == [
        ("LIST", "asserted", "IN")
    ]


def test_a_cue_describing_the_group_inside_the_trigger_is_not_its_modality(extract: Extract) -> None:
    doc = extract(
        "The Australian government on Thursday listed the Terrorgram Collective, an online network that "
        "urges followers to attack, as a terrorist organisation.",
        published="2025-02-14",
    )
    assert [e.modality for e in doc.events or ()] == ["asserted"]


def test_a_group_described_by_its_leader_then_and_is_coordinated(extract: Extract) -> None:
    doc = extract(
        "وزارت داخله هند روز سه‌شنبه کمیتهٔ عمل عوامی به رهبری میرواعظ عمر فاروق و اتحاد المسلمین جامو و کشمیر "
        "را غیرقانونی اعلام کرد.",
        published="2025-03-12",
    )
    assert len({e.target.name for e in doc.events or () if e.type == "LIST"}) == 2


@pytest.mark.parametrize(
    "text",
    [
        "دادگاه عالی روسیه روز دوشنبه جنبش آئوئه را افراطی اعلام کرد.\n"
        "رهبر این جنبش که در فرانسه به سر می‌برد، حکم را «سیاسی» خواند.",
        'Russia\'s Supreme Court banned AUE on Monday.\nIts founder, who lives in France, called the ruling "political".',
    ],
)
def test_the_country_someone_lives_in_does_not_react(extract: Extract, text: str) -> None:
    react = [e for e in extract(text, published="2020-08-18").events or () if e.type == "REACT"]
    assert [e.actor.jurisdiction for e in react] == [None]


def test_a_ban_that_means_nothing_is_dismissed(extract: Extract) -> None:
    doc = extract(
        "حکومت پاکستان روز دوشنبه تحریک طالبان پاکستان را ممنوع اعلام کرد.\n"
        "سخنگوی تحریک طالبان پاکستان گفت که این ممنوعیت «هیچ معنایی ندارد».",
        published="2008-08-26",
    )
    assert [(e.actor.jurisdiction, e.stance) for e in doc.events or () if e.type == "REACT"] == [
        (None, "condemn")
    ]


def test_a_refusal_with_no_date_holds_on_the_publication_day(extract: Extract) -> None:
    doc = extract(
        "Japan said it would not designate Hamas as a terrorist organisation.", published="2023-10-27"
    )
    assert [(e.modality, e.date.value if e.date else None) for e in doc.events or ()] == [
        ("denied", "2023-10-27")
    ]


# --- behaviours added with the sixth to eighth fresh sets (sentences written for these tests) ---


def test_a_committee_named_after_groups_lists_no_group_and_freezes_no_ban(extract: Extract) -> None:
    # the 1267 committee's name holds two groups; the person added is no group designation
    text = (
        "The ISIL (Da'esh) and Al-Qaida Sanctions Committee on Friday added a senior recruiter "
        "to its list of individuals subject to an asset freeze and travel ban.\n"
    )
    assert _summary(extract(text, published="2024-03-08")) == set()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a Majlis bill passed (طرح ... تصویب) still needs the Guardian Council: planned
        (
            "نمایندگان مجلس شورای اسلامی ایران روز یکشنبه طرحی را تصویب کردند که فرماندهی مرکزی آمریکا را سازمانی تروریستی اعلام می‌کند.\n",
            "planned",
        ),
        # decided (simple past) by the deciding body: the subjunctive is the step itself
        (
            "وزیران خارجه اتحادیه اروپا روز دوشنبه تصمیم گرفتند حماس را در فهرست تروریستی این اتحادیه قرار دهند.\n",
            "asserted",
        ),
        # a pledge to list (متعهد می‌شوند ... اعلام کنند) is planned
        (
            "صربستان سندی امضا کرد که به موجب آن متعهد می‌شود حزب‌الله را سازمانی تروریستی اعلام کند.\n",
            "planned",
        ),
    ],
)
def test_persian_bill_decision_and_pledge_modalities(extract: Extract, text: str, want: str) -> None:
    modalities = {e.modality for e in extract(text, published="2024-05-06").events or () if e.type == "LIST"}
    assert modalities == {want}


def test_a_modality_cue_inside_a_group_name_is_part_of_the_name(extract: Extract) -> None:
    text = "شورای دولتی فرانسه روز چهارشنبه انحلال گروه «فلسطین پیروز خواهد شد» را تعلیق کرد.\n"
    events = extract(text, published="2022-04-29").events or ()
    assert {(e.type, e.modality, e.target.name) for e in events} == {
        ("SUSPEND", "asserted", "Collectif Palestine Vaincra")
    }


def test_a_splinter_named_with_its_parent_is_the_only_target(extract: Extract) -> None:
    text = (
        "وزارت خارجه بریتانیا روز سه‌شنبه جماعت‌الاحرار، شاخه جداشده از تحریک طالبان پاکستان، "
        "را در فهرست سازمان‌های ممنوعه قرار داد.\n"
    )
    events = extract(text, published="2023-02-14").events or ()
    assert {(e.type, e.target.name) for e in events} == {("LIST", "Jamaat-ul-Ahrar")}


def test_each_group_takes_the_date_named_after_it(extract: Extract) -> None:
    text = "The French government dissolved Génération identitaire in March 2021 and BarakaCity in October 2020.\n"
    dates = {
        e.target.name: e.date.value for e in extract(text, published="2021-09-24").events or () if e.date
    }
    assert dates == {"Génération identitaire": "2021-03", "BarakaCity": "2020-10"}


def test_the_group_of_its_own_clause_is_not_the_next_clauses_name(extract: Extract) -> None:
    text = (
        "New Zealand designated Sonnenkrieg Division on Monday.\n"
        "Britain proscribed the group in February 2020, and Canada added the Proud Boys to its list in February 2021.\n"
    )
    got = {(e.actor.jurisdiction, e.target.name) for e in extract(text, published="2022-06-20").events or ()}
    assert ("GB", "Sonnenkrieg Division") in got
    assert ("GB", "Proud Boys") not in got


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ('The Islamic Defenders Front called the ban "tyranny" and vowed to regroup.\n', "condemn"),
        ("وزارت خارجه پاکستان این تصمیم را «گامی مثبت» خواند.\n", "welcome"),
        ("وزارت خارجه ایران این تصمیم را «غیرقانونی» خواند.\n", "condemn"),
    ],
)
def test_a_judgement_gives_the_reaction_its_stance(extract: Extract, text: str, stance: str) -> None:
    lead = "Indonesia banned the Islamic Defenders Front on Wednesday.\n"
    if not text.startswith("The"):
        lead = "آمریکا روز دوشنبه لشکر طیبه را در فهرست سازمان‌های تروریستی خارجی قرار داد.\n"
    reacts = [e for e in extract(lead + text, published="2020-12-31").events or () if e.type == "REACT"]
    assert [e.stance for e in reacts] == [stance]


def test_a_present_tense_status_in_the_body_is_no_event(extract: Extract) -> None:
    text = (
        "Army declares an island province free of militants\n"
        "The army said no fighters of Abu Sayyaf remained in the province.\n"
        "Washington lists it as a foreign terrorist organisation.\n"
    )
    assert _summary(extract(text, published="2024-08-01")) == set()
