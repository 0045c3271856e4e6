"""The matching key for gazetteers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fehrest.text import fold_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # ZWNJ or not, Arabic or Persian letters, hamza seat: one key
        ("رئیس\u200cجمهور", "رييسجمهور"),
        # ezafe heh and teh marbuta fold to heh
        ("خانۀ دولة", "خانه دوله"),
        # alef variants and harakat
        ("أَحمد إمام آمریکا", "احمد امام امریکا"),
        # digits of any script, case, white space
        ("سال ۱۴۰۳  Kabul", "سال 1403 kabul"),
    ],
)
def test_fold_key_meets_variants(a: str, b: str) -> None:
    assert fold_key(a) == fold_key(b)


@given(st.text(max_size=50))
def test_fold_key_is_idempotent(s: str) -> None:
    assert fold_key(fold_key(s)) == fold_key(s)
