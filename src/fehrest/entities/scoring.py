"""Score predicted mentions against gold mentions (precision, recall, F1).

Gold mentions are ``{"text", "line", "kind", "id", "role"?, "jurisdiction"?}``
with lines counted from 1. A prediction matches a gold mention when it is on
that line, overlaps an occurrence of the gold text there, has the same kind,
and the ids agree: the ISO code for jurisdictions; for groups the canonical
English name or id, where a listed part (Majeed Brigade) counts for its
parent; people and bodies by overlap and kind only.

Not scored, because the gold convention does not annotate them: offices
(bare titles), generic bodies named by a common noun (حکومت قزاقستان, the
Russian government, a court), cities used as places, and anaphors that
resolved to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fehrest.entities.fold import fold_key
from fehrest.entities.registry import EntityRegistry, get_registry
from fehrest.model import Mention

SCORED_KINDS = frozenset({"jurisdiction", "group", "person", "body"})


def scored(mention: Mention, registry: EntityRegistry | None = None) -> bool:
    """Tell whether a predicted mention takes part in scoring."""
    if mention.kind not in SCORED_KINDS:
        return False
    if mention.kind == "body":
        body = (registry or get_registry()).bodies.get(mention.entity_id or "")
        return body is None or not body.generic
    return not (mention.kind == "jurisdiction" and (mention.role == "place" or mention.entity_id is None))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def _group_names(group_id: str | None, registry: EntityRegistry) -> set[str]:
    """The id and name of a group and of every group it is part of or succeeds."""
    names: set[str] = set()
    seen: set[str] = set()
    while group_id and group_id not in seen:
        seen.add(group_id)
        names.add(fold_key(group_id))
        try:
            group = registry.group(group_id)
        except KeyError:
            break
        names.add(fold_key(group.name))
        group_id = group.part_of
    return names


def _ids_agree(gold: dict[str, Any], pred: Mention, registry: EntityRegistry) -> bool:
    kind = gold["kind"]
    if kind == "jurisdiction":
        return bool(pred.entity_id == gold.get("id"))
    if kind == "group":
        if pred.provisional:
            return True
        wanted = fold_key(str(gold.get("id") or ""))
        if wanted in _group_names(pred.entity_id, registry):
            return True
        # A gold part (al-Qassam Brigades) predicted as a mention of the part's parent.
        found = registry.find_group(str(gold.get("id") or ""))
        return found is not None and fold_key(pred.entity_id or "") in _group_names(found.id, registry)
    return True


def score_mentions(gold: list[dict[str, Any]], predicted: Sequence[Mention], text: str) -> dict[str, Any]:
    """Return ``{"tp", "fp", "fn", "precision", "recall", "f1", "missed", "spurious"}``."""
    registry = get_registry()
    starts = _line_starts(text)
    preds = [p for p in predicted if scored(p, registry)]
    used = [False] * len(preds)
    missed: list[dict[str, Any]] = []
    tp = 0
    for g in gold:
        line = int(g["line"])
        if not 1 <= line <= len(starts):
            missed.append(g)
            continue
        lo = starts[line - 1]
        hi = starts[line] if line < len(starts) else len(text) + 1
        spans = _occurrences(text, str(g["text"]), lo, hi)
        hit = None
        for i, p in enumerate(preds):
            if used[i] or p.kind != g["kind"] or not lo <= p.start < hi:
                continue
            if any(p.start < e and s < p.end for s, e in spans) and _ids_agree(g, p, registry):
                hit = i
                break
        if hit is None:
            missed.append(g)
        else:
            used[hit] = True
            tp += 1
    spurious = [p for p, u in zip(preds, used, strict=True) if not u]
    fp, fn = len(spurious), len(missed)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "missed": missed,
        "spurious": spurious,
    }


def _occurrences(text: str, needle: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans = []
    i = text.find(needle, lo, hi)
    while i >= 0 and needle:
        spans.append((i, i + len(needle)))
        i = text.find(needle, i + 1, hi)
    return spans
