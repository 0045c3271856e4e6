"""Derive the ZWNJ lexicon data files from hazm's word lists (MIT licence).

Run once by a maintainer, not at run time:

    python bench/text/derive_lexicon.py PATH/TO/hazm/data

It reads hazm 0.10's ``words.dat`` (word, corpus frequency, POS tags) and
``verbs.dat`` (past#present stems) and writes, under ``src/fehrest/data/fa/``:

- ``zwnj_lexicon.tsv``: words with a non-zero frequency and no ZWNJ, with
  their frequency and tags (the known-word list the restorer consults);
- ``zwnj_compounds.tsv``: words written with a ZWNJ, keyed by the form with
  the ZWNJ lost, unless that lost form is itself a known word;
- ``zwnj_verbs.tsv``: past and present verb stems.

hazm's entries with frequency 0 are skipped: many of them are inflected or
already broken forms (``کتابها``), which would teach the restorer the damage.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ZWNJ = "\u200c"
OUT = Path(__file__).resolve().parents[2] / "src" / "fehrest" / "data" / "fa"

LICENCE = """\
# Derived from hazm 0.10.0 (https://github.com/roshan-research/hazm), data/{name},
# by bench/text/derive_lexicon.py. hazm's licence:
# The MIT License (MIT). Copyright (c) 2013 Alireza Nourian.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this
# software and associated documentation files (the "Software"), to deal in the Software
# without restriction, including without limitation the rights to use, copy, modify,
# merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
# permit persons to whom the Software is furnished to do so, subject to the following
# conditions: The above copyright notice and this permission notice shall be included
# in all copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
"""

# hazm writes Arabic kaf/yeh in a few entries; the restorer sees Persian forms.
UNIFY = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9", "\u0649": "\u06cc"})


def clean(word: str) -> str:
    return unicodedata.normalize("NFC", word.strip().translate(UNIFY))


def main(hazm_data: Path) -> None:
    words: dict[str, tuple[int, str]] = {}
    for line in (hazm_data / "words.dat").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[1].isdigit() or int(parts[1]) == 0:
            continue
        word = clean(parts[0])
        if not word or " " in word:
            continue
        freq, tags = int(parts[1]), parts[2]
        old = words.get(word)
        if old is None or old[0] < freq:
            words[word] = (freq, tags)

    plain = {w: v for w, v in words.items() if ZWNJ not in w}
    lexicon = [f"{w}\t{f}\t{t}" for w, (f, t) in sorted(plain.items())]
    header = LICENCE.format(name="words.dat") + "# word<TAB>frequency in hazm's corpus<TAB>POS tags\n"
    (OUT / "zwnj_lexicon.tsv").write_text(header + "\n".join(lexicon) + "\n", encoding="utf-8")

    compounds = []
    for word in sorted(w for w in words if ZWNJ in w):
        broken = word.replace(ZWNJ, "")
        if broken in plain or any(len(p) < 2 for p in word.split(ZWNJ)):
            continue
        compounds.append(f"{broken}\t{word}")
    header = (
        LICENCE.format(name="words.dat")
        + "# form with the ZWNJ lost<TAB>correct form; skipped when the lost form is a word itself\n"
    )
    (OUT / "zwnj_compounds.tsv").write_text(header + "\n".join(compounds) + "\n", encoding="utf-8")

    stems = set()
    for line in (hazm_data / "verbs.dat").read_text(encoding="utf-8").splitlines():
        past, _, present = line.strip().partition("#")
        if present:
            stems.add(f"{clean(past)}\t{clean(present)}")
    header = LICENCE.format(name="verbs.dat") + "# past stem<TAB>present stem (past may be empty)\n"
    (OUT / "zwnj_verbs.tsv").write_text(header + "\n".join(sorted(stems)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
