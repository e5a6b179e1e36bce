"""Browser tests: Debian's headless Chromium driven by Playwright, never a download."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # Registered here too, so the marker is known without the project's pytest config.
    config.addinivalue_line("markers", "browser: drives a real headless Chromium")
