"""Errors that reach the user as one clear line."""

from __future__ import annotations


class FehrestError(Exception):
    """An error the user can act on; its message is shown as one line."""


class InputError(FehrestError):
    """Bad input: names the file (and line, when known) and the problem."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        # Pool workers send failures back pickled; rebuild from the fields, not the message.
        return (type(self), (self.source, self.problem, self.line))
