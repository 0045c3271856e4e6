"""The extraction pool: order, a bounded window, data inherited from the parent, failures that surface."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fehrest.errors import InputError
from fehrest.ingest.pool import map_in_order
from fehrest.ingest.work import Page, WorkItem, chunk_items, warm_extraction
from fehrest.model import Document

# What a test's ``prepare`` loads in the parent; workers must see it without loading it.
_LOADED: dict[str, int] = {}


def test_map_in_order_keeps_input_order_with_two_workers() -> None:
    offset = 1000  # a closure: fork hands it to the workers without pickling it

    def shift(n: int) -> int:
        return n + offset

    assert list(map_in_order(shift, range(200), 2)) == [n + offset for n in range(200)]


def test_map_in_order_reads_at_most_a_window_ahead() -> None:
    pulled = [0]

    def tasks() -> Iterator[int]:
        for n in range(60):
            pulled[0] += 1
            yield n

    for done, _ in enumerate(map_in_order(abs, tasks(), 2, window=3), start=1):
        # The window, plus the one task taken when a result came back.
        assert pulled[0] <= done + 3


def test_map_in_order_workers_inherit_what_the_parent_prepared() -> None:
    calls = []

    def prepare() -> None:
        calls.append(os.getpid())
        _LOADED["by"] = os.getpid()

    def where(_: int) -> tuple[int | None, int]:
        return _LOADED.get("by"), os.getpid()

    try:
        seen = list(map_in_order(where, range(20), 2, prepare=prepare))
    finally:
        _LOADED.clear()
    assert calls == [os.getpid()], "prepare runs once, in the parent"
    assert {loaded for loaded, _ in seen} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in seen}


def test_map_in_order_reraises_a_task_error() -> None:
    def fail_on_seven(n: int) -> int:
        if n == 7:
            raise ValueError("seven")
        return n

    with pytest.raises(ValueError, match="seven"):
        list(map_in_order(fail_on_seven, range(20), 2))


def test_map_in_order_dead_worker_breaks_the_pool_instead_of_hanging() -> None:
    def die_on_three(n: int) -> int:
        if n == 3:
            os._exit(1)
        return n

    with pytest.raises(BrokenProcessPool):
        list(map_in_order(die_on_three, range(20), 2))


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="counts threads through /proc")
def test_warm_extraction_starts_no_thread() -> None:
    # A thread alive at fork time may hold a lock the workers then wait on forever.
    before = set(os.listdir("/proc/self/task"))
    warm_extraction()
    assert set(os.listdir("/proc/self/task")) - before == set()
    assert "trafilatura" in sys.modules


_ITEMS = st.lists(
    st.one_of(
        st.text(min_size=1, max_size=50).map(lambda t: Document(text=t, source="s")),
        st.binary(max_size=80).map(lambda b: Page(body=b, url=None, source="p")),
        st.just(InputError("bad.jsonl", "malformed", 3)),
    ),
    max_size=40,
)


@given(_ITEMS, st.integers(1, 7), st.integers(1, 120))
def test_chunk_items_keeps_every_item_in_bounded_chunks(
    items: list[WorkItem | InputError], max_items: int, max_chars: int
) -> None:
    chunks = list(chunk_items(items, max_items, max_chars))
    assert [item for chunk in chunks for item in chunk] == items
    for chunk in chunks:
        assert 0 < len(chunk) <= max_items
        # Only the item that crosses the limit may take a chunk past it.
        assert sum(_size(item) for item in chunk[:-1]) < max_chars


def _size(item: WorkItem | InputError) -> int:
    if isinstance(item, Page):
        return len(item.body)
    return len(item.text) if isinstance(item, Document) else 0
