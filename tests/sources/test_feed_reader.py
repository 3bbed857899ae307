"""RSS/Atom reader: every entry an article, ids made safe and unique."""

from __future__ import annotations

import pytest

from dateline.errors import InputError
from dateline.sources import ReadOptions, feed, read_paths

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example News</title><link>https://example.com</link>
<item><title>Talks end</title><link>https://example.com/news/talks-end?id=3</link>
<guid>https://example.com/news/talks-end?id=3</guid>
<pubDate>Thu, 10 Aug 2023 23:30:00 -0500</pubDate>
<description>&lt;p&gt;Officials &lt;b&gt;met&lt;/b&gt; on Tuesday.&lt;/p&gt;&lt;p&gt;Talks go on.&lt;/p&gt;</description></item>
<item><title>No text</title><link>https://example.com/x</link></item>
<item><title>Same id</title><guid isPermaLink="false">https://example.com/news/talks-end?id=3</guid>
<description>Plain words here.</description></item>
<item><title>No id</title><description>Words without a link.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title>
<entry><id>tag:atom.example,2023:/story/1</id><title>Story one</title>
<link href="https://atom.example/story/1"/><updated>2023-03-07T10:00:00Z</updated>
<content type="html">&lt;p&gt;Full content of story one.&lt;/p&gt;</content>
<summary>Short summary.</summary></entry>
</feed>"""


def test_rss_entries(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_paths([str(path)], ReadOptions(published="2023-01-01")))
    first, missing, dup, no_id = items
    assert first.id == "example.com_news_talks-end_id_3"
    assert first.text == "Officials met on Tuesday.\nTalks go on."
    assert first.published == "2023-08-10"  # the date as written, not shifted to UTC
    assert (first.published_from, first.outlet, first.title) == ("feed", "Example News", "Talks end")
    assert isinstance(missing, InputError)
    assert str(missing) == f"{path}:entry 2: entry has no content or summary text"
    assert dup.id == "example.com_news_talks-end_id_3-2"
    assert (dup.published, dup.published_from) == ("2023-01-01", "option")
    assert no_id.id == "news-4"


def test_atom_content_preferred(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = list(read_paths([str(path)]))
    assert entry.text == "Full content of story one."
    assert (entry.id, entry.published, entry.outlet) == ("atom.example_2023_story_1", "2023-03-07", "Atom Times")


def test_not_a_feed(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title></channel></rss>", encoding="utf-8")
    (item,) = list(read_paths([str(path)]))
    assert isinstance(item, InputError) and "not an RSS/Atom feed with entries" in str(item)


@pytest.mark.parametrize("raw,expected", [
    ("https://example.com/a/b?c=1", "example.com_a_b_c_1"),
    ("tag:x.org,2023:/s/1", "x.org_2023_s_1"),
    ("../../etc/passwd", "etc_passwd"),
    ("  ", ""),
])
def test_safe_id(raw, expected):
    assert feed.safe_id(raw) == expected


@pytest.mark.parametrize("fragment,expected", [
    ("<p>One</p><p>Two <b>bold</b></p>", "One\nTwo bold"),
    ("plain", "plain"),
    ("<div>a<br>b</div><script>x()</script>", "a\nb"),
])
def test_html_to_text(fragment, expected):
    assert feed.html_to_text(fragment) == expected


def test_declared_xml_encoding(tmp_path):
    path = tmp_path / "latin.rss"
    path.write_bytes(RSS.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
                     .replace("Plain words here.", "Caf\u00e9 words here.").encode("latin-1"))
    items = list(read_paths([str(path)]))
    assert items[2].text == "Caf\u00e9 words here."


def test_undeclared_latin1_feed_is_refused(tmp_path):
    path = tmp_path / "bad.rss"
    path.write_bytes(RSS.replace("Plain words here.", "Caf\u00e9 words here.").encode("latin-1"))
    (item,) = list(read_paths([str(path)]))
    assert str(item).startswith(f"{path}: invalid UTF-8 at byte")


@pytest.mark.parametrize("crawl,published,origin", [
    (None, "2023-08-10", "feed"),
    ("2023-08-10", "2023-08-10", "feed"),
    ("2023-08-09", None, None),  # the entry cannot be dated after the feed was fetched
])
def test_crawl_date_bounds_entry_dates(tmp_path, crawl, published, origin):
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    first = list(read_paths([str(path)], ReadOptions(crawl_date=crawl)))[0]
    assert (first.published, first.published_from) == (published, origin)
