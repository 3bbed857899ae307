"""Event mentions: verbal, nominal, multi-word, light-verb; TimeML classes."""

from __future__ import annotations

import pytest

from .helpers import run


@pytest.mark.parametrize("sentence, present, absent", [
    ("The rebels attacked the town and burned the market.", ["attacked", "burned"], []),
    ("The proposed plan was rejected.", ["rejected"], ["proposed"]),
    ("Ten people, including two children, died.", ["died"], ["including"]),
    ("Voters rejected the referendum after the rally.", ["rejected", "referendum", "rally"], []),
    ("The leaders held a meeting in Geneva.", ["meeting"], ["held"]),
    ("The vote took place on Friday.", ["vote"], ["took"]),
    ("A no-confidence motion was tabled.", ["no-confidence motion", "tabled"], ["motion"]),
    ("They have to leave the country.", ["leave"], ["have"]),
    ("Residents watched the destruction of the bridge.", ["watched", "destruction"], []),
    ("The nation's government owns the station.", ["owns"], ["nation", "government", "station"]),
    ("It’s a problem that he’s got.", ["got"], ["’s"]),
    ("It's a problem that he's got, and they're late.", ["got"], ["'s", "'re"]),
    ("The vote ― a close one ― passed - barely.", ["vote", "passed"], ["―", "-"]),
    # a prefixed verb is one word (dateline.hyphens keeps it whole for the parser)
    ("Voters in the county re-elected the mayor on Tuesday.", ["re-elected"], ["re", "elected"]),
    ("The senator co-sponsored the bill.", ["co-sponsored"], ["sponsored"]),
    # a noun of an act with a time right after it is that act ("-tion/-sion/-ment")
    ("Fans still talk about her resignation three years ago.", ["resignation"], []),
    ("Markets cheered the bank's announcement on Monday.", ["announcement"], []),
    ("Critics faulted the mayor's statement this week.", ["statement"], []),
    # without a time (or an "of" phrase) it stays a noun, as TimeML annotates most of them
    ("Critics faulted the mayor's statement.", [], ["statement"]),
    ("Lawmakers passed the legislation last month.", ["passed"], ["legislation"]),
])
def test_mentions(sentence, present, absent):
    triggers = [e.trigger.text for e in run(sentence)]
    assert all(any(c.isalpha() for c in t) for t in triggers), triggers
    for word in present:
        assert word in triggers, (word, triggers)
    for word in absent:
        assert word not in triggers, (word, triggers)


@pytest.mark.parametrize("sentence, trigger, cls", [
    ("The minister said the talks failed.", "said", "REPORTING"),
    ("They urged the bank to act.", "urged", "I_ACTION"),
    ("She believes the report.", "believes", "I_STATE"),
    ("The strike began on Monday.", "began", "ASPECTUAL"),
    ("The troops crossed the border.", "crossed", "OCCURRENCE"),
])
def test_classes(sentence, trigger, cls):
    event = next(e for e in run(sentence) if e.trigger.text == trigger)
    assert event.cls == cls


def test_light_verb_event_has_one_mention_and_the_verbs_place():
    events = run("The leaders held a meeting in Geneva.")
    meeting = next(e for e in events if e.trigger.text == "meeting")
    assert meeting.rule == "light_verb"
    assert any(p.role == "location" and p.span.text == "Geneva" for p in meeting.participants)


@pytest.mark.parametrize("sentence, word, is_event", [
    # a listed plural names an amount, a business or an accusation; the singular stays an event
    ("Sales rose 5% in the quarter.", "Sales", False),
    ("The sale of the unit closed in May.", "sale", True),
    ("The bank closed its European operations.", "operations", False),
    ("He faces charges of fraud.", "charges", False),
    # adjectives TimeML rarely annotates are no STATE events
    ("The talks are likely to fail.", "likely", False),
    ("The company is bankrupt.", "bankrupt", True),
])
def test_listed_plurals_and_rare_state_adjectives(sentence, word, is_event):
    assert (word in [e.trigger.text for e in run(sentence)]) == is_event
