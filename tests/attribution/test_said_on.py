"""said_on: when the words were said, from the time layer's expressions (table-driven).

Row: (text, cue, expected said_on, expected said_on_interval or None for "any").  Sentences
written for these tests; publication date 2016-09-12 (a Monday).
"""

from __future__ import annotations

import pytest

from dateline import extract

PUB = "2016-09-12"

ROWS = [
    # a day, as before
    ("Smith said on Friday that the plan failed.", "said", "2016-09-09", ("2016-09-09", "2016-09-09")),
    # coarser than a day: a month, a week, a year
    ("Smith said in July that the plan failed.", "said", "2016-07", ("2016-07-01", "2016-07-31")),
    ("Jones told a hearing last week that it was over.", "told", "2016-W36", ("2016-09-05", "2016-09-11")),
    ("“We will win,” he said on Monday.\n\nShe said last year that 2015 was good.", "said#1", "2015",
     ("2015-01-01", "2015-12-31")),
    # a time of day: its day (the timex itself, via said_on_via, keeps the clock time)
    ("“It is over,” Lee told supporters at 9 p.m. on Sunday.", "told", "2016-09-11", None),
    # a date the cue does not govern does not date the saying
    ("Brown, who was elected in 2010, said he would stay.", "said", None, None),
    ("Pratt is expected to be sworn in on January 2. He said he would name a new commissioner.",
     "said", None, None),
    # the sentence before, at a speech event naming the speaker
    ("On Friday, Lu was questioned during a hearing of the committee. “We have no plan,” Lu said.",
     "said", "2016-09-09", ("2016-09-09", "2016-09-09")),
    # a participle cue hung on the dated verb
    ("Trump posted a series of tweets early Friday, saying that the debate was rigged.",
     "saying", "2016-09-09", None),
]


@pytest.mark.parametrize("text,cue,value,interval", ROWS)
def test_said_on(text, cue, value, interval, by_cue):
    record = extract(text, published=PUB)
    att = by_cue(record, cue)
    assert att.said_on == value
    if value is None:
        assert att.said_on_via is None and att.said_on_interval is None
        return
    timex = next(t for t in record.timexes if t.id == att.said_on_via)
    assert att.said_on_interval == timex.interval
    if interval is not None:
        assert att.said_on_interval == interval


def test_said_on_interval_round_trips():
    record = extract("Smith said in July that the plan failed.", published=PUB)
    from dateline.types import Record

    again = Record.from_json(record.to_json())
    assert again == record and again.attributions[0].said_on_interval == ("2016-07-01", "2016-07-31")
