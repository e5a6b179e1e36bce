"""Read a saved HTML news page: its main text, title, canonical URL and date, taken
with trafilatura (boilerplate, menus, scripts and comment widgets are left out)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import trafilatura

from incidents.domain import Document, DocumentKind
from incidents.errors import ReaderError
from incidents.normalize.language import detect_language
from incidents.readers.decoding import DEFAULT_MAX_DOCUMENT_BYTES, read_text


def read_html_page(
    path: Path, key: str, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
) -> Iterator[Document]:
    """The article of a saved page; a page over ``max_bytes`` is rejected unread."""
    html = read_text(path, max_bytes)
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or not text.strip():
        raise ReaderError(str(path), "no article text found in the HTML page")
    metadata = trafilatura.extract_metadata(html)
    title = metadata.title if metadata else None
    url = metadata.url if metadata and metadata.url and metadata.url.startswith("http") else None
    outlet = metadata.sitename if metadata else None
    yield Document(
        key=key,
        kind=DocumentKind.ARTICLE,
        text=text,
        source=str(path),
        lang=detect_language(text),
        title=title,
        url=url,
        published=_published(metadata.date if metadata else None),
        outlet=outlet,
    )


def _published(date: str | None) -> dt.datetime | None:
    if not date:
        return None
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
