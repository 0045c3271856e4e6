"""Split normalised text into sentences and tokens.

Sentences never cross a line break: each line of an article (a headline
without a full stop, a byline, a paragraph) is at least one sentence. Inside
a line a sentence ends at ``. ! ? ؟ …`` followed by a space, with any closing
quotes or brackets kept in the sentence (``"… است."``), but not at a dot
inside a number (``12.5``), after an abbreviation (``U.S.``, ``Mr.``, ``ه.ش.``,
``data/en/abbreviations.txt`` and ``data/fa/normalize_abbreviations.tsv``) or
after a single letter (an initial). A URL has no space after its dots.

Tokens: URLs, e-mail addresses, dotted abbreviations (``U.S.``), numbers (``12.5``, ``1,000``, ``12:30``),
words (letters and digits, joined by ZWNJ, apostrophes or hyphens inside), and
every other non-space character on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from fehrest.resources import data_path, load_tsv

# A terminator run, then the closing quotes and brackets that belong to it.
_END = re.compile(r"(?:[.!?؟…]+)[\"'”’»)\]]*(?=\s|$)")

_TOKEN = re.compile(
    r"""
    (?:https?://|www\.)[^\s<>"«»]+[^\s<>"«».,;:!?؟،)\]]   # URL
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                       # e-mail address
  | [^\W\d_](?:\.[^\W\d_])+\.                          # dotted abbreviation (U.S.)
  | \d+(?:[.,:/]\d+)*                                   # number
  | \w+(?:[\u200c'’\-]\w+)*                             # word
  | \S                                                  # anything else
    """,
    re.VERBOSE,
)


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations whose final dot does not end a sentence (casefolded, no final dot)."""
    found: set[str] = set()
    path = data_path("en", "abbreviations.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            found.add(line.rstrip(".").casefold())
    for row in load_tsv("fa", "normalize_abbreviations.tsv"):
        found.add(row[0].rstrip("."))
    return frozenset(found)


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    """Whether a terminator match really closes a sentence."""
    if not match.group().startswith("."):
        return True
    if match.group().startswith(".."):
        return True  # an ellipsis
    # The word before the dot: an abbreviation or an initial keeps going.
    start = match.start()
    word_start = start
    while word_start > 0 and not line[word_start - 1].isspace() and line[word_start - 1] not in "(«\"'":
        word_start -= 1
    word = line[word_start:start]
    if not word:
        return True
    if len(word) == 1 and word.isalpha():
        return False
    if word.casefold() in abbreviations() or word in abbreviations():
        return False
    # U.S. / e.g. / ه.ش: dotted letters
    return not re.fullmatch(r"(?:\w\.)+\w", word)


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of normalised ``text``, trimmed of spaces."""
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        begin = 0
        for match in _END.finditer(line):
            if not _ends_sentence(line, match):
                continue
            yield from _trimmed(line, line_start, begin, match.end())
            begin = match.end()
        yield from _trimmed(line, line_start, begin, len(line))


def _trimmed(line: str, offset: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if end > start:
        yield offset + start, offset + end


def token_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each token of normalised ``text``."""
    for match in _TOKEN.finditer(text):
        yield match.span()
