"""The seed's format: the first line starts with ``date YYYY-MM-DD`` and the text may
continue on that same line (leading spaces allowed)::

     date 2023-08-10 The US State Department, in a meeting on March 7 last year, ...
"""

from __future__ import annotations

import re
from typing import Iterator

from ..dates import parse_iso_date
from ..errors import InputError
from ..types import Article

HEADER = re.compile(r"^[ \t\ufeff]*date[ \t]+(\S+)[ \t]*")
_HEADER_BYTES = re.compile(rb"^(\xef\xbb\xbf)?[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}(\s|$)")


def has_header(data: bytes) -> bool:
    """Whether the raw file starts with a ``date YYYY-MM-DD`` header."""
    return bool(_HEADER_BYTES.match(data[:64]))


def split_header(source: str, text: str) -> tuple[str, str]:
    """Return (published, body) from a text that starts with the date header."""
    m = HEADER.match(text)
    if not m:
        raise InputError(source, "first line does not start with 'date YYYY-MM-DD'")
    try:
        published = parse_iso_date(m.group(1))
    except ValueError as err:
        raise InputError(source, f"header has an {err}") from None
    body = text[m.end():]
    if not body.strip():
        raise InputError(source, "no article text after the date header")
    return published, body


def read(source: str, data: bytes, options) -> Iterator[Article]:
    """Read one header-dated article."""
    from . import article_id, decode

    published, body = split_header(source, decode(source, data))
    yield Article(id=article_id(source), text=body, published=published,
                  published_from="header", source_path=source)
