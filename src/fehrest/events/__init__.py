"""Designation events: typed, with modality, arguments, dates and evidence."""

from __future__ import annotations

from fehrest.events.extract import find_group, read_candidates
from fehrest.events.merge import build_event, group_candidates
from fehrest.events.prefilter import may_report_designation
from fehrest.events.rules import load_rules
from fehrest.language import base_language
from fehrest.model import Document

__all__ = ["annotate_events", "may_report_designation"]


def _wikidata(target_id: str) -> str | None:
    group = find_group(target_id)
    return None if group is None else group.wikidata


def annotate_events(doc: Document) -> Document:
    """Add the event layer: every designation event the document reports."""
    layer = doc.require_text()
    language = base_language(doc.language)
    if language not in ("fa", "en"):
        return doc.with_layers(events=())
    rules = load_rules(language)
    candidates = read_candidates(
        rules, layer, doc.times or (), doc.mentions or (), doc.published, variant=doc.language
    )
    groups = group_candidates(candidates)
    events = tuple(build_event(doc, g, _wikidata(g.first.target_id)) for g in groups)
    return doc.with_layers(events=events)
