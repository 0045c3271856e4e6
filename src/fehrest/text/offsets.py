"""Sparse offset maps: where each normalised character came from in the raw text.

Normalisation edits are sparse (a deleted tatweel here, a restored ZWNJ
there), so instead of one integer per character an :class:`OffsetMap` keeps
only the edited stretches and computes any offset with a binary search. It is
a ``Sequence[int]``: ``offsets[i]`` is the raw offset of normalised character
``i`` and ``offsets[len(normalized)]`` the raw length, exactly the dense
tuple the model describes, so ``bisect`` and indexing work unchanged.

Inside an edit that replaced ``raw[rs:re]`` by ``norm[ns:ne]``, character
``ns + k`` maps to ``rs + min(k, re - rs - 1)``: an inserted character (a
restored ZWNJ, ``re == rs``) carries the offset of the next raw character,
and a deleted one (tatweel) is covered by the span before it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

Edit = tuple[int, int, str]
"""A replacement of ``text[start:end]`` by a string, in the edited text's offsets."""


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Return ``text`` with sorted, non-overlapping edits applied."""
    if not edits:
        return text
    parts: list[str] = []
    pos = 0
    for start, end, new in edits:
        parts.append(text[pos:start])
        parts.append(new)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


class EditMap:
    """The offset map of one editing step: output offset -> input offset."""

    __slots__ = ("_in_end", "_in_start", "_out_end", "_out_start", "in_length", "out_length")

    def __init__(self, edits: Iterable[Edit], in_length: int) -> None:
        out_start: list[int] = []
        out_end: list[int] = []
        in_start: list[int] = []
        in_end: list[int] = []
        shift = 0  # output offset minus input offset after the last edit
        for start, end, new in edits:
            if end - start == len(new) and new:
                continue  # same length: offsets inside do not move
            o_start = start + shift
            if out_start and in_end[-1] == start:
                # Touching edits merge, so every output offset has one block.
                in_end[-1] = end
                out_end[-1] = o_start + len(new)
            else:
                out_start.append(o_start)
                out_end.append(o_start + len(new))
                in_start.append(start)
                in_end.append(end)
            shift += len(new) - (end - start)
        self._out_start = tuple(out_start)
        self._out_end = tuple(out_end)
        self._in_start = tuple(in_start)
        self._in_end = tuple(in_end)
        self.in_length = in_length
        self.out_length = in_length + shift

    def __call__(self, pos: int) -> int:
        """Return the input offset of output offset ``pos``."""
        k = bisect.bisect_right(self._out_start, pos) - 1
        if k < 0:
            return pos
        if pos < self._out_end[k]:
            width = self._in_end[k] - self._in_start[k]
            return self._in_start[k] + min(pos - self._out_start[k], max(width - 1, 0))
        return self._in_end[k] + (pos - self._out_end[k])

    def output_positions(self) -> list[int]:
        """Where in the output this step changed something (one offset per edit)."""
        return list(self._out_start)

    def to_output(self, pos: int) -> int:
        """Map an input offset forward to the output (the start of its block)."""
        k = bisect.bisect_right(self._in_start, pos) - 1
        if k < 0:
            return pos
        if pos < self._in_end[k]:
            return self._out_start[k]
        return self._out_end[k] + (pos - self._in_end[k])

    @property
    def is_identity(self) -> bool:
        """True when the step changed no length anywhere."""
        return not self._out_start

    def key(self) -> tuple[object, ...]:
        """Everything that defines the map (for equality and hashing)."""
        return (self._out_start, self._out_end, self._in_start, self._in_end, self.in_length)


class OffsetMap(Sequence[int]):
    """A chain of editing steps read as the dense list of raw offsets.

    ``steps[0]`` maps the first step's output to raw text, ``steps[1]`` the
    second step's output to the first's, and so on.
    """

    __slots__ = ("_steps",)

    def __init__(self, steps: Iterable[EditMap]) -> None:
        given = tuple(steps)
        if not given:
            raise ValueError("an offset map needs at least one step")
        # Identity steps change nothing; keep one so the length is known.
        self._steps = tuple(step for step in given if not step.is_identity) or given[-1:]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that normalisation left as long as it was."""
        return cls((EditMap((), length),))

    def raw_offset(self, pos: int) -> int:
        """Return the raw offset of normalised offset ``pos``."""
        for step in reversed(self._steps):
            pos = step(pos)
        return pos

    def __len__(self) -> int:
        return self._steps[-1].out_length + 1

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...

    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return [self.raw_offset(i) for i in range(*index.indices(len(self)))]
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("offset map index out of range")
        return self.raw_offset(index)

    def __iter__(self) -> Iterator[int]:
        return (self.raw_offset(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return self._key() == other._key()
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[object, ...]:
        return tuple(step.key() for step in self._steps)

    def __repr__(self) -> str:
        return f"OffsetMap(length={len(self) - 1}, steps={len(self._steps)})"
