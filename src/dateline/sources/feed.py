"""RSS and Atom feed files (feedparser): every entry is an article.

Text is the entry's content, else its summary, with HTML stripped to plain text; the
title, link and date come from the entry, the outlet from the feed's title.  The date is
the entry's own calendar date as written (``published``, else ``updated``; its time zone
is not shifted to UTC); ``published_from`` is ``"feed"``; a date later than
``--crawl-date`` is impossible and dropped.  An entry with no date takes
``--published``, else stays undated.  Ids come from the entry's id or link, made safe as
file names and unique within the feed; an entry with neither is ``<file stem>-<N>``.
An entry without text is an error naming ``file:entry N``; the others are still read.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import re
from typing import Any, Iterator

from ..errors import InputError
from ..types import Article

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(//)?", re.I)
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def safe_id(raw: str, max_len: int = 120) -> str:
    """An entry id or URL made usable as a file name: ``https://a.com/x?y=1`` -> ``a.com_x_y_1``."""
    body = _SCHEME.sub("", raw.strip())
    cleaned = _UNSAFE.sub("_", body).strip("._-")
    return cleaned[:max_len].rstrip("._-")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per block element."""
    import lxml.html
    from lxml.etree import ParserError

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter("script", "style"):
        el.drop_tree()
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def entry_date(entry: Any) -> str | None:
    """The calendar date an entry states (published, else updated), or None."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return _dt.datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")  # feedparser's UTC reading of other formats
        if parsed:
            return _dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def entry_text(entry: Any) -> str:
    """The entry's content, else its summary, as plain text."""
    for part in entry.get("content") or ():
        text = html_to_text(part.get("value") or "")
        if text:
            return text
    return html_to_text(entry.get("summary") or "")


def _unique(candidate: str, seen: set[str]) -> str:
    name, n = candidate, 2
    while name in seen:
        name, n = f"{candidate}-{n}", n + 1
    seen.add(name)
    return name


_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")


def _check_encoding(source: str, data: bytes, decode) -> None:
    """UTF-8, or the encoding the XML declaration names (feedparser decodes it); else one line."""
    try:
        decode(source, data)
    except InputError:
        m = _XML_ENCODING.match(data[:200])
        if not m or m.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8"):
            raise
        try:
            data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            raise InputError(source, f"neither UTF-8 nor its declared encoding {m.group(1).decode('ascii')!r}") from None


def _parse(source: str, data: bytes):
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {str(problem).splitlines()[0]}" if problem else ""
        raise InputError(source, f"not an RSS/Atom feed with entries{detail}")
    return parsed


def read(source: str, data: bytes, options) -> Iterator[Article | InputError]:
    """Read every entry of a feed file as an article."""
    from . import article_id, decode

    _check_encoding(source, data, decode)
    parsed = _parse(source, data)
    outlet = parsed.feed.get("title") or None
    stem, seen = article_id(source), set()
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}:entry {n}"
        ident = _unique(safe_id(entry.get("id") or entry.get("link") or "") or f"{stem}-{n}", seen)
        text = entry_text(entry)
        if not text:
            yield InputError(where, "entry has no content or summary text")
            continue
        published = entry_date(entry)
        if published and options.crawl_date and published > options.crawl_date:
            published = None  # dated after the feed was fetched: impossible, so unknown
        origin = "feed" if published else None
        if published is None and options.published:
            published, origin = options.published, "option"
        yield Article(id=ident, text=text, published=published, published_from=origin,
                      title=entry.get("title") or None, url=entry.get("link") or None,
                      outlet=outlet, source_path=where)
