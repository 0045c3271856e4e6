"""Official lists in (UN XML, FtM JSON) and the register out (FtM, CSV, JSON Lines)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from followthemoney import model
from register_helpers import GROUP, article, event

from fehrest.register import Register, status, timeline
from fehrest.register.export import write_export
from fehrest.register.lists import import_list

FIXTURES = Path(__file__).parent / "fixtures"


def test_import_un_xml_lists_entities_as_un_facts(fresh_register: Register) -> None:
    fresh_register.add_group(GROUP.id, GROUP.name, GROUP.wikidata)
    result = import_list(fresh_register, FIXTURES / "un-consolidated.xml", "un-xml")
    assert (result.listings, result.failures) == (2, [])
    # Linked to our group by name; found afterwards by the UN's alias too.
    (un,) = status(fresh_register, "Jabhat al-Shamal", as_of="2010-01-01").statuses
    assert (un.jurisdiction, un.status, un.by) == ("UN", "listed", "security council")
    assert un.since is not None
    assert un.since.value == "2009-07-14"
    assert un.fact is not None
    assert un.fact.program == "Al-Qaida"
    again = import_list(fresh_register, FIXTURES / "un-consolidated.xml", "un-xml")
    assert (again.stored.new_events, again.stored.unchanged_documents) == (0, 1)


def test_import_truncated_un_xml_names_line_and_keeps_complete_entries(
    fresh_register: Register, tmp_path: Path
) -> None:
    text = (FIXTURES / "un-consolidated.xml").read_text(encoding="utf-8")
    cut = text.index("<ENTITY>", text.index("TAe.902") - 300)
    broken = tmp_path / "cut.xml"
    broken.write_text(text[: cut + 40], encoding="utf-8")
    result = import_list(fresh_register, broken, "un-xml")
    assert result.listings == 1
    (failure,) = result.failures
    assert failure.source == str(broken)
    assert failure.line is not None
    assert failure.line > 20
    assert "malformed UN list XML" in failure.problem


def test_import_ftm_links_by_qid_and_reads_periods(fresh_register: Register) -> None:
    fresh_register.store_documents([article("A news report.", event("LIST", "LT", "2010-10"))])
    result = import_list(fresh_register, FIXTURES / "opensanctions.ftm.json", "ftm")
    assert result.listings == 2
    assert [(f.line, "not in the file" in f.problem) for f in result.failures] == [(5, True)]
    _, facts = timeline(fresh_register, GROUP.name, jurisdiction="CA")
    assert [(f.type, f.date.value if f.date else None, f.authority) for f in facts] == [
        ("LIST", "2013-02-26", "Ministry of Justice"),
        ("DELIST", "2022-08-01", "Ministry of Justice"),
    ]
    (harbour,) = status(fresh_register, "Harbour Union", as_of="2016-01-01").statuses
    assert (harbour.jurisdiction, harbour.status) == ("UN", "listed")


def test_export_ftm_is_valid_and_has_a_sanction_per_period(fresh_register: Register) -> None:
    fresh_register.store_documents(
        [
            article(
                "Report.",
                event(
                    "LIST", "NL", "2004-05", authority="government", evidence="The Dutch cabinet listed them."
                ),
                event("DELIST", "NL", "2011-02-02", authority="court", key="e2"),
                event("LIST", "NL", "2019-09-19", authority="government", key="e3"),
                url="https://news.example/nl",
            )
        ]
    )
    out = io.StringIO()
    count = write_export(fresh_register, "ftm", out)
    entities = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(entities) == 3
    for entity in entities:
        proxy = model.get_proxy(entity)
        assert proxy.schema.validate(entity) is None
    sanctions = sorted(
        (e for e in entities if e["schema"] == "Sanction"), key=lambda e: e["properties"]["startDate"]
    )
    assert [s["properties"].get("endDate") for s in sanctions] == [["2011-02-02"], None]
    first = sanctions[0]["properties"]
    assert first["country"] == ["nl"]
    assert first["reason"] == ["The Dutch cabinet listed them."]
    assert first["sourceUrl"] == ["https://news.example/nl"]
    org = next(e for e in entities if e["schema"] == "Organization")
    assert org["properties"]["wikidataId"] == [GROUP.wikidata]
    assert all(s["properties"]["entity"] == [org["id"]] for s in sanctions)


def test_export_csv_and_jsonl_carry_every_fact(fresh_register: Register) -> None:
    fresh_register.store_documents(
        [article("Two.", event("LIST", "SE", "2001"), event("REACT", "NO", "2001-02-02", key="e2"))]
    )
    buf = io.StringIO()
    assert write_export(fresh_register, "csv", buf) == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["type"] for r in rows] == ["LIST", "REACT"]
    buf = io.StringIO()
    write_export(fresh_register, "jsonl", buf)
    facts = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [f["sources"][0]["evidence"] for f in facts] == [
        ["LIST by SE on 2001"],
        ["REACT by NO on 2001-02-02"],
    ]
