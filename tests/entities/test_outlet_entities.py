"""Outlets and platforms the tagger misses become ORG entities (names read from the
attribution layer's outlets.txt / platforms.txt), and a full name mistyped as a group
beside a person of the same surname is a person.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline import extract
from dateline.entities import data
from dateline.entities.extend import kin_name_persons
from dateline.entities.merge import Cluster
from dateline.entities.mentions import Mention


@pytest.mark.parametrize("text, expected", [
    ("He told the Mail on Sunday that he would stay.", ["Mail on Sunday"]),
    ("The Sunday Telegraph reported the deal on Monday.", ["Sunday Telegraph"]),
    ("On Facebook, the mayor said the road was shut.", ["Facebook"]),
    ("The club said on Twitter and on YouTube that it was sold.", ["Twitter", "YouTube"]),
    ("The Reuters Institute published a study.", []),  # a longer name is no outlet's
    ("She posted on facebook pages.", []),  # only a capitalized name counts
    ("The Lakeside Herald said the bridge was closed.", ["Lakeside Herald"]),  # a head word after "the"
    ("Lakeside Herald Street was closed.", []),  # a head word without "the" names nothing
])
def test_outlet_names(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in data.outlet_names(text)] == expected


@pytest.mark.parametrize("text, name, alias", [
    ('"We will not sell," Ana Ruiz told the Mail on Sunday.', "Mail on Sunday", None),
    ('"It is over," the singer wrote on Facebook.', "Facebook", None),
    ("The Sunday Telegraph reported that the mine would close.", "Sunday Telegraph", None),
])
def test_outlet_becomes_org_and_via(text: str, name: str, alias: str | None) -> None:
    record = extract(text, published="2021-03-01")
    found = [e for e in record.entities if e.name == name]
    assert found and found[0].type == "ORG"
    linked = {v.entity for a in record.attributions for v in a.via} | {
        a.source.entity for a in record.attributions if a.source}
    assert found[0].id in linked


def _cluster(name: str, label: str, start: int) -> Cluster:
    return Cluster(mentions=[Mention(start, start + len(name), name, label, 0)])


def test_kin_name_mistyped_is_person() -> None:
    clusters = [_cluster("Alexander Varga", "PERSON", 0), _cluster("Marta Varga", "NORP", 40),
                _cluster("Goldman Varga", "ORG", 80), _cluster("Marta Kessel", "NORP", 120)]
    kin_name_persons(clusters)
    assert [c.label for c in clusters] == ["PERSON", "PERSON", "ORG", "NORP"]
