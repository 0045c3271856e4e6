"""The ASGI app: the HTTP API under ``/api``, the pages, static files, JSON errors."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from fehrest import __version__
from fehrest.ingest.run import Extractor, default_extractor
from fehrest.register.dates import utc_now
from fehrest.register.store import Clock, Register
from fehrest.web.errors import ApiError, error_response

HERE = Path(__file__).resolve().parent
log = logging.getLogger("fehrest.web")


class RegisterPool:
    """One register connection per worker thread (a connection is not shared between threads)."""

    def __init__(self, target: str, clock: Clock = utc_now) -> None:
        self.target = target
        self.clock = clock
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Register] = []
        # Open (and migrate) once up front, so a bad --db fails at start, not on the first request.
        self.get()

    def get(self) -> Register:
        reg: Register | None = getattr(self._local, "register", None)
        if reg is None:
            reg = Register.open(self.target, clock=self.clock)
            self._local.register = reg
            with self._lock:
                self._open.append(reg)
        return reg

    def close(self) -> None:
        with self._lock:
            for reg in self._open:
                reg.close()
            self._open.clear()


def _validation_message(exc: RequestValidationError) -> tuple[int, str]:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return 400, "malformed JSON body"
    parts = []
    for e in errors[:5]:
        where = ".".join(str(p) for p in e.get("loc", ()) if p != "body")
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
    return 422, "; ".join(parts) or "invalid request"


def _warm_entity_registry() -> None:
    """Build the entity registry (group names in every language) before the first request.

    It is cached but built lazily; left to the first requests, every worker
    thread would build its own copy at once, each taking the GIL for a second.
    """
    try:
        from fehrest.entities import get_registry

        get_registry()
    except Exception:  # group resolution works without it, on the register's own aliases
        log.warning("the entity registry could not be loaded; searching by stored aliases only")


def create_app(target: str, clock: Clock = utc_now, extract: Extractor = default_extractor) -> FastAPI:
    """The web app over the register at ``target`` (a SQLite path or a ``postgresql://`` URL)."""
    from fehrest.web import api, pages

    registers = RegisterPool(target, clock)
    _warm_entity_registry()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        registers.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Fehrest",
        version=__version__,
        description=(
            "Who lists which groups as terrorist, banned or sanctioned, and since when — "
            "with the source sentence for every answer. Reading is open; writing needs "
            "`Authorization: Bearer <token>` (create one with `fehrest token create`)."
        ),
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.registers = registers
    app.state.extract = extract
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        if not request.url.path.startswith("/api"):
            return pages.error_page(request, exc.status, exc.message)
        return error_response(exc.status, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        status, message = _validation_message(exc)
        if not request.url.path.startswith("/api"):
            return pages.error_page(request, status, message)
        return error_response(status, message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        if not request.url.path.startswith("/api"):
            return pages.error_page(request, exc.status_code, message)
        return error_response(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, f"internal error: {type(exc).__name__}")

    return app
