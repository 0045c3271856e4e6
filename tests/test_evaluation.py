"""The evaluation harness scores what it should (issue: foundation)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fehrest.evaluation import GoldDocument, evaluate, load_gold_folder
from fehrest.model import Actor, DateValue, Document, Event, Evidence, Target


def gold_event(
    type_: str, jurisdiction: str, target: str, modality: str = "asserted", **extra: object
) -> dict:
    event = {"type": type_, "modality": modality, "actor": {"jurisdiction": jurisdiction}, "target": target}
    event.update(extra)
    return event


def make_event(
    type_: str, jurisdiction: str, target: str, modality: str = "asserted", **extra: object
) -> Event:
    return Event(
        id=f"{type_}-{jurisdiction}-{target}-{modality}",
        type=type_,  # type: ignore[arg-type]
        modality=modality,  # type: ignore[arg-type]
        actor=Actor(jurisdiction=jurisdiction),
        target=Target(id=target.casefold(), name=target),
        evidence=(Evidence("x", 0, 1),),
        **extra,  # type: ignore[arg-type]
    )


GOLD = GoldDocument(
    name="doc",
    text="some text",
    published="2024-06-04",
    events=(
        gold_event(
            "DELIST", "KZ", "Hamas", date={"value": "2024-06-03", "precision": "day"}, authority="president"
        ),
        gold_event(
            "LIST", "KZ", "Hamas", date={"value": "2005-03", "precision": "month"}, authority="supreme court"
        ),
        gold_event("DELIST", "RU", "Hamas", "possible", date={"value": "2024-05-26", "precision": "day"}),
    ),
    extras=(gold_event("RECOGNIZE", "RU", "Hamas", "denied"),),
    mentions=(),
)

PERFECT = [
    make_event("DELIST", "KZ", "Hamas", date=DateValue("2024-06-03", "day"), authority="president"),
    make_event("LIST", "KZ", "Hamas", date=DateValue("2005-03", "month"), authority="supreme court"),
    make_event("DELIST", "RU", "Hamas", "possible", date=DateValue("2024-05-26", "day")),
]


def run(events: list[Event], gold: GoldDocument = GOLD) -> dict:
    def extract(text: str, source: str, published: str | None) -> Document:
        assert published == gold.published  # the gold publication date reaches the extractor
        return Document(text=text, source=source, events=tuple(events))

    return evaluate([gold], extract).to_json()


def test_evaluate_perfect_prediction_scores_one() -> None:
    report = run(PERFECT)
    assert report["overall"]["precision"] == 1.0
    assert report["overall"]["recall"] == 1.0
    assert report["overall"]["f1"] == 1.0
    for attr in ("date", "authority", "modality"):
        assert report["accuracy"][attr]["accuracy"] == 1.0


def test_evaluate_missing_event_lowers_recall_only() -> None:
    report = run(PERFECT[:2])
    assert report["overall"]["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["overall"]["precision"] == 1.0
    assert report["by_type"]["DELIST"]["fn"] == 1


def test_evaluate_extra_event_lowers_precision_only() -> None:
    report = run([*PERFECT, make_event("LIST", "US", "Hamas")])
    assert report["overall"]["precision"] == pytest.approx(3 / 4)
    assert report["overall"]["recall"] == 1.0
    assert report["by_type"]["LIST"]["fp"] == 1


def test_evaluate_wrong_modality_class_does_not_match() -> None:
    # An asserted delisting where the gold has only a proposal: a miss and a false alarm.
    events = [PERFECT[0], PERFECT[1], make_event("DELIST", "RU", "Hamas", "asserted")]
    report = run(events)
    assert report["overall"]["tp"] == 2
    assert report["overall"]["fp"] == 1
    assert report["overall"]["fn"] == 1


def test_evaluate_planned_matches_possible_but_counts_modality_wrong() -> None:
    events = [
        *PERFECT[:2],
        make_event("DELIST", "RU", "Hamas", "planned", date=DateValue("2024-05-26", "day")),
    ]
    report = run(events)
    assert report["overall"]["f1"] == 1.0
    assert report["accuracy"]["modality"]["correct"] == 2
    assert report["accuracy"]["modality"]["total"] == 3


def test_evaluate_acceptable_extra_is_neither_rewarded_nor_penalised() -> None:
    report = run([*PERFECT, make_event("RECOGNIZE", "RU", "Hamas", "denied")])
    assert report["overall"] == run(PERFECT)["overall"]


def test_evaluate_wrong_date_matches_but_lowers_date_accuracy() -> None:
    events = [
        make_event("DELIST", "KZ", "Hamas", date=DateValue("2024-06", "month"), authority="president"),
        *PERFECT[1:],
    ]
    report = run(events)
    assert report["overall"]["f1"] == 1.0
    assert report["accuracy"]["date"]["correct"] == 2


def test_evaluate_scores_stance_only_on_reactions_with_a_gold_stance() -> None:
    gold = GoldDocument(
        name="doc",
        text="some text",
        published="2024-06-04",
        events=(
            gold_event("REACT", "AF", "Taliban", stance="welcome"),
            gold_event("REACT", "US", "Taliban", stance="condemn"),
            gold_event("REACT", "CN", "Taliban"),  # no stance in the gold: not scored
            gold_event("LIST", "RU", "Taliban"),
        ),
        extras=(),
        mentions=(),
    )
    events = [
        make_event("REACT", "AF", "Taliban", stance="welcome"),
        make_event("REACT", "US", "Taliban", stance="other"),
        make_event("REACT", "CN", "Taliban", stance="condemn"),
        make_event("LIST", "RU", "Taliban"),
    ]
    report = run(events, gold)
    assert report["overall"]["f1"] == 1.0  # a wrong stance still matches
    assert report["accuracy"]["stance"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    wrong = report["details"][0]["mismatched"]
    assert [m["gold"].split()[-1] for m in wrong] == ["stance=condemn"]


def test_evaluate_pairs_same_key_events_by_date() -> None:
    gold = GoldDocument(
        name="two-proposals",
        text="t",
        published=None,
        events=(
            gold_event("DELIST", "RU", "Hamas", "possible", date={"value": "2024-05-26", "precision": "day"}),
            gold_event("DELIST", "RU", "Hamas", "possible", date={"value": "2024-05-28", "precision": "day"}),
        ),
        extras=(),
        mentions=(),
    )
    events = [
        make_event("DELIST", "RU", "Hamas", "possible", date=DateValue("2024-05-28", "day")),
        make_event("DELIST", "RU", "Hamas", "possible", date=DateValue("2024-05-26", "day")),
    ]
    report = run(events, gold)
    assert report["accuracy"]["date"]["accuracy"] == 1.0


def test_evaluate_extractor_failure_counts_as_misses_and_is_reported() -> None:
    def broken(text: str, source: str, published: str | None) -> Document:
        raise ValueError("boom")

    report = evaluate([GOLD], broken).to_json()
    assert report["overall"]["fn"] == 3
    assert report["errors"][0]["error"] == "ValueError: boom"


def test_load_gold_folder_names_the_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(Exception, match=r"a\.gold\.json:1: not valid JSON"):
        load_gold_folder(tmp_path)


def test_load_gold_folder_reads_pairs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(
        json.dumps({"published": "2024-01-02", "events": []}), encoding="utf-8"
    )
    [gold] = load_gold_folder(tmp_path)
    assert (gold.name, gold.text, gold.published) == ("a", "text", "2024-01-02")


def test_evaluate_matches_a_provisional_target_by_its_name() -> None:
    # a group no register knows: the extractor names it provisionally, the gold by name
    gold = GoldDocument(
        name="doc",
        text="x",
        published="2024-06-04",
        events=(gold_event("LIST", "SA", "Union of Desert Scholars"),),
        extras=(),
        mentions=(),
    )
    event = Event(
        id="e",
        type="LIST",
        modality="asserted",
        actor=Actor(jurisdiction="SA"),
        target=Target(id="provisional:union-of-desert-scholars", name="Union of Desert Scholars"),
        evidence=(Evidence("x", 0, 1),),
    )
    assert run([event], gold)["overall"]["f1"] == 1.0
