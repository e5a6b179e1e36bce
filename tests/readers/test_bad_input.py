"""Each kind of bad input gives one clear error naming the file (and line)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from incidents.errors import ReaderError
from incidents.readers import iter_input_files, read_path


def _read(path: Path) -> tuple[list[str], list[ReaderError]]:
    errors: list[ReaderError] = []
    keys = [d.key for d in read_path(path, path.name, errors.append)]
    return keys, errors


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    keys, errors = _read(path)
    assert keys == []
    assert [str(e) for e in errors] == [f"{path}: file is empty"]


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    keys, errors = _read(path)
    assert keys == []
    assert len(errors) == 1 and "binary" in str(errors[0]) and str(path) in str(errors[0])


def test_windows_1256_file(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    path.write_bytes(" date 2025-11-14 انفجار في دمشق\n\nقتل شخص في انفجار.\n".encode("cp1256"))
    keys, errors = _read(path)
    # Windows' Arabic code page is read as such (incidents.readers.decoding).
    assert keys == ["cp1256.txt#article"]
    assert errors == []


def test_truncated_jsonl_line_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    good = {"id": "a", "text": "A bomb exploded in Baghdad.", "lang": "en"}
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps(good)
        + "\n"
        + '{"id": "b", "text": "A blast in Mos'
        + "\n"
        + json.dumps({**good, "id": "c"})
        + "\n",
        encoding="utf-8",
    )
    keys, errors = _read(path)
    assert keys == ["feed.jsonl:a", "feed.jsonl:c"]
    assert len(errors) == 1
    assert errors[0].line == 2
    assert str(errors[0]).startswith(f"{path}:2: invalid JSON")


def test_jsonl_field_errors_name_the_field(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "x", "lang": "en"},
        {"id": "y", "text": "t", "lang": "de"},
        {"id": "z", "text": "t", "published": "yesterday"},
        ["not", "an", "object"],
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    keys, errors = _read(path)
    assert keys == []
    messages = [str(e) for e in errors]
    assert messages[0] == f"{path}:1: missing 'text'"
    assert messages[1].startswith(f"{path}:2: 'lang' must be one of fa, ar, en")
    assert messages[2] == f"{path}:3: 'published' is not an ISO 8601 date: 'yesterday'"
    assert messages[3] == f"{path}:4: expected a JSON object"


def test_jsonl_comments_keep_article_and_metadata(tmp_path: Path) -> None:
    record = {
        "id": 7,
        "url": "https://example.org/7",
        "title": "T",
        "text": "Body.",
        "lang": "en",
        "published": "2025-11-14T08:30:00+03:00",
        "comments": [{"author": "R", "country": "Iraq", "text": "A bomb went off in Basra."}],
    }
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    errors: list[ReaderError] = []
    article, comment = read_path(path, "feed.jsonl", errors.append)
    assert errors == []
    assert article.published == dt.datetime(2025, 11, 14, 5, 30, tzinfo=dt.UTC)
    assert article.published.utcoffset() == dt.timedelta(hours=3)  # the source's own offset
    assert comment.key == "feed.jsonl:7#comment-1"
    assert comment.parent_key == article.key
    assert comment.commenter_country == "Iraq"
    assert comment.published == article.published  # inherits when it has none


def test_unknown_suffix_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK")
    keys, errors = _read(path)
    assert keys == [] and "unknown input format '.docx'" in str(errors[0])


def test_iter_input_files_is_stable_and_relative(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("x", encoding="utf-8")
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    assert [k for _, k in iter_input_files(tmp_path)] == ["a.jsonl", "pages/b.txt"]
