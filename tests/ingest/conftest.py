"""Ingest tests: make the helpers beside them importable (pytest's importlib mode does not).

``local_web`` is a local HTTP server on 127.0.0.1 (port 0) whose routes the test sets.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from web_server import LocalWeb, ServerThread


@pytest.fixture
def local_web() -> Iterator[LocalWeb]:
    """A local HTTP server whose routes the test sets; stopped afterwards."""
    with ServerThread() as web:
        yield web
