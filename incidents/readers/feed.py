"""Read an RSS or Atom feed (a file or a URL) with feedparser: one article per entry,
its text the title and the summary or content with markup removed."""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from incidents.domain import Document, DocumentKind
from incidents.errors import ReaderError
from incidents.normalize.language import detect_language

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


def read_feed(
    location: str, name: str, on_error: Callable[[ReaderError], None], timeout: float = 30.0
) -> Iterator[Document]:
    """The entries of the feed at ``location`` (a path or an http(s) URL) as articles
    of the source ``name``. An entry without text is reported and skipped; a feed
    that cannot be parsed at all is one error."""
    try:
        parsed = feedparser.parse(location, request_headers={"User-Agent": "incidents"})
    except (ValueError, OverflowError, LookupError) as exc:
        # feedparser raises on some malformed markup (e.g. ValueError for a character
        # reference past U+10FFFF); that is one bad feed, not a crashed run.
        raise ReaderError(
            location,
            f"not a readable RSS or Atom feed ({type(exc).__name__}: {exc}); "
            "check its character references and entities",
        ) from exc
    status = parsed.get("status")
    if isinstance(status, int) and status >= 400:
        raise ReaderError(location, f"the feed answered HTTP {status}")
    if parsed.bozo and not parsed.entries:
        raise ReaderError(
            location, f"not a readable RSS or Atom feed: {parsed.get('bozo_exception')}"
        )
    outlet = name or parsed.feed.get("title") or location
    for number, entry in enumerate(parsed.entries, start=1):
        text = _entry_text(entry)
        if not text:
            on_error(ReaderError(location, f"entry {number} has no text", line=None))
            continue
        ident = entry.get("id") or entry.get("link") or f"entry-{number}"
        yield Document(
            key=f"feed:{outlet}:{ident}",
            kind=DocumentKind.ARTICLE,
            text=text,
            source=location,
            lang=detect_language(text),
            title=_plain(entry.get("title", "")) or None,
            url=entry.get("link") or None,
            published=_published(entry),
            outlet=outlet,
        )


def _plain(markup: str) -> str:
    text = html.unescape(_TAG.sub(" ", markup))
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _entry_text(entry: Any) -> str:
    title = _plain(entry.get("title", ""))
    contents = entry.get("content") or []
    body = _plain(contents[0].get("value", "")) if contents else _plain(entry.get("summary", ""))
    if title and body and not body.startswith(title):
        return f"{title}.\n{body}" if title[-1] not in ".!?؟" else f"{title}\n{body}"
    return body or title


def _published(entry: Any) -> dt.datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
