"""Fetch pages and feeds politely: timeouts, retries with backoff, a user agent, robots.txt, a size cap.

Every problem comes back as an :class:`~fehrest.errors.InputError` naming the
URL, never as an exception: one slow or broken site must not stop a batch.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from fehrest.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
_RETRY_STATUS = frozenset({500, 502, 503, 504, 429})


def user_agent() -> str:
    """``Fehrest/<version> (+contact URL)``; the URL comes from ``$FEHREST_CONTACT`` when set."""
    try:
        release = version("fehrest")
    except PackageNotFoundError:
        release = "dev"
    contact = os.environ.get("FEHREST_CONTACT", "https://github.com/fehrest/fehrest")
    return f"Fehrest/{release} (+{contact})"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body with what is needed to read it."""

    url: str
    content: bytes
    content_type: str
    charset: str | None

    @property
    def mime(self) -> str:
        return self.content_type.split(";")[0].strip().lower()


@dataclass(slots=True)
class Fetcher:
    """An httpx client with the project's manners; one per run, closed at the end."""

    timeout: float = 10.0
    connect_timeout: float = 5.0
    retries: int = 2
    backoff: float = 0.5
    max_bytes: int = MAX_BYTES
    respect_robots: bool = True
    transport: httpx.BaseTransport | None = None
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict, init=False, repr=False)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout, connect=self.connect_timeout),
                headers={"User-Agent": user_agent()},
                follow_redirects=True,
                transport=self.transport,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def fetch(self, url: str) -> Fetched | InputError:
        """GET a URL (robots.txt permitting), retrying 5xx and connection failures with backoff."""
        if self.respect_robots and not self.allowed(url):
            return InputError(url, "robots.txt disallows fetching this URL")
        attempt = 0
        while True:
            result = self._fetch_once(url)
            retryable = isinstance(result, _Retry)
            if not retryable or attempt >= self.retries:
                return result.error if isinstance(result, _Retry) else result
            time.sleep(self.backoff * 2**attempt)
            attempt += 1

    def _fetch_once(self, url: str) -> Fetched | InputError | _Retry:
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code in _RETRY_STATUS:
                    return _Retry(InputError(url, f"HTTP {response.status_code} {response.reason_phrase}"))
                if response.status_code >= 400:
                    return InputError(url, f"HTTP {response.status_code} {response.reason_phrase}")
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    return InputError(
                        url, f"page larger than {self.max_bytes // 2**20} MB ({declared} bytes)"
                    )
                body = bytearray()
                # Streamed: a page past the cap is dropped before it sits whole in memory.
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        return InputError(url, f"page larger than {self.max_bytes // 2**20} MB")
                content_type = response.headers.get("Content-Type", "")
                return Fetched(str(response.url), bytes(body), content_type, response.charset_encoding)
        except httpx.TimeoutException as exc:
            return _Retry(InputError(url, f"timed out after {self.timeout:g} s ({type(exc).__name__})"))
        except httpx.TransportError as exc:
            return _Retry(InputError(url, f"cannot connect: {exc or type(exc).__name__}"))
        except httpx.HTTPError as exc:
            return InputError(url, f"fetch failed: {exc}")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets Fehrest fetch it (cached per host)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            self._robots[host] = self._load_robots(host)
        robots = self._robots[host]
        return robots is None or robots.can_fetch(user_agent(), url)

    def _load_robots(self, host: str) -> RobotFileParser | None:
        """The host's rules; ``None`` (everything allowed) when it has none or cannot be reached."""
        try:
            response = self.client.get(f"{host}/robots.txt")
        except httpx.HTTPError:
            return None
        parser = RobotFileParser()
        if response.status_code in (401, 403):
            parser.parse(["User-agent: *", "Disallow: /"])
        elif response.status_code >= 400:
            return None
        else:
            parser.parse(response.text.splitlines())
        return parser


@dataclass(frozen=True, slots=True)
class _Retry:
    """A failure worth another try."""

    error: InputError
