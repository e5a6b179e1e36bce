"""A run killed with SIGKILL at several points is finished by the next run, and the
database ends equal to that of a run never interrupted."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from incidents.extract.extractor import Extractor
from tests.nightly.helpers import serial_run, snapshot, write_inbox

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def _nightly(inbox: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "incidents.cli", "nightly", str(inbox), "--database-url", url,
         "--workers", "1"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip


def _stored(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # not created yet


def test_killed_runs_are_finished_by_the_next(extractor: Extractor, tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox", copies=6)
    reference_url = f"sqlite:///{tmp_path / 'reference.db'}"
    total = serial_run(reference_url, inbox, extractor)
    assert total.new_or_changed > 150
    expected = snapshot(reference_url)

    for kill_at in (1, total.new_or_changed // 3, (total.new_or_changed * 4) // 5):
        path = tmp_path / f"killed-{kill_at}.db"
        url = f"sqlite:///{path}"
        process = _nightly(inbox, url)
        deadline = time.monotonic() + 120
        while _stored(path) < kill_at and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert process.poll() is None, f"the run ended before {kill_at} documents were stored"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if process.stdout is not None:
            process.stdout.close()
        stored = _stored(path)
        assert kill_at <= stored < total.documents
        resumed = _nightly(inbox, url)
        output, _ = resumed.communicate(timeout=300)
        assert resumed.returncode == 0, output
        assert snapshot(url) == expected, f"killed after {stored} documents"
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            statuses = [row[0] for row in connection.execute("SELECT status FROM runs ORDER BY id")]
        assert statuses == ["interrupted", "succeeded"]
