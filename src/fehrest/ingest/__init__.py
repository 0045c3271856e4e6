"""Bring documents in: local files (.txt, .json, .jsonl, .html, WARC), URLs and feeds.

Readers yield ``Document | InputError`` so one bad record never stops the
others; :func:`extract_html` and :func:`iter_warc_documents` are pure enough
for Spark executors (no network, no register).
"""

from fehrest.ingest.html import extract_html
from fehrest.ingest.read import SUFFIXES, find_files, iter_jsonl_documents, read_file
from fehrest.ingest.run import IngestSummary, default_extractor, ingest_paths
from fehrest.ingest.warc import iter_warc_documents

__all__ = [
    "SUFFIXES",
    "IngestSummary",
    "default_extractor",
    "extract_html",
    "find_files",
    "ingest_paths",
    "iter_jsonl_documents",
    "iter_warc_documents",
    "read_file",
]
