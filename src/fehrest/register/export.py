"""The register out: FtM entities (an Organization per group, a Sanction per listing period), CSV, JSON Lines.

Exporters share one shape, after followthemoney's: they turn facts into
records and write them; the CLI chooses the writer.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from fehrest.register.facts import Fact
from fehrest.register.query import load_facts
from fehrest.register.report import fact_json, fact_rows
from fehrest.register.store import Register

_ENDS = ("DELIST", "SUSPEND")


def all_facts(reg: Register) -> list[Fact]:
    """Every fact with its sources, in legal order."""
    return sorted(load_facts(reg, "1 = 1", ()), key=Fact.sort_key)


def listing_periods(facts: list[Fact]) -> Iterator[tuple[Fact, Fact | None, Fact]]:
    """Per (group, jurisdiction): (first LIST, the DELIST/SUSPEND that ended it or None, last LIST).

    Only asserted, dated, uncontradicted facts draw periods; a LIST while
    already listed extends the period rather than opening another.
    """
    by_pair: dict[tuple[str, str], list[Fact]] = {}
    for f in facts:
        drawn = f.type == "LIST" or f.type in _ENDS
        if (
            drawn
            and f.modality_class == "asserted"
            and f.date is not None
            and f.jurisdiction
            and not f.contradicted
        ):
            by_pair.setdefault((f.target_id, f.jurisdiction), []).append(f)
    for items in by_pair.values():
        opened: Fact | None = None
        latest: Fact | None = None
        for f in sorted(items, key=Fact.sort_key):
            if f.type == "LIST":
                opened = opened or f
                latest = f
            elif opened is not None and latest is not None:
                yield opened, f, latest
                opened = latest = None
        if opened is not None and latest is not None:
            yield opened, None, latest


def ftm_entities(reg: Register) -> Iterator[dict[str, Any]]:
    """FtM entity dicts, valid against the FtM schema (made through ``followthemoney``)."""
    from followthemoney import model

    facts = all_facts(reg)
    groups = {f.target_id for f in facts}
    aliases: dict[str, list[str]] = {}
    for alias, group_id in reg.db.query("SELECT alias, group_id FROM group_aliases ORDER BY alias"):
        aliases.setdefault(group_id, []).append(alias)
    org_ids: dict[str, str] = {}
    for group_id, name, wikidata in reg.db.query("SELECT id, name, wikidata FROM groups ORDER BY id"):
        if group_id not in groups:
            continue
        org = model.make_entity("Organization")
        org.make_id("fehrest-group", group_id)
        org.add("name", name)
        org.add("alias", [a for a in aliases.get(group_id, []) if a != name.casefold()])
        if wikidata:
            org.add("wikidataId", wikidata)
        org.add("topics", "sanction")
        org_ids[group_id] = str(org.id)
        yield org.to_dict()
    for start, end, latest in listing_periods(facts):
        sanction = model.make_entity("Sanction")
        sanction.make_id("fehrest-sanction", start.target_id, start.jurisdiction, start.id)
        sanction.add("entity", org_ids[start.target_id])
        sanction.add("authority", latest.authority or start.authority)
        if start.jurisdiction not in ("UN", "EU"):
            sanction.add("country", (start.jurisdiction or "").lower())
        elif start.jurisdiction == "EU":
            sanction.add("country", "eu")
        sanction.add("program", start.program or start.list)
        assert start.date is not None
        sanction.add("listingDate", start.date.value)
        sanction.add("startDate", start.date.value)
        if end is not None and end.date is not None:
            sanction.add("endDate", end.date.value)
        used = [start, latest] + ([end] if end else [])
        sanction.add(
            "sourceUrl", sorted({s.url for f in used for s in f.sources if s.url and "://" in s.url})
        )
        sanction.add("reason", next((s.evidence[0] for s in start.sources if s.evidence), None))
        yield sanction.to_dict()


def write_export(reg: Register, fmt: str, out: IO[str]) -> int:
    """Write the register as ``ftm``, ``csv`` or ``jsonl``; return how many records were written."""
    count = 0
    if fmt == "ftm":
        for entity in ftm_entities(reg):
            out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    elif fmt == "jsonl":
        for fact in all_facts(reg):
            out.write(json.dumps(fact_json(fact, explain=True), ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "csv":
        rows = fact_rows(all_facts(reg), explain=True)
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        count = len(rows)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return count
