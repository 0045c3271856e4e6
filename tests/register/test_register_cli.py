"""The register's commands: formats, --explain, --known-on, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from register_helpers import GROUP, FakeClock, article, event
from typer.testing import CliRunner

from fehrest.cli import app
from fehrest.register import Register

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    clock = FakeClock("2024-02-01")
    path = str(tmp_path / "cli.sqlite")
    with Register.open(path, clock=clock) as reg:
        reg.store_documents(
            [
                article(
                    "The court banned them.",
                    event(
                        "LIST", "LT", "2010-10", authority="court", evidence="A court in Vilnius banned them."
                    ),
                    url="https://news.example/1",
                )
            ]
        )
        clock.set("2024-05-01")
        reg.store_documents(
            [
                article(
                    "Lifted.",
                    event("DELIST", "LT", "2024-04-04", authority="government", evidence="Ban lifted."),
                )
            ]
        )
    return path


def test_status_command_formats(db: str) -> None:
    out = runner.invoke(app, ["status", GROUP.name, "--as-of", "2020-01-01", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    (lt,) = data["jurisdictions"]
    assert (lt["status"], lt["since"], lt["since_precision"], lt["by"]) == (
        "listed",
        "2010-10",
        "month",
        "court",
    )
    rows = list(
        csv.DictReader(io.StringIO(runner.invoke(app, ["status", GROUP.id, "--db", db, "-f", "csv"]).stdout))
    )
    assert (rows[0]["status"], rows[0]["since"]) == ("not listed", "2024-04-04")
    table = runner.invoke(app, ["status", GROUP.name, "--as-of", "2020-01-01", "--db", db, "--explain"])
    assert "Vilnius" in table.stdout
    explained = runner.invoke(
        app, ["status", GROUP.name, "--as-of", "2020", "--db", db, "--explain", "-f", "json"]
    )
    sources = json.loads(explained.stdout)["jurisdictions"][0]["fact"]["sources"]
    assert sources[0]["evidence"] == ["A court in Vilnius banned them."]


def test_status_command_known_on(db: str) -> None:
    out = runner.invoke(
        app,
        ["status", GROUP.name, "--as-of", "2024-12-31", "--known-on", "2024-03-01", "--db", db, "-f", "json"],
    )
    assert json.loads(out.stdout)["jurisdictions"][0]["status"] == "listed"


def test_timeline_and_changes_commands(db: str) -> None:
    facts = json.loads(runner.invoke(app, ["timeline", GROUP.name, "--db", db, "-f", "json"]).stdout)["facts"]
    assert [f["type"] for f in facts] == ["LIST", "DELIST"]
    moved = json.loads(runner.invoke(app, ["changes", "--since", "2024", "--db", db, "-f", "json"]).stdout)
    assert [f["type"] for f in moved["facts"]] == ["DELIST"]


def test_status_command_bad_date_is_one_line(db: str) -> None:
    out = runner.invoke(app, ["status", GROUP.name, "--as-of", "last week", "--db", db])
    assert out.exit_code != 0
    assert "--as-of" in str(out.exception) or "--as-of" in out.output
