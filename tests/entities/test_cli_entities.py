"""The entities commands: help with an example, a table, a group search."""

from __future__ import annotations

from typer.testing import CliRunner

from fehrest.cli import app

RUNNER = CliRunner()


def test_cli_entities_help_has_example() -> None:
    result = RUNNER.invoke(app, ["entities", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_cli_entities_reads_stdin_as_json() -> None:
    result = RUNNER.invoke(
        app, ["entities", "-", "--format", "json"], input="The Kremlin banned Hizb ut-Tahrir.\n"
    )
    assert result.exit_code == 0
    assert "hizb-ut-tahrir" in result.output
    assert '"RU"' in result.output


def test_cli_groups_search() -> None:
    result = RUNNER.invoke(app, ["groups", "حوثی"])
    assert result.exit_code == 0
    assert "ansar-allah" in result.output
