"""Property tests: arbitrary text and dates never crash the tagger, and its output is sound."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.time import tag

# Text made of time words is where rules fire; mix it with arbitrary characters.
WORDS = st.sampled_from([
    "March", "7", "last", "year", "the", "past", "and", "a", "half", "Tuesday", "next", "week", "two",
    "weeks", "ago", "later", "earlier", "1998", "'90s", "1990s", "third", "quarter", "fiscal", "10:30",
    "a.m.", "EST", "every", "month", "now", "recently", "Feb.", "29", ",", ".", "the end of", "early",
    "mid-", "century", "19th", "summer", "of", "that", "day", "same", "yesterday", "morning", "noon",
    "daily", "on", "Mondays", "2024", "31", "0", "99", "twenty-four", "hours", "several", "days", "\n",
])
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(WORDS, max_size=40).map(" ".join),
    st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=30).map(" ".join),
)
DATES = st.one_of(
    st.none(),
    st.sampled_from(["0001-01-01", "9999-12-31", "2000-02-29", "2024-02-29", "1900-03-01"]),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.text(max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(TEXT, DATES)
def test_tag_never_crashes_and_spans_match(text, published):
    timexes = tag(text, published)
    previous_end = 0
    for t in timexes:
        assert text[t.start:t.end] == t.text
        assert t.start >= previous_end  # no overlaps, in text order
        previous_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        if t.interval is not None:
            first, last = t.interval
            if first is not None and last is not None:
                assert first <= last


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join))
def test_without_publication_date_nothing_is_guessed_from_the_clock(text):
    for t in tag(text, None):
        assert t.anchor != "DCT"
        if t.interval is not None:  # only explicit dates ("March 7, 1998") get days
            assert t.rule not in ("yesterday", "today", "tomorrow", "rel_unit", "weekday")
