"""The two ways reports reach the store, which must give the same rows."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from incidents.domain import Claim, EventMention
from incidents.store.merge import merge_pending
from incidents.store.models import DocumentRecord
from incidents.store.reports import bulk_store, store_batch

Items = Sequence[tuple[DocumentRecord, tuple[EventMention, ...], tuple[Claim, ...]]]


def store(session: Session, items: Items, bulk: bool) -> None:
    """``bulk_store``, or ``store_batch`` then ``merge_pending`` (the nightly path)."""
    if bulk:
        bulk_store(session, items)
    else:
        store_batch(session, items)
        merge_pending(session)
