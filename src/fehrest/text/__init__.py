"""The text layer: normalisation with an offset map, sentences and tokens.

Public API:

- :func:`annotate_text` — the pipeline stage (``Document -> Document``);
- :func:`normalize` / :func:`normalize_text` — the normaliser on its own;
- :func:`fold_key` — the aggressive matching key for gazetteers.
"""

from __future__ import annotations

import bisect

from fehrest.language import base_language
from fehrest.model import Document, Sentence, TextLayer, Token
from fehrest.text.fold import fold_key
from fehrest.text.normalize import normalize, normalize_text
from fehrest.text.segment import sentence_spans, token_spans

__all__ = ["annotate_text", "fold_key", "normalize", "normalize_text"]


def annotate_text(doc: Document) -> Document:
    """Add the text layer: normalised text, offset map, sentences and tokens.

    Persian (``fa``, ``fa-AF``…) gets the full Persian normaliser; English and
    any other language a light one that keeps every offset.
    """
    language = "fa" if base_language(doc.language) == "fa" else "en"
    layer = normalize(doc.text, language)
    return doc.with_layers(text_layer=segment_layer(doc.text, layer))


def segment_layer(raw: str, layer: TextLayer) -> TextLayer:
    """Return ``layer`` with sentences and tokens, in raw and normalised offsets."""
    norm = layer.normalized
    newlines = [i for i, ch in enumerate(raw) if ch == "\n"] if "\n" in raw else []
    sentences = []
    spans = list(sentence_spans(norm))
    for (n_start, n_end), raw_span in zip(spans, layer.raw_spans(spans), strict=True):
        start, end = _trim(raw, *raw_span)
        line = bisect.bisect_left(newlines, start) + 1
        sentences.append(Sentence(start, end, n_start, n_end, line))
    tokens = []
    spans = list(token_spans(norm))
    for (n_start, n_end), raw_span in zip(spans, layer.raw_spans(spans), strict=True):
        start, end = _trim(raw, *raw_span)
        tokens.append(Token(start, end, n_start, n_end, norm[n_start:n_end]))
    return TextLayer(
        normalized=norm,
        offsets=layer.offsets,
        sentences=tuple(sentences),
        tokens=tuple(tokens),
    )


def _trim(raw: str, start: int, end: int) -> tuple[int, int]:
    """Leave out raw white space the normaliser dropped at a span's ends."""
    while end > start + 1 and raw[end - 1].isspace():
        end -= 1
    while start < end - 1 and raw[start].isspace():
        start += 1
    return start, end
