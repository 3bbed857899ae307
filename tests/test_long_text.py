"""Articles longer than spaCy's max_length are parsed in pieces, offsets intact."""

from __future__ import annotations

import pytest
import spacy

from dateline import nlp as nlp_layer
from dateline.pipeline import Pipeline
from dateline.types import Article

PARAGRAPH = "Prime Minister Imran Khan visited Moscow on Tuesday. Khan met officials there.\n\n"


@pytest.mark.parametrize("text,limit", [
    ("a b c. " * 100, 50),
    (PARAGRAPH * 30, 300),
    ("x" * 1000, 64),  # no break at all: cut hard
    ("short", 100),
])
def test_chunks_join_back_and_respect_limit(text, limit):
    pieces = nlp_layer.chunks(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces)


def test_parse_long_text_with_small_max_length():
    nlp = spacy.blank("en")
    nlp.max_length = 500
    text = PARAGRAPH * 40
    doc = nlp_layer.parse(nlp, text)
    assert doc.text == text and len(text) > nlp.max_length


def test_pipeline_on_text_over_max_length():
    model = spacy.load(nlp_layer.model_name())  # a private copy: max_length changed below
    model.max_length = 600
    pipeline = Pipeline(["entities"])
    pipeline._nlp = model
    text = PARAGRAPH * 20
    record = pipeline.run(Article(id="long", text=text))
    (khan,) = [e for e in record.entities if e.name == "Imran Khan"]
    assert len(khan.mentions) == 40
    for span in record.spans():
        assert text[span.start:span.end] == span.text
    many = list(pipeline.run_many([Article(id="a", text="Lu met Khan."), Article(id="b", text=text)]))
    assert [r.article.id for r in many] == ["a", "b"]
