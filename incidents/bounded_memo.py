"""A memo of results per key that cannot grow without bound.

The extractor remembers what it computed about a word or a name (news repeats its
words), for as long as a night's run lasts: a memo that starts over when full keeps
that from growing with every new word read.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(dict[K, V]):
    """A dict of remembered results that starts over once it holds ``limit`` of them."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: K, value: V) -> V:
        """Store ``value`` under ``key`` (forgetting all else first when full); return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
