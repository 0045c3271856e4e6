"""Dependencies of the routes: the register of this thread, the caller's token, checked inputs."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from fehrest.errors import FehrestError
from fehrest.register.dates import parse_user_date, record_cutoff
from fehrest.register.query import Group, resolve_group
from fehrest.register.store import Register
from fehrest.register.tokens import TokenInfo, verify_token
from fehrest.web.errors import ApiError

_JURISDICTION = re.compile(r"^(?:[A-Za-z]{2})$")
_bearer = HTTPBearer(auto_error=False, description="A token from `fehrest token create`.")


def get_register(request: Request) -> Register:
    reg: Register = request.app.state.registers.get()
    return reg


RegisterDep = Annotated[Register, Depends(get_register)]


def require_token(
    reg: RegisterDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> TokenInfo:
    """The caller's active token: 401 when none is given, 403 when it is not a valid one."""
    if credentials is None or not credentials.credentials.strip():
        raise ApiError(
            401, "this needs an API token: Authorization: Bearer <token>", {"WWW-Authenticate": "Bearer"}
        )
    info = verify_token(reg, credentials.credentials)
    if info is None:
        raise ApiError(403, "the API token is not valid (unknown, revoked or mistyped)")
    return info


TokenDep = Annotated[TokenInfo, Depends(require_token)]


def check_date(value: str | None, name: str) -> str | None:
    """A legal date parameter (YYYY-MM-DD, YYYY-MM or YYYY), or 422."""
    if value is None or value == "":
        return None
    try:
        return parse_user_date(value, name)
    except FehrestError as exc:
        raise ApiError(422, str(exc)) from None


def check_known_on(value: str | None) -> str | None:
    """A record-time parameter (a date or an ISO timestamp), or 422."""
    if value is None or value == "":
        return None
    try:
        record_cutoff(value)
    except (FehrestError, ValueError) as exc:
        raise ApiError(422, f"known_on: {exc}") from None
    return value


def check_jurisdiction(value: str | None) -> str | None:
    """A jurisdiction parameter (ISO alpha-2, UN or EU), upper-cased, or 422."""
    if value is None or value == "":
        return None
    if not _JURISDICTION.match(value):
        raise ApiError(422, f"jurisdiction: {value!r} is not an ISO 3166-1 alpha-2 code, UN or EU")
    return value.upper()


def find_group(reg: Register, name: str) -> Group:
    """The group a name stands for, or 404 naming what was asked."""
    try:
        return resolve_group(reg, name)
    except FehrestError as exc:
        raise ApiError(404, str(exc)) from None
