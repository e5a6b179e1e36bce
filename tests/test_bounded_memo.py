"""The memos of the extractor cannot grow without bound."""

from __future__ import annotations

from incidents.bounded_memo import BoundedMemo


def test_a_full_memo_starts_over() -> None:
    memo: BoundedMemo[str, int] = BoundedMemo(limit=2)
    assert memo.remember("a", 1) == 1
    memo.remember("b", 2)
    assert dict(memo) == {"a": 1, "b": 2}
    assert memo.remember("c", 3) == 3
    assert dict(memo) == {"c": 3}
