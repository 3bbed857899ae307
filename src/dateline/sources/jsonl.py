"""JSON Lines: one article per line, an object with ``id``, ``published``, ``title``,
``url``, ``outlet`` and ``text`` (or ``html``, whose main text is extracted)::

    {"id": "a1", "published": "2023-08-10", "title": "...", "text": "Officials met on Tuesday."}

A bad line (not JSON, no text, an invalid date) is one error naming ``file:line N``;
the other lines are still read.  Blank lines are skipped.  ``id`` defaults to the file
name without its extension, with ``-N`` (the line number) added when the file has
several articles.  ``published`` may be a date or an ISO date-time (its date part is
kept); when absent, ``--published`` applies, else it is unknown (null).
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

from ..dates import parse_iso_date
from ..errors import InputError
from ..types import Article

_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_META = ("title", "url", "outlet")


def json_date(where: str, value: Any) -> str | None:
    """A JSON ``published`` value as YYYY-MM-DD (None when absent); InputError if invalid."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(where, f"invalid date {value!r} (expected \"YYYY-MM-DD\")")
    m = _DATETIME.match(value.strip())
    if not m:
        raise InputError(where, f"invalid date {value!r} (expected YYYY-MM-DD or an ISO date-time)")
    try:
        return parse_iso_date(m.group(1))
    except ValueError as err:
        raise InputError(where, str(err)) from None


def _text_of(where: str, obj: dict[str, Any], options) -> tuple[str, dict[str, Any]]:
    """The article text (from ``text`` or ``html``) and metadata found in the HTML."""
    text = obj.get("text")
    if isinstance(text, str) and text.strip():
        return text, {}
    html = obj.get("html")
    if isinstance(html, str) and html.strip():
        from .html import read_page

        page = read_page(where, html, None, options.crawl_date)
        found = {"title": page.title, "url": page.url, "outlet": page.outlet,
                 "published": page.published, "published_from": page.published_from}
        return page.text, found
    if "text" in obj or "html" in obj:
        raise InputError(where, "article text is empty or not a string")
    raise InputError(where, "no \"text\" or \"html\" field")


def _optional_str(where: str, obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(where, f"field {key!r} must be a string, not {type(value).__name__}")


def parse_line(where: str, line: str, default_id: str, options) -> Article:
    """One JSON line to an Article; every problem is an InputError naming ``where``."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(where, f"malformed JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:  # the decoder recurses once per nesting level
        raise InputError(where, "malformed JSON (nested too deeply to read)") from None
    if not isinstance(obj, dict):
        raise InputError(where, f"expected a JSON object, found {type(obj).__name__}")
    published = json_date(where, obj.get("published"))
    text, found = _text_of(where, obj, options)
    origin = "json" if published else None
    if published is None and found.get("published"):
        published, origin = found["published"], found["published_from"]
    if published is None and options.published:
        published, origin = options.published, "option"
    raw_id = obj.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        raise InputError(where, f"field 'id' must be a string, not {type(raw_id).__name__}")
    meta = {k: _optional_str(where, obj, k) or found.get(k) for k in _META}
    return Article(id=str(raw_id) if raw_id not in (None, "") else default_id, text=text,
                   published=published, published_from=origin, source_path=where, **meta)


def _dumps(where: str, obj: Any) -> str:
    """``obj`` back to one JSON line; InputError when it is nested too deeply to encode."""
    try:
        return json.dumps(obj)
    except RecursionError:
        raise InputError(where, "malformed JSON (nested too deeply to read)") from None


def _whole_json(source: str, text: str, options) -> list[Article | InputError] | None:
    """A ``.json`` file holding one pretty-printed object or an array of them, else None."""
    stripped = text.strip()
    if "\n" not in stripped and not stripped.startswith("["):
        return None  # a single line: the JSON Lines path handles it
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        return None  # let the line-by-line reader name the bad lines
    except RecursionError:  # nested too deeply: one clear error for the whole file
        return [InputError(source, "malformed JSON (nested too deeply to read)")]
    items = whole if isinstance(whole, list) else [whole]
    from . import article_id

    stem, out = article_id(source), []
    for n, obj in enumerate(items, 1):
        where = f"{source}:item {n}" if isinstance(whole, list) else source
        try:
            out.append(parse_line(where, _dumps(where, obj), stem if len(items) == 1 else f"{stem}-{n}", options))
        except InputError as err:
            out.append(err)
    return out


def read(source: str, data: bytes, options) -> Iterator[Article | InputError]:
    """Read every article of a JSON Lines file, yielding an error item for each bad line."""
    from . import article_id, decode

    text = decode(source, data)
    whole = _whole_json(source, text, options)
    if whole is not None:
        yield from whole
        return
    lines = text.splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    stem = article_id(source)
    for n, line in numbered:
        where = f"{source}:line {n}"
        default_id = stem if len(numbered) == 1 else f"{stem}-{n}"
        try:
            yield parse_line(where, line, default_id, options)
        except InputError as err:
            yield err
