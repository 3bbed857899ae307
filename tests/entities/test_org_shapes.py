"""Names the tagger misses or cuts, found by their shape, and misspelt repeats of a name.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.entities import data
from dateline.entities.merge import edit_distance

from .helpers import check_entities


@pytest.mark.parametrize("text, expected", [
    ("A British Channel 4 television report said so.", ["Channel 4"]),  # a nationality before it
    ("A British Lakeside report said so.", []),  # only a listed name after a nationality
])
def test_outlet_after_nationality(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in data.outlet_names(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The Islamic State said the two men were its followers.", ["Islamic State"]),
    ("He won a seat in Britain's Parliament in 2010.", ["Parliament"]),
    ("Voters in the Sunshine State went to the polls.", []),  # a nickname, not a group
    ("the Bank said", []),  # a head noun alone needs the file's "alone"
    ("the Central Bank Raises Rates", []),  # the whole run must end in the head noun
    ("the Tigrayan People's Liberation Front", []),  # after a possessive only a noun alone
])
def test_headed_org_names(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in data.headed_org_names(text)] == expected


@pytest.mark.parametrize("text, expected, absent", [
    ('"We will not sell," the 52-year-old told the Mail on Sunday. Later the Mail printed more.',
     {"Mail on Sunday": ("ORG", {"Mail on Sunday", "Mail"})}, {"Mail"}),
    ("The Islamic State said the two men were its followers.", {"Islamic State": ("ORG", {"Islamic State"})}, set()),
    ("Officials at the Federal Security Service (FSB) declined to comment. The FSB said nothing.",
     {"Federal Security Service": ("ORG", {"FSB"})}, {"FSB"}),
    ("The Nordbank said profits rose. A spokesman said the Norbank would pay.",
     {"Nordbank": ("ORG", {"Norbank"})}, {"Norbank"}),
    ("Anchor George Papadopoulos asked the question. Papadopoulos later pressed Ms Lee, and "
     "Papadopolous said she had not answered.", {"George Papadopoulos": ("PERSON", {"Papadopolous"})}, {"Papadopolous"}),
    ("Tom Reyes wrote for the Yale Daily News before he left Yale in 2001.",
     {"Yale Daily News": ("ORG", {"Yale Daily News"}), "Yale": ("ORG", {"Yale"})}, set()),  # no outlet head word
])
def test_entities(text: str, expected: dict, absent: set) -> None:
    check_entities(text, expected, absent)


@pytest.mark.parametrize("a, b, distance", [("bundesbank", "bundebank", 1), ("stephanopoulos", "stephanopolous", 2),
                                            ("kitten", "sitting", 3), ("", "abc", 3)])
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance


def test_close_to_two_names_joins_neither() -> None:
    text = "Ann Hansson met Bo Hanssen. Later Hanssan spoke."  # one edit from both surnames
    check_entities(text, {}, set())
    from dateline import extract
    names = {e.name for e in extract(text, published="2021-03-01", layers=["entities"]).entities}
    assert "Ann Hansson" in names and "Bo Hanssen" in names
    assert not any("Hanssan" in {m.text for m in e.mentions} and e.name != "Hanssan" for e in
                   extract(text, published="2021-03-01", layers=["entities"]).entities)
