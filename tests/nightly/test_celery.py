"""``--executor celery``: two workers over Redis store exactly what one process does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from incidents.config import Settings
from incidents.extract.extractor import Extractor
from incidents.job_config import JobConfig
from incidents.nightly import run_nightly
from incidents.sources import FolderSource
from incidents.worker import make_app
from tests.nightly.helpers import serial_run, snapshot, write_inbox

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
#: A Redis database of its own, flushed before the test.
DEFAULT_REDIS = "redis://127.0.0.1:6379/11"


@pytest.fixture(scope="module")
def redis_url() -> str:
    url = os.environ.get("INCIDENTS_TEST_REDIS_URL", DEFAULT_REDIS)
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.flushdb()
        client.close()
    except redis.RedisError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis does not answer at {url}: {exc} (CI=true: .ci/run starts it)")
        pytest.skip(f"Redis does not answer at {url}: {exc}")
    return url


@pytest.fixture(scope="module")
def workers(redis_url: str) -> Iterator[Settings]:
    """Two `incidents worker` processes; the settings that reach them."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "INCIDENTS_CELERY_BROKER_URL": redis_url,
        "INCIDENTS_CELERY_RESULT_BACKEND": redis_url,
    }
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "incidents.cli", "worker", "--name", f"w{n}@incidents-test"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n in (1, 2)
    ]
    settings = Settings(celery_broker_url=redis_url, celery_result_backend=redis_url)
    app = make_app(settings)
    try:
        deadline = time.monotonic() + 90
        while len(app.control.ping(timeout=1.0) or []) < 2:
            assert all(p.poll() is None for p in processes), "a worker exited"
            assert time.monotonic() < deadline, "two workers did not answer within 90 s"
        yield settings
    finally:
        app.close()
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_two_celery_workers_store_what_one_process_does(
    workers: Settings, database_url: str, extractor: Extractor, tmp_path: Path
) -> None:
    inbox = write_inbox(tmp_path / "inbox", copies=2)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    serial_run(reference, inbox, extractor)

    config = JobConfig(
        sources=(FolderSource(inbox),), database_url=database_url, executor="celery", workers=2
    )
    report = run_nightly(config, workers, on_error=lambda _: None)
    assert report.failed == 0 and report.new_or_changed > 50
    assert snapshot(database_url) == snapshot(reference)

    app = make_app(workers)
    try:
        stats = app.control.inspect(timeout=2.0).stats() or {}
    finally:
        app.close()
    done = {name: sum(info.get("total", {}).values()) for name, info in stats.items()}
    assert len(done) == 2 and all(n > 0 for n in done.values()), done
