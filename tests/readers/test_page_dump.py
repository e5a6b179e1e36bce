from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from incidents.domain import DocumentKind
from incidents.errors import ReaderError
from incidents.readers.page_dump import read_page_dump


def test_seed_page_becomes_article_and_two_comments(seed_page: Path) -> None:
    article, first, second = read_page_dump(seed_page, "seed.txt")
    assert article.kind is DocumentKind.ARTICLE
    assert article.key == "seed.txt#article"
    assert article.lang == "fa"
    assert article.outlet == "اسپوتنیک"
    assert article.title is not None and article.title.startswith("ریاستجمهوری سوریه")
    assert "منبع" not in article.text
    assert "Iran (Islamic Republic of)" not in article.text
    assert article.published == dt.datetime(2025, 11, 14, tzinfo=dt.UTC)

    assert [first.kind, second.kind] == [DocumentKind.COMMENT, DocumentKind.COMMENT]
    assert second.parent_key == first.parent_key == article.key
    assert second.author == "ناشناس"
    # The country line is metadata, never text an event place could come from.
    assert second.commenter_country == "Iran (Islamic Republic of)"
    assert "Iran" not in second.text
    assert second.published == dt.datetime(2025, 11, 14, 21, 1, tzinfo=dt.UTC)
    assert first.published == dt.datetime(2025, 11, 14, 21, 8, tzinfo=dt.UTC)
    assert second.text.startswith("انفجار در دمشق؛")
    assert second.text.endswith("برخی از مسیرهای اطراف را بستهاند")  # vote counts dropped


def test_bundled_pages_all_read(corpus: Path) -> None:
    pages = sorted((corpus / "pages").glob("*.txt"))
    assert len(pages) >= 6
    for page in pages:
        documents = list(read_page_dump(page, page.name))
        assert documents[0].kind is DocumentKind.ARTICLE
        for comment in documents[1:]:
            assert comment.published is not None and comment.published.utcoffset() is not None
            assert comment.commenter_country


def test_missing_header_names_file_and_line(tmp_path: Path) -> None:
    page = tmp_path / "bad.txt"
    page.write_text("no header here\n\nbody\n", encoding="utf-8")
    with pytest.raises(ReaderError, match=r"bad\.txt:1: expected a 'date YYYY-MM-DD"):
        list(read_page_dump(page, "bad.txt"))
