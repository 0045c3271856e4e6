"""Character-level normalisation: one letter form, ASCII digits, clean spacing.

The table lives in ``data/fa/normalize_chars.tsv``. Replacements of one
character by one character go through ``str.translate`` (offsets do not move);
deletions and sequence replacements go through one compiled regex and are
recorded as edits for the offset map. Spacing is a second pass: runs of spaces,
spaces before Persian punctuation and inside brackets, stray ZWNJs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from fehrest.resources import load_tsv
from fehrest.text.offsets import Edit

ZWNJ = "\u200c"

# Arabic-script letters (no digits, no punctuation, no combining marks).
LETTERS = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
# Marks that belong to the letter before them (a ZWNJ before one stays).
JOINED_MARKS = "\u0653-\u0655"


@dataclass(frozen=True, slots=True)
class CharTable:
    """The compiled character rules of one language."""

    translate: dict[int, str]
    replace: dict[str, str]
    pattern: re.Pattern[str] | None
    changing: re.Pattern[str]


def _parse_codes(field: str) -> list[str]:
    """Read ``U+0627``, ``U+0660..U+0669`` or ``U+0647 U+0654`` into strings."""
    if ".." in field:
        low, high = (int(part.removeprefix("U+"), 16) for part in field.split(".."))
        return [chr(code) for code in range(low, high + 1)]
    return ["".join(chr(int(part.removeprefix("U+"), 16)) for part in field.split())]


@cache
def persian_table() -> CharTable:
    """Build the Persian character rules from ``normalize_chars.tsv``."""
    translate: dict[int, str] = {}
    replace: dict[str, str] = {}
    nfkc_ranges: list[str] = []
    for row in load_tsv("fa", "normalize_chars.tsv"):
        source, target = row[0], row[1] if len(row) > 1 else ""
        sources = _parse_codes(source)
        if target == "NFKC":
            nfkc_ranges.extend(sources)
            continue
        targets = _parse_codes(target) if target else [""] * len(sources)
        if len(targets) != len(sources):
            targets = targets * len(sources)
        for src, dst in zip(sources, targets, strict=True):
            if len(src) == 1 and len(dst) == 1:
                translate[ord(src)] = dst
            else:
                replace[src] = dst
    for ch in nfkc_ranges:
        if ord(ch) in translate or ch in replace:
            continue  # an explicit row wins over the range
        folded = unicodedata.normalize("NFKC", ch)
        if folded == ch or not unicodedata.name(ch, ""):
            continue
        # The compatibility form may itself hold characters the table changes
        # (an isolated fatha form becomes space + fatha: both go).
        folded = "".join(replace.get(c, c) for c in folded.translate(translate)).strip()
        if len(folded) == 1:
            translate[ord(ch)] = folded
        else:
            replace[ch] = folded
    changing = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(translate)) + "]+")
    return CharTable(translate, replace, _compile_replacements(replace), changing)


def _translate_run(match: re.Match[str]) -> str:
    return match.group().translate(persian_table().translate)


def _compile_replacements(replace: dict[str, str]) -> re.Pattern[str] | None:
    if not replace:
        return None
    sequences = sorted((k for k in replace if len(k) > 1), key=len, reverse=True)
    singles = "".join(re.escape(k) for k in replace if len(k) == 1)
    alternatives = [re.escape(k) for k in sequences]
    if singles:
        alternatives.append(f"[{singles}]+")
    return re.compile("|".join(alternatives))


# Spacing rules, on text whose characters are already unified. Every
# alternative starts with the character it consumes and looks behind only
# after it. Each named
# group says what the match becomes: ``zwnj`` one ZWNJ, ``one`` one space,
# ``gap`` the match plus a space after it, any other group nothing.
_PERSIAN_SPACING = re.compile(
    # The leading lookahead lets the engine skip to the few characters that matter.
    f"(?=[{ZWNJ} \t،؛؟])(?:"
    + "|".join(
        (
            # A ZWNJ belongs between two letters (or a digit and a letter); a run is one.
            rf"(?P<zwnj>{ZWNJ}(?<=[{LETTERS}0-9]{ZWNJ}){ZWNJ}+(?=[{LETTERS}{JOINED_MARKS}]))",
            rf"(?P<drop1>{ZWNJ}(?<![{LETTERS}0-9]{ZWNJ}){ZWNJ}*|{ZWNJ}+(?![{LETTERS}{JOINED_MARKS}]))",
            # No space before Persian punctuation or a closing bracket after a letter.
            rf"(?P<drop2> (?<=[{LETTERS}] ) *(?=[،؛؟)\]»]|[.!:](?:\s|$)))",
            # No space after an opening bracket before a letter.
            rf"(?P<drop3> (?<=[(\[«] ) *(?=[{LETTERS}]))",
            # Spaces at the ends of lines go; a run of spaces is one.
            r"(?P<drop4>[ \t]+(?=\n|\Z)|[ \t](?<![^\n][ \t])[ \t]*)",
            r"(?P<one>  +)",
            # A Persian comma or question mark glued to the next word gets a space.
            rf"(?P<gap>[،؛؟](?=[{LETTERS}]))",
        )
    )
    + ")"
)


def unify_persian(text: str) -> tuple[str, list[Edit]]:
    """Unify letters and digits and drop decoration; return the text and length edits.

    The edits are in the offsets of the returned text *before* they apply,
    i.e. ``apply_edits(translated, edits)`` is the result; since the
    ``translate`` step keeps lengths, those are also raw offsets.
    """
    table = persian_table()
    # Most characters need no change: translate only the runs that do.
    translated = table.changing.sub(_translate_run, text) if table.changing.search(text) else text
    if table.pattern is None:
        return translated, []
    replace = table.replace
    edits: list[Edit] = []
    for match in table.pattern.finditer(translated):
        found = match.group()
        new = replace.get(found)
        if new is None:  # a run of single characters
            new = "".join(replace[c] for c in found)
        edits.append((match.start(), match.end(), new))
    return translated, edits


def space_persian(text: str) -> list[Edit]:
    """Return the spacing edits for Persian text (see the rules above)."""
    edits: list[Edit] = []
    for match in _PERSIAN_SPACING.finditer(text):
        kind = match.lastgroup or ""
        start, end = match.span()
        if kind == "zwnj":
            edits.append((start, end, ZWNJ))
        elif kind == "one":
            edits.append((start, end, " "))
        elif kind == "gap":
            edits.append((end, end, " "))
        else:
            edits.append((start, end, ""))
    return edits


# Light normalisation for English and other languages: exotic spaces become
# plain spaces; nothing changes length.
_LIGHT = dict.fromkeys((0x00A0, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)), " ")


def unify_light(text: str) -> str:
    """Replace exotic space characters by a plain space (lengths unchanged)."""
    return text.translate(_LIGHT)


def settled(text: str, positions: tuple[int, ...], reach: int = 4) -> bool:
    """True when no character or spacing rule applies near any of ``positions``.

    Used after a round of edits: a rule can only newly apply where the text
    changed, so looking a few characters around each change is enough.
    """
    table = persian_table()
    size = len(text)
    for pos in positions:
        low, high = max(pos - reach, 0), min(pos + reach, size)
        # Matches starting near the change; endpos leaves room for lookaheads.
        end = min(high + 64, size)
        for pattern in (table.pattern, table.changing, _PERSIAN_SPACING):
            if pattern is None:
                continue
            found = pattern.search(text, low, end)
            if found is not None and found.start() <= high:
                return False
    return True
