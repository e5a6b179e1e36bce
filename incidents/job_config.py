"""The nightly job's configuration file (``incidents.toml``).

::

    # Where incidents are stored (default: INCIDENTS_DATABASE_URL).
    database_url = "sqlite:///incidents.db"
    # Extraction processes (default: the machine's cores); "celery" sends
    # extraction to workers started with `incidents worker`.
    workers = 2
    executor = "process"          # or "celery"
    # A static map refreshed after each run (optional).
    map_out = "public/incidents.html"

    [[source]]
    name = "inbox"
    folder = "inbox"              # page dumps (.txt), JSON Lines, saved HTML pages

    [[source]]
    name = "Example News"
    feed = "https://news.example/rss.xml"   # an RSS / Atom URL or file

Paths are relative to the file. Every error names the file and the key.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from incidents.errors import ConfigurationError
from incidents.sources import FeedSource, FolderSource, Source

EXECUTORS = ("process", "celery")


@dataclass(frozen=True)
class JobConfig:
    sources: tuple[Source, ...]
    database_url: str | None = None
    workers: int | None = None
    executor: str = "process"
    map_out: Path | None = None

    @property
    def worker_count(self) -> int:
        return self.workers or max(1, os.cpu_count() or 1)


def load_job_config(path: Path) -> JobConfig:
    """Read ``path``; raise :class:`ConfigurationError` naming the file and the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigurationError(f"{path}: no such configuration file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"{path}: not valid TOML: {exc}") from None
    base = path.resolve().parent

    def fail(key: str, reason: str) -> ConfigurationError:
        return ConfigurationError(f"{path}: {key}: {reason}")

    known = {"database_url", "workers", "executor", "map_out", "source"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise fail(unknown[0], f"unknown key; use {', '.join(sorted(known))}")
    workers = data.get("workers")
    if workers is not None and (
        not isinstance(workers, int) or isinstance(workers, bool) or workers < 1
    ):
        raise fail("workers", "must be a whole number of at least 1")
    executor = data.get("executor", "process")
    if executor not in EXECUTORS:
        raise fail("executor", f"{executor!r} is not one of {', '.join(EXECUTORS)}")
    database_url = data.get("database_url")
    if database_url is not None and not isinstance(database_url, str):
        raise fail("database_url", "must be a string")
    map_out = data.get("map_out")
    if map_out is not None and not isinstance(map_out, str):
        raise fail("map_out", "must be a path")
    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list) or not raw_sources:
        raise fail("source", "give at least one [[source]] with a folder or a feed")
    sources = tuple(_source(item, number, base, fail) for number, item in enumerate(raw_sources, 1))
    return JobConfig(
        sources=sources,
        database_url=database_url,
        workers=workers,
        executor=executor,
        map_out=(base / map_out) if map_out else None,
    )


def _source(item: Any, number: int, base: Path, fail: Any) -> Source:
    key = f"source {number}"
    if not isinstance(item, dict):
        raise fail(key, "must be a table ([[source]])")
    unknown = sorted(set(item) - {"name", "folder", "feed"})
    if unknown:
        raise fail(f"{key}.{unknown[0]}", "unknown key; use name, folder or feed")
    name = item.get("name", "")
    if not isinstance(name, str):
        raise fail(f"{key}.name", "must be a string")
    if ("folder" in item) == ("feed" in item):
        raise fail(key, "give exactly one of folder and feed")
    if "folder" in item:
        if not isinstance(item["folder"], str):
            raise fail(f"{key}.folder", "must be a path")
        folder = base / item["folder"]
        if not folder.exists():
            raise fail(f"{key}.folder", f"{folder} does not exist")
        return FolderSource(folder, name)
    feed = item["feed"]
    if not isinstance(feed, str) or not feed:
        raise fail(f"{key}.feed", "must be a URL or a path")
    if not feed.startswith(("http://", "https://")):
        local = base / feed
        if not local.is_file():
            raise fail(f"{key}.feed", f"{local} does not exist")
        feed = str(local)
    return FeedSource(feed, name)
