"""Properties of the readers: any bytes give documents or a ReaderError, never
another exception; text written in UTF-8, UTF-16 or windows-1256 is read back as
written."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from incidents.domain import Document
from incidents.errors import ReaderError
from incidents.readers.decoding import _readings, decode_text
from incidents.readers.jsonl import read_jsonl
from incidents.readers.page_dump import read_page_dump

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءآأؤئةيك‌۰۱۲۳۴۵۶۷۸۹،؛؟«»"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى٠١٢٣٤٥٦٧٨٩"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?'\"()-\n\t"
#: Letters of names in English news; read as UTF-8 (or UTF-16), never windows-1256.
ACCENTED = "áéíóúñçüöÁÉŁłŞşĞğ"

#: Lines a page dump is made of, good and bad, to be shuffled together.
PAGE_LINES = st.sampled_from(
    [
        " date 2025-11-14 انفجار در دمشق",
        "date 2025-13-45 bad date",
        "date 2025-11-14",
        "",
        "یک انفجار در دمشق رخ داد.",
        "منبع: خبرگزاری نمونه",
        "Source:",
        "Iran (Islamic Republic of)",
        "ناشناس",
        "۰۰:۳۸ ۲۴ آبان ۱۴۰۴",
        "۲۵:۹۹ ۳۱ اسفند ۱۴۰۴",
        "00:31 24 آبان 1404",
        "۹۹:۹۹ ۹۹ آبان ۹۹۹۹",
        "۰",
        "12",
    ]
)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256"])


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _read_all(read: Iterator[Document]) -> list[Document]:
    """Drain a reader; a ReaderError raised is as good as documents."""
    try:
        return list(read)
    except ReaderError:
        return []


def _ambiguous(text: str, encoding: str) -> bool:
    """Whether ``text`` written in ``encoding`` (UTF-8 or windows-1256) reads as news
    text in both, e.g. the windows-1256 bytes of "عک" are UTF-8 "ژ" (a line like
    that follows the other lines of its file, and UTF-8 wins a tie)."""
    as_utf8, as_cp1256, _ = _readings(text.encode(encoding))
    return as_utf8 is not None and as_cp1256 is not None and as_utf8 != as_cp1256


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


@st.composite
def page_dumps(draw: st.DrawFn) -> bytes:
    """Page-dump-like files: shuffled good and bad lines, in some encoding, maybe
    with a few bytes flipped or cut."""
    lines = draw(st.lists(st.one_of(PAGE_LINES, st.text(max_size=30)), max_size=40))
    encoding = draw(ENCODINGS)
    data = "\n".join(lines).encode(encoding, errors="replace")
    if data and draw(st.booleans()):
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    """JSON Lines-like files: records with odd field types, junk lines, in some
    encoding, maybe cut short."""
    value = st.one_of(
        st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.lists(st.integers())
    )
    record = st.dictionaries(
        st.sampled_from(["id", "text", "lang", "published", "title", "url", "comments"]),
        st.one_of(value, st.lists(st.dictionaries(st.sampled_from(["text", "author"]), value))),
    )
    lines = draw(
        st.lists(st.one_of(record.map(json.dumps), st.text(max_size=40), st.just("{")), max_size=8)
    )
    data = "\n".join(lines).encode(draw(ENCODINGS), errors="replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@PROPERTY
@given(data=st.one_of(st.binary(max_size=2000), jsonl_files()))
@example(data=b"")
@example(data=b"\xff\xfe")
@example(data=b"\x00" * 9000)
def test_any_bytes_give_jsonl_documents_or_a_reader_error(folder: Path, data: bytes) -> None:
    path = _write(folder, "any.jsonl", data)
    errors: list[ReaderError] = []
    documents = _read_all(read_jsonl(path, "any.jsonl", errors.append, max_bytes=4096))
    assert all(isinstance(e, ReaderError) and e.path == str(path) for e in errors)
    assert all(d.text.strip() and d.key.startswith("any.jsonl:") for d in documents)


@PROPERTY
@given(data=st.one_of(st.binary(max_size=2000), page_dumps()))
@example(data=b" date 2025-11-14 x\n\nbody\nA\nB\n\xdb\xb0\xdb\xb0:\xdb\xb3\xdb\xb8 1 \n")
def test_any_bytes_give_page_documents_or_a_reader_error(folder: Path, data: bytes) -> None:
    path = _write(folder, "any.txt", data)
    errors: list[ReaderError] = []
    documents = _read_all(read_page_dump(path, "any.txt", errors.append))
    assert all(isinstance(e, ReaderError) and e.path == str(path) for e in errors)
    assert all(d.text.strip() for d in documents)
    if documents:
        article, *comments = documents
        assert article.key == "any.txt#article"
        assert all(c.parent_key == article.key for c in comments)


def _news_text(alphabet: str) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=1, max_size=200).filter(lambda t: t.strip())


@PROPERTY
@given(text=_news_text(PERSIAN + ARABIC + LATIN + ACCENTED), bom=st.booleans())
def test_utf8_text_is_read_as_written(text: str, bom: bool) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    assert decode_text(data, "x") == text


@PROPERTY
@given(
    text=_news_text(PERSIAN + ARABIC + LATIN + ACCENTED),
    encoding=st.sampled_from(["utf-16", "utf-16-le", "utf-16-be"]),
)
def test_utf16_text_with_or_without_bom_is_read_as_written(text: str, encoding: str) -> None:
    # Without a BOM, the byte order is told by the NUL bytes of ASCII characters
    # (spaces, digits, line ends: every real file has some) or, failing that, by
    # which order reads as Arabic-script text.
    assume(encoding == "utf-16" or any(c.isascii() for c in text) or len(text) > 1)
    assert decode_text(text.encode(encoding), "x") == text


#: What windows-1256 can write of the alphabets (Persian ye and keheh become Arabic).
CP1256_TEXT = "".join(c for c in PERSIAN + ARABIC + LATIN if c.encode("cp1256", "ignore"))


@PROPERTY
@given(text=_news_text(CP1256_TEXT))
def test_windows_1256_text_is_read_as_written(text: str) -> None:
    lines = text.split("\n")
    assume(not all(_ambiguous(line, "cp1256") or line.isascii() for line in lines))
    assert decode_text(text.encode("cp1256"), "x") == text


@PROPERTY
@given(
    lines=st.lists(
        st.tuples(_news_text(CP1256_TEXT.replace("\n", "")), st.sampled_from(["utf-8", "cp1256"])),
        min_size=1,
        max_size=10,
    )
)
def test_a_file_of_utf8_and_windows_1256_lines_is_read_line_by_line(
    lines: list[tuple[str, str]],
) -> None:
    data = b"\n".join(text.encode(encoding) for text, encoding in lines)
    assume(any(encoding == "cp1256" for _, encoding in lines))
    assume(not any(_ambiguous(text, encoding) for text, encoding in lines))
    assert decode_text(data, "x") == "\n".join(text for text, _ in lines)
