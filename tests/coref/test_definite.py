"""Definite descriptions ("the company", "the judge") to the entity named before them."""

from __future__ import annotations

import pytest

from dateline.coref.definite import DefiniteResolver, definite_nouns, examples
from dateline.nlp import load
from dateline.types import Entity, Span


def _entities(doc) -> list[Entity]:
    """One entity per spaCy PERSON/ORG name, titles written before a person kept as roles."""
    out = []
    for n, ent in enumerate(e for e in doc.ents if e.label_ in ("PERSON", "ORG")):
        before = doc[ent.start - 1].text if ent.start > 0 else ""
        roles = (before,) if before.istitle() and before.lower() in definite_nouns() else ()
        out.append(Entity(id=f"E{n + 1}", name=ent.text, type=ent.label_,
                          mentions=(Span(ent.start_char, ent.end_char, ent.text),), roles=roles))
    return out


def _resolve(text: str, noun_index: int = -1) -> str:
    doc = load()(text)
    resolver = DefiniteResolver(_entities(doc))
    nouns = [t for t in doc if t.lemma_.lower() in definite_nouns() and t.pos_ == "NOUN"]
    found = resolver.antecedent(nouns[noun_index]) if nouns else None
    return found.name if found else "(none)"


@pytest.mark.parametrize("text, name", examples())
def test_data_file_examples(text, name):
    assert _resolve(text) == name


@pytest.mark.parametrize("text, name", [
    ("Analysts at Dunmore Capital praised Acme. The firm cut its estimate.", "Acme"),
    ("Governor Dennis Brandt met Mayor Ann Cole. The governor left.", "Dennis Brandt"),
    ("Governor Dennis Brandt met Mayor Ann Cole. The mayor left.", "Ann Cole"),
    ("Acme Corp grew. The companies that compete with it did not.", "(none)"),
    ("The company said profits rose.", "(none)"),
    ("Acme Corp grew. A company in Ohio did not.", "(none)"),
])
def test_resolution(text, name):
    assert _resolve(text) == name
