"""Bring documents in: local ``.txt``, ``.json`` and ``.jsonl`` files and folders (for now)."""

from fehrest.ingest.read import SUFFIXES, find_files, read_file
from fehrest.ingest.run import IngestSummary, default_extractor, ingest_paths

__all__ = ["SUFFIXES", "IngestSummary", "default_extractor", "find_files", "ingest_paths", "read_file"]
