"""The one place that knows the order of the extraction stages.

Each stage is a pure function ``Document -> Document`` that declares which
layers it reads and which one it adds; :func:`extract_document` checks the
declaration before running, so a stage can never silently read a layer that
is not there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fehrest.entities import annotate_mentions
from fehrest.events import annotate_events, may_report_designation
from fehrest.language import READ_LANGUAGES, base_language, guess_script_language, persian_variant
from fehrest.model import Document
from fehrest.text import annotate_text
from fehrest.time import annotate_times


@dataclass(frozen=True, slots=True)
class Stage:
    """A pipeline component: its name, the layers it reads and the one it adds."""

    name: str
    reads: tuple[str, ...]
    adds: str
    run: Callable[[Document], Document]


STAGES: tuple[Stage, ...] = (
    Stage("text", (), "text_layer", annotate_text),
    Stage("times", ("text_layer",), "times", annotate_times),
    Stage("mentions", ("text_layer",), "mentions", annotate_mentions),
    Stage("events", ("text_layer", "times", "mentions"), "events", annotate_events),
)


def resolve_language(doc: Document) -> Document:
    """Replace ``auto`` by a guessed language (script-based) and keep others."""
    if doc.language in ("auto", "", "und"):
        language = guess_script_language(doc.text)
        if language == "fa":
            # Dari or Iranian usage, when the vocabulary leans clearly one way.
            language = persian_variant(doc.text)
        return doc.with_layers(language=language)
    return doc


def extract_document(doc: Document, stages: tuple[Stage, ...] = STAGES, prefilter: bool = False) -> Document:
    """Run every stage over a document and return it with all layers added.

    A document in a language Fehrest does not read yet comes back with an
    empty event layer rather than being fed to the wrong extractor. With
    ``prefilter``, an article that names no group or no designation word is
    set aside after one cheap scan (empty times, mentions and events): what
    batch ingestion wants, where most news is about something else.
    """
    doc = resolve_language(doc)
    if base_language(doc.language) not in READ_LANGUAGES:
        return doc.with_layers(events=())
    if prefilter and not may_report_designation(doc.text):
        return doc.with_layers(times=(), mentions=(), events=(), meta={**doc.meta, "prefiltered": True})
    for stage in stages:
        missing = [layer for layer in stage.reads if getattr(doc, layer) is None]
        if missing:
            raise RuntimeError(f"stage {stage.name!r} needs layers {missing} that no earlier stage added")
        doc = stage.run(doc)
        if getattr(doc, stage.adds) is None:
            raise RuntimeError(f"stage {stage.name!r} did not add its layer {stage.adds!r}")
    return doc


def extract_text(
    text: str,
    source: str = "<text>",
    language: str = "auto",
    published: str | None = None,
    prefilter: bool = False,
) -> Document:
    """Extract events from a text; the pure entry point for pools and Spark."""
    doc = Document(text=text, source=source, language=language, published=published)
    return extract_document(doc, prefilter=prefilter)
