"""The web page: search, a group's timeline/map/status, a document's evidence, the review queue.

Pages are rendered on the server from the same functions the API uses; the
chart and the map are drawn in the browser by Vega-Lite from JSON embedded in
the page. The interface is in English; Persian text is set right to left.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from fehrest.errors import FehrestError
from fehrest.register.query import status, timeline
from fehrest.register.report import status_json
from fehrest.register.review import review_queue
from fehrest.web.api import document_payload
from fehrest.web.deps import RegisterDep, check_date, find_group
from fehrest.web.errors import ApiError
from fehrest.web.views import (
    STATUS_COLOURS,
    bands_json,
    group_aliases,
    is_rtl,
    jurisdiction_names,
    map_rows,
    persian_alias,
    search_groups,
    segment_text,
    timeline_bands,
)

router = APIRouter(include_in_schema=False)
ATLAS_URL = "/static/vendor/countries-110m.json"
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
templates.env.filters["jurisdiction"] = lambda code: jurisdiction_names(code)[0] if code else ""
templates.env.filters["jurisdiction_fa"] = lambda code: (jurisdiction_names(code)[1] or "") if code else ""
templates.env.globals["status_colours"] = STATUS_COLOURS


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status_code: int, message: str) -> Response:
    """An HTML page for an error met while rendering a page (the API answers JSON)."""
    return page(request, "error.html", status_code, status=status_code, message=message)


def _embed(value: Any) -> Markup:
    """JSON safe inside a <script type="application/json"> element."""
    text = json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
    return Markup(text)


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    reg: RegisterDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    results = search_groups(reg, q) if q and q.strip() else None
    groups = reg.db.query(
        "SELECT g.id, g.name, COUNT(f.id) AS n FROM groups g JOIN facts f ON f.target_id = g.id "
        "WHERE f.retired_at IS NULL GROUP BY g.id, g.name ORDER BY n DESC, g.name LIMIT 12"
    )
    return page(
        request,
        "index.html",
        q=q or "",
        results=results,
        groups=[{"id": r[0], "name": r[1], "facts": int(r[2])} for r in groups],
    )


@router.get("/groups/{group}", response_class=HTMLResponse)
def group_page(
    request: Request,
    reg: RegisterDep,
    group: str,
    as_of: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    found = find_group(reg, group)
    today = reg.clock()[:10]
    day = check_date(as_of, "as_of") or today
    try:
        report = status(reg, found.id, day)
        _, facts = timeline(reg, found.id)
    except FehrestError as exc:
        raise ApiError(404, str(exc)) from None
    answer = status_json(report, explain=True)
    bands, markers = timeline_bands(facts, today)
    aliases = group_aliases(reg, found.id, found.wikidata)
    chart = {"today": today, "as_of": report.as_of, "colours": STATUS_COLOURS, **bands_json(bands, markers)}
    return page(
        request,
        "group.html",
        group=found,
        persian=persian_alias(aliases),
        aliases=aliases,
        as_of=report.as_of,
        as_of_input=as_of or "",
        statuses=answer["jurisdictions"],
        bands=bands,
        markers=markers,
        chart_json=_embed(chart),
        map_json=_embed({"rows": map_rows(answer["jurisdictions"]), "atlas": ATLAS_URL}),
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    reg: RegisterDep,
    document_id: str,
    fact: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    event: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> Response:
    payload = document_payload(reg, document_id)
    doc = payload["document"]
    events = payload["events"]
    chosen = {e["id"] for e in events if e["id"] == event or (fact is not None and e["fact"] == fact)}
    return page(
        request,
        "document.html",
        doc=doc,
        rtl=is_rtl(doc["text"], doc["language"]),
        events=events,
        chosen=chosen,
        mentions=payload["mentions"],
        body=_highlight(doc["text"], payload["mentions"], events, chosen),
    )


def _highlight(
    text: str, mentions: list[dict[str, Any]], events: list[dict[str, Any]], chosen: set[int]
) -> Markup:
    """The text as HTML, mentions and evidence wrapped in spans (offsets are raw, so exact)."""
    spans: list[tuple[int, int]] = []
    classes: list[str] = []
    titles: list[str] = []
    owners: list[int | None] = []
    for m in mentions:
        spans.append((m["start"], m["end"]))
        classes.append(f"mention mention-{m['kind']}")
        titles.append(f"{m['kind']}: {m.get('name') or m['text']}")
        owners.append(None)
    for e in events:
        for ev in e["evidence"]:
            spans.append((ev["start"], ev["end"]))
            classes.append("evidence" + (" chosen" if e["id"] in chosen else ""))
            titles.append(f"event {e['id']}: {e['type']} {e['modality']}")
            owners.append(e["id"])
    parts: list[str] = []
    for seg in segment_text(len(text), spans):
        piece = str(escape(text[seg.start : seg.end]))
        if not seg.marks:
            parts.append(piece)
            continue
        names = sorted({c for i in seg.marks for c in classes[i].split()})
        ids = sorted({o for i in seg.marks if (o := owners[i]) is not None})
        title = " · ".join(dict.fromkeys(titles[i] for i in seg.marks))
        data = f' data-events="{" ".join(map(str, ids))}"' if ids else ""
        parts.append(f'<span class="{" ".join(names)}" title="{escape(title)}"{data}>{piece}</span>')
    return Markup("".join(parts))


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request,
    reg: RegisterDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    events = [e.to_json() for e in review_queue(reg, limit)]
    for e in events:
        e["rtl"] = any(is_rtl(ev["text"]) for ev in e["evidence"])
    return page(request, "review.html", events=events)
