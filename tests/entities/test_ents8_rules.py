"""A person later called by the first word of the name alone, and outlets the tagger typed
as people.  Sentences written for these tests."""

from __future__ import annotations

from dateline import extract

from .helpers import check_entities


def test_first_word_of_name_as_subject_joins_person() -> None:
    text = ("Deputy Premier Tavo Ramdani on Monday opened the new port. "
            "The harbour will double exports, Tavo told reporters. "
            "Tavo, who said he would return in May, left by boat.")
    record = extract(text, published="2025-10-20", layers=["entities"])
    people = [e for e in record.entities if "Ramdani" in e.name]
    assert len(people) == 1
    assert sum(m.text == "Tavo" for m in people[0].mentions) >= 1
    assert not [e for e in record.entities if e.name == "Tavo"]


def test_outlet_typed_person_is_org() -> None:
    check_entities("It was a report by Politico that the senator had misled voters.",
                   {"Politico": ("ORG", {"Politico"})}, set())


def test_hyphenated_title_is_cut_from_the_name() -> None:
    check_entities('"The plant stays open," said Harbor Pilots Union Secretary-Treasurer Lena Okafor.',
                   {"Lena Okafor": ("PERSON", {"Secretary-Treasurer Lena Okafor"})}, {"Treasurer Lena Okafor"})


def test_split_title_compound() -> None:
    from dateline.entities import data
    assert data.split_title("Vice-President Ana Ruiz") == ("Ana Ruiz", "Vice-President")
    assert data.split_title("Jean-Pierre Morel") == ("Jean-Pierre Morel", None)


def test_outlet_with_medium_noun_is_the_linked_source() -> None:
    text = ("According to The Courier newspaper, which cited unnamed police sources, the suspect "
            "was not cooperating with the inquiry.")
    record = extract(text, published="2025-10-20")
    names = {e.id: e.name for e in record.entities}
    sources = [a.source for a in record.attributions if a.source]
    assert any(s.entity and names[s.entity] == "The Courier" for s in sources), sources
