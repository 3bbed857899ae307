"""dateline: news articles in, a verifiable time-anchored record out.

>>> from dateline import extract
>>> record = extract("Officials met on Tuesday.", published="2023-08-10")
>>> record.article.published
'2023-08-10'
"""

from __future__ import annotations

from typing import Iterable

from .dates import parse_iso_date
from .errors import InputError
from .types import Article, Attribution, Entity, Event, Record, Span, Timex

__version__ = "0.1.0"

__all__ = [
    "Article", "Attribution", "Entity", "Event", "InputError", "Record", "Span", "Timex",
    "extract", "extract_article", "__version__",
]


def extract_article(article: Article, layers: Iterable[str] | None = None, model: str | None = None) -> Record:
    """Analyse one Article with the default pipeline for ``layers`` and ``model``."""
    from .pipeline import default_pipeline

    return default_pipeline(layers, model).run(article)


def extract(
    text: str,
    published: str | None = None,
    id: str = "article",
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    layers: Iterable[str] | None = None,
    model: str | None = None,
) -> Record:
    """Analyse an article's text; ``published`` (YYYY-MM-DD) anchors relative dates."""
    if published is not None:
        try:
            published = parse_iso_date(published)
        except ValueError as err:
            raise InputError(id, str(err)) from None
    article = Article(id=id, text=text, published=published,
                      published_from="option" if published else None,
                      title=title, url=url, outlet=outlet)
    return extract_article(article, layers, model)
