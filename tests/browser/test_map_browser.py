"""The map page in a real headless Chromium, served by the real API on uvicorn over
a database of the bundled corpus plus a hostile reader comment, network off.

Proves what HTML assertions cannot: the page draws with only local requests, every
incident in view is a marker or inside a cluster, the layers, heat map and time
slider work, a Persian popup reads right to left, and script in a comment stays
text. The static export is opened from its file too. Uses Debian's Chromium
(``apt-get install chromium``) through the ``playwright`` package; a browser is
never downloaded. Under CI (``CI=true``) a missing browser or Playwright is a
failure, elsewhere a skip. Screenshots go to ``tests/browser/artifacts/``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import httpx
import pytest
from sqlmodel import Session

from incidents.extract.extractor import Extractor
from incidents.pipeline import run
from incidents.store.engine import make_engine
from incidents.store.migrations import upgrade
from incidents.store.queries import IncidentFilter
from maps.export import export_map

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


def _wait_for_one_open_popup(page: Any) -> None:
    """Wait until exactly one popup is open and its fade-in has finished."""
    page.wait_for_function(
        """() => {
            const popups = document.querySelectorAll('.leaflet-popup');
            return popups.length === 1 && getComputedStyle(popups[0]).opacity === '1';
        }"""
    )


SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>"
ONERROR_PAYLOAD = '<img src=x onerror="window.__pwned=1">'
HOSTILE = {
    "id": "hostile-1",
    "source": "Hostile Test Outlet",
    "url": "https://news.example/hostile",
    "lang": "en",
    "published": "2024-03-14T09:00:00+00:00",  # a Thursday no corpus event shares
    "text": "Officials met in Geneva to discuss the harvest.",
    "comments": [
        {
            "author": f"troll {ONERROR_PAYLOAD}",
            "text": (
                f"A car bomb exploded in Homs, Syria {SCRIPT_PAYLOAD} on Thursday, "
                f"killing 3 people {ONERROR_PAYLOAD}."
            ),
        }
    ],
}


@pytest.fixture(scope="module")
def database_url(
    tmp_path_factory: pytest.TempPathFactory, corpus: Path, extractor: Extractor
) -> str:
    """The bundled corpus and one hostile reader comment, stored in SQLite."""
    folder = tmp_path_factory.mktemp("browser")
    inputs = folder / "inputs"
    shutil.copytree(corpus, inputs)
    (inputs / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'incidents.db'}"
    upgrade(url)
    engine = make_engine(url)
    errors: list[str] = []
    run([inputs], engine, extractor, errors.append)
    engine.dispose()
    assert errors == []
    return url


@pytest.fixture(scope="module")
def server_url(chromium: str, database_url: str) -> Iterator[str]:
    """The real API (``api.main:app_from_env``) in uvicorn on a free local port."""
    port = _free_port()
    command = [
        sys.executable, "-m", "uvicorn", "api.main:app_from_env", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
    ]  # fmt: skip
    env = {**os.environ, "INCIDENTS_DATABASE_URL": database_url, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                output = process.stdout.read() if process.stdout else ""
                pytest.fail(f"uvicorn exited with {process.returncode}:\n{output}")
            try:
                if httpx.get(url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"uvicorn did not answer on {url} within 60 s")
            time.sleep(0.2)
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


class Browser:
    """One page in Chromium with the network "off": requests that leave 127.0.0.1
    (or the file system) are refused and recorded, console errors are collected."""

    def __init__(self, playwright: Any, chromium: str) -> None:
        self.browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        self.page = self.browser.new_page(viewport={"width": 1280, "height": 800})
        self.errors: list[str] = []
        self.requested: list[str] = []
        self.blocked: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url}"))
        self.page.route("**/*", self._local_only)

    def _local_only(self, route: Any) -> None:
        url = route.request.url
        self.requested.append(url)
        parts = urlsplit(url)
        if parts.hostname == "127.0.0.1" or parts.scheme == "file":
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def wait_loaded(self, after: int = 0) -> None:
        self.page.wait_for_function(
            "n => +(document.querySelector('.folium-map').dataset.incidentsLoaded || 0) > n",
            arg=after,
        )
        self.page.wait_for_timeout(400)  # marker-cluster animations

    def loads(self) -> int:
        return int(
            self.page.evaluate(
                "+(document.querySelector('.folium-map').dataset.incidentsLoaded || 0)"
            )
        )

    def shown(self) -> int:
        """Incidents drawn: single markers plus the counts on cluster icons."""
        return int(
            self.page.evaluate(
                """() => {
                    const pane = '.leaflet-marker-pane ';
                    let n = document.querySelectorAll(pane + '.incident-marker').length;
                    for (const c of document.querySelectorAll(pane + '.type-cluster')) {
                        n += Number(c.innerText.trim());
                    }
                    return n;
                }"""
            )
        )

    def open_popup(self, incident_id: int, event_type: str) -> Any:
        """Show the marker of an incident (zooming into its cluster) and open its popup."""
        shown = self.page.evaluate(
            """([id, type]) => new Promise((done) => {
                const group = window.incidentsMap.groups[type].cluster;
                const marker = group.getLayers().find(
                    (m) => m.options.icon.options.className.includes('incident-' + id + ' '));
                if (!marker) { done('no marker for incident ' + id); return; }
                group.zoomToShowLayer(marker, () => { marker.openPopup(); done('shown'); });
                setTimeout(() => done('the marker was not shown within 10 s'), 10000);
            })""",
            [incident_id, event_type],
        )
        assert shown == "shown", shown
        popup = self.page.locator(
            f".leaflet-popup-content .incident-popup[data-incident-id='{incident_id}']"
        )
        popup.wait_for()
        _wait_for_one_open_popup(self.page)
        return popup

    def close(self) -> None:
        self.browser.close()


def _feature(features: list[dict[str, Any]], needle: str) -> dict[str, Any]:
    return next(f for f in features if needle in f["properties"]["popup"])


def test_the_served_map_in_a_browser(chromium: str, sync_playwright: Any, server_url: str) -> None:
    world = httpx.get(f"{server_url}/map/features?bbox=-180,-90,180,90").json()
    located = world["total"]
    persian = _feature(world["features"], 'dir="rtl" lang="fa"')
    hostile = _feature(world["features"], "&lt;script&gt;")
    types = sorted({f["properties"]["type"] for f in world["features"]})
    with sync_playwright() as playwright:
        browser = Browser(playwright, chromium)
        page = browser.page
        try:
            page.goto(server_url + "/map", wait_until="networkidle")
            page.wait_for_function(
                "document.querySelectorAll('.leaflet-basemap-pane path').length > 100"
            )
            browser.wait_loaded()
            # Every located incident is in view, drawn as a marker or counted in a cluster.
            assert page.locator("#incident-count").inner_text() == f"{located:,} incidents"
            assert page.locator("#incident-inview").inner_text() == f"{located:,} in this area"
            assert browser.shown() == located
            assert page.locator(".leaflet-marker-pane .type-cluster").count() > 0
            assert page.locator(".incident-legend-control").is_visible()
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "map.png"))

            # A layer per type and a heat map in the layer control.
            labels = page.locator(".leaflet-control-layers-overlays label")
            assert labels.count() == len(types) + 1
            assert page.locator(".leaflet-heatmap-layer").count() == 0
            labels.filter(has_text="Heat map").locator("input").check()
            page.wait_for_selector("canvas.leaflet-heatmap-layer")
            explosion = labels.filter(has_text="Explosion").locator("input")
            explosion.uncheck()
            assert page.locator(".type-explosion").count() == 0
            explosion.check()
            page.wait_for_timeout(300)
            assert page.locator(".type-explosion").count() > 0

            # The time slider narrows the dates and the counts follow.
            loads = browser.loads()
            page.evaluate(
                """() => {
                    const from = document.querySelector('.slider-from');
                    const to = document.querySelector('.slider-to');
                    from.value = to.value;  // the last day only
                    from.dispatchEvent(new Event('change'));
                }"""
            )
            browser.wait_loaded(loads)
            last_day = page.locator(".slider-range").inner_text().split(" to ")[1]
            expected = httpx.get(
                f"{server_url}/map/features?bbox=-180,-90,180,90&since={last_day}&until={last_day}"
            ).json()["total"]
            assert 0 < expected < located
            assert browser.shown() == expected
            page.reload(wait_until="networkidle")
            browser.wait_loaded()

            # A Persian popup reads right to left.
            popup = browser.open_popup(persian["properties"]["id"], persian["properties"]["type"])
            evidence = popup.locator(".incident-evidence")
            assert evidence.get_attribute("dir") == "rtl" and evidence.get_attribute("lang") == "fa"
            assert any("\u0600" <= ch <= "\u06ff" for ch in evidence.inner_text())
            assert popup.locator("a.incident-link").get_attribute("href").startswith("/incidents/")
            page.screenshot(path=str(ARTIFACTS / "map-persian-popup.png"))

            # The hostile comment's markup is shown as text and never runs.
            popup = browser.open_popup(hostile["properties"]["id"], hostile["properties"]["type"])
            text = popup.inner_text()
            assert SCRIPT_PAYLOAD in text and ONERROR_PAYLOAD in text
            assert popup.locator("img, script").count() == 0
            assert popup.locator("a[href^='javascript']").count() == 0
            page.locator(f".incident-{hostile['properties']['id']}").hover()
            page.wait_for_timeout(200)
            assert page.evaluate("typeof window.__pwned") == "undefined"
            page.screenshot(path=str(ARTIFACTS / "map-hostile-popup.png"))
        finally:
            browser.close()
    assert browser.errors == []
    assert browser.blocked == []
    assert browser.requested and all(urlsplit(u).hostname == "127.0.0.1" for u in browser.requested)
    assert any(u.endswith("/static/basemap/countries-110m.geojson") for u in browser.requested)
    assert any("/map/features?" in u for u in browser.requested)


def test_the_static_export_opens_from_its_file(
    chromium: str, sync_playwright: Any, database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(database_url)
    with Session(engine) as session:
        exported = export_map(session, IncidentFilter(), tmp_path / "map.html", limit=10_000)
    engine.dispose()
    assert exported.incidents == exported.total > 0
    assert (exported.assets / "leaflet" / "leaflet.js").is_file()
    with sync_playwright() as playwright:
        browser = Browser(playwright, chromium)
        try:
            browser.page.goto(exported.page.as_uri(), wait_until="load")
            browser.page.wait_for_function(
                "document.querySelectorAll('.leaflet-basemap-pane path').length > 100"
            )
            browser.wait_loaded()
            assert browser.shown() == exported.incidents
            browser.page.screenshot(path=str(ARTIFACTS / "map-static-export.png"))
        finally:
            browser.close()
    assert browser.errors == [] and browser.blocked == []
    assert all(urlsplit(u).scheme == "file" for u in browser.requested)
