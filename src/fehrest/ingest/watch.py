"""Poll feeds and pages, ingest what is new, and report each status change once.

A change is a group newly listed, delisted or suspended somewhere (the status
word of a group × jurisdiction moved) or a new proposal (a pending fact). The
status of every pair the new documents touch is compared with the last one
reported (kept in the register, :mod:`fehrest.register.watchstate`), so a
restart neither repeats nor loses a change.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from fehrest.errors import FehrestError, InputError
from fehrest.ingest.feeds import looks_like_feed, parse_feed
from fehrest.ingest.fetch import Fetcher
from fehrest.ingest.run import IngestSummary, ingest_items
from fehrest.ingest.sources import entry_item, page_of
from fehrest.ingest.work import Extractor, WorkItem, default_extractor
from fehrest.model import Document
from fehrest.register.query import StatusReport, status
from fehrest.register.store import Register, StoreResult
from fehrest.register.watchstate import WatchState

_STATUS_TYPES = ("LIST", "DELIST", "SUSPEND")
_MARK = "watch_mark"
Mark = tuple[str, str, str]  # source, entry key, fingerprint
_EVERY = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``1h``, ``1d`` (a bare number is seconds)."""
    found = _EVERY.fullmatch(text.strip().lower())
    if not found or float(found.group(1)) <= 0:
        raise FehrestError(f"--every {text!r}: give a duration such as 30s, 15m or 1h")
    return float(found.group(1)) * _UNITS[found.group(2)]


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One reported change, as printed, written to JSON Lines and posted to a webhook."""

    kind: str  # "status" or "proposal"
    group_id: str
    group: str
    jurisdiction: str
    before: str | None
    after: str
    since: str | None = None
    authority: str | None = None
    source: str | None = None
    proposal: str | None = None  # e.g. "DELIST possible"

    def line(self) -> str:
        """``KZ · Taliban: listed → not listed (since 2024-06-03, president) — URL``."""
        head = f"{self.jurisdiction} · {self.group}: "
        detail = ", ".join(x for x in (self.since and f"since {self.since}", self.authority) if x)
        if self.kind == "proposal":
            body = f"new proposal: {self.proposal}" + (f" ({detail})" if detail else "")
        else:
            body = f"{self.before or 'not known'} → {self.after}" + (f" ({detail})" if detail else "")
        return head + body + (f" — {self.source}" if self.source else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "group": {"id": self.group_id, "name": self.group},
            "jurisdiction": self.jurisdiction,
            "before": self.before,
            "after": self.after,
            "since": self.since,
            "authority": self.authority,
            "proposal": self.proposal,
            "source": self.source,
            "line": self.line(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StatusChange:
        return cls(
            kind=data["kind"],
            group_id=data["group"]["id"],
            group=data["group"]["name"],
            jurisdiction=data["jurisdiction"],
            before=data["before"],
            after=data["after"],
            since=data["since"],
            authority=data["authority"],
            source=data["source"],
            proposal=data["proposal"],
        )


@dataclass(slots=True)
class PollResult:
    """What one poll did."""

    summary: IngestSummary
    changes: list[StatusChange] = field(default_factory=list)
    skipped: int = 0  # entries already read in an earlier poll


Sink = Callable[[StatusChange], None]


def poll_once(
    reg: Register,
    sources: Sequence[str],
    fetcher: Fetcher,
    sinks: Sequence[Sink] = (),
    extract: Extractor = default_extractor,
    workers: int = 1,
) -> PollResult:
    """Fetch every source, ingest the new entries, and deliver the status changes they cause."""
    state = WatchState(reg)
    marks: list[Mark] = []
    skipped = 0

    def items() -> Iterator[WorkItem | InputError]:
        nonlocal skipped
        for source in sources:
            for found in _new_items(source, fetcher, state):
                if found is None:
                    skipped += 1
                    continue
                item, mark = found
                if mark is not None and not isinstance(item, InputError):
                    marks.append(mark)
                    item = dataclasses.replace(item, meta={**item.meta, _MARK: mark})
                yield item

    changes: list[StatusChange] = []

    def store(batch: list[Document]) -> StoreResult:
        pairs = sorted(
            {
                (e.target.id, e.actor.jurisdiction)
                for d in batch
                for e in d.events or ()
                if e.type in _STATUS_TYPES and e.actor.jurisdiction
            }
        )
        with reg.db.transaction():
            before = state.last_status(pairs)
            missing = [p for p in pairs if p not in before]
            before.update(_current(reg, missing))
            result = reg.store_documents(batch)
            after = _current(reg, pairs)
            found = _compare(before, after)
            state.add_changes((key, change.to_json()) for key, change in found)
            state.save_status(after)
            # Entries are marked read with the documents they gave: a crash re-reads only later ones.
            state.mark_seen(d.meta[_MARK] for d in batch if _MARK in d.meta)
        changes.extend(change for _, change in found)
        return result

    summary = ingest_items(reg, items(), extract, workers=workers, store=store, batch_size=20)
    with reg.db.transaction():
        # Every item is processed by now: entries that gave no article are not read again either.
        state.mark_seen(marks)
    deliver(state, sinks)
    return PollResult(summary, changes, skipped)


def deliver(state: WatchState, sinks: Sequence[Sink]) -> int:
    """Send every undelivered change to the sinks, then mark it delivered; return how many."""
    pending = state.unreported()
    for _, payload in pending:
        change = StatusChange.from_json(payload)
        for sink in sinks:
            sink(change)
    state.mark_reported([key for key, _ in pending])
    return len(pending)


def _new_items(
    source: str, fetcher: Fetcher, state: WatchState
) -> Iterator[tuple[WorkItem | InputError, Mark | None] | None]:
    """Items of a source not read before, each with the mark recording it as read; None for one skipped.

    Failures carry no mark: a feed that is down, or a page that did not load,
    is tried again next poll.
    """
    fetched = fetcher.fetch(source)
    if isinstance(fetched, InputError):
        yield fetched, None
        return
    if not looks_like_feed(fetched.content, fetched.mime):
        fingerprint = hashlib.sha256(fetched.content).hexdigest()[:32]
        if state.is_seen(source, source, fingerprint):
            yield None
        else:
            yield page_of(fetched), (source, source, fingerprint)
        return
    entries = parse_feed(fetched.content, source)
    if isinstance(entries, InputError):
        yield entries, None
        return
    for entry in entries:
        if state.is_seen(source, entry.key, entry.fingerprint):
            yield None
            continue
        item = entry_item(entry, source, fetcher)
        yield item, None if isinstance(item, InputError) else (source, entry.key, entry.fingerprint)


def _current(reg: Register, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The status of each pair now, as the JSON that watch keeps and compares."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    by_target: dict[str, list[str]] = {}
    for target, jurisdiction in pairs:
        by_target.setdefault(target, []).append(jurisdiction)
    for target, jurisdictions in by_target.items():
        try:
            report: StatusReport = status(reg, target)
        except FehrestError:
            continue
        for item in report.statuses:
            if item.jurisdiction not in jurisdictions:
                continue
            fact = item.fact
            out[(target, item.jurisdiction)] = {
                "group": report.group.name,
                "status": item.status,
                "since": fact.date.value if fact and fact.date else None,
                "authority": fact.authority if fact else None,
                "fact": fact.id if fact else None,
                "source": _latest_url(fact),
                "pending": {
                    str(p.id): {
                        "what": f"{p.type} {p.modality}",
                        "since": p.date.value if p.date else None,
                        "authority": p.authority,
                        "source": _latest_url(p),
                    }
                    for p in item.pending
                },
            }
    return out


def _latest_url(fact: Any) -> str | None:
    if fact is None or not fact.sources:
        return None
    newest = fact.sources[-1]
    return str(newest.url or newest.source)


def _compare(
    before: dict[tuple[str, str], dict[str, Any]], after: dict[tuple[str, str], dict[str, Any]]
) -> list[tuple[str, StatusChange]]:
    found: list[tuple[str, StatusChange]] = []
    for (target, jurisdiction), now in sorted(after.items()):
        then = before.get((target, jurisdiction))
        old = None if then is None else then["status"]
        if now["status"] != old and not (old is None and now["status"] == "unknown"):
            change = StatusChange(
                "status",
                target,
                now["group"],
                jurisdiction,
                old,
                now["status"],
                now["since"],
                now["authority"],
                now["source"],
            )
            found.append((f"{target}|{jurisdiction}|status|{now['status']}|{now['fact']}", change))
        old_pending = set((then or {}).get("pending", {}))
        for fact_id, proposal in sorted(now["pending"].items()):
            if fact_id in old_pending:
                continue
            change = StatusChange(
                "proposal",
                target,
                now["group"],
                jurisdiction,
                old,
                now["status"],
                proposal["since"],
                proposal["authority"],
                proposal["source"],
                proposal["what"],
            )
            found.append((f"{target}|{jurisdiction}|proposal|{fact_id}", change))
    return found


def jsonl_sink(path: Path) -> Sink:
    """Append each change as one JSON line."""

    def write(change: StatusChange) -> None:
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(change.to_json(), ensure_ascii=False) + "\n")

    return write


def webhook_sink(
    url: str, on_error: Callable[[str], None], attempts: int = 3, timeout: float = 5.0, backoff: float = 0.5
) -> Sink:
    """POST each change as a JSON body, retrying a few times; a failure is reported, never raised."""

    def post(change: StatusChange) -> None:
        problem = ""
        for attempt in range(attempts):
            try:
                response = httpx.post(url, json=change.to_json(), timeout=timeout)
                if response.status_code < 300:
                    return
                problem = f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
            if attempt + 1 < attempts:
                time.sleep(backoff * 2**attempt)
        on_error(f"{url}: webhook failed after {attempts} attempts ({problem})")

    return post
