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
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
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
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/docs", timeout=1)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"server did not start:\n{log_path.read_text(encoding='utf-8')}")
                time.sleep(0.2)
        yield base, nightly.stdout
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_nightly_summary(served: tuple[str, str]) -> None:
    _, summary = served
    assert "documents" in summary and "0 failed" in summary


def test_served_incidents_geojson_and_map(served: tuple[str, str]) -> None:
    base, _ = served
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


def test_readme_opens_with_the_two_commands() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in readme.splitlines() if line.strip().startswith("make ")]
    assert commands[:2] == ["make run", "make test"]
