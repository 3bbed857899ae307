"""Types and extents from the words around a name, and role descriptions after quotes."""

from __future__ import annotations

import pytest

from dateline import extract
from dateline.entities import data

from .helpers import check_entities


@pytest.mark.parametrize("ex", data.examples("nationality_nouns.txt"), ids=lambda e: e.given)
def test_nationality_examples(ex):
    name, role = [p.strip() for p in ex.expected.split("|")]
    assert data.split_nationality(ex.given) == (name, role or None)


def test_nationality_header():
    assert "Format:" in "\n".join(data._lines("nationality_nouns.txt")[:8])


def _entities(text):
    return {e.name: e for e in extract(text, published="2025-10-20", layers=["entities"]).entities}


def test_nationality_noun_is_cut_from_a_person():
    found = _entities("The club thrived under Dutchman Marten Wilders before his exit in 2019.")
    person = next(e for e in found.values() if e.name.endswith("Wilders"))
    assert person.type == "PERSON" and person.name == "Marten Wilders" and "Dutchman" in person.roles


def test_untagged_name_after_military_titles():
    found = _entities('"We will hold the line," said navy chief Brigadier General Tadeo Ruvalcabo.')
    person = found["Tadeo Ruvalcabo"]
    assert person.type == "PERSON" and "General" in " ".join(person.roles)


def test_company_name_after_a_title_word_is_not_a_person():
    found = _entities("Workers at General Motors Company walked out on Monday.")
    assert not any(e.type == "PERSON" and "Motors" in e.name for e in found.values())


def test_country_typed_person_before_a_person_noun_is_a_place():
    found = _entities("Former England captain Darren Holloway was arrested on Monday in Leeds. "
                      "Holloway denied the charge.")
    assert all(e.type != "PERSON" for e in found.values() if e.name == "England")


def test_place_typed_person_once_and_gpe_once_is_a_place():
    text = ("Canberra rejected the application earlier this year, the paper said. "
            "Officials in Canberra declined to comment on Friday.")
    found = _entities(text)
    if "Canberra" in found:  # the tagger's types vary; never a person when GPE once
        assert found["Canberra"].type != "PERSON"


def test_team_in_a_list_before_a_player_noun():
    found = _entities("The one-time Leeds, Juventus, Lazio and Celtic striker denied the claim.")
    assert all(e.type != "PERSON" for e in found.values())


def test_airline_listed_with_airlines_keeps_its_name():
    text = "Rivals such as Singapore Airlines and Emirates have grown fast, Virgin said."
    found = _entities(text)
    assert "United Arab Emirates" not in found
    assert found["Emirates"].type == "ORG"


def test_country_short_name_alone_is_still_expanded():
    found = _entities("Officials in the Emirates and in Oman said talks went well.")
    assert "United Arab Emirates" in found


def test_titled_name_cut_short_by_the_tagger_is_widened():
    text = ("Foreign Minister Ali Reza Moradi spoke on Monday. Earlier, President Ali Reza Kazemi "
            "Nouri had met the envoy. Moradi said talks were over.")
    found = _entities(text)
    moradi = next(e for e in found.values() if e.name == "Ali Reza Moradi")
    assert not any("President" in m.text for m in moradi.mentions)


def test_org_role_goes_to_the_person_named_with_that_role_not_to_a_name_in_a_quote():
    text = ("Brazil coach Carlos Alberto said his side was ready, said Brazilian Football Confederation president "
            "Ednaldo Rodrigues after the draw.\n\n"
            '"It was fine," Rodrigues said.\n\n'
            '"Coach Alberto told me we would be alright," the BFC president said.')
    found = _entities(text)
    rodrigues = found["Ednaldo Rodrigues"]
    assert "the BFC president" in {m.text for m in rodrigues.mentions}
    assert "the BFC president" not in {m.text for m in found["Carlos Alberto"].mentions}


def _mentions_of(text, name):
    return {m.text for m in _entities(text)[name].mentions}


def test_retrospective_description_links_to_the_last_named_person_not_a_club_inside():
    text = ('Coach Ian Marwood said Dennis Halloran had missed training "many times".\n\n'
            'He said Halloran was "late for every session".\n\n'
            "The one-time Leeds, Celtic and Rangers defender admitted missing a session.")
    assert "The one-time Leeds, Celtic and Rangers defender" in _mentions_of(text, "Dennis Halloran")


def test_retrospective_description_skips_names_inside_quotes():
    text = ('"It was a hard draw," John Evans told reporters on Friday.\n\n"Mark Jones knows it too," '
            'said the former Welsh midfielder, who watched the draw on Friday.')
    assert "the former Welsh midfielder" in _mentions_of(text, "John Evans")


def test_retrospective_description_with_two_people_named_is_not_linked():
    text = ("John Evans met Mark Jones on Friday.\n\n"
            "The former Welsh midfielder said the talks went well.")
    found = _entities(text)
    assert all("The former Welsh midfielder" not in {m.text for m in e.mentions} for e in found.values())


def test_lede_description_links_to_the_next_sentence_new_subject():
    text = ("Police in Lagos detained on Monday a former oil minister who had called for a strike.\n\n"
            "Retired banker Tunde Okafor, 71, was taken to a police station for questioning, officers said.")
    assert "a former oil minister" in _mentions_of(text, "Tunde Okafor")
