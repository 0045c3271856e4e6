"""The ``times`` stage: time expressions of a document, with raw offsets."""

from __future__ import annotations

import dataclasses
import datetime as dt

from fehrest.errors import InputError
from fehrest.language import base_language
from fehrest.model import Document, TimeExpression
from fehrest.time.publication import infer_publication_date
from fehrest.time.recognise import find_times


def annotate_times(doc: Document) -> Document:
    """Add the ``times`` layer: expressions found on the normalised text, mapped to raw offsets.

    The reference day for relative expressions is ``doc.published``; when that
    is missing it is inferred from the text (:func:`infer_publication_date`)
    and the document gets ``published`` and ``published_inferred=True``.
    Inference needs today's date as an upper bound: it comes from
    ``doc.meta["today"]`` (a ``date`` or ISO string, which the CLI passes);
    failing that, ``datetime.date.today()`` — the one impure default.
    """
    layer = doc.require_text()
    language = base_language(doc.language)
    reference = _published(doc)
    inferred = False
    if reference is None:
        guess = infer_publication_date(layer.normalized, language, _today(doc))
        if guess is not None:
            reference = dt.date.fromisoformat(guess.value)
            inferred = True
            doc = doc.with_layers(published=guess.value, published_inferred=True)
    times = []
    for t in find_times(layer.normalized, language, reference):
        start, end = layer.raw_span(t.norm_start, t.norm_end)
        raw = doc.text[start:end]
        date, until = t.date, t.until
        if (inferred and t.kind in ("relative", "range")) or (date is not None and date.inferred):
            date = dataclasses.replace(date, inferred=True) if date else None
            until = dataclasses.replace(until, inferred=True) if until else None
        times.append(
            dataclasses.replace(
                t,
                start=start,
                end=end,
                text=raw,
                date=dataclasses.replace(date, text=raw) if date else None,
                until=dataclasses.replace(until, text=raw) if until else None,
            )
        )
    return doc.with_layers(times=tuple(times))


def _published(doc: Document) -> dt.date | None:
    if not doc.published:
        return None
    try:
        return dt.date.fromisoformat(doc.published[:10])
    except ValueError:
        raise InputError(doc.source, f"publication date {doc.published!r} is not YYYY-MM-DD") from None


def _today(doc: Document) -> dt.date:
    today = doc.meta.get("today")
    if isinstance(today, dt.date):
        return today
    if isinstance(today, str):
        try:
            return dt.date.fromisoformat(today[:10])
        except ValueError:
            raise InputError(doc.source, f"'today' {today!r} is not YYYY-MM-DD") from None
    return dt.date.today()


def expressions_text(doc: Document) -> list[str]:
    """Return the raw text of each time expression (a debugging helper)."""
    return [t.text for t in (doc.times or ()) if isinstance(t, TimeExpression)]
