"""Say why an event fired: its rule, confidence and the words, highlighted in place.

Terminals mostly lay text out left to right; Persian evidence is reordered
for display with ``python-bidi`` (set ``FEHREST_BIDI=logical`` for a terminal
that does its own bidirectional layout).
"""

from __future__ import annotations

import os

from bidi import get_display
from rich.console import Group
from rich.text import Text

from fehrest.model import Document, Event

# A neutral, non-mirrored mark that survives bidi reordering, so highlighted
# stretches can be found again after the line is laid out visually.
_MARK = "\u2016"


def _display(line: str) -> str:
    if os.environ.get("FEHREST_BIDI", "visual") == "logical":
        return line
    return str(get_display(line))


def highlight_evidence(doc: Document, event: Event, start: int, end: int) -> Text:
    """Return the raw text ``[start, end)`` with the event's cue words highlighted."""
    cuts: list[tuple[int, int]] = sorted(
        (max(c.start, start), min(c.end, end)) for c in event.cues if c.start < end and c.end > start
    )
    pieces = []
    pos = start
    for a, b in cuts:
        if a < pos:
            continue
        pieces.append(doc.text[pos:a])
        pieces.append(_MARK + doc.text[a:b] + _MARK)
        pos = b
    pieces.append(doc.text[pos:end])
    shown = _display("".join(pieces).replace("\n", " ").strip())
    text = Text()
    for i, part in enumerate(shown.split(_MARK)):
        text.append(part, style="bold black on yellow" if i % 2 else None)
    return text


def render_explanation(doc: Document, event: Event) -> Group:
    """A block for the terminal: what fired, how sure, and each evidence sentence."""
    date = f"{event.date.value} ({event.date.precision})" if event.date else "no date"
    head = Text.assemble(
        (f"{event.type}/{event.modality}", "bold"),
        f"  {event.actor.jurisdiction or '—'} → {event.target.name}  {date}",
        f"  confidence {event.confidence:.2f}",
    )
    lines: list[Text] = [head, Text(f"  rule: {event.rule}", style="dim")]
    for ev in event.evidence:
        line = Text("  ▸ ")
        line.append_text(highlight_evidence(doc, event, ev.start, ev.end))
        line.append(f"  [{ev.start}:{ev.end}]", style="dim")
        lines.append(line)
    return Group(*lines, Text(""))
