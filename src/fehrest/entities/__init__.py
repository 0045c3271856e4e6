"""Who and what: jurisdictions, bodies, offices, people and designated groups.

``annotate_mentions`` is the pipeline stage; ``get_registry`` gives the
entity register (groups with aliases in every language, jurisdictions from
CLDR plus news variants, bodies, titles, well-known officials).
"""

from __future__ import annotations

from fehrest.entities.annotate import annotate_mentions, find_mentions, mention_json
from fehrest.entities.registry import Body, EntityRegistry, Group, Person, get_registry

__all__ = [
    "Body",
    "EntityRegistry",
    "Group",
    "Person",
    "annotate_mentions",
    "find_mentions",
    "get_registry",
    "mention_json",
]
