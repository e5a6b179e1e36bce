"""Where the nightly job's documents come from: inbox folders and RSS / Atom feeds.

A source streams :class:`~incidents.domain.Document` values, one file or entry at a
time, so a run over a large inbox never holds it all in memory. Problems with one
file or entry are passed to ``on_error`` (naming it) and reading goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from incidents.domain import Document, DocumentKind
from incidents.errors import ReaderError
from incidents.readers import DEFAULT_MAX_DOCUMENT_BYTES, iter_input_files, read_path
from incidents.readers.feed import read_feed

ErrorSink = Callable[[ReaderError], None]


class Source(Protocol):
    @property
    def name(self) -> str: ...

    def documents(self, on_error: ErrorSink) -> Iterator[Document]: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class FolderSource:
    """Page dumps (.txt), JSON Lines (.jsonl) and saved HTML pages under a folder
    (or one such file). A page or HTML file, or a JSON Lines record, larger than
    ``max_document_bytes`` is reported and skipped unread, so one huge file can
    neither exhaust memory nor stop the run."""

    root: Path
    name: str = ""
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES

    def describe(self) -> str:
        return str(self.root)

    def documents(self, on_error: ErrorSink) -> Iterator[Document]:
        if not self.root.exists():
            on_error(ReaderError(str(self.root), "input not found"))
            return
        for path, key in iter_input_files(self.root):
            yield from read_path(path, key, on_error, self.max_document_bytes)


@dataclass(frozen=True)
class FeedSource:
    """An RSS or Atom feed, a file or an http(s) URL."""

    location: str
    name: str = ""

    def describe(self) -> str:
        return self.location

    def documents(self, on_error: ErrorSink) -> Iterator[Document]:
        try:
            yield from read_feed(self.location, self.name, on_error)
        except ReaderError as exc:
            on_error(exc)


#: An article with the comments read with it (extracted together: a comment reads
#: its place in the light of its article's countries), or one lone document.
Bundle = tuple[Document, ...]


def bundles(documents: Iterable[Document]) -> Iterator[Bundle]:
    """Group each article with the comments that follow it."""
    current: list[Document] = []
    for document in documents:
        joins = (
            current
            and document.kind == DocumentKind.COMMENT
            and document.parent_key == current[0].key
        )
        if current and not joins:
            yield tuple(current)
            current = []
        current.append(document)
    if current:
        yield tuple(current)
