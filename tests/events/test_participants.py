"""Participants from the parse, linked to canonical entities (general rules, own sentences)."""

from __future__ import annotations

import pytest

from .helpers import by_trigger, entity, roles_of, run


@pytest.mark.parametrize("sentence, trigger, role, text", [
    ("The Finance Ministry, in a briefing on Monday, urged the central bank to fire its governor.",
     "urged", "agent", "The Finance Ministry"),
    ("The Finance Ministry, in a briefing on Monday, urged the central bank to fire its governor.",
     "urged", "recipient", "the central bank"),
    ("The Finance Ministry, in a briefing on Monday, urged the central bank to fire its governor.",
     "fire", "patient", "its governor"),
    ("The Finance Ministry, in a briefing on Monday, urged the central bank to fire its governor.",
     "briefing", "agent", "The Finance Ministry"),
    ("France's invasion of Spain began in May.", "invasion", "agent", "France"),
    ("France's invasion of Spain began in May.", "invasion", "patient", "Spain"),
    ("The treaty was signed by Chile.", "signed", "agent", "Chile"),
    ("The treaty was signed by Chile.", "signed", "patient", "The treaty"),
    ("The president visited Moscow.", "visited", "location", "Moscow"),
    ("A motion against the governor's budget was debated in Parliament.", "debated", "location", "Parliament"),
    ("The talks between Egypt and Israel stalled.", "talks", "agent", "Egypt"),
    ("The talks between Egypt and Israel stalled.", "talks", "agent", "Israel"),
    ("Pakistan's decision to leave the alliance surprised Washington.", "leave", "agent", "Pakistan"),
    # where the subject is, the event happens: a place phrase inside the subject
    ("Voters in Ohio rejected the measure.", "rejected", "location", "Ohio"),
    ("The talks in London collapsed on Friday.", "collapsed", "location", "London"),
])
def test_roles(sentence, trigger, role, text):
    found = roles_of(sentence, trigger)
    assert (role, text) in found, found


def test_participants_link_to_canonical_entities():
    text = "Prime Minister Ana Costa resigned. Later, Costa's allies blamed the central bank."
    entities = [entity(text, "Ana Costa", "PERSON", "E1")]
    # the second mention ("Costa") belongs to the same canonical entity
    e1 = entities[0]
    start = text.index("Costa's")
    from dateline.types import Entity, Span
    entities = [Entity(e1.id, e1.name, e1.type, e1.mentions + (Span(start, start + 5, "Costa"),))]
    events = run(text, entities=entities)
    assert by_trigger(events, "resigned").participants[0].entity == "E1"
    blamed = by_trigger(events, "blamed")
    assert blamed.participants[0].span.text == "Costa's allies"
    assert blamed.participants[0].entity == "E1"  # the possessor's entity


@pytest.mark.parametrize("sentence, trigger, role, text", [
    # the parser hangs the place on the date: it is still the event's place
    ("A memorial service will be held on Aug. 30 in Chicago.", "held", "location", "Chicago"),
    # a relative pronoun stands for the noun its clause modifies
    ("Quarterback Colin Baptiste, who left the game with a knee injury, was ruled out.", "left", "agent",
     "Quarterback Colin Baptiste"),
    ("The company, which filed the suit in May, declined to comment.", "filed", "agent", "The company"),
    # a relative "where" clause happens at the place it modifies
    ("Workers in Pinecrest, where a wage ordinance was suspended in May, protested.", "suspended", "location",
     "Pinecrest"),
    # the organisation of a new role: "named editor of X", "became president of Y"
    ("In 1980, she was named managing editor of The Chicago Ledger.", "named", "other", "The Chicago Ledger"),
    ("In 1987 she became president of the Ledger Company.", "became", "other", "the Ledger Company"),
])
def test_roles_through_dates_and_relative_clauses(sentence, trigger, role, text):
    found = roles_of(sentence, trigger)
    assert (role, text) in found, found


def test_appositive_name_is_the_participants_entity():
    text = "Her husband, Thomas Ellison, a civil engineer, died in 2011."
    entities = [entity(text, "Thomas Ellison", "PERSON", "E1")]
    died = by_trigger(run(text, entities=entities), "died")
    assert [(p.role, p.span.text, p.entity) for p in died.participants] == [("agent", "Her husband", "E1")]


def test_relative_which_or_that_is_not_a_participant_itself():
    events = run("The plan that failed was costly.")
    assert all(p.span.text.lower() not in ("that", "which", "who") for e in events for p in e.participants)


@pytest.mark.parametrize("sentence, trigger, role, text", [
    # non-finite clauses take the subject of the verb they hang on
    ("The governor returned to the podium to announce a curfew.", "announce", "agent", "The governor"),
    ("The senator ended the hearing by thanking the witnesses.", "thanking", "agent", "The senator"),
    ("The union rejected the offer, saying it was too low.", "saying", "agent", "The union"),
    # a recipient after "to" is the phrase, not the preposition
    ("The mayor gave a speech to the graduates.", "speech", "recipient", "the graduates"),
    # who an event object is about takes part in the verb ("the re-election of X and Y")
    ("The party backed the re-election of Mayor Dana Ortiz and Councilman Eli Park.", "backed", "other",
     "Mayor Dana Ortiz"),
    ("The party backed the re-election of Mayor Dana Ortiz and Councilman Eli Park.", "backed", "other",
     "Councilman Eli Park"),
    ("The regulator approved the acquisition of Brightline.", "approved", "other", "Brightline"),
    # "called for X to resign": X is who the call is about
    ("The council called for Chief Ana Ruiz to resign.", "called", "other", "Chief Ana Ruiz"),
])
def test_inherited_subjects_and_event_objects(sentence, trigger, role, text):
    event = by_trigger(run(sentence), trigger)
    assert (role, text) in [(p.role, p.span.text) for p in event.participants]


def test_possessive_pronoun_is_the_agent_of_a_nominal_event():
    text = "Mayor Tom Hale spoke on Monday. His resignation surprised the council."
    events = run(text, entities=[entity(text, "Tom Hale", "PERSON", "E1")])
    agents = [(p.span.text, p.entity) for p in by_trigger(events, "resignation").participants if p.role == "agent"]
    assert ("His", "E1") in agents


def test_a_name_read_as_a_verb_is_no_event():
    text = "Trump on Friday endorsed the plan."
    assert "Trump" not in [e.trigger.text for e in run(text)]


def test_a_time_in_the_possessive_is_no_agent():
    event = by_trigger(run("Turnout in last week's primary was low."), "primary")
    assert "last week" not in [p.span.text for p in event.participants]


def test_relative_clause_on_a_description_in_apposition_names_the_person():
    from .helpers import by_trigger, run
    text = "Ana Silva, a local reporter who was beaten and robbed in Lagos, later left."
    beaten = by_trigger(run(text, "2023-08-10"), "beaten")
    names = [p.span.text for p in beaten.participants]
    assert "Ana Silva" in names and "a local reporter" not in names
    assert ("location", "Lagos") in [(p.role, p.span.text) for p in beaten.participants]
