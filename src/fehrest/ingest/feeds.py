"""RSS and Atom feeds (``feedparser``): entries, with their content when the feed carries it.

A feed entry becomes a Document from its own content when that is a whole
article (``content:encoded``, Atom ``content``); otherwise its page is
fetched and read like any other page. ``key`` and ``fingerprint`` let
``watch`` skip entries it has already read, even after a restart.
"""

from __future__ import annotations

import hashlib
import html
import re
import time
from dataclasses import dataclass
from typing import Any

from fehrest.errors import InputError

_TAG = re.compile(r"<[^>]*>")
_FULL_TEXT = 200  # characters: shorter carried content is a teaser, the page has the article


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed, as far as Fehrest needs it."""

    key: str
    fingerprint: str
    link: str | None
    title: str | None
    published: str | None
    content: str | None
    language: str | None


def looks_like_feed(content: bytes, mime: str = "") -> bool:
    """Whether a body is a feed rather than a page (by media type, else by its first tag)."""
    if any(word in mime for word in ("rss", "atom", "xml")) and "html" not in mime:
        return True
    head = content[:1024].lstrip().lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
        while head.startswith(b"<!--") or head.startswith(b"<?"):
            head = head[head.find(b">") + 1 :].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(content: bytes, source: str) -> list[FeedEntry] | InputError:
    """Parse a feed body into entries; a body that is no feed at all is one clear error."""
    import feedparser

    parsed = feedparser.parse(content)
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = str(reason).strip().splitlines()[0] if reason is not None and str(reason).strip() else ""
        return InputError(source, f"not an RSS or Atom feed{': ' + detail if detail else ''}")
    if not parsed.get("version") and not parsed.entries:
        return InputError(source, "not an RSS or Atom feed (no channel, no entries)")
    language = parsed.feed.get("language") if parsed.get("feed") else None
    return [_entry(item, language) for item in parsed.entries]


def _entry(item: Any, language: str | None) -> FeedEntry:
    link = item.get("link")
    title = item.get("title")
    content = None
    for part in item.get("content") or ():
        if part.get("value"):
            content = part["value"]
            break
    if content is None and item.get("summary"):
        content = item["summary"]
    key = item.get("id") or link or title or ""
    digest = hashlib.sha256("\x1f".join((title or "", content or "", link or "")).encode()).hexdigest()
    return FeedEntry(
        key=key,
        fingerprint=digest[:32],
        link=link,
        title=title,
        published=_day(item.get("published_parsed") or item.get("updated_parsed")),
        content=content,
        language=language,
    )


def _day(parsed: time.struct_time | None) -> str | None:
    if parsed is None:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


def carried_content(entry: FeedEntry) -> str | None:
    """The entry's own content as a page, when it is a whole article rather than a teaser."""
    if not entry.content or len(_TAG.sub("", entry.content).strip()) < _FULL_TEXT:
        return None
    body = entry.content if "<" in entry.content else f"<p>{html.escape(entry.content)}</p>"
    title = f"<title>{html.escape(entry.title)}</title>" if entry.title else ""
    lang = f' lang="{html.escape(entry.language)}"' if entry.language else ""
    return f"<html{lang}><head>{title}</head><body><article>{body}</article></body></html>"
