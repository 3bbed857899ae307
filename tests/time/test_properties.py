"""Property tests: arbitrary text and dates never crash the tagger, and its output is sound."""

from __future__ import annotations

import datetime as dt

import pytest
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


def _case_sentences() -> list[str]:
    from pathlib import Path

    rows = (Path(__file__).parent / "cases.tsv").read_text(encoding="utf-8").splitlines()
    return sorted({r.split("\t")[2] for r in rows if r.strip() and not r.startswith("#") and r.count("\t") >= 2})


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-07", "9999-12-31", "9999-12-25"])
def test_calendar_end_publication_dates_never_raise(published):
    """Arithmetic past year 1 or 9999 ("last summer" of 0001-01-01, "tomorrow" of 9999-12-31)
    leaves the expression unresolved rather than raising or clamping to the calendar's end."""
    for sentence in _case_sentences():
        for t in tag(sentence, published):
            assert sentence[t.start:t.end] == t.text
            if t.interval and t.value and t.value[:1].isdigit() and t.type in ("DATE", "TIME"):
                assert t.interval[0] is None or t.interval[0] <= t.interval[1] or t.interval[1] is None


@pytest.mark.parametrize("text,published,phrase", [
    ("The river burst its banks last summer.", "0001-01-01", "last summer"),
    ("He returns tomorrow.", "9999-12-31", "tomorrow"),
    ("It began 5000 years ago.", "2016-09-12", "5000 years ago"),
])
def test_past_the_calendar_ends_is_unresolved(text, published, phrase):
    (timex,) = [t for t in tag(text, published) if t.text == phrase]
    assert timex.interval is None and "X" in timex.value
