"""The ``times`` stage: find time expressions in Persian and English news and resolve them.

- :func:`find_times` — pure, over a string: expressions with offsets into it,
  each resolved to an ISO value with its precision (``day``/``month``/``year``).
- :func:`annotate_times` — the pipeline stage: ``Document -> Document``.
- :func:`infer_publication_date` — the publication day a text's own dates imply.
"""

from fehrest.time.annotate import annotate_times
from fehrest.time.publication import infer_publication_date
from fehrest.time.recognise import find_times

__all__ = ["annotate_times", "find_times", "infer_publication_date"]
