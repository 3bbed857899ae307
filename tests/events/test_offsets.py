"""Events measured from other events: vague offsets ("days after", "shortly before", "the
day after"), "within ... of", "in the weeks after", clock durations, dates next to the
other event, and relative clauses of occurrence ("which took place on March 1")."""

from __future__ import annotations

import pytest

from dateline.events.intervals import shift, within
from dateline.events.lexicon import data_examples

from .helpers import by_trigger, run, timex

PUB = "2023-08-10"


@pytest.mark.parametrize("text, phrase, day, trigger, expected", [
    # vague plurals and adverbs: a window from the other event, on the side the signal says
    ("Days after the summit on May 2, the talks collapsed.", "May 2", "2023-05-02", "collapsed",
     ("2023-05-02", "2023-05-12")),
    ("Hours after the earthquake on May 2, rescuers found survivors.", "May 2", "2023-05-02", "found",
     ("2023-05-02", "2023-05-04")),
    ("The minister quit weeks before the referendum on June 23.", "June 23", "2023-06-23", "quit",
     ("2023-04-11", "2023-06-23")),
    ("Shortly after the ceremony on July 1, the guests left.", "July 1", "2023-07-01", "left",
     ("2023-07-01", "2023-07-08")),
    ("Just before the kickoff on July 1, fans rushed the gates.", "July 1", "2023-07-01", "rushed",
     ("2023-06-28", "2023-07-01")),
    ("Moments after the collision on July 1, the ferry sank.", "July 1", "2023-07-01", "sank",
     ("2023-07-01", "2023-07-02")),
    # "the day after" is the next day; "in the days before" a window before
    ("The storm hit the day after the election on Nov. 5, 2022.", "Nov. 5, 2022", "2022-11-05", "hit",
     ("2022-11-06", "2022-11-06")),
    ("In the days before the vote on June 4, thousands marched.", "June 4", "2023-06-04", "marched",
     ("2023-05-25", "2023-06-04")),
    ("Prices soared in the months after the merger on Jan. 9, 2021.", "Jan. 9, 2021", "2021-01-09", "soared",
     ("2021-01-09", "2022-07-31")),
    # "within days of" and "within N weeks of" count from the other event
    ("Police arrived within days of the attack on June 3.", "June 3", "2023-06-03", "arrived",
     ("2023-06-03", "2023-06-13")),
])
def test_vague_offsets_from_another_event(text, phrase, day, trigger, expected):
    events = run(text, PUB, [timex(text, phrase, day)])
    event = by_trigger(events, trigger)
    assert event.when.interval == expected
    assert event.when.how == "event"


def test_within_a_counted_duration():
    text = "Troops withdrew within two weeks of the ceasefire on March 3."
    events = run(text, PUB, [timex(text, "March 3", "2023-03-03"),
                             timex(text, "two weeks", "P2W", "DURATION", id="T2")])
    assert by_trigger(events, "ceasefire").when.interval == ("2023-03-03", "2023-03-03")
    assert by_trigger(events, "withdrew").when.interval == ("2023-03-03", "2023-03-20")


def test_hours_after_an_event_reach_the_next_day():
    text = "Three hours after the blast on Monday, officials closed the port."
    events = run(text, PUB, [timex(text, "Monday", "2023-08-07"),
                             timex(text, "Three hours", "PT3H", "DURATION", id="T2")])
    assert by_trigger(events, "closed").when.interval == ("2023-08-07", "2023-08-08")


def test_day_after_day_is_no_offset():
    text = "The rally on May 5 went on day after day."
    events = run(text, PUB, [timex(text, "May 5", "2023-05-05")])
    assert all("P1D" not in (e.when.note or "") for e in events)


def test_date_next_to_the_other_event_dates_it_when_the_verb_is_far():
    text = "The strike began the week after the walkout on March 13."  # "walkout": any noun a signal orders
    events = run(text, PUB, [timex(text, "March 13", "2023-03-13")])
    assert by_trigger(events, "walkout").when.interval == ("2023-03-13", "2023-03-13")
    assert by_trigger(events, "began").when.interval == ("2023-03-17", "2023-03-23")


def test_relative_clause_of_occurrence_dates_its_noun():
    text = "She was detained two days after the robbery, which took place on March 1."
    events = run(text, PUB, [timex(text, "March 1", "2023-03-01"),
                             timex(text, "two days", "P2D", "DURATION", id="T2")])
    assert by_trigger(events, "robbery").when.interval == ("2023-03-01", "2023-03-01")
    assert by_trigger(events, "detained").when.interval == ("2023-03-03", "2023-03-03")


@pytest.mark.parametrize("sentence, expected", data_examples("offset_words.txt"))
def test_offset_word_examples(sentence, expected):
    import dateline
    trigger, kind, duration = expected.split()
    event = next(e for e in dateline.extract(sentence, published="2024-03-15").events if e.trigger.text == trigger)
    note = event.when.note or ""
    assert duration in note and (("within" in note) == (kind == "WITHIN")), note


def test_window_arithmetic():
    from datetime import date
    d = date(2023, 3, 1)
    assert within((d, d), 10, "D", 1) == (d, date(2023, 3, 11))
    assert within((d, d), 7, "D", -1) == (date(2023, 2, 22), d)
    assert within((None, d), 10, "D", 1) == (None, date(2023, 3, 11))
    assert shift((d, d), 3, "H", 1) == (d, date(2023, 3, 2))
    assert shift((d, d), 24, "H", -1) == (date(2023, 2, 28), date(2023, 2, 28))
