"""Pause Python's cyclic garbage collector around a bulk build.

Building a gazetteer index or loading a hundred thousand reports allocates hundreds
of thousands of tuples and lists, none of them in a cycle, so the collector frees
nothing; but the full collections those allocations trigger walk every object of the
process, and took a third of the gazetteer build and a tenth of a bulk load.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block, as it was after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
