"""The ``fehrest times`` command."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fehrest.cli import app

runner = CliRunner()


def test_cli_times_help_has_an_example() -> None:
    result = runner.invoke(app, ["times", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_cli_times_json_with_published(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("وزیر روز دوشنبه گفت که این گروه از سال ۲۰۰۳ ممنوع بوده است.\n", encoding="utf-8")
    result = runner.invoke(
        app, ["times", str(article), "--published", "2024-06-05", "--lang", "fa", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert [(t["value"], t["kind"]) for t in payload["times"]] == [
        ("2024-06-03", "relative"),
        ("2003", "range"),
    ]


def test_cli_times_reads_stdin_and_infers_published() -> None:
    text = "On Monday, June 3 the ministry spoke; on Tuesday it wrote.\n"
    result = runner.invoke(
        app, ["times", "-", "--lang", "en", "--today", "2025-01-01", "-f", "json"], input=text
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["document"]["published"] == "2024-06-04"
    assert payload["document"]["published_inferred"] is True


def test_cli_times_table(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("In March 2005 the court banned it.\n", encoding="utf-8")
    result = runner.invoke(app, ["times", str(article), "--lang", "en", "--today", "2025-01-01"])
    assert result.exit_code == 0, result.output
    assert "2005-03" in result.output


def test_cli_times_rejects_a_bad_date(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("x\n", encoding="utf-8")
    result = runner.invoke(app, ["times", str(article), "--published", "June"])
    assert result.exit_code != 0
