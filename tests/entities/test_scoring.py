"""Mention scoring: line, overlap, kind and id must agree."""

from __future__ import annotations

from fehrest.entities.scoring import score_mentions
from fehrest.model import Mention

TEXT = "Canada listed the Majeed Brigade.\nOttawa said the Kremlin objected."


def mention(text: str, kind: str, entity_id: str | None, role: str | None = None) -> Mention:
    start = TEXT.index(text)
    return Mention(start, start + len(text), text=text, kind=kind, entity_id=entity_id, role=role)  # type: ignore[arg-type]


def test_score_mentions_counts_hits_misses_and_extras() -> None:
    gold = [
        {"text": "Canada", "line": 1, "kind": "jurisdiction", "id": "CA"},
        # a part of a group may be scored as its parent
        {"text": "Majeed Brigade", "line": 1, "kind": "group", "id": "Balochistan Liberation Army"},
        {"text": "Ottawa", "line": 2, "kind": "jurisdiction", "id": "CA"},
    ]
    predicted = [
        mention("Canada", "jurisdiction", "CA"),
        mention("Majeed Brigade", "group", "majeed-brigade"),
        mention("Ottawa", "jurisdiction", "GB"),  # wrong id: a miss and a spurious mention
        mention("Kremlin", "jurisdiction", "RU", "metonym"),
        mention("listed", "office", None),  # offices are not scored
    ]
    score = score_mentions(gold, predicted, TEXT)
    assert (score["tp"], score["fp"], score["fn"]) == (2, 2, 1)
    assert score["precision"] == 0.5
    assert round(score["recall"], 3) == 0.667


def test_score_mentions_line_must_match() -> None:
    gold = [{"text": "Canada", "line": 2, "kind": "jurisdiction", "id": "CA"}]
    score = score_mentions(gold, [mention("Canada", "jurisdiction", "CA")], TEXT)
    assert (score["tp"], score["fn"]) == (0, 1)
