"""``fehrest normalize``."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from fehrest.cli import app

runner = CliRunner()


def test_cli_normalize_reads_stdin() -> None:
    result = runner.invoke(app, ["normalize", "-"], input="كتابها ۲۷ می در\n")
    assert result.exit_code == 0
    assert result.stdout == "کتاب\u200cها 27 می در\n"


def test_cli_normalize_file_english(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Hello\u00a0world", encoding="utf-8")
    result = runner.invoke(app, ["normalize", "--lang", "en", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "Hello world"


def test_cli_normalize_help_has_example() -> None:
    result = runner.invoke(app, ["normalize", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
