"""Saved HTML pages (trafilatura) and RSS / Atom feeds (feedparser), from files and
from a URL."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from incidents.domain import DocumentKind
from incidents.errors import ReaderError
from incidents.readers import iter_input_files, read_path
from incidents.readers.feed import read_feed

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Blast in Homs | Example News</title>
<link rel="canonical" href="https://news.example/2025/11/20/homs-blast">
<meta property="og:site_name" content="Example News">
<meta name="date" content="2025-11-20">
<script>var tracking = "A bomb exploded in Aleppo";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Car bomb kills three in Homs</h1>
<p>A car bomb exploded near a bus station in the Syrian city of Homs on Thursday morning,
killing three people and wounding eleven others, local officials said.</p>
<p>Security forces sealed off the area after the blast and ambulances carried the wounded
to the city's main hospital, witnesses told reporters at the scene.</p>
<p>No group immediately claimed responsibility for the attack, the second in the city
this month, and an investigation has been opened by the provincial authorities.</p>
</article>
<footer>Copyright Example News. Subscribe to our newsletter.</footer></body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Feed</title>
<item><title>Shelling hits Idlib villages</title>
<link>https://news.example/idlib</link><guid>idlib-1</guid>
<pubDate>Fri, 21 Nov 2025 08:30:00 GMT</pubDate>
<description>&lt;p&gt;Artillery shelling struck two villages in &lt;b&gt;Idlib&lt;/b&gt;
province on Friday, killing a child.&lt;/p&gt;</description></item>
<item><title></title><guid>empty</guid><description></description></item>
<item><title>Roads closed in Baghdad &amp; Basra</title><link>https://news.example/roads</link>
<description>Authorities closed main roads in Baghdad on Saturday.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>انفجار در کابل</title><id>urn:fa:1</id><link href="https://news.example/fa/1"/>
<updated>2025-11-22T10:00:00Z</updated>
<content type="html">&lt;p&gt;یک انفجار در کابل دو کشته بر جای گذاشت.&lt;/p&gt;</content></entry>
</feed>
"""


def test_an_html_page_gives_its_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "homs.html"
    page.write_text(PAGE, encoding="utf-8")
    errors: list[ReaderError] = []
    (document,) = read_path(page, "homs.html", errors.append)
    assert errors == []
    assert document.kind == DocumentKind.ARTICLE and document.lang == "en"
    assert "car bomb exploded near a bus station" in document.text
    assert "tracking" not in document.text and "Subscribe" not in document.text
    assert "Home" not in document.text.split()
    assert document.url == "https://news.example/2025/11/20/homs-blast"
    assert document.outlet == "Example News"
    assert document.published == dt.datetime(2025, 11, 20, tzinfo=dt.UTC)
    assert [key for _, key in iter_input_files(tmp_path)] == ["homs.html"]


def test_an_html_page_without_text_is_an_error_naming_it(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    errors: list[ReaderError] = []
    assert list(read_path(page, "empty.html", errors.append)) == []
    assert len(errors) == 1 and str(page) in str(errors[0])


def test_rss_entries_become_articles_and_a_blank_entry_is_reported(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    errors: list[ReaderError] = []
    documents = list(read_feed(str(feed), "Example Feed", errors.append))
    assert [d.key for d in documents] == [
        "feed:Example Feed:idlib-1",
        "feed:Example Feed:https://news.example/roads",
    ]
    idlib = documents[0]
    assert idlib.text.startswith("Shelling hits Idlib villages.\nArtillery shelling struck")
    assert "<b>" not in idlib.text and "Idlib" in idlib.text
    assert idlib.published == dt.datetime(2025, 11, 21, 8, 30, tzinfo=dt.UTC)
    assert idlib.url == "https://news.example/idlib" and idlib.outlet == "Example Feed"
    assert "Baghdad & Basra" in documents[1].text
    assert len(errors) == 1 and "entry 2 has no text" in str(errors[0])


def test_a_feed_that_is_not_a_feed_is_one_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("this is not &amp; <a feed", encoding="utf-8")
    with pytest.raises(ReaderError, match="not a readable RSS or Atom feed"):
        list(read_feed(str(broken), "x", lambda e: None))


@pytest.fixture
def served_atom() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/atom.xml":
                self.send_error(404)
                return
            body = ATOM.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/atom+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_atom_feed_from_a_url(served_atom: str) -> None:
    (document,) = read_feed(f"{served_atom}/atom.xml", "", lambda e: None)
    assert document.lang == "fa" and "انفجار در کابل" in document.text
    assert document.outlet == "Atom News" and document.url == "https://news.example/fa/1"
    with pytest.raises(ReaderError, match="HTTP 404"):
        list(read_feed(f"{served_atom}/missing.xml", "", lambda e: None))
