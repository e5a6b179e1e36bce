"""Readers turn input files into :class:`~incidents.domain.Document` values.

Each format has its own module; :func:`read_path` picks one by file name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from incidents.domain import Document
from incidents.errors import ReaderError
from incidents.readers.decoding import DEFAULT_MAX_DOCUMENT_BYTES
from incidents.readers.html_page import read_html_page
from incidents.readers.jsonl import read_jsonl
from incidents.readers.page_dump import read_page_dump

ErrorHandler = Callable[[ReaderError], None]

#: Longest document text handed to extraction: spaCy's ``nlp.max_length`` (which
#: :func:`incidents.extract.nlp.build_nlp` keeps). A longer one would only fail in
#: extraction, and again every night; it is reported here, naming file and key.
MAX_DOCUMENT_CHARS = 1_000_000

#: File suffixes each reader accepts.
PAGE_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")


def read_path(
    path: Path,
    key: str,
    on_error: ErrorHandler,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
) -> Iterator[Document]:
    """Yield the documents of one input file.

    A problem with the whole file, or with one of its lines, is passed to
    ``on_error`` (naming the file and line) and reading goes on with what is left.
    A page or HTML file, or a JSON Lines record, over ``max_bytes`` is such a problem.
    """
    try:
        for document in _read(path, key, on_error, max_bytes):
            if len(document.text) > MAX_DOCUMENT_CHARS:
                on_error(
                    ReaderError(
                        str(path),
                        f"document {document.key}: text is {len(document.text):,} characters, "
                        f"more than the {MAX_DOCUMENT_CHARS:,} extraction reads; split it",
                    )
                )
                continue
            yield document
    except ReaderError as exc:
        on_error(exc)


def _read(path: Path, key: str, on_error: ErrorHandler, max_bytes: int) -> Iterator[Document]:
    if path.suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, key, on_error, max_bytes)
    elif path.suffix in PAGE_SUFFIXES:
        yield from read_page_dump(path, key, on_error, max_bytes)
    elif path.suffix.lower() in HTML_SUFFIXES:
        yield from read_html_page(path, key, max_bytes)
    else:
        raise ReaderError(
            str(path), f"unknown input format {path.suffix!r}; use .txt pages, .jsonl or .html"
        )


def iter_input_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Yield ``(file, key)`` for every readable input under ``root``, in a stable order.

    The key is the file's path relative to ``root`` (POSIX style), or its name when
    ``root`` is itself a file.
    """
    if root.is_file():
        yield root, root.name
        return
    suffixes = PAGE_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in suffixes):
        yield path, path.relative_to(root).as_posix()


def read_folder_strictly(root: Path) -> Iterator[Document]:
    """Every document under ``root``, raising the first :class:`ReaderError`.

    For corpora the project ships (samples, gold): a bad file there is a bug, not input
    to skip.
    """

    def fail(error: ReaderError) -> None:
        raise error

    for path, key in iter_input_files(root):
        yield from read_path(path, key, fail)


__all__ = [
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "MAX_DOCUMENT_CHARS",
    "Document",
    "ErrorHandler",
    "iter_input_files",
    "read_folder_strictly",
    "read_path",
]
