"""A cheap first pass: does a raw article name a group *and* a designation word?

An event needs a target group (named, or pointed back to after being named)
and a trigger, so an article with no group name or no trigger stem cannot
yield one. One Aho-Corasick scan over the article folded as the entity
matcher folds it (letter variants, case, ZWNJ) answers both questions before
any normalisation, tokenising or matching is paid for. Keys must start a
word but may end inside one (suffixes, "designat…"); every multi-word key is
also looked for with its spaces dropped, since Persian text often loses the
ZWNJ or space between parts. Loose on purpose: a false pass costs one deep
read, a false rejection loses an event.
"""

from __future__ import annotations

from functools import cache

import ahocorasick

from fehrest.entities.fold import BARRIER, JOINER, SPACE, TRANSPARENT, fold_text
from fehrest.resources import load_yaml

_GROUP = 1
_TRIGGER = 2


_DROP = str.maketrans({JOINER: None, TRANSPARENT: None, BARRIER: SPACE})


def _fold(text: str) -> str:
    """Folded text with one mark for every word boundary."""
    return fold_text(text).translate(_DROP)


def _keys(phrase: str, whole_word: bool) -> set[str]:
    folded = _fold(phrase).strip(SPACE)
    if not folded:
        return set()
    # A short Latin name (an acronym: HIG, BLA) must end its word too, or
    # "higher" would name a group.
    end = SPACE if whole_word and len(folded) <= 4 and folded.isascii() else ""
    return {SPACE + folded + end, SPACE + folded.replace(SPACE, "") + end}


@cache
def _automaton() -> ahocorasick.Automaton:
    from fehrest.entities import get_registry

    keys: dict[str, int] = {}
    for phrase, entry in get_registry().phrases:
        if entry.kind == "group":
            for key in _keys(phrase, whole_word=True):
                keys[key] = keys.get(key, 0) | _GROUP
    for language in ("fa", "en"):
        for stem in load_yaml(language, "events.yaml").get("prefilter") or ():
            for key in _keys(str(stem), whole_word=False):
                keys[key] = keys.get(key, 0) | _TRIGGER
    automaton = ahocorasick.Automaton()
    for key, flags in keys.items():
        automaton.add_word(key, flags)
    automaton.make_automaton()
    return automaton


def may_report_designation(text: str) -> bool:
    """True unless the article surely reports no designation event (no group or no trigger)."""
    seen = 0
    for _, flags in _automaton().iter(SPACE + _fold(text) + SPACE):
        seen |= flags
        if seen == _GROUP | _TRIGGER:
            return True
    return False
