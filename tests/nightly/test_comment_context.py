"""A comment read on a later run than its article is read in the article's context:
the countries stored with the article choose between places of the same name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from incidents.domain import Document, DocumentKind
from incidents.extract.extractor import Extractor
from incidents.store.engine import make_engine
from tests.nightly.helpers import serial_run

pytestmark = pytest.mark.slow

ARTICLE = {
    "id": "late-comment",
    "title": "Clashes in northern Lebanon",
    "text": (
        "Gunmen clashed with Lebanese army troops in the north of Lebanon on Tuesday, "
        "security sources in Beirut said."
    ),
    "published": "2025-11-18T09:00:00+02:00",
    "lang": "en",
}
COMMENT = {
    "author": "Rami",
    "published": "2025-11-18T11:00:00+02:00",
    "text": "A bomb exploded in Tripoli this morning, killing two people.",
}


def _write(inbox: Path, comments: list[dict[str, str]]) -> None:
    inbox.mkdir(exist_ok=True)
    record = dict(ARTICLE, comments=comments)
    (inbox / "articles.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


def _comment_countries(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT r.country FROM reports r JOIN documents d ON d.id = r.document_id "
                    "WHERE d.kind = 'comment'"
                )
            )
            return [row[0] for row in rows]
    finally:
        engine.dispose()


def test_without_its_article_the_comment_is_read_elsewhere(extractor: Extractor) -> None:
    """The control: alone, "Tripoli" is the larger Tripoli, in Libya."""
    alone = Document("c", DocumentKind.COMMENT, COMMENT["text"], "test", lang="en")
    assert [e.place.country for e in extractor.extract(alone).events if e.place] == ["LY"]


def test_a_comment_on_a_later_run_gets_the_stored_article_context(
    extractor: Extractor, tmp_path: Path
) -> None:
    inbox, url = tmp_path / "inbox", f"sqlite:///{tmp_path / 'late.db'}"
    _write(inbox, [])
    first = serial_run(url, inbox, extractor)
    assert first.new_or_changed == 1
    _write(inbox, [COMMENT])  # the article is unchanged; only its comment is new
    second = serial_run(url, inbox, extractor)
    assert (second.unchanged, second.new_or_changed) == (1, 1)
    assert _comment_countries(url) == ["LB"]


def test_a_comment_beside_its_article_is_read_the_same(
    extractor: Extractor, tmp_path: Path
) -> None:
    inbox, url = tmp_path / "inbox", f"sqlite:///{tmp_path / 'together.db'}"
    _write(inbox, [COMMENT])
    serial_run(url, inbox, extractor)
    assert _comment_countries(url) == ["LB"]
