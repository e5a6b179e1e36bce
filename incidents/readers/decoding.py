"""Turn an input file's bytes into text, or say clearly why that is impossible."""

from __future__ import annotations

from pathlib import Path

from incidents.errors import ReaderError

_BINARY_SNIFF = 8192


def read_text(path: Path) -> str:
    """Read ``path`` as UTF-8 text (a BOM is dropped; CRLF becomes LF).

    Raises :class:`ReaderError` naming the file for an empty, binary or non-UTF-8 file.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReaderError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise ReaderError(str(path), "file is empty")
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise ReaderError(str(path), "file is binary (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReaderError(
            str(path),
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save the file as UTF-8 (windows-1256 and UTF-16 are not read)",
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")
