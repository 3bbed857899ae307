"""Plain ``.txt`` articles; the publication date comes from ``--published`` (or stays unknown)."""

from __future__ import annotations

from typing import Iterator

from ..errors import InputError
from ..types import Article


def read(source: str, data: bytes, options) -> Iterator[Article]:
    """Read one plain-text article."""
    from . import article_id, decode

    text = decode(source, data)
    if not text.strip():
        raise InputError(source, "empty input")
    yield Article(id=article_id(source), text=text, published=options.published,
                  published_from="option" if options.published else None, source_path=source)
