"""A process pool for batch extraction whose workers share the data the parent loaded.

Loading the language models, the entity registry, the automata and the time
and event rules takes about a second. A worker that loads its own copy spends
that second before its first document, and a batch of a few thousand
documents lasts only a few seconds, so the parent loads everything once
(``prepare``) and starts the workers with ``fork``: they inherit it
copy-on-write, and their first document costs what their thousandth does.
``ingest`` and the local engine of ``backfill`` both run their workers here.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# In a worker: the function it applies. Fork hands it over as it is, so a
# closure or a test's local function works too, and no task pickles it again.
_apply: Callable[[Any], Any] | None = None


def _adopt(function: Callable[[Any], Any]) -> None:
    # Set once per worker process, before its first task.
    global _apply
    _apply = function


def _run(task: Any) -> Any:
    if _apply is None:
        raise RuntimeError("pool worker started without its function")
    return _apply(task)


def map_in_order(
    function: Callable[[T], R],
    tasks: Iterable[T],
    workers: int,
    *,
    window: int | None = None,
    prepare: Callable[[], None] | None = None,
) -> Iterator[R]:
    """``function(task)`` for every task, in order; with ``workers > 1`` in forked processes.

    ``prepare`` runs once in the parent before the workers start (load what
    ``function`` reads, so that they inherit it). At most ``window`` tasks
    (default ``2 × workers``) are in flight: the next task is taken from
    ``tasks`` only when a result has come back, so memory stays flat however
    long the input is. A task that raises re-raises here; a worker that dies
    breaks the pool with an error rather than hanging it.
    """
    if workers <= 1:
        for task in tasks:
            yield function(task)
        return
    if prepare is not None:
        prepare()
    limit = window or 2 * workers
    source = iter(tasks)
    pending: deque[Future[R]] = deque()
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_adopt,
        initargs=(function,),
    )

    def fill() -> None:
        for task in source:
            pending.append(pool.submit(_run, task))
            if len(pending) >= limit:
                return

    try:
        # The first submit forks every worker. Frozen objects are left alone by
        # the workers' garbage collector, which would otherwise write to (and
        # so copy) every page of the inherited data.
        gc.collect()
        gc.freeze()
        try:
            fill()
        finally:
            gc.unfreeze()
        while pending:
            result = pending.popleft().result()
            fill()
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
