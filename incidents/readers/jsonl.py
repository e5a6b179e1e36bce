"""Read JSON Lines of articles, each with optional reader comments.

One object per line::

    {"id", "url", "title", "text", "published", "lang", "comments": [
        {"author", "country", "published", "text"}]}

A bad line is reported (file and line number) through ``on_error`` and skipped;
the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from incidents.domain import Document, DocumentKind
from incidents.errors import ReaderError
from incidents.normalize.dates import parse_iso_datetime
from incidents.normalize.language import SUPPORTED_LANGUAGES, detect_language
from incidents.readers.decoding import DEFAULT_MAX_DOCUMENT_BYTES, iter_text_lines

ErrorHandler = Callable[[ReaderError], None]


def read_jsonl(
    path: Path, key: str, on_error: ErrorHandler, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
) -> Iterator[Document]:
    """Yield the documents of a JSONL file; report each bad line and go on.

    The file is streamed line by line (an inbox may hold one very large feed file);
    a line longer than ``max_bytes`` is reported and skipped without being read whole.
    """
    for number, line in iter_text_lines(path, on_error, max_bytes):
        if not line.strip():
            continue
        try:
            yield from _documents_of_line(path, key, number, line)
        except ReaderError as exc:
            on_error(exc)


def _documents_of_line(path: Path, key: str, number: int, line: str) -> list[Document]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ReaderError(
            str(path), f"invalid JSON ({exc.msg} at column {exc.colno})", line=number
        ) from exc
    return documents_of_record(record, str(path), key, number)


def documents_of_record(record: Any, source: str, key: str, number: int) -> list[Document]:
    """The article (and its comments) of one decoded JSON record, the ``number``-th of
    ``source``; keys start with ``key``. A bad record raises a ReaderError naming
    ``source`` and ``number``."""

    def fail(reason: str) -> ReaderError:
        return ReaderError(source, reason, line=number)

    if not isinstance(record, dict):
        raise fail("expected a JSON object")
    text = _text(record, fail)
    record_id = record.get("id", number)
    if not isinstance(record_id, str | int):
        raise fail("'id' must be a string or a number")
    article_key = f"{key}:{record_id}"
    lang = _language(record, text, fail)
    published = _published(record, fail)
    outlet = _string(record, "source", fail)
    article = Document(
        key=article_key,
        kind=DocumentKind.ARTICLE,
        text=text,
        source=source,
        lang=lang,
        title=_string(record, "title", fail),
        url=_string(record, "url", fail),
        published=published,
        outlet=outlet,
    )
    comments = record.get("comments") or []
    if not isinstance(comments, list):
        raise fail("'comments' must be a list")
    documents = [article]
    for index, comment in enumerate(comments, start=1):
        if not isinstance(comment, dict):
            raise fail(f"comment {index} must be a JSON object")
        comment_text = _text(comment, fail)
        documents.append(
            Document(
                key=f"{article_key}#comment-{index}",
                kind=DocumentKind.COMMENT,
                text=comment_text,
                source=source,
                lang=detect_language(comment_text),
                url=article.url,
                published=_published(comment, fail) or published,
                parent_key=article_key,
                author=_string(comment, "author", fail),
                commenter_country=_string(comment, "country", fail),
                outlet=outlet,
            )
        )
    return documents


def _string(record: dict[str, Any], field: str, fail: Callable[[str], ReaderError]) -> str | None:
    value = record.get(field)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise fail(f"'{field}' must be a string")
    return value


def _text(record: dict[str, Any], fail: Callable[[str], ReaderError]) -> str:
    value = _string(record, "text", fail)
    if value is None:
        raise fail("missing 'text'")
    if not value.strip():
        raise fail("'text' is blank")
    return value


def _language(record: dict[str, Any], text: str, fail: Callable[[str], ReaderError]) -> str:
    lang = record.get("lang")
    if lang is None:
        return detect_language(text)
    if lang not in SUPPORTED_LANGUAGES:
        raise fail(f"'lang' must be one of {', '.join(SUPPORTED_LANGUAGES)}, not {lang!r}")
    return str(lang)


def _published(record: dict[str, Any], fail: Callable[[str], ReaderError]) -> Any:
    value = _string(record, "published", fail)
    if value is None:
        return None
    try:
        return parse_iso_datetime(value)
    except ValueError as exc:
        raise fail(f"'published' is not an ISO 8601 date: {value!r}") from exc
