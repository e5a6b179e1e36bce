"""incidents.toml: sources, workers, executor and map; errors name the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidents.errors import ConfigurationError
from incidents.job_config import load_job_config
from incidents.sources import FeedSource, FolderSource


def _write(folder: Path, body: str) -> Path:
    path = folder / "incidents.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_full_configuration(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "local.xml").write_text("<rss/>", encoding="utf-8")
    config = load_job_config(
        _write(
            tmp_path,
            """
database_url = "sqlite:///x.db"
workers = 3
executor = "celery"
map_out = "public/map.html"

[[source]]
name = "inbox"
folder = "inbox"

[[source]]
name = "Local feed"
feed = "feeds/local.xml"

[[source]]
feed = "https://news.example/rss"
""",
        )
    )
    assert config.sources == (
        FolderSource(tmp_path / "inbox", "inbox"),
        FeedSource(str(tmp_path / "feeds" / "local.xml"), "Local feed"),
        FeedSource("https://news.example/rss", ""),
    )
    assert (config.workers, config.worker_count, config.executor) == (3, 3, "celery")
    assert config.map_out == tmp_path / "public" / "map.html"
    assert config.database_url == "sqlite:///x.db"


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("workers = 0\n[[source]]\nfolder = '.'", "workers"),
        ("workers = 'two'\n[[source]]\nfolder = '.'", "workers"),
        ("executor = 'threads'\n[[source]]\nfolder = '.'", "executor"),
        ("colour = 'red'\n[[source]]\nfolder = '.'", "colour"),
        ("", "source"),
        ("[[source]]\nname = 'x'", "source 1"),
        ("[[source]]\nfolder = '.'\nfeed = 'x.xml'", "source 1"),
        ("[[source]]\nfolder = 'missing'", "source 1.folder"),
        ("[[source]]\nfeed = 'missing.xml'", "source 1.feed"),
        ("[[source]]\nfolder = '.'\nurl = 'x'", "source 1.url"),
        ("workers = [", "not valid TOML"),
    ],
)
def test_errors_name_the_file_and_the_key(tmp_path: Path, body: str, named: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(ConfigurationError) as caught:
        load_job_config(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert named in str(caught.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="no such configuration file"):
        load_job_config(tmp_path / "nope.toml")
