"""The HTML pages, rendered on the server (the browser test drives them for real)."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from web_helpers import SEED


def test_index_searches_in_persian(client: TestClient) -> None:
    page = client.get("/", params={"q": "طالبان"})
    assert page.status_code == 200
    assert 'href="/groups/taliban"' in page.text


def test_index_reports_no_match(client: TestClient) -> None:
    assert "No group in the register" in client.get("/", params={"q": "Nobody Such Front"}).text


def test_group_page_embeds_chart_and_map_data(client: TestClient) -> None:
    page = client.get("/groups/طالبان", params={"as_of": "2024-05-31"})
    assert page.status_code == 200
    chart = json.loads(
        re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', page.text, re.S)[1]
    )  # type: ignore[index]
    kz = [(b["status"], b["start"]) for b in chart["bands"] if b["jurisdiction"] == "KZ"]
    assert kz == [("listed", "2005-03-01"), ("not listed", "2024-06-03")]
    rows = json.loads(
        re.search(r'<script id="map-data" type="application/json">(.*?)</script>', page.text, re.S)[1]
    )  # type: ignore[index]
    assert {"id": "398", "jurisdiction": "KZ", "status": "listed"} in rows["rows"]
    assert 'data-jurisdiction="KZ" data-status="listed"' in page.text
    assert "قزاقستان" in page.text  # the Persian name of the jurisdiction


def test_document_page_highlights_chosen_event(client: TestClient) -> None:
    docs = client.get("/api/documents").json()["documents"]
    (seed,) = [d for d in docs if d["source"].endswith(SEED.name)]
    events = client.get(f"/api/documents/{seed['id']}").json()["events"]
    chosen = next(e for e in events if e["type"] == "DELIST" and e["actor"]["jurisdiction"] == "KZ")
    page = client.get(f"/documents/{seed['id']}", params={"event": chosen["id"]})
    assert page.status_code == 200
    assert 'dir="rtl" lang="fa"' in page.text
    marked = re.findall(r'<span class="([^"]*)"[^>]*data-events="([^"]*)"', page.text)
    assert any("chosen" in classes and str(chosen["id"]) in ids.split() for classes, ids in marked)
    visible = re.sub(r"<[^>]+>", "", page.text.split('id="article"', 1)[1].split("</article>", 1)[0])
    assert SEED.read_text(encoding="utf-8-sig").split("\n", 1)[0] in visible.replace("&#34;", '"')


def test_review_page_lists_queue(client: TestClient) -> None:
    page = client.get("/review")
    assert page.status_code == 200
    assert page.text.count('class="card review-item"') == len(
        client.get("/api/review/queue").json()["events"]
    )


def test_page_errors_are_html(client: TestClient) -> None:
    for path, code in (
        ("/groups/No%20Such%20Group", 404),
        ("/documents/nothing", 404),
        ("/groups/taliban?as_of=soon", 422),
    ):
        page = client.get(path)
        assert page.status_code == code
        assert page.headers["content-type"].startswith("text/html")
