"""Read the page-dump format: a Persian news page with its reader comments.

Layout (see ``incidents/samples/pages`` and the README)::

     date 2025-11-14 <headline>
    <blank>
    <body paragraphs>
    منبع: <outlet>
    <blank>
    <commenter country line>      e.g. "Iran (Islamic Republic of)"  (metadata only)
    <author line>                  e.g. "ناشناس"
    HH:MM DD <Solar Hijri month> YYYY   in Persian digits, Tehran time
    <comment text, one or more lines>
    <up-vote count>
    <down-vote count>
    ... next comment ...

The article and each comment become separate documents. A comment keeps its
article (``parent_key``), author, commenter country and UTC timestamp; the country
line never enters the comment's text, so it can never become an event place.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from incidents.domain import Document, DocumentKind
from incidents.errors import ReaderError
from incidents.normalize.dates import JALALI_TIMESTAMP, parse_jalali_timestamp
from incidents.normalize.folding import fold
from incidents.normalize.language import detect_language
from incidents.readers.decoding import DEFAULT_MAX_DOCUMENT_BYTES, read_text

_HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s*(?P<title>.*)$")
_SOURCE = re.compile(r"^\s*(منبع|منبع خبر|المصدر|Source)\s*[::]\s*(?P<outlet>.+?)\s*$")
_VOTES = re.compile(r"^\s*\d+\s*$")


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # 1-based line number in the file
    text: str


def read_page_dump(
    path: Path,
    key: str,
    on_error: Callable[[ReaderError], None] | None = None,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
) -> Iterator[Document]:
    """Yield the article, then each comment, of one page-dump file.

    ``key`` is the stable name of the file (e.g. relative to its source folder);
    documents are keyed ``{key}#article`` and ``{key}#comment-N``. A bad comment is
    passed to ``on_error`` (file and line) and the comments after it are still read,
    so one broken comment of thousands costs only itself; without ``on_error`` it is
    raised. A file over ``max_bytes`` is rejected unread.
    """
    lines = [_Line(n, t) for n, t in enumerate(read_text(path, max_bytes).split("\n"), start=1)]
    header = _HEADER.match(lines[0].text)
    if header is None:
        raise ReaderError(str(path), "expected a 'date YYYY-MM-DD <headline>' header", line=1)
    try:
        day = dt.date.fromisoformat(header["date"])
    except ValueError as exc:
        raise ReaderError(str(path), f"bad date in header: {exc}", line=1) from exc
    published = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)

    stamps = [i for i, line in enumerate(lines) if JALALI_TIMESTAMP.match(fold(line.text))]
    first_comment = stamps[0] - 2 if stamps else len(lines)
    if first_comment < 1:
        raise ReaderError(str(path), "comment timestamp before any article text", line=1)

    body_lines = lines[1:first_comment]
    outlet = next((m["outlet"] for ln in body_lines if (m := _SOURCE.match(ln.text))), None)
    body = "\n".join(ln.text for ln in body_lines if not _SOURCE.match(ln.text)).strip()
    title = header["title"].strip() or None
    text = body or title or ""
    if not text:
        raise ReaderError(str(path), "article has neither headline nor body", line=1)
    article_key = f"{key}#article"
    yield Document(
        key=article_key,
        kind=DocumentKind.ARTICLE,
        text=text,
        source=str(path),
        lang=detect_language(text),
        title=title,
        published=published,
        outlet=outlet,
    )
    for number, stamp in enumerate(stamps, start=1):
        end = stamps[number] - 2 if number < len(stamps) else len(lines)
        try:
            yield _comment(path, lines, stamp, end, f"{key}#comment-{number}", article_key, outlet)
        except ReaderError as exc:
            if on_error is None:
                raise
            on_error(exc)


def _comment(
    path: Path,
    lines: list[_Line],
    stamp: int,
    end: int,
    key: str,
    parent_key: str,
    outlet: str | None,
) -> Document:
    stamp_line = lines[stamp]
    body = lines[stamp + 1 : end]
    while body and not body[-1].text.strip():
        body.pop()
    votes = 0
    while body and votes < 2 and _VOTES.match(fold(body[-1].text)):
        body.pop()
        votes += 1
    text = "\n".join(ln.text for ln in body).strip()
    if not text:
        raise ReaderError(str(path), "reader comment has no text", line=stamp_line.number)
    try:
        published = parse_jalali_timestamp(stamp_line.text)
    except ValueError as exc:
        raise ReaderError(str(path), f"bad comment date: {exc}", line=stamp_line.number) from exc
    return Document(
        key=key,
        kind=DocumentKind.COMMENT,
        text=text,
        source=str(path),
        lang=detect_language(text),
        published=published,
        parent_key=parent_key,
        author=lines[stamp - 1].text.strip() or None,
        commenter_country=lines[stamp - 2].text.strip() or None,
        outlet=outlet,
    )
