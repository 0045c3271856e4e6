"""A local HTTP server for ingest tests (127.0.0.1, a free port): routes set by the test, a webhook.

Routes map a path to ``(status, content type, body)``; a body may be a
callable producing chunks (a 50 MB page is streamed, never built whole).
``/slow`` never answers in time; ``POST /hook`` records JSON bodies.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Body = bytes | Callable[[], Iterator[bytes]]


@dataclass
class LocalWeb:
    """The server's state, shared with the handler threads."""

    routes: dict[str, tuple[int, str, Body]] = field(default_factory=dict)
    hook_bodies: list[Any] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    base: str = ""
    slow_seconds: float = 3.0

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8") -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (200, content_type, data)
        return self.url(path)


def _handler(web: LocalWeb) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:
            web.hits[self.path] = web.hits.get(self.path, 0) + 1
            if self.path == "/slow":
                time.sleep(web.slow_seconds)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                    self._send(200, "text/html", b"<html><body>too late</body></html>")
                return
            if self.path not in web.routes:
                self._send(404, "text/plain", b"not found")
                return
            status, content_type, body = web.routes[self.path]
            if callable(body):
                # No Content-Length: the client must enforce its own cap while reading.
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    for chunk in body():
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True
                return
            self._send(status, content_type, body)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            data = self.rfile.read(length)
            if self.path == "/hook":
                web.hook_bodies.append(json.loads(data))
                self._send(204, "text/plain", b"")
            else:
                self._send(404, "text/plain", b"")

        def _send(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class ServerThread:
    """Start and stop the server around a test."""

    def __init__(self) -> None:
        self.web = LocalWeb()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.web))
        self.server.daemon_threads = True
        self.web.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LocalWeb:
        self.thread.start()
        return self.web

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
