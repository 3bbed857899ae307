"""HTML pages: the main text and title with trafilatura, the publication date with htmldate.

The date comes from the page's metadata first (``published_from: "metadata"``: meta
tags, structured data and date elements, htmldate's fast search), then from htmldate's
extensive search of the page text (``"html"``).  With ``--crawl-date``, a page
date later than the crawl date is impossible and is rejected (the page then counts as
undated).  ``--published`` is the fallback for pages with no usable date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Iterator

from ..dates import parse_iso_date
from ..errors import InputError
from ..types import Article

# htmldate needs an upper bound; its default is today's date (the wall clock), which
# would make the output depend on when it runs.  The crawl date, when given, is checked
# separately so the caller can say why a date was rejected.
_NO_LATER_THAN = "2999-12-31"


@dataclass(frozen=True)
class Page:
    """What an HTML page yields: main text, title and where its date came from."""

    text: str
    title: str | None
    published: str | None
    published_from: str | None
    url: str | None
    outlet: str | None


def _quiet() -> None:
    # trafilatura and htmldate log parser trouble at WARNING; one line per input is ours to give.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def page_date(html: str, crawl_date: str | None) -> tuple[str | None, str | None]:
    """The page's publication date and where it came from ("metadata" or "html")."""
    import htmldate

    _quiet()
    for extensive, origin in ((False, "metadata"), (True, "html")):
        try:
            found = htmldate.find_date(html, extensive_search=extensive, original_date=True,
                                       outputformat="%Y-%m-%d", max_date=_NO_LATER_THAN)
        except Exception:  # htmldate on broken markup: treat as undated
            found = None
        if not found:
            continue
        if crawl_date is not None and found > crawl_date:
            return None, None  # a page cannot be published after it was fetched
        return found, origin
    return None, None


def main_text(html: str) -> str:
    """The article's main text (boilerplate removed); empty when nothing is found."""
    import trafilatura

    _quiet()
    for recall in (False, True):  # precision first; short pages need the recall mode
        try:
            text = trafilatura.extract(html, include_comments=False, include_tables=False,
                                       favor_recall=recall, deduplicate=False)
        except Exception:
            text = None
        if text and text.strip():
            return text.strip()
    return ""


def _metadata(html: str) -> tuple[str | None, str | None, str | None]:
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(html, extensive=False)
    except Exception:
        return None, None, None
    if meta is None:
        return None, None, None
    return meta.title or None, meta.url or None, meta.sitename or None


def read_page(source: str, html: str, published: str | None, crawl_date: str | None) -> Page:
    """Extract a Page from HTML; ``published`` is the fallback date (from the user)."""
    text = main_text(html)
    if not text:
        raise InputError(source, "no article text found in the HTML page")
    title, url, outlet = _metadata(html)
    date, origin = page_date(html, crawl_date)
    if date is None and published is not None:
        date, origin = parse_iso_date(published), "option"
    return Page(text=text, title=title, published=date, published_from=origin, url=url, outlet=outlet)


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode_page(source: str, data: bytes) -> str:
    """UTF-8, else the charset the page declares in a ``<meta>`` tag (old pages are often
    windows-1252); a page that is neither is refused with one line, like any text input."""
    from . import decode

    try:
        return decode(source, data)
    except InputError:
        m = _CHARSET.search(data[:4096])
        if not m:
            raise
        charset = m.group(1).decode("ascii")
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise InputError(source, f"neither UTF-8 nor its declared charset {charset!r}") from None


def read(source: str, data: bytes, options) -> Iterator[Article]:
    """Read one HTML page as one article."""
    from . import article_id

    page = read_page(source, decode_page(source, data), options.published, options.crawl_date)
    yield Article(id=article_id(source), text=page.text, published=page.published,
                  published_from=page.published_from, title=page.title, url=page.url,
                  outlet=page.outlet, source_path=source)
