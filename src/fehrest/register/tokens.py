"""API tokens for writing to the register over HTTP: created once, stored hashed.

A token reads ``fht_<token id>_<secret>``. The token id is public (it finds the
row); the secret is 32 random bytes, kept only as SHA-256 over a per-token salt.
A slow hash (scrypt) buys nothing here: the secret is random, not a password a
person chose, so there is no dictionary to slow down.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from fehrest.errors import FehrestError
from fehrest.register.backend import Row
from fehrest.register.store import Register

PREFIX = "fht"
_TOKEN = re.compile(rf"^{PREFIX}_([0-9a-f]{{12}})_([A-Za-z0-9_-]{{20,100}})$")
_NAME = re.compile(r"^[\w.@-]{1,64}$")


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """What the register keeps about a token (never the secret)."""

    token_id: str
    name: str
    created_at: str
    revoked_at: str | None
    last_used_at: str | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(f"{salt}:{secret}".encode()).hexdigest()


def _info(row: Row) -> TokenInfo:
    return TokenInfo(row[0], row[1], row[2], row[3], row[4])


_SELECT = "SELECT token_id, name, created_at, revoked_at, last_used_at FROM api_tokens"


def create_token(reg: Register, name: str) -> tuple[TokenInfo, str]:
    """Create a token for ``name``; return its record and the token, which is shown only now."""
    if not _NAME.fullmatch(name):
        raise FehrestError(f"token name {name!r}: use 1-64 letters, digits, '.', '_', '@' or '-'")
    token_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    salt = secrets.token_hex(16)
    now = reg.clock()
    with reg.db.transaction():
        taken = reg.db.query("SELECT 1 FROM api_tokens WHERE name = ? AND revoked_at IS NULL", (name,))
        if taken:
            raise FehrestError(f"an active token is already called {name!r}; revoke it first")
        reg.db.execute(
            "INSERT INTO api_tokens (token_id, name, salt, hash, created_at) VALUES (?, ?, ?, ?, ?)",
            (token_id, name, salt, _digest(salt, secret), now),
        )
    return TokenInfo(token_id, name, now, None, None), f"{PREFIX}_{token_id}_{secret}"


def list_tokens(reg: Register) -> list[TokenInfo]:
    """Every token ever created, oldest first, revoked ones included."""
    return [_info(r) for r in reg.db.query(f"{_SELECT} ORDER BY created_at, token_id")]


def revoke_token(reg: Register, name_or_id: str) -> list[TokenInfo]:
    """Revoke the active tokens with this name or token id; return them (fails when none)."""
    with reg.db.transaction():
        rows = reg.db.query(
            f"{_SELECT} WHERE (name = ? OR token_id = ?) AND revoked_at IS NULL", (name_or_id, name_or_id)
        )
        if not rows:
            raise FehrestError(f"no active token called {name_or_id!r}")
        now = reg.clock()
        reg.db.executemany(
            "UPDATE api_tokens SET revoked_at = ? WHERE token_id = ?", [(now, r[0]) for r in rows]
        )
    return [TokenInfo(r[0], r[1], r[2], now, r[4]) for r in rows]


def verify_token(reg: Register, token: str, touch: bool = True) -> TokenInfo | None:
    """The active token this string is, or None (malformed, unknown, revoked or wrong secret)."""
    match = _TOKEN.fullmatch(token.strip())
    if match is None:
        return None
    token_id, secret = match.groups()
    rows = reg.db.query(
        "SELECT token_id, name, created_at, revoked_at, last_used_at, salt, hash FROM api_tokens "
        "WHERE token_id = ?",
        (token_id,),
    )
    if not rows:
        return None
    row = rows[0]
    if row[3] is not None or not hmac.compare_digest(_digest(row[5], secret), row[6]):
        return None
    if touch:
        now = reg.clock()
        with reg.db.transaction():
            reg.db.execute("UPDATE api_tokens SET last_used_at = ? WHERE token_id = ?", (now, token_id))
        return TokenInfo(row[0], row[1], row[2], None, now)
    return _info(row)
