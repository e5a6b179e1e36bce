"""Property-based tests (hypothesis) for folding, language, number and date parsing.

Every test uses :func:`quick`: no deadline (the first call builds spaCy pipelines),
a modest number of examples so the whole directory runs in seconds, and no example
database on disk (the suite leaves no files behind).
"""

from __future__ import annotations

from hypothesis import settings


def quick(max_examples: int = 100) -> settings:
    """Settings for one property: ``max_examples`` examples, no deadline, no database."""
    return settings(deadline=None, max_examples=max_examples, database=None)
