"""API tokens: shown once, stored hashed, checked, revoked; and the ``token`` commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fehrest.cli import app
from fehrest.errors import FehrestError
from fehrest.register import Register
from fehrest.register.tokens import create_token, list_tokens, revoke_token, verify_token


@pytest.fixture
def reg(tmp_path: Path) -> Iterator[Register]:
    register = Register.open(tmp_path / "register.sqlite")
    try:
        yield register
    finally:
        register.close()


def test_token_is_stored_only_as_a_salted_hash(reg: Register) -> None:
    info, token = create_token(reg, "maryam")
    secret = token.rsplit("_", 1)[1]
    rows = reg.db.query("SELECT token_id, name, salt, hash FROM api_tokens")
    assert len(rows) == 1
    stored = " ".join(str(v) for v in rows[0])
    assert secret not in stored
    assert token not in stored
    assert rows[0][0] == info.token_id


def test_two_tokens_for_one_secret_hash_differently(reg: Register) -> None:
    create_token(reg, "a")
    create_token(reg, "b")
    salts = {r[0] for r in reg.db.query("SELECT salt FROM api_tokens")}
    assert len(salts) == 2


def test_verify_accepts_the_token_and_nothing_near_it(reg: Register) -> None:
    info, token = create_token(reg, "maryam")
    found = verify_token(reg, token)
    assert found is not None
    assert found.name == "maryam"
    assert found.last_used_at is not None
    flipped = token[:-1] + ("x" if token[-1] != "x" else "y")
    for wrong in (flipped, token + "a", token.replace(info.token_id, "0" * 12), "", "fht", "Bearer " + token):
        assert verify_token(reg, wrong) is None, wrong


def test_revoked_token_no_longer_verifies(reg: Register) -> None:
    _, token = create_token(reg, "maryam")
    (revoked,) = revoke_token(reg, "maryam")
    assert revoked.revoked_at is not None
    assert verify_token(reg, token) is None
    # The name is free again once its token is revoked.
    _, again = create_token(reg, "maryam")
    assert verify_token(reg, again) is not None
    assert [t.active for t in list_tokens(reg)] == [False, True]


def test_one_active_token_per_name(reg: Register) -> None:
    create_token(reg, "maryam")
    with pytest.raises(FehrestError, match="already"):
        create_token(reg, "maryam")


@pytest.mark.parametrize("name", ["", "two words", "x" * 65, "a/b", "trailing\n"])
def test_bad_token_names(reg: Register, name: str) -> None:
    with pytest.raises(FehrestError):
        create_token(reg, name)


def test_revoke_unknown_token(reg: Register) -> None:
    with pytest.raises(FehrestError, match="no active token"):
        revoke_token(reg, "nobody")


def test_token_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "register.sqlite")
    runner = CliRunner()
    created = runner.invoke(app, ["token", "create", "--name", "ci-bot", "--db", db])
    assert created.exit_code == 0, created.output
    token = created.stdout.strip().splitlines()[0]
    assert token.startswith("fht_")
    with Register.open(db) as reg:
        assert verify_token(reg, token) is not None
    listed = runner.invoke(app, ["token", "list", "--db", db, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    (row,) = json.loads(listed.stdout)
    assert row["name"] == "ci-bot"
    assert row["active"] is True
    # The secret (URL-safe base64) may itself contain "_": split off the prefix and id only.
    assert token.split("_", 2)[2] not in listed.stdout
    revoked = runner.invoke(app, ["token", "revoke", "ci-bot", "--db", db])
    assert revoked.exit_code == 0, revoked.output
    with Register.open(db) as reg:
        assert verify_token(reg, token) is None


@pytest.mark.parametrize(
    "command", [["serve"], ["token"], ["token", "create"], ["token", "list"], ["token", "revoke"]]
)
def test_web_commands_have_help(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output
