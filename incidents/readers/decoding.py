"""Turn an input file's bytes into text, or say clearly why that is impossible.

News reaches the inbox as UTF-8 mostly, but also as UTF-16 (Windows "Unicode" saves,
with or without a byte-order mark) and as windows-1256 (older Arabic and Persian
sites), sometimes mixed line by line where a file was assembled from several
sources. Each is read back to the text that was written; bytes that are none of
these, and files larger than the document-size limit, are a :class:`ReaderError`
naming the file, so a bad file costs one error, never the run.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from incidents.errors import ReaderError

#: Largest input file (a page dump or HTML page) or JSON Lines record read, in bytes.
#: A larger one is rejected before it is read, so memory stays bounded.
DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

_SNIFF = 8192
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: Characters the news this project reads is written in: ASCII, the Arabic script
#: blocks, Arabic presentation forms, general punctuation (ZWNJ, dashes, quotes), NBSP
#: and guillemets. A windows-1256 reading must stay inside them to be chosen.
_NOT_WINDOWS_1256_NEWS = re.compile(
    "[^\x00-\x7f\u00a0\u00ab\u00bb\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\ufb50-\ufdff\ufe70-\ufeff\u2000-\u206f]"
)
#: The same, with the Latin letters of names in English news (José, Łódź). A valid
#: UTF-8 reading that strays outside these (C1 controls, Latin Extended-B, ...) is
#: windows-1256 that happens to be valid UTF-8, when its windows-1256 reading is clean.
_NOT_UTF8_NEWS = re.compile(
    "[^\x00-\x7f\u00a0-\u017f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\ufb50-\ufdff\ufe70-\ufeff\u2000-\u206f]"
)
#: Control characters no text file holds (tab, line and page breaks are allowed).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")

ErrorHandler = Callable[[ReaderError], None]


def check_size(path: Path, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> None:
    """Raise a :class:`ReaderError` naming ``path`` when it is larger than ``max_bytes``."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReaderError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise ReaderError(
            str(path),
            f"file is {size:,} bytes, more than the {max_bytes:,}-byte limit of one document; "
            "split it into smaller files (or raise the max document size)",
        )


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> str:
    """Read ``path`` as text (UTF-8, UTF-16 or windows-1256; CRLF becomes LF).

    Raises :class:`ReaderError` naming the file for a file larger than ``max_bytes``
    and for an empty, binary or undecodable one.
    """
    check_size(path, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReaderError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    return decode_text(data, str(path))


def decode_text(data: bytes, source: str) -> str:
    """The text ``data`` holds, with line ends made LF; ``source`` names it in errors."""
    if not data:
        raise ReaderError(source, "file is empty")
    text = _decode(data, source).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReaderError(source, "file is empty")
    return text


def iter_text_lines(
    path: Path, on_error: ErrorHandler, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, text)`` for each line of ``path``, streaming: memory stays
    within ``max_bytes`` however large the file. A line longer than ``max_bytes`` is
    reported (file and line) and skipped; a binary or empty file is one error."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise ReaderError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    with stream:
        head = stream.read(_SNIFF)
        stream.seek(0)
        skipped: list[ReaderError] = []

        def skip(error: ReaderError) -> None:
            skipped.append(error)
            on_error(error)

        encoding = _utf16_encoding(head, complete=len(head) < _SNIFF)
        if encoding is not None:
            lines = _utf16_lines(path, stream, encoding, skip, max_bytes)
        elif b"\x00" in head:
            raise ReaderError(str(path), "file is binary (contains NUL bytes), not text")
        else:
            lines = _byte_lines(path, stream, skip, max_bytes)
        empty = True
        for number, line in lines:
            empty = empty and not line.strip()
            yield number, line
        if empty and not skipped:
            raise ReaderError(str(path), "file is empty")


def _byte_lines(
    path: Path, stream: io.BufferedReader, on_error: ErrorHandler, max_bytes: int
) -> Iterator[tuple[int, str]]:
    """Lines of a UTF-8 or windows-1256 file (each line in either), read in bytes."""
    number = 0
    decoder = _LineDecoder()
    while raw := stream.readline(max_bytes + 1):
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                raw = stream.readline(1 << 20)
            on_error(_too_long(path, number, max_bytes))
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        yield number, decoder.decode(raw.rstrip(b"\r\n"))


def _utf16_lines(
    path: Path, stream: io.BufferedReader, encoding: str, on_error: ErrorHandler, max_bytes: int
) -> Iterator[tuple[int, str]]:
    text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline=None)
    limit = max_bytes // 2  # characters: two bytes each at least
    number = 0
    try:
        while line := text.readline(limit + 1):
            number += 1
            if len(line) > limit and not line.endswith("\n"):
                while line and not line.endswith("\n"):
                    line = text.readline(1 << 19)
                on_error(_too_long(path, number, max_bytes))
                continue
            line = line.rstrip("\n")
            yield number, line.lstrip("\ufeff") if number == 1 else line
    except UnicodeDecodeError as exc:
        raise ReaderError(
            str(path), f"not valid {encoding.upper()} text: {exc.reason}", line=number + 1
        ) from exc
    finally:
        text.detach()


def _too_long(path: Path, number: int, max_bytes: int) -> ReaderError:
    return ReaderError(
        str(path),
        f"line is longer than the {max_bytes:,}-byte limit of one document; skipped",
        line=number,
    )


def _decode(data: bytes, source: str) -> str:
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReaderError(
                source, f"not valid UTF-16 (at byte offset {exc.start}); re-save it as UTF-8"
            ) from exc
        if _CONTROL.search(text) is None:
            return text
        raise ReaderError(source, "file is binary (control characters in UTF-16), not text")
    if b"\x00" in data:
        encoding = _utf16_encoding(data[:_SNIFF], complete=len(data) <= _SNIFF)
        utf16 = _clean_utf16(data, encoding) if encoding is not None else None
        if utf16 is not None:
            return utf16
        raise ReaderError(source, "file is binary (contains NUL bytes), not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        whole: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        whole = None
    if whole is not None and _NOT_UTF8_NEWS.search(whole) is None:
        text = whole
    else:
        # Not (plainly) UTF-8 as a whole: windows-1256, or lines of both, each line
        # valid in its own encoding: read line by line.
        text = _decode_lines(data.split(b"\n"))
    if (control := _CONTROL.search(text)) is None:
        return text
    for encoding in ("utf-16-le", "utf-16-be"):  # UTF-16 of Arabic letters alone: no NUL
        utf16 = _clean_utf16(data, encoding)
        if utf16 is not None and _NOT_UTF8_NEWS.search(utf16) is None:
            return utf16
    raise ReaderError(
        source,
        f"file is binary or in an unknown encoding (control character "
        f"U+{ord(control.group()):04X}); re-save it as UTF-8",
    )


def _clean_utf16(data: bytes, encoding: str) -> str | None:
    """``data`` read as ``encoding`` when that gives text without control characters."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _CONTROL.search(text) is None else None


def _utf16_encoding(head: bytes, complete: bool) -> str | None:
    """The UTF-16 the start of a file, ``head``, is written in: ``utf-16`` with a BOM;
    else, when it holds NUL bytes (the high byte of ASCII, spaces and line ends),
    the byte order that reads it as text. None when it is not UTF-16 text."""
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    odd = head[1::2].count(0)
    even = head[0::2].count(0)
    if not odd and not even:
        return None
    orders = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for encoding in orders:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        try:
            text = decoder.decode(head, final=complete)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text) is None:
            return encoding
    return None


def _readings(line: bytes) -> tuple[str | None, str | None, str]:
    """``line`` read as UTF-8 if that gives news text, as windows-1256 if that does,
    and the fallback reading (UTF-8 when valid, else windows-1256)."""
    try:
        as_utf8: str | None = line.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    as_cp1256 = line.decode("cp1256")  # every byte has a windows-1256 character
    fallback = as_cp1256 if as_utf8 is None else as_utf8
    if as_utf8 is not None and _NOT_UTF8_NEWS.search(as_utf8) is not None:
        as_utf8 = None
    if _NOT_WINDOWS_1256_NEWS.search(as_cp1256) or _CONTROL.search(as_cp1256):
        return as_utf8, None, fallback
    return as_utf8, as_cp1256, fallback


class _LineDecoder:
    """Reads lines each in UTF-8 or windows-1256 (a file assembled from several
    sources mixes them). A line that reads as news in both (short runs of Arabic
    letters can: the bytes of "عک" are also UTF-8 "ژ") takes the encoding most of
    the unambiguous lines have, those of the whole file when ``votes`` are given,
    else those read so far; UTF-8 wins a tie."""

    def __init__(self, votes: tuple[int, int] | None = None) -> None:
        self.counting = votes is None
        self.utf8, self.cp1256 = votes or (0, 0)

    def decode(self, line: bytes) -> str:
        as_utf8, as_cp1256, fallback = _readings(line)
        if as_utf8 is not None and as_cp1256 is not None:
            if as_utf8 == as_cp1256:  # ASCII
                return as_utf8
            return as_cp1256 if self.cp1256 > self.utf8 else as_utf8
        if self.counting:
            self.utf8 += as_utf8 is not None
            self.cp1256 += as_cp1256 is not None
        return as_utf8 or as_cp1256 or fallback


def _decode_lines(lines: list[bytes]) -> str:
    """Lines of a file that is not plainly UTF-8, each in UTF-8 or windows-1256."""
    utf8 = cp1256 = 0
    for line in lines:
        as_utf8, as_cp1256, _ = _readings(line)
        if (as_utf8 is None) != (as_cp1256 is None):
            utf8 += as_utf8 is not None
            cp1256 += as_cp1256 is not None
    decoder = _LineDecoder((utf8, cp1256))
    return "\n".join(decoder.decode(line) for line in lines)
