"""What `make run` does, step by step, with the real CLI and a real uvicorn.

`incidents db upgrade`, `incidents nightly` over the bundled corpus, then
`incidents serve`; the served API and map answer on 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow


def _wait_until_served(base: str, server: subprocess.Popen[str], log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"server did not start:\n{log_path.read_text(encoding='utf-8')}")
        time.sleep(0.2)


#: The served app's base URL, the nightly run's summary and the database URL.
Served = tuple[str, str, str]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "incidents.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    workdir = tmp_path_factory.mktemp("make-run")
    port = _free_port()
    env = {
        **os.environ,
        "INCIDENTS_DATABASE_URL": f"sqlite:///{workdir / 'incidents.db'}",
        "INCIDENTS_PORT": str(port),
    }
    upgrade = _cli("db", "upgrade", env=env)
    assert upgrade.returncode == 0, upgrade.stderr
    nightly = _cli("nightly", env=env)
    assert nightly.returncode == 0, nightly.stderr
    assert "0 failed" in nightly.stdout
    log_path = workdir / "serve.log"
    log = log_path.open("w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "incidents.cli", "serve"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=workdir,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_served(base, server, log_path)
        yield base, nightly.stdout, env["INCIDENTS_DATABASE_URL"]
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_nightly_summary(served: Served) -> None:
    _, summary, _ = served
    assert "documents" in summary and "0 failed" in summary


def test_served_incidents_geojson_and_map(served: Served) -> None:
    base, _, _ = served
    page = httpx.get(f"{base}/incidents", params={"limit": 1000}).json()
    assert page["total"] >= 20
    geojson = httpx.get(f"{base}/incidents.geojson").json()
    assert len(geojson["features"]) >= 20
    response = httpx.get(f"{base}/map")
    assert response.status_code == 200
    assert f"{len(geojson['features']):,} incidents" in response.text
    world = httpx.get(f"{base}/map/features", params={"bbox": "-180,-90,180,90"}).json()
    assert world["mode"] == "incidents" and len(world["features"]) == len(geojson["features"])
    assert httpx.get(f"{base}/static/leaflet/leaflet.css").status_code == 200
    assert httpx.get(f"{base}/docs").status_code == 200


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_serve_with_two_workers_answers_the_same(served: Served, tmp_path: Path) -> None:
    """``incidents serve --workers 2`` runs two server processes on the same database."""
    base, _, database_url = served
    port = _free_port()
    env = {**os.environ, "INCIDENTS_PORT": str(port)}
    env.pop("INCIDENTS_DATABASE_URL", None)
    log_path = tmp_path / "serve2.log"
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "incidents.cli", "serve", "--workers", "2"),
                *("--database-url", database_url),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        other = f"http://127.0.0.1:{port}"
        try:
            _wait_until_served(other, server, log_path)
            assert len(_children(server.pid)) >= 2
            expected = httpx.get(f"{base}/incidents?limit=5", timeout=10).json()
            for _ in range(6):
                assert httpx.get(f"{other}/incidents?limit=5", timeout=10).json() == expected
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_readme_opens_with_the_two_commands() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in readme.splitlines() if line.strip().startswith("make ")]
    assert commands[:2] == ["make run", "make test"]
