"""Fixtures shared by the coreference tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def resolver_of():
    """text -> (PronounResolver, Document) with the entities layer run."""
    from dateline.coref import PronounResolver
    from dateline.nlp import parse
    from dateline.pipeline import Document, Pipeline
    from dateline.types import Article

    pipeline = Pipeline(["entities"])

    def run(text: str):
        document = Document(article=Article(id="t", text=text), text=text, doc=parse(pipeline.nlp, text))
        for component in pipeline.components:
            component(document)
        return PronounResolver(document.doc, text, document.entities), document

    return run
