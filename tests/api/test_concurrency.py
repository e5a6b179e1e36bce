"""Many requests at once neither deadlock nor fail: more requests than the pool has
connections used to leave every worker thread waiting for a connection held by a
request waiting for a thread (benchmarks/load_test found it; RELIABILITY.md)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from api.app import MAX_CONCURRENT_REQUESTS, create_app
from incidents.config import Settings

BURST = 4 * MAX_CONCURRENT_REQUESTS + 10


def test_a_burst_of_requests_is_served(corpus_url: str, corpus: Path) -> None:
    app = create_app(Settings(database_url=corpus_url, corpus=corpus))
    app.state.engine.pool._timeout = 5  # a deadlock shows as pool timeouts within seconds

    async def burst() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            paths = ["/incidents?limit=5", "/stats", "/incidents/1", "/health"]
            answers = await asyncio.gather(
                *(client.get(paths[i % len(paths)]) for i in range(BURST))
            )
        return [answer.status_code for answer in answers]

    try:
        statuses = asyncio.run(burst())
    finally:
        app.state.engine.dispose()
    assert set(statuses) <= {200, 404}, sorted(set(statuses))
    assert statuses.count(200) >= BURST * 3 // 4
