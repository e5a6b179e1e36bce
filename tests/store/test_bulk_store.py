"""bulk_store cuts new reports with the stored ones in memory and inserts them
linked; the incidents equal those of store_batch followed by merge_pending."""

from __future__ import annotations

import random
from pathlib import Path

from sqlmodel import Session

from incidents.domain import EventMention, PlaceMatch
from incidents.store.engine import make_engine
from incidents.store.migrations import upgrade
from incidents.store.models import DocumentRecord
from tests.nightly.helpers import snapshot
from tests.store.test_merge_window import _event
from tests.store.two_paths import store

TOWNS = [
    PlaceMatch("Aleppo", "SY", 36.2, 37.15, 170063, "city", "Aleppo", anchor_geonameid=170063),
    PlaceMatch("Homs", "SY", 34.73, 36.72, 169577, "city", "Homs", anchor_geonameid=169577),
    PlaceMatch("Mezzeh", "SY", 33.5, 36.25, None, "district", "Mezzeh", anchor_geonameid=170654),
]


def _batches(seed: int) -> list[list[tuple[str, tuple[EventMention, ...]]]]:
    rng = random.Random(seed)
    out = []
    for batch in range(6):
        documents = []
        for i in range(12):
            events = tuple(
                _event_at(rng.choice(range(30)) if rng.random() > 0.05 else None, 10 * k, rng)
                for k in range(rng.randint(0, 3))
            )
            documents.append((f"b{batch}-d{i:02}", events))
        out.append(documents)
    return out


def _event_at(day: int | None, offset: int, rng: random.Random) -> EventMention:
    from dataclasses import replace

    return replace(_event(day, offset), place=rng.choice(TOWNS))


def _load(url: str, batches: list[list[tuple[str, tuple[EventMention, ...]]]], bulk: bool) -> None:
    engine = make_engine(url)
    for batch in batches:
        with Session(engine) as session, session.begin():
            items = []
            for key, events in batch:
                record = DocumentRecord(
                    key=key, kind="article", lang="en", source="t", text="x" * 100,
                    content_hash=key, outlet=f"o{len(key) % 3}",
                )  # fmt: skip
                session.add(record)
                session.flush()
                items.append((record, events, ()))
            store(session, items, bulk)
    engine.dispose()


def test_bulk_store_equals_store_and_merge(database_url: str, tmp_path: Path) -> None:
    for seed in (1, 2):
        batches = _batches(seed)
        reference = f"sqlite:///{tmp_path / f'reference-{seed}.db'}"
        upgrade(reference)
        _load(reference, batches, bulk=False)
        url = database_url if seed == 1 else f"sqlite:///{tmp_path / 'bulk.db'}"
        if seed == 2:
            upgrade(url)
        _load(url, batches, bulk=True)
        expected = snapshot(reference)
        assert expected["incidents"] and expected["orphan_incidents"] == []
        assert snapshot(url) == expected
