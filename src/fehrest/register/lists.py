"""Official lists in: the UN Security Council Consolidated List (XML) and FtM / OpenSanctions JSON.

Each listing becomes a LIST fact (and an FtM ``endDate`` a DELIST fact) from
an official source, stored like an article's events: the file is one
document, so importing the same file twice changes nothing. Listed
entities are linked to our groups by Wikidata QID, then by the entity
registry, then by any alias the register knows; others become new groups.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fehrest.errors import InputError
from fehrest.model import Actor, DateValue, Document, Event, Evidence, Target
from fehrest.register.dates import precision_of
from fehrest.register.query import _registry_group
from fehrest.register.store import Register, StoreResult

UN_AUTHORITY = "security council"


@dataclass(frozen=True, slots=True)
class Listing:
    """One listing read from an official list, before it is linked to a group."""

    record_id: str
    name: str
    aliases: tuple[str, ...]
    wikidata: str | None
    jurisdiction: str
    authority: str
    program: str | None
    listed: str | None
    ended: str | None = None
    reason: str | None = None
    source_url: str | None = None


@dataclass(slots=True)
class ImportResult:
    """What an import did: listings read, what was stored, and the problems met."""

    listings: int = 0
    stored: StoreResult = field(default_factory=StoreResult)
    failures: list[InputError] = field(default_factory=list)


def _iso(value: str | None) -> str | None:
    """An FtM or UN date (``2001-10-06``, ``2001-10-06T00:00:00``, ``2001-10``) as an ISO value."""
    if not value:
        return None
    value = value.strip()[:10]
    try:
        precision_of(value)
    except ValueError:
        return None
    return value


def read_un_xml(path: Path) -> tuple[list[Listing], list[InputError], str | None]:
    """Read the ENTITIES of a UN Consolidated List; a truncated file keeps what came before the break."""
    listings: list[Listing] = []
    failures: list[InputError] = []
    generated: str | None = None
    try:
        for event, elem in ET.iterparse(path, events=("start", "end")):
            if event == "start" and elem.tag == "CONSOLIDATED_LIST":
                generated = _iso(elem.get("dateGenerated"))
            if event == "end" and elem.tag == "ENTITY":
                listings.append(_un_entity(elem))
                elem.clear()
    except ET.ParseError as exc:
        line = exc.position[0]
        failures.append(
            InputError(str(path), f"malformed UN list XML ({exc.msg if hasattr(exc, 'msg') else exc})", line)
        )
    except OSError as exc:
        failures.append(InputError(str(path), f"cannot read: {exc.strerror}"))
    return listings, failures, generated


def _text(elem: ET.Element, tag: str) -> str | None:
    found = elem.findtext(tag)
    return found.strip() if found and found.strip() else None


def _un_entity(elem: ET.Element) -> Listing:
    name = " ".join(filter(None, (_text(elem, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME"))))
    aliases = tuple(a for a in (_text(x, "ALIAS_NAME") for x in elem.iter("ENTITY_ALIAS")) if a)
    reference = _text(elem, "REFERENCE_NUMBER") or _text(elem, "DATAID") or name
    return Listing(
        record_id=reference,
        name=name,
        aliases=aliases,
        wikidata=None,
        jurisdiction="UN",
        authority=UN_AUTHORITY,
        program=_text(elem, "UN_LIST_TYPE"),
        listed=_iso(_text(elem, "LISTED_ON")),
        reason=_text(elem, "COMMENTS1"),
    )


def read_ftm(path: Path) -> tuple[list[Listing], list[InputError]]:
    """Read FtM entities (JSON lines or a JSON array): organisations and their ``Sanction`` records."""
    failures: list[InputError] = []
    entities: list[tuple[int | None, dict[str, Any]]] = []
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [InputError(str(path), f"cannot read: {exc.strerror}")]
    stripped = data.lstrip()
    if stripped.startswith(b"["):
        try:
            entities = [(None, e) for e in json.loads(data.decode("utf-8"))]
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            line = getattr(exc, "lineno", None)
            return [], [InputError(str(path), f"malformed FtM JSON: {exc}", line)]
    else:
        for line_number, raw in enumerate(data.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                entities.append((line_number, json.loads(raw.decode("utf-8"))))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                failures.append(InputError(str(path), f"malformed FtM JSON line: {exc}", line_number))
    parties: dict[str, dict[str, Any]] = {}
    sanctions: list[tuple[int | None, dict[str, Any]]] = []
    for number, entity in entities:
        if not isinstance(entity, dict) or "schema" not in entity:
            failures.append(InputError(str(path), "not an FtM entity (no 'schema')", number))
        elif entity["schema"] == "Sanction":
            sanctions.append((number, entity))
        else:
            parties[str(entity.get("id"))] = entity
    listings: list[Listing] = []
    for number, sanction in sanctions:
        listing = _ftm_listing(sanction, parties)
        if isinstance(listing, str):
            failures.append(InputError(str(path), listing, number))
        else:
            listings.append(listing)
    return listings, failures


def _first(props: dict[str, Any], name: str) -> str | None:
    values = props.get(name) or []
    return str(values[0]) if values else None


def _ftm_listing(sanction: dict[str, Any], parties: dict[str, dict[str, Any]]) -> Listing | str:
    props = sanction.get("properties", {})
    entity_ref = props.get("entity") or []
    ref = entity_ref[0]["id"] if entity_ref and isinstance(entity_ref[0], dict) else _first(props, "entity")
    party = parties.get(str(ref))
    if party is None:
        return f"Sanction {sanction.get('id')} names entity {ref!r}, which is not in the file"
    pprops = party.get("properties", {})
    names = [str(n) for n in pprops.get("name", [])]
    if not names:
        return f"entity {ref!r} has no name"
    authority = _first(props, "authority")
    country = (_first(props, "country") or "").upper()
    if country in ("", "ZZ") and authority and "security council" in authority.lower():
        country = "UN"
    if not country or country == "ZZ":
        return f"Sanction {sanction.get('id')} has no country"
    return Listing(
        record_id=str(sanction.get("id")),
        name=names[0],
        aliases=tuple(names[1:]) + tuple(str(a) for a in pprops.get("alias", [])),
        wikidata=_first(pprops, "wikidataId"),
        jurisdiction=country,
        authority=authority or "government",
        program=_first(props, "program"),
        listed=_iso(_first(props, "listingDate")) or _iso(_first(props, "startDate")),
        ended=_iso(_first(props, "endDate")),
        reason=_first(props, "reason"),
        source_url=_first(props, "sourceUrl"),
    )


def link_group(reg: Register, listing: Listing, prefix: str) -> Target:
    """Our group for a listed entity: by QID, entity registry, alias; else a new group."""
    if listing.wikidata:
        rows = reg.db.query("SELECT id, name FROM groups WHERE wikidata = ?", (listing.wikidata,))
        if rows:
            return Target(rows[0][0], rows[0][1], listing.wikidata)
    for name in (listing.name, *listing.aliases):
        known = _registry_group(name)
        if known is not None:
            return Target(known.id, known.name, known.wikidata or listing.wikidata)
    for name in (listing.name, *listing.aliases):
        rows = reg.db.query(
            "SELECT g.id, g.name, g.wikidata FROM group_aliases a JOIN groups g ON g.id = a.group_id "
            "WHERE a.alias = ?",
            (name.casefold(),),
        )
        if len({r[0] for r in rows}) == 1:
            return Target(rows[0][0], rows[0][1], rows[0][2] or listing.wikidata)
    return Target(f"{prefix}-{listing.record_id}".lower(), listing.name.title(), listing.wikidata)


def _events(listing: Listing, target: Target, number: int) -> Iterator[Event]:
    program = f" ({listing.program})" if listing.program else ""
    for type_, value in (("LIST", listing.listed), ("DELIST", listing.ended)):
        if value is None:
            continue
        verb = "listed" if type_ == "LIST" else "delisted"
        sentence = f"{listing.name} [{listing.record_id}] {verb} by {listing.authority}{program} on {value}."
        if listing.reason and type_ == "LIST":
            sentence += f" {listing.reason}"
        yield Event(
            id=f"{type_.lower()}-{number}",
            type=type_,  # type: ignore[arg-type]
            modality="asserted",
            actor=Actor(listing.jurisdiction),
            target=target,
            evidence=(Evidence(sentence, 0, 0),),
            authority=listing.authority,
            list="sanctions",
            date=DateValue(value, precision_of(value)),
            confidence=1.0,
            rule=f"official-list.{type_.lower()}",
            reason=listing.reason,
        )


def import_list(reg: Register, path: str | Path, fmt: str) -> ImportResult:
    """Import an official list file (``un-xml`` or ``ftm``) as LIST/DELIST facts."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    generated: str | None = None
    if fmt == "un-xml":
        listings, failures, generated = read_un_xml(path)
        prefix = "un"
    elif fmt == "ftm":
        listings, failures = read_ftm(path)
        prefix = "ftm"
    else:
        raise InputError(str(path), f"unknown list format {fmt!r} (un-xml or ftm)")
    result = ImportResult(listings=len(listings), failures=failures)
    events: list[Event] = []
    programs: dict[str, str] = {}
    for number, listing in enumerate(listings):
        target = link_group(reg, listing, prefix)
        reg.add_group(target.id, target.name, target.wikidata, (listing.name, *listing.aliases))
        for event in _events(listing, target, number):
            events.append(event)
            if listing.program:
                programs[event.id] = listing.program
    text = path.read_bytes().decode("utf-8", errors="replace")
    url = next((x.source_url for x in listings if x.source_url), None)
    doc = Document(
        text=text,
        source=str(path),
        language="en",
        published=generated,
        url=url,
        title=path.name,
        events=tuple(events),
        meta={"programs": programs},
    )
    result.stored = reg.store_documents([doc], kind="official-list")
    for failure in failures:
        reg.record_failure(failure.source, failure.problem, failure.line)
    return result
