"""Entity names and types found by the held-out QA of session 4 (set 3): name variants of one
person, titled surnames, acronyms without brackets, web-address companies, call letters,
institutions named after their place, people after a role noun, platforms, hashtags, quote
marks, parties.  Each row is a sentence written for the test, run through the pinned spaCy model."""

from __future__ import annotations

import pytest

from dateline import extract

from .helpers import check_entities

# (text, {canonical name: (type, mention texts that must be among its mentions)}, names that must NOT exist)
CASES = [
    # a short given name and its full form are one person; the bare surname then joins them
    ("Bob Hartley wins again.\n\nRobert Hartley, the long-serving mayor, spoke on Monday. "
     "\"We are ready,\" Hartley said.",
     {"Robert Hartley": ("PERSON", {"Bob Hartley", "Hartley"})}, {"Bob Hartley", "Hartley"}),
    ("Mike Dunne met Michael Dunne's lawyers on Tuesday, and Dunne said little.",
     {"Michael Dunne": ("PERSON", {"Mike Dunne", "Dunne"})}, {"Mike Dunne"}),
    # different given names stay different people
    ("Robert Hale and Kenneth Hale both ran for the seat in Ohio on Tuesday.",
     {"Robert Hale": ("PERSON", set()), "Kenneth Hale": ("PERSON", set())}, set()),
    # a titled surname goes to the one person of that surname holding the title
    ("President Bill Clinton met Hillary Clinton on Monday. Later President Clinton left for Boston.",
     {"Bill Clinton": ("PERSON", {"President Clinton"})}, {"Clinton"}),
    # an acronym without brackets and its long form, which the tagger missed
    ("A vehicle in the NATO-led International Security Assistance Force was hit, ISAF said on Friday.",
     {"International Security Assistance Force": ("ORG", {"ISAF"})}, {"ISAF"}),
    # a company named by its web address, a broadcaster's call letters
    ("A statement posted on the website Tradeloft.com said the listing was removed. Nobody at "
     "Tradeloft.com knew him.", {"Tradeloft.com": ("ORG", {"Tradeloft.com"})}, set()),
    ("The governor said in an interview on KXLA radio in Fresno that he would run.",
     {"KXLA": ("ORG", {"KXLA"})}, set()),
    # an institution named after its place, only the place tagged
    ("Dozens of officers from the Arizona Department of Public Safety, the US Border Patrol, the Federal "
     "Bureau of Investigation and a special unit surrounded the ranch.",
     {"US Border Patrol": ("ORG", set())}, set()),
    # a name right after a lowercase role noun is a person's
    ('"It went off too early," interior ministry spokesman Yousuf Rahimzai told reporters.',
     {"Yousuf Rahimzai": ("PERSON", set())}, set()),
    # an online platform is an organization; a hashtag is no entity
    ("The museum said Thursday on Twitter that it had no plans to buy the gun.",
     {"Twitter": ("ORG", set())}, set()),
    ('Trump tweeted, "Thank you Ohio! #Trump2016" on Friday afternoon.', {}, {"Trump2016"}),
    # a first name used because the surname is shared, whatever type the tagger gave it
    ("Zimmerman shot and killed Trayvon Martin in 2012. Tracy Martin, Trayvon's father, issued a statement. "
     "The gun killed Trayvon.", {"Trayvon Martin": ("PERSON", {"Trayvon"})}, {"Trayvon"}),
    # ... but not a place written as one
    ("Georgia Smith met Tom Smith in Georgia on Monday. Georgia voted.", {"Georgia": ("GPE", set())}, set()),
    # a party: its word alone and its members' adjective
    ("The vote was backed by the Bloc Quebecois, whose leader Gilles Duceppe spoke in Montreal on Monday. "
     "The Bloc wants a vote.",
     {"Bloc Quebecois": ("ORG", {"Bloc"})}, {"Bloc"}),
]


@pytest.mark.parametrize("text,expected,absent", CASES, ids=[c[0][:40] for c in CASES])
def test_names(text, expected, absent):
    """The entities of one sentence: names, types and mentions as the row says."""
    check_entities(text, expected, absent)


def test_liberal_party_is_one_party():
    """"Liberal", "Liberals" and "the Liberal party" are one organization."""
    text = ("The opposition said on Monday it would vote against the Liberal party. Liberal ministers "
            "were angry, and the Liberals lost the vote on Tuesday.")
    record = extract(text, published="2025-10-20", layers=["entities"])
    liberal = [e for e in record.entities if "Liberal" in e.name]
    assert len(liberal) == 1, [(e.name, e.type) for e in liberal]
    assert liberal[0].type == "ORG"


def test_quote_marks_are_no_part_of_a_name():
    """'the "Republic of Dakota' and 'Republic of Dakota' are one entity, named without the quote mark."""
    text = ('Ron Meyer is the self-proclaimed leader of the "Republic of Dakota." Meyer and other Republic of '
            'Dakota members were arrested.')
    names = [e.name for e in extract(text, published="2025-10-20", layers=["entities"]).entities]
    assert "Republic of Dakota" in names and not any(n.startswith('"') for n in names), names
