"""The ``fehrest`` command line: thin wrappers over library functions.

Each area registers its commands on :data:`app` in its own module
(``fehrest.cli.<area>``); this module imports them all and turns any
:class:`~fehrest.errors.FehrestError` into one line on standard error.
"""

from __future__ import annotations

import sys

from fehrest.cli.common import app, fail
from fehrest.errors import FehrestError

# Importing the area modules registers their commands on ``app``.
from fehrest.cli import extract as _extract  # noqa: F401  isort: skip
from fehrest.cli import text as _text  # noqa: F401  isort: skip
from fehrest.cli import time as _time  # noqa: F401  isort: skip
from fehrest.cli import entities as _entities  # noqa: F401  isort: skip
from fehrest.cli import register as _register  # noqa: F401  isort: skip
from fehrest.cli import ingest as _ingest  # noqa: F401  isort: skip
from fehrest.cli import web as _web  # noqa: F401  isort: skip
from fehrest.cli import backfill as _backfill  # noqa: F401  isort: skip

__all__ = ["app", "main"]


def main() -> None:
    """Run the command line; user errors become one line and exit code 2."""
    try:
        app(standalone_mode=True)
    except FehrestError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        sys.exit(130)
