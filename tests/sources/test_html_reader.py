"""HTML reader: main text by trafilatura, the date from page metadata by htmldate."""

from __future__ import annotations

import pytest

from dateline.errors import InputError
from dateline.sources import ReadOptions, read_paths

BODY = ("<article><h1>Officials meet in Lahore</h1>"
        "<p>Officials from both countries met in Lahore on Tuesday to discuss trade, a spokesman said.</p>"
        "<p>The talks ended without an agreement, according to a statement released by the ministry.</p>"
        "</article>")
META_DATE = '<meta property="article:published_time" content="2023-08-10T09:30:00+05:00">'
PAGE = ("<!DOCTYPE html><html><head><title>Officials meet | Daily Example</title>{meta}"
        '<meta property="og:site_name" content="Daily Example">'
        '<link rel="canonical" href="https://example.com/news/officials-meet"></head>'
        "<body><nav>Home | World</nav>{body}<footer>Contact us</footer></body></html>")

CASES = [
    # (meta, options, published, published_from)
    (META_DATE, {}, "2023-08-10", "metadata"),
    (META_DATE, {"crawl_date": "2023-08-10"}, "2023-08-10", "metadata"),
    (META_DATE, {"crawl_date": "2023-08-09"}, None, None),  # later than the crawl: rejected
    (META_DATE, {"crawl_date": "2023-08-09", "published": "2023-08-01"}, "2023-08-01", "option"),
    ("", {}, None, None),
    ("", {"published": "2023-07-01"}, "2023-07-01", "option"),
    (META_DATE, {"published": "2023-07-01"}, "2023-08-10", "metadata"),  # the page's own date wins
]


@pytest.mark.parametrize("meta,opts,published,origin", CASES)
def test_html_page(tmp_path, meta, opts, published, origin):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(meta=meta, body=BODY), encoding="utf-8")
    (article,) = list(read_paths([str(path)], ReadOptions(**opts)))
    assert not isinstance(article, InputError), str(article)
    assert article.id == "page"
    assert (article.published, article.published_from) == (published, origin)
    assert "met in Lahore on Tuesday" in article.text
    assert "Home | World" not in article.text and "Contact us" not in article.text
    assert article.title == "Officials meet in Lahore"
    assert article.outlet == "Daily Example"
    assert article.url == "https://example.com/news/officials-meet"


def test_date_in_page_text(tmp_path):
    path = tmp_path / "dated.htm"
    body = BODY.replace("<h1>", "<p>Lahore, August 3, 2023: officials said.</p><h1>")
    path.write_text(PAGE.format(meta="", body=body), encoding="utf-8")
    (article,) = list(read_paths([str(path)]))
    assert (article.published, article.published_from) == ("2023-08-03", "html")


def test_page_without_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><div></div></body></html>", encoding="utf-8")
    (item,) = list(read_paths([str(path)]))
    assert str(item) == f"{path}: no article text found in the HTML page"


@pytest.mark.parametrize("head,data_ok,message", [
    ('<meta charset="windows-1252">', True, None),
    ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', True, None),
    ("", False, "invalid UTF-8 at byte"),
    ('<meta charset="no-such-codec">', False, "neither UTF-8 nor its declared charset 'no-such-codec'"),
])
def test_declared_charset(tmp_path, head, data_ok, message):
    path = tmp_path / "legacy.html"
    page = PAGE.format(meta=head, body=BODY.replace("Lahore on Tuesday", "Lahore on Tuesday, caf\u00e9 in hand"))
    path.write_bytes(page.encode("cp1252"))
    (item,) = list(read_paths([str(path)]))
    if data_ok:
        assert "caf\u00e9 in hand" in item.text
    else:
        assert isinstance(item, InputError) and message in str(item)
