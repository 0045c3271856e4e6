"""Score extracted events against gold files (``NAME.txt`` + ``NAME.gold.json``).

An extracted event matches a gold one when ``type``, ``actor.jurisdiction``
and ``target`` agree and their modalities are of one class: ``asserted`` only
matches ``asserted``, ``possible``/``planned`` match each other, ``denied``
only ``denied``. Each gold event is matched at most once. Extracted events
that match one of the gold ``acceptable_extra_events`` are neither rewarded
nor penalised. On matched events, ``date`` (value and precision),
``authority`` and ``modality`` are scored as accuracies, and ``stance`` on
reactions whose gold names one.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fehrest.errors import InputError
from fehrest.model import EVENT_TYPES, MODALITIES, Document, Event, modality_class

GoldEvent = dict[str, Any]
Extractor = Callable[[str, str, str | None], Document]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold file and the text it describes."""

    name: str
    text: str
    published: str | None
    events: tuple[GoldEvent, ...]
    extras: tuple[GoldEvent, ...]
    mentions: tuple[dict[str, Any], ...]


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class DocumentScore:
    """What happened to one document: matches, misses and spurious events."""

    name: str
    matched: list[tuple[GoldEvent, Event]] = field(default_factory=list)
    missed: list[GoldEvent] = field(default_factory=list)
    spurious: list[Event] = field(default_factory=list)
    tolerated: list[Event] = field(default_factory=list)
    error: str | None = None


@dataclass(slots=True)
class Report:
    """The scores of a whole gold folder."""

    by_type: dict[str, Counts]
    overall: Counts
    accuracy: dict[str, tuple[int, int]]
    documents: list[DocumentScore]
    mentions: dict[str, float | int] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "overall": self.overall.to_json(),
            "by_type": {t: c.to_json() for t, c in self.by_type.items()},
            "accuracy": {
                k: {"correct": ok, "total": n, "accuracy": round(ok / n, 4) if n else None}
                for k, (ok, n) in self.accuracy.items()
            },
            "mentions": self.mentions,
            "errors": [{"document": d.name, "error": d.error} for d in self.documents if d.error],
            "details": [
                {
                    "document": d.name,
                    "missed": [_describe_gold(g) for g in d.missed],
                    "spurious": [_describe_event(e) for e in d.spurious],
                    "mismatched": [
                        {"gold": _describe_gold(g), "extracted": _describe_event(e)}
                        for g, e in d.matched
                        if _attribute_errors(g, e)
                    ],
                }
                for d in self.documents
                if d.missed or d.spurious or any(_attribute_errors(g, e) for g, e in d.matched)
            ],
        }


def load_gold_folder(folder: Path) -> list[GoldDocument]:
    """Read every ``NAME.gold.json`` with its ``NAME.txt`` in a folder, sorted by name."""
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder of NAME.txt + NAME.gold.json pairs")
    golds = sorted(folder.glob("*.gold.json"))
    if not golds:
        raise InputError(str(folder), "no *.gold.json files in this folder")
    return [load_gold(path) for path in golds]


def load_gold(path: Path) -> GoldDocument:
    """Read one gold file and the text beside it."""
    name = path.name.removesuffix(".gold.json")
    text_path = path.with_name(name + ".txt")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not valid JSON: {exc.msg}", exc.lineno) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(text_path), f"cannot read the text of {path.name}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise InputError(str(path), "a gold file is an object with an 'events' list")
    return GoldDocument(
        name=name,
        text=text,
        published=data.get("published"),
        events=tuple(data["events"]),
        extras=tuple(data.get("acceptable_extra_events") or ()),
        mentions=tuple(data.get("mentions") or ()),
    )


def _fold(name: str | None) -> str:
    return (name or "").casefold().replace("-", " ").strip()


def make_target_key() -> Callable[[str | dict[str, Any] | None], str]:
    """Return a function mapping a gold target name or an event target to one key.

    Uses the entity registry (any alias in any language) when it knows the
    name; otherwise the case-folded name itself.
    """
    try:
        from fehrest.entities import get_registry

        registry: Any = get_registry()
    except Exception:  # the registry is optional for scoring
        registry = None

    def key(target: str | dict[str, Any] | None) -> str:
        if isinstance(target, dict):
            # A provisional group (no register entry) is known by its name.
            tid = target.get("id")
            target = target.get("name") if not tid or str(tid).startswith("provisional:") else tid
        if not target:
            return ""
        if registry is not None:
            group = registry.find_group(target)
            if group is not None:
                return str(group.id)
        return _fold(target)

    return key


def _event_key(
    etype: str, jurisdiction: str | None, target: str, modality: str
) -> tuple[str, str | None, str, str]:
    return etype, jurisdiction, target, modality_class(modality) if modality in MODALITIES else modality


def _gold_key(g: GoldEvent, target_key: Callable[[Any], str]) -> tuple[str, str | None, str, str]:
    actor = g.get("actor") or {}
    return _event_key(
        g.get("type", ""), actor.get("jurisdiction"), target_key(g.get("target")), g.get("modality", "")
    )


def _pred_key(e: Event, target_key: Callable[[Any], str]) -> tuple[str, str | None, str, str]:
    return _event_key(
        e.type, e.actor.jurisdiction, target_key({"id": e.target.id, "name": e.target.name}), e.modality
    )


def _date_of_gold(g: GoldEvent) -> tuple[str, str] | None:
    date = g.get("date")
    if not date or not date.get("value"):
        return None
    return str(date["value"]), str(date.get("precision") or "")


def _date_of_event(e: Event) -> tuple[str, str] | None:
    return None if e.date is None else (e.date.value, e.date.precision)


def _attribute_errors(g: GoldEvent, e: Event) -> list[str]:
    errors = []
    if _date_of_gold(g) != _date_of_event(e):
        errors.append("date")
    if g.get("authority") != e.authority:
        errors.append("authority")
    if g.get("modality") != e.modality:
        errors.append("modality")
    if _scores_stance(g) and g.get("stance") != e.stance:
        errors.append("stance")
    return errors


def _scores_stance(g: GoldEvent) -> bool:
    """A stance is scored on reactions whose gold names one."""
    return g.get("type") == "REACT" and bool(g.get("stance"))


def score_document(
    gold: GoldDocument, events: Sequence[Event], target_key: Callable[[Any], str]
) -> DocumentScore:
    """Match one document's extracted events against its gold events."""
    score = DocumentScore(gold.name)
    unmatched = list(gold.events)
    gold_keys = [_gold_key(g, target_key) for g in unmatched]
    extra_keys = {_gold_key(g, target_key) for g in gold.extras}
    # Pair events whose date agrees first, so two gold events with one key
    # (two proposals on two days) each find their own extracted event.
    remaining = list(events)
    for want_date in (True, False):
        pending: list[Event] = []
        for event in remaining:
            key = _pred_key(event, target_key)
            found = None
            for i, g in enumerate(unmatched):
                if gold_keys[i] == key and (not want_date or _date_of_gold(g) == _date_of_event(event)):
                    found = i
                    break
            if found is None:
                pending.append(event)
            else:
                score.matched.append((unmatched.pop(found), event))
                gold_keys.pop(found)
        remaining = pending
    for event in remaining:
        if _pred_key(event, target_key) in extra_keys:
            score.tolerated.append(event)
        else:
            score.spurious.append(event)
    score.missed = unmatched
    return score


def evaluate(
    golds: Iterable[GoldDocument],
    extract: Extractor,
    mention_scorer: Callable[[list[dict[str, Any]], Sequence[Any], str], dict[str, Any]] | None = None,
) -> Report:
    """Run ``extract`` on every gold document and score the events it returns.

    ``extract(text, source, published)`` returns a Document with events (and
    mentions, if mentions are scored). A document that fails to extract
    counts all its gold events as missed and is reported with its error.
    """
    target_key = make_target_key()
    by_type: dict[str, Counts] = {t: Counts() for t in EVENT_TYPES}
    accuracy = {"date": [0, 0], "authority": [0, 0], "modality": [0, 0], "stance": [0, 0]}
    documents = []
    mention_totals: Counter[str] = Counter()
    for gold in golds:
        try:
            doc = extract(gold.text, gold.name + ".txt", gold.published)
            events: Sequence[Event] = doc.events or ()
        except Exception as exc:  # one bad document never stops the run
            doc = None
            events = ()
            error: str | None = f"{type(exc).__name__}: {exc}"
        else:
            error = None
        score = score_document(gold, events, target_key)
        score.error = error
        documents.append(score)
        for g, e in score.matched:
            by_type[str(g.get("type"))].tp += 1
            wrong = _attribute_errors(g, e)
            for attr in accuracy:
                if attr == "stance" and not _scores_stance(g):
                    continue
                accuracy[attr][1] += 1
                accuracy[attr][0] += attr not in wrong
        for g in score.missed:
            by_type.setdefault(str(g.get("type")), Counts()).fn += 1
        for e in score.spurious:
            by_type[e.type].fp += 1
        if mention_scorer is not None and gold.mentions and doc is not None:
            result = mention_scorer(list(gold.mentions), doc.mentions or (), gold.text)
            for k in ("tp", "fp", "fn"):
                mention_totals[k] += int(result.get(k, 0))
    overall = Counts()
    for counts in by_type.values():
        overall.add(counts)
    mentions = None
    if mention_totals:
        m = Counts(mention_totals["tp"], mention_totals["fp"], mention_totals["fn"])
        mentions = m.to_json()
    return Report(
        by_type=by_type,
        overall=overall,
        accuracy={k: (v[0], v[1]) for k, v in accuracy.items()},
        documents=documents,
        mentions=mentions,
    )


def _describe_gold(g: GoldEvent) -> str:
    actor = (g.get("actor") or {}).get("jurisdiction")
    date = _date_of_gold(g)
    return (
        f"{g.get('type')}/{g.get('modality')} {actor} → {g.get('target')} "
        f"date={date[0] if date else None} authority={g.get('authority')}"
        + (f" stance={g.get('stance')}" if g.get("type") == "REACT" else "")
    )


def _describe_event(e: Event) -> str:
    date = _date_of_event(e)
    return (
        f"{e.type}/{e.modality} {e.actor.jurisdiction} → {e.target.name} "
        f"date={date[0] if date else None} authority={e.authority}"
        + (f" stance={e.stance}" if e.type == "REACT" else "")
    )
