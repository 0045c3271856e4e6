"""Load the language and entity data shipped under ``fehrest/data``.

Data files are YAML or TSV, UTF-8, NFC, with ZWNJ written literally. TSV files
may start with ``#`` comment lines (their header says where the facts come
from); blank lines are skipped.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from fehrest.errors import InputError


def data_path(*parts: str) -> Path:
    """Return the path of a file or folder under the package's data folder."""
    root = Path(str(resources.files("fehrest"))) / "data"
    return root.joinpath(*parts)


@cache
def load_yaml(*parts: str) -> Any:
    """Parse a YAML data file (cached: data files are read-only at run time)."""
    path = data_path(*parts)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"cannot read data file: {exc}") from exc


@cache
def load_tsv(*parts: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of a TSV data file, skipping comments and blank lines."""
    path = data_path(*parts)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read data file: {exc}") from exc
    return tuple(tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#"))
