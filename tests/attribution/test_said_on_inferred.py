"""said_on where the article does not restate the day: the same source's stated day, or the
story's recent day (attribution/said_on.py).  Sentences written for these tests; publication
date 2016-09-15, a Thursday."""

from __future__ import annotations

import pytest

from dateline import extract
from dateline.types import Record

PUB = "2016-09-15"

ROWS = [
    # the same source keeps the day it was first quoted on
    ("On Tuesday, Mayor Ruth Okafor said the budget was balanced. The council votes in "
     "October.\n\nTaxes rose by 3 percent.\n\n“We made hard choices,” Okafor said.", "said#1", "2016-09-13", "same_source"),
    # the story's day, told in the lead, dates a later undated quote
    ("A jury on Monday convicted a former banker of fraud.\n\n"
     "“Justice has been served,” the prosecutor, Ana Lima, said.", "said", "2016-09-12", "story_day"),
    # a date inside the words said does not stop it
    ("A court on Wednesday acquitted a surgeon of murder.\n\n"
     "Judge Ann Roe said the prosecution had failed to prove the 2015 killing.", "said", "2016-09-14",
     "story_day"),
    # a month told in passing leaves the story's day as it was
    ("A jury on Monday convicted a former banker of fraud. He had been arrested in March.\n\n"
     "“Justice has been served,” the prosecutor, Ana Lima, said.", "said", "2016-09-12", "story_day"),
    # a story told long ago dates nothing
    ("On March 2, 2014, the senator was questioned at a hearing.\n\n"
     "“We have no plan,” an aide said.", "said", None, None),
    # another time in the cue's own sentence owns the words
    ("The race drew attention in June, when Pratt accused Osei of lying.", "accused", None, None),
    # "had said" points to another time
    ("A jury on Monday convicted a former banker of fraud.\n\n"
     "“It will never stick,” the banker had said.", "had said", None, None),
    # a year inside the quoted words is the speaker's, not the narration's
    ("China drew with Peru in a friendly on Monday.\n\n"
     "“I sent young players to prepare for the 2018 Games,” said coach Li Wei.\n\n"
     "“It is a problem that we have not scored.”", "said#1", "2016-09-12", "same_source"),
    # a speech event the sentence before dates is another person's ("who had denied")
    ("Judge Roe acquitted Tom Baker, who had denied on March 3 any role in the fire.\n\n"
     "“The case failed,” Roe said.", "said", None, None),
    # a day still to come is no day anyone spoke on: the story stays on the day told before it
    ("On Tuesday, the ministry warned citizens against travel because of fears over a possible verdict "
     "Friday in the trial.\n\n“There is no threat,” the foreign minister, Ali Reza, said.", "said", "2016-09-13",
     "story_day"),
    # a stated day is labelled as such
    ("Smith said on Friday that the plan failed.", "said", "2016-09-09", "stated"),
]


@pytest.mark.parametrize("text,cue,value,basis", ROWS)
def test_inferred_said_on(text, cue, value, basis, by_cue):
    record = extract(text, published=PUB)
    att = by_cue(record, cue)
    assert (att.said_on, att.said_on_basis) == (value, basis)
    if value is not None:
        timex = next(t for t in record.timexes if t.id == att.said_on_via)
        assert att.said_on_interval == timex.interval


def test_no_publication_date_no_story_day():
    text = "A jury on Monday convicted a former banker.\n\n“Justice has been served,” Ana Lima said."
    record = extract(text, published=None)
    assert all(a.said_on is None for a in record.attributions)


def test_said_on_basis_round_trips():
    record = extract(ROWS[0][0], published=PUB)
    assert any(a.said_on_basis == "same_source" for a in record.attributions)
    assert Record.from_json(record.to_json()) == record

