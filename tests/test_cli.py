"""Meta-tests of the command line: help everywhere, one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from fehrest.cli import app

runner = CliRunner()


def command_paths() -> list[tuple[str, ...]]:
    """Every command, with sub-commands of groups (``token create``) spelt out."""
    paths: list[tuple[str, ...]] = []

    def walk(command: object, prefix: tuple[str, ...]) -> None:
        # typer vendors its own click: look for sub-commands, not a class.
        subcommands = getattr(command, "commands", None)
        if isinstance(subcommands, dict):
            for name, sub in subcommands.items():
                walk(sub, (*prefix, name))
        else:
            paths.append(prefix)

    walk(typer.main.get_command(app), ())
    return sorted(paths)


def command_names() -> list[str]:
    return sorted({path[0] for path in command_paths()})


def test_cli_has_the_foundation_commands() -> None:
    assert {"extract", "eval"} <= set(command_names())


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_cli_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"fehrest {' '.join(path)} --help gives no example"


def run_fehrest(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from fehrest.cli import main; main()", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def test_cli_missing_file_is_one_line_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = run_fehrest("extract", str(missing))
    assert result.returncode != 0
    err = result.stderr.decode()
    assert str(missing) in err
    assert "no such file" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_cli_non_utf8_file_is_one_line_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    result = run_fehrest("extract", str(bad))
    err = result.stderr.decode()
    assert result.returncode != 0
    assert "latin1.txt" in err
    assert "not UTF-8" in err
    assert "Traceback" not in err


def test_cli_bad_published_date_is_one_line() -> None:
    result = run_fehrest("extract", "-", "--published", "2024-13-40", stdin=b"text")
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "--published" in err
    assert "YYYY-MM-DD" in err
    assert "Traceback" not in err


def test_cli_one_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A short English note with no designation in it.", encoding="utf-8")
    result = run_fehrest("extract", str(tmp_path / "missing.txt"), str(good))
    assert result.returncode == 2
    assert b'"source": "' + str(good).encode() + b'"' in result.stdout
