"""Participants found through coordination, apposition, pronouns and gerunds (session 4 rules;
general rules, sentences of our own)."""

from __future__ import annotations

import pytest

from dateline.events.lexicon import data_examples

from .helpers import by_trigger, entity, roles_of, run


def _names(text: str, trigger: str, names: list[tuple[str, str]]) -> list[tuple[str, str, str | None]]:
    entities = [entity(text, name, kind, f"E{n}") for n, (name, kind) in enumerate(names, start=1)]
    ids = {e.id: e.name for e in entities}
    event = by_trigger(run(text, entities=entities), trigger)
    return [(p.role, p.span.text, ids.get(p.entity)) for p in event.participants]


@pytest.mark.parametrize("text, trigger, names, expected", [
    # "one of the X, NAME": the name in apposition
    ("One of the city's oldest bankers, Walter Brand, died in March.", "died",
     [("Walter Brand", "PERSON")], ("agent", "One", "Walter Brand")),
    # a group word as head ("the senior Republican") gives way to the name in apposition
    ("The senior Republican on the panel, Mark Olsen, blocked the bill.", "blocked",
     [("Republican", "NORP"), ("Mark Olsen", "PERSON")], ("agent", "The senior Republican", "Mark Olsen")),
    # "it" and "its" refer to the organisation named before
    ("The Acme Fund said on Monday that it is cutting its forecast for growth.", "cutting",
     [("Acme Fund", "ORG")], ("agent", "it", "Acme Fund")),
    ("The Acme Fund said on Monday that it is cutting its forecast for growth.", "cutting",
     [("Acme Fund", "ORG")], ("patient", "its forecast", "Acme Fund")),
    # "whose": the noun the relative clause modifies
    ("Governor Hale must decide whether to pardon Tom Baker, whose sentence is to be carried out on Friday.",
     "carried", [("Tom Baker", "PERSON")], ("agent", "whose sentence", "Tom Baker")),
    # coordinated subjects, also when the parser hangs the first on the second
    ("Republican Smith and Democrat Jones have criticized the company for the move.", "criticized",
     [("Smith", "PERSON"), ("Jones", "PERSON")], ("agent", "Republican Smith", "Smith")),
    ("Republican Smith and Democrat Jones have criticized the company for the move.", "criticized",
     [("Smith", "PERSON"), ("Jones", "PERSON")], ("agent", "Democrat Jones", "Jones")),
])
def test_linked_participants(text, trigger, names, expected):
    assert expected in _names(text, trigger, names)


@pytest.mark.parametrize("sentence, trigger, role, text", [
    # who does what an "of"/"for" gerund names
    ("The coach praised the league for handing out a long ban to Victor Lang.", "handing", "agent", "the league"),
    ("The coach praised the league for handing out a long ban to Victor Lang.", "ban", "agent", "the league"),
    ("Lang, the Austrian striker who was found guilty of insulting a referee, left.", "insulting", "agent", "Lang"),
    ("The mayor was accused of hiding the report.", "hiding", "agent", "The mayor"),
    ("She is proud of winning the race.", "winning", "agent", "She"),
    # the members a plural noun lists
    ("The club suffered defeats against teams such as Italy and Spain.", "defeats", "patient", "Spain"),
    ("The club suffered defeats against teams like Italy and Spain.", "defeats", "patient", "Italy"),
    ("The club suffered defeats against teams like Italy and Spain.", "defeats", "agent", "The club"),
    # where a nominal event happened, said in its relative clause
    ("The explosions that went off in Madrid killed two.", "explosions", "location", "Madrid"),
    # a place noun modified by a place name
    ("Twenty people were injured in a crowded Lagos neighborhood by a blast.", "injured", "location",
     "a crowded Lagos neighborhood"),
    # where the object is, the event happens
    ("The senator told a crowd in Green Bay that he would run.", "told", "location", "Green Bay"),
])
def test_roles(sentence, trigger, role, text):
    found = roles_of(sentence, trigger)
    assert (role, text) in found, found


def test_a_dummy_it_is_no_participant():
    for text in ("It seems that the talks failed.", "It takes time to build trust."):
        assert all(p.span.text.lower() != "it" for e in run(text) for p in e.participants)


def test_an_it_that_refers_to_nothing_named_is_dropped():
    events = run("The plan was bold. Yesterday it collapsed.")
    assert all(p.span.text != "it" for p in by_trigger(events, "collapsed").participants)


@pytest.mark.parametrize("name", ["expletive_verbs.txt", "place_nouns.txt", "gathering_nouns.txt"])
def test_data_file_examples(name):
    examples = data_examples(name)
    assert examples
    for sentence, expected in examples:
        trigger, _, rest = expected.partition(": ")
        *words, role = rest.split()
        org = [("The agency", "ORG")] if "agency" in sentence else []
        found = [(p.role, p.span.text) for p in by_trigger(run(sentence, entities=[
            entity(sentence, n, k, "E1") for n, k in org]), trigger).participants]
        if words == ["no"]:
            assert all(t.lower() != role for _, t in found), found
        else:
            assert (role, " ".join(words)) in found, found


@pytest.mark.parametrize("sentence, trigger, role, text", [
    # the named person an intended event is about
    ("The judge must decide whether to free Garcia.", "decide", "other", "Garcia"),
    # the partner of the event that frames the verb
    ("In an interview with The Herald, she joked about leaving the country.", "joked", "other", "The Herald"),
    # the one faced in a contest
    ("Smith, who will face Ann Cole in a primary on Tuesday, declined to comment.", "primary", "agent", "Ann Cole"),
    # whom a representative acts for
    ("Lawyers for Acme filed a motion on Friday.", "filed", "other", "Acme"),
    ("Earlier this month, lawyers for both Ann and Tom Lee filed papers.", "filed", "other", "Tom Lee"),
])
def test_partners_and_principals(sentence, trigger, role, text):
    found = roles_of(sentence, trigger)
    assert (role, text) in found, found


@pytest.mark.parametrize("sentence, trigger, role, text", [
    # the noun a participle modifies
    ("Lee, born in Boston on May 2, 1950, founded the firm.", "born", "patient", "Lee"),
    ("Phones sold in France have a volume limit.", "sold", "patient", "Phones"),
    ("People living near the plant were evacuated.", "living", "agent", "People"),
])
def test_participle_modifies_its_participant(sentence, trigger, role, text):
    found = roles_of(sentence, trigger)
    assert (role, text) in found, found


def test_a_description_goes_to_the_one_organisation_its_head_noun_names():
    text = "The Lagos High Court heard the case. A Nigerian court on Monday acquitted the banker."
    names = [("Lagos High Court", "ORG"), ("Nigerian", "NORP")]
    assert ("agent", "A Nigerian court", "Lagos High Court") in _names(text, "acquitted", names)


def test_a_nationality_modifier_is_not_the_participants_entity_but_a_place_nouns_is():
    text = "Kenya held talks. Kenyan lawmakers rejected the plan. A fire broke out in a Nairobi suburb."
    names = [("Kenya", "GPE"), ("Kenyan", "NORP"), ("Nairobi", "GPE")]
    assert ("agent", "Kenyan lawmakers", None) in _names(text, "rejected", names)
    assert ("location", "a Nairobi suburb", "Nairobi") in _names(text, "broke", names)


def test_a_name_in_apposition_says_which_one_a_description_means():
    text = "Acme settled its dispute with the band's record company, Apple Corps."
    names = [("Apple Corps", "ORG"), ("Acme", "ORG")]
    assert ("other", "the band's record company", "Apple Corps") in _names(text, "dispute", names)
    text = "The Daily Post, the Evening Star and the Ledger will carry it."
    names = [("Daily Post", "ORG"), ("Evening Star", "ORG")]
    assert ("agent", "The Daily Post", "Daily Post") in _names(text, "carry", names)


def test_it_in_what_a_common_noun_subject_says_is_that_subject():
    text = "Acme Corp sold the unit. The company said it would appeal the ruling."
    assert ("agent", "it", "Acme Corp") in _names(text, "appeal", [("Acme Corp", "ORG")])
    text = "California lost the case. The defense team says it has received thousands of letters."
    assert all(p[1] != "it" for p in _names(text, "received", [("California", "GPE")]))


def test_it_in_quoted_words_or_of_a_state_is_left_out():
    text = 'Acme Corp lost. "It was demoralizing to work there," she said.'
    assert _names(text, "demoralizing", [("Acme Corp", "ORG")]) == []
    text = 'Acme Corp lost the bid. "It must depend on the market," she said.'
    assert all(p[1] != "It" for p in _names(text, "depend", [("Acme Corp", "ORG")]))
