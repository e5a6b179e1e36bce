"""The map page in a real headless Chromium, served by a real uvicorn, network off.

Proves what HTML assertions cannot: the page draws with only local requests, the
markers and cluster appear, a Persian popup reads right to left, and an HTML
payload in the data stays text. Uses Debian's Chromium (``apt-get install chromium``)
through the ``playwright`` package; a browser is never downloaded. Under CI
(``CI=true``) a missing browser or Playwright is a failure, elsewhere a skip.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn
from urllib.parse import urlsplit

import httpx
import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ARTIFACTS = HERE / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _unavailable(reason: str) -> NoReturn:
    """Fail under CI (a skipped browser test proves nothing), skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser test must run)", pytrace=False)
    pytest.skip(reason)


def _load_map_app() -> ModuleType:
    """The served app's module, loaded by path so any pytest import mode finds it."""
    spec = importlib.util.spec_from_file_location("map_app", HERE / "map_app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's Chromium, or the one named by INCIDENTS_CHROMIUM (other distros)."""
    path = os.environ.get("INCIDENTS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.access(path, os.X_OK):
        _unavailable(
            f"Chromium not found at {path}; `apt-get install -y chromium` "
            "or set INCIDENTS_CHROMIUM to a Chromium executable"
        )
    return path


@pytest.fixture(scope="module")
def sync_playwright(chromium: str) -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed; `pip install playwright`")
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server_url(chromium: str) -> Iterator[str]:
    """uvicorn in a subprocess serving ``map_app:create_app`` on a free local port."""
    port = _free_port()
    command = [
        sys.executable, "-m", "uvicorn", "map_app:create_app", "--factory",
        "--app-dir", str(HERE), "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "warning",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(HERE)])}
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                output = process.stdout.read() if process.stdout else ""
                pytest.fail(f"uvicorn exited with {process.returncode}:\n{output}")
            try:
                if httpx.get(url + "/static/VENDORED.md", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"uvicorn did not answer on {url} within 30 s")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def _wait_for_one_open_popup(page: Any) -> None:
    """Wait until exactly one popup is open and its fade-in has finished."""
    page.wait_for_function(
        """() => {
            const popups = document.querySelectorAll('.leaflet-popup');
            return popups.length === 1 && getComputedStyle(popups[0]).opacity === '1';
        }"""
    )


def test_map_renders_offline_and_safely(
    chromium: str, sync_playwright: Any, server_url: str
) -> None:
    app = _load_map_app()
    errors: list[str] = []
    requested: list[str] = []
    blocked: list[str] = []

    def local_only(route: Any) -> None:
        url = route.request.url
        requested.append(url)
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:  # the network is "off": anything else is recorded and refused
            blocked.append(url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on(
                "console",
                lambda m: errors.append(m.text) if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
            page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
            page.route("**/*", local_only)

            page.goto(server_url + "/", wait_until="networkidle")
            page.wait_for_function(
                "document.querySelectorAll('.leaflet-basemap-pane path').length > 100"
            )

            # Tehran alone; Damascus and Mezzeh (4 km apart) in one cluster of 2.
            markers = page.locator(".leaflet-overlay-pane path.incident-marker")
            clusters = page.locator(".leaflet-marker-pane .marker-cluster")
            assert markers.count() == 1
            assert clusters.count() == 1 and clusters.first.inner_text().strip() == "2"
            assert page.locator(".incident-legend-control").is_visible()

            page.locator("path.incident-1").click()
            evidence = page.locator(".leaflet-popup-content .incident-evidence")
            evidence.wait_for()
            _wait_for_one_open_popup(page)
            assert evidence.get_attribute("dir") == "rtl"
            assert evidence.get_attribute("lang") == "fa"
            assert evidence.inner_text().strip() == app.PERSIAN_EVIDENCE
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "map.png"))

            clusters.first.click()  # at max zoom the pair spiderfies
            page.wait_for_function("document.querySelectorAll('path.incident-marker').length === 3")
            page.locator("path.incident-2").click(force=True)
            popup = page.locator(".leaflet-popup-content .incident-popup[data-incident-id='2']")
            popup.wait_for()
            _wait_for_one_open_popup(page)
            assert app.PAYLOAD in popup.inner_text()  # shown as text...
            assert popup.locator("img").count() == 0  # ...never as markup
            assert popup.locator("a[href^='javascript']").count() == 0
            assert page.evaluate("typeof window.__pwned") == "undefined"
            page.screenshot(path=str(ARTIFACTS / "map-payload.png"))
        finally:
            browser.close()

    assert errors == []
    assert blocked == []
    assert requested and all(urlsplit(u).hostname == "127.0.0.1" for u in requested)
    assert any(u.endswith("/static/basemap/countries-110m.geojson") for u in requested)
