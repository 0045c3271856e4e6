"""fehrest watch: a Persian feed with a new designation item is reported once, everywhere."""

from __future__ import annotations

import json
from pathlib import Path

from articles import DARI_WEATHER, PERSIAN_DESIGNATION, html_page, rss
from typer.testing import CliRunner
from web_server import LocalWeb

from fehrest.cli import app
from fehrest.ingest.fetch import Fetcher
from fehrest.ingest.watch import parse_every, poll_once
from fehrest.register import Register

_WEATHER = {"title": "هوا", "guid": "w1", "date": "Sun, 02 Jun 2024 08:00:00 GMT"}
_LISTING = {"title": "کانادا و حزب التحریر", "guid": "c1", "date": "Tue, 12 Mar 2024 09:00:00 GMT"}


def _watch(db: Path, feed: str, jsonl: Path, hook: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app,
        [
            "watch",
            feed,
            "--once",
            "--db",
            str(db),
            "--jsonl",
            str(jsonl),
            "--webhook",
            hook,
            "--timeout",
            "2",
        ],
    )
    return result.exit_code, result.output


def test_watch_reports_new_designation_once(tmp_path: Path, local_web: LocalWeb) -> None:
    local_web.page("/n/weather", html_page("هوا", DARI_WEATHER, published="2024-06-02"))
    local_web.page("/n/canada", html_page("کانادا", PERSIAN_DESIGNATION, published="2024-03-12"))
    feed = local_web.page(
        "/rss", rss([{**_WEATHER, "link": local_web.url("/n/weather")}]), "application/rss+xml"
    )
    db, jsonl, hook = tmp_path / "r.sqlite", tmp_path / "changes.jsonl", local_web.url("/hook")

    code, output = _watch(db, feed, jsonl, hook)
    assert code == 0, output
    assert "→" not in output
    assert local_web.hook_bodies == []

    # The feed gains an item: Canada lists Hizb ut-Tahrir (its page is fetched, the feed has a teaser only).
    local_web.page(
        "/rss",
        rss(
            [
                {**_LISTING, "link": local_web.url("/n/canada")},
                {**_WEATHER, "link": local_web.url("/n/weather")},
            ]
        ),
        "application/rss+xml",
    )
    code, output = _watch(db, feed, jsonl, hook)
    assert code == 0, output
    expected = f"CA · Hizb ut-Tahrir: not known → listed (since 2024-03-12, government) — {local_web.url('/n/canada')}"
    assert expected in output
    assert local_web.hits["/n/weather"] == 1, "an entry already read is not fetched again"
    (body,) = local_web.hook_bodies
    assert (body["kind"], body["jurisdiction"], body["group"]["id"], body["after"]) == (
        "status",
        "CA",
        "hizb-ut-tahrir",
        "listed",
    )
    assert [json.loads(line)["line"] for line in jsonl.read_text(encoding="utf-8").splitlines()] == [expected]

    # Polling again, as after a restart, reports nothing new.
    code, output = _watch(db, feed, jsonl, hook)
    assert "→" not in output
    assert len(local_web.hook_bodies) == 1
    assert local_web.hits["/n/canada"] == 1


def test_watch_survives_down_slow_and_malformed_feeds(tmp_path: Path, local_web: LocalWeb) -> None:
    local_web.page("/n/canada", html_page("کانادا", PERSIAN_DESIGNATION, published="2024-03-12"))
    good = local_web.page(
        "/rss", rss([{**_LISTING, "link": local_web.url("/n/canada")}]), "application/rss+xml"
    )
    local_web.routes["/down"] = (500, "text/plain", b"down")
    bad = local_web.page("/bad", "<rss><channel><item>unclosed", "application/rss+xml")
    seen: list[str] = []
    with Register.open(tmp_path / "r.sqlite") as reg, Fetcher(timeout=0.5, retries=0) as fetcher:
        sources = [local_web.url("/down"), local_web.url("/slow"), bad, good]
        result = poll_once(reg, sources, fetcher, [lambda c: seen.append(c.line())])
    # One failure each for the three broken sources (feedparser reads the broken XML leniently:
    # its one entry has no link and no article); the good feed still goes in.
    assert sorted(f.source for f in result.summary.failures) == sorted(sources[:3])
    assert len(seen) == 1
    assert seen[0].startswith("CA · Hizb ut-Tahrir: not known → listed")


def test_parse_every_durations() -> None:
    assert [parse_every(t) for t in ("30s", "15m", "1h", "90")] == [30, 900, 3600, 90]
