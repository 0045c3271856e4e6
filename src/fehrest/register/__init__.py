"""The register: documents, events and merged facts, with status over two clocks.

``Register.open(path_or_url)`` opens SQLite (a path) or PostgreSQL (a
``postgresql://`` URL) with the same schema; :mod:`.query` answers status,
timeline and changes; :mod:`.lists` imports official lists; :mod:`.export`
writes FtM, CSV and JSON Lines.
"""

from fehrest.register.facts import Fact, Source, Status, derive_status
from fehrest.register.query import Group, StatusReport, changes, resolve_group, status, timeline
from fehrest.register.store import Register, StoreResult, default_register_path

__all__ = [
    "Fact",
    "Group",
    "Register",
    "Source",
    "Status",
    "StatusReport",
    "StoreResult",
    "changes",
    "default_register_path",
    "derive_status",
    "resolve_group",
    "status",
    "timeline",
]
