"""Errors the web app answers with: JSON ``{"status": N, "message": ...}``."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse, Response


class ApiError(Exception):
    """An error answered as ``{"status": N, "message": ...}`` with HTTP status N."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def error_response(
    status: int, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> Response:
    return JSONResponse({"status": status, "message": message, **extra}, status_code=status, headers=headers)
