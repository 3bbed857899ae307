"""Table tests of the resolver: underspecified values fixed against their anchor."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.time.resolve import FUTURE, PAST, PRESENT, Context, closest_year, duration_value, resolve
from dateline.time.under import Under

D = dt.date.fromisoformat
PUB = D("2023-08-10")  # a Thursday


def ctx(tense=PRESENT, story=None, gran=None, sid=None, published=PUB):
    story_iv = (D(story[0]), D(story[1])) if story else ((published, published) if published else None)
    return Context(published, story_iv, gran or ("day" if published else None), sid or ("DCT" if published else None), tense)


CASES = [
    # (description, under, context, value, interval)
    ("March 7 last year", Under("point", month=3, day=7, shift_unit="Y", shift_n=-1, gran="day"), ctx(),
     "2022-03-07", ("2022-03-07", "2022-03-07")),
    ("March 2 after a 2022 story date, past tense", Under("point", month=3, day=2, gran="day", anchor="story"),
     ctx(PAST, ("2022-03-07", "2022-03-07"), "day", "T1"), "2022-03-02", ("2022-03-02", "2022-03-02")),
    ("March 2 with no earlier date, past tense", Under("point", month=3, day=2, gran="day", anchor="story"),
     ctx(PAST), "2023-03-02", ("2023-03-02", "2023-03-02")),
    ("December told in the past", Under("point", month=12, gran="month", anchor="story"), ctx(PAST),
     "2022-12", ("2022-12-01", "2022-12-31")),
    ("December told in the future", Under("point", month=12, gran="month", anchor="story"), ctx(FUTURE),
     "2023-12", ("2023-12-01", "2023-12-31")),
    ("last year", Under("point", shift_unit="Y", shift_n=-1, gran="unit"), ctx(), "2022", ("2022-01-01", "2022-12-31")),
    ("next month", Under("point", shift_unit="M", shift_n=1, gran="unit"), ctx(), "2023-09", ("2023-09-01", "2023-09-30")),
    ("last week", Under("point", shift_unit="W", shift_n=-1, gran="unit"), ctx(), "2023-W31", ("2023-07-31", "2023-08-06")),
    ("this quarter", Under("point", shift_unit="Q", shift_n=0, gran="unit"), ctx(), "2023-Q3", ("2023-07-01", "2023-09-30")),
    ("yesterday", Under("point", shift_unit="D", shift_n=-1, gran="day"), ctx(), "2023-08-09", ("2023-08-09", "2023-08-09")),
    ("Tuesday, past tense", Under("point", weekday=2, gran="day"), ctx(PAST), "2023-08-08", ("2023-08-08", "2023-08-08")),
    ("Tuesday, future tense", Under("point", weekday=2, gran="day"), ctx(FUTURE), "2023-08-15", ("2023-08-15", "2023-08-15")),
    ("last Thursday (publication is a Thursday)", Under("point", weekday=4, direction=-1, gran="day"), ctx(),
     "2023-08-03", ("2023-08-03", "2023-08-03")),
    ("next Friday: the first one after publication", Under("point", weekday=5, direction=1, gran="day"), ctx(),
     "2023-08-11", ("2023-08-11", "2023-08-11")),
    ("next Thursday on a Thursday", Under("point", weekday=4, direction=1, gran="day"), ctx(),
     "2023-08-17", ("2023-08-17", "2023-08-17")),
    ("last April", Under("point", month=4, direction=-1, gran="month"), ctx(), "2023-04", ("2023-04-01", "2023-04-30")),
    ("last August (the current month)", Under("point", month=8, direction=-1, gran="month"), ctx(),
     "2022-08", ("2022-08-01", "2022-08-31")),
    ("next March", Under("point", month=3, direction=1, gran="month"), ctx(), "2024-03", ("2024-03-01", "2024-03-31")),
    ("the third quarter, past", Under("point", quarter=3, gran="quarter", anchor="story"), ctx(PAST, published=D("1989-11-01")),
     "1989-Q3", ("1989-07-01", "1989-09-30")),
    ("the 1990s", Under("point", decade=199, gran="decade"), ctx(), "199", ("1990-01-01", "1999-12-31")),
    ("the 19th century", Under("point", century=18, gran="century"), ctx(), "18", ("1800-01-01", "1899-12-31")),
    ("summer 1998", Under("point", year=1998, season="SU", gran="season"), ctx(), "1998-SU", ("1998-06-01", "1998-08-31")),
    ("Feb. 29, 2024", Under("point", year=2024, month=2, day=29, gran="day"), ctx(), "2024-02-29", ("2024-02-29", "2024-02-29")),
    ("Feb. 29, 2023 (no such day)", Under("point", year=2023, month=2, day=29, gran="day"), ctx(), "2023-02-29", None),
    ("10:30 yesterday", Under("point", clock="10:30", dayword=-1, gran="time"), ctx(),
     "2023-08-09T10:30", ("2023-08-09", "2023-08-09")),
    ("Friday morning, past", Under("point", weekday=5, pod="MO", gran="time"), ctx(PAST),
     "2023-08-04TMO", ("2023-08-04", "2023-08-04")),
    ("two days later", Under("point", shift_unit="D", shift_n=2, gran="unit", anchor="story"),
     ctx(PAST, ("2019-05-03", "2019-05-03"), "day", "T4"), "2019-05-05", ("2019-05-05", "2019-05-05")),
    ("a year earlier, story in a quarter", Under("point", shift_unit="Y", shift_n=-1, gran="ref", anchor="story"),
     ctx(PAST, ("1989-07-01", "1989-09-30"), "quarter", "T2"), "1988-Q3", ("1988-07-01", "1988-09-30")),
    ("Thanksgiving, past", Under("point", holiday="11-4-4", gran="day", anchor="story"), ctx(PAST, published=D("2000-01-07")),
     "1999-11-25", ("1999-11-25", "1999-11-25")),
    ("recently", Under("ref", ref="PAST_REF"), ctx(), "PAST_REF", (None, "2023-08-10")),
    ("now", Under("ref", ref="PRESENT_REF"), ctx(), "PRESENT_REF", ("2023-08-10", "2023-08-10")),
    ("the future", Under("ref", ref="FUTURE_REF"), ctx(), "FUTURE_REF", ("2023-08-10", None)),
    ("the past year and a half", Under("duration", dur_n=1.5, dur_unit="Y", span=-1), ctx(),
     "P18M", ("2022-02-10", "2023-08-10")),
    ("the next two weeks", Under("duration", dur_n=2, dur_unit="W", span=1), ctx(), "P2W", ("2023-08-10", "2023-08-24")),
    ("the past few years", Under("duration", dur_n=None, dur_unit="Y", span=-1), ctx(), "PXY", (None, "2023-08-10")),
    ("two weeks", Under("duration", dur_n=2, dur_unit="W"), ctx(), "P2W", None),
    ("every month", Under("set", dur_n=1, dur_unit="M", quant="EACH"), ctx(), "P1M", None),
    ("each Thursday", Under("set", set_value="XXXX-WXX-4", quant="EACH"), ctx(), "XXXX-WXX-4", None),
]


@pytest.mark.parametrize("description,under,context,value,interval", CASES, ids=[c[0] for c in CASES])
def test_resolve(description, under, context, value, interval):
    got = resolve(under, context)
    assert (got.value, got.interval) == (value, interval)


NO_DATE = [
    ("last year", Under("point", shift_unit="Y", shift_n=-1, gran="unit"), "XXXX"),
    ("March 2", Under("point", month=3, day=2, gran="day", anchor="story"), "XXXX-03-02"),
    ("Tuesday", Under("point", weekday=2, gran="day"), "XXXX-WXX-2"),
    ("the third quarter", Under("point", quarter=3, gran="quarter", anchor="story"), "XXXX-Q3"),
    ("yesterday morning", Under("point", shift_unit="D", shift_n=-1, pod="MO", gran="time"), "XXXX-XX-XXTMO"),
    ("next week", Under("point", shift_unit="W", shift_n=1, gran="unit"), "XXXX-WXX"),
]


@pytest.mark.parametrize("description,under,value", NO_DATE, ids=[c[0] for c in NO_DATE])
def test_no_publication_date_leaves_relative_values_unresolved(description, under, value):
    got = resolve(under, Context(None, None, None, None, PAST))
    assert (got.value, got.interval, got.anchor) == (value, None, None)


@pytest.mark.parametrize("n,unit,value", [
    (2, "W", "P2W"), (1.5, "Y", "P18M"), (3, "TH", "PT3H"), (1, "DE", "P10Y"), (None, "Y", "PXY"),
    (0.5, "TH", "PT30M"), (2.5, "Y", "P30M"), (1.5, "D", "PT36H"), (1, "Q", "P1Q"), (2, "CE", "P200Y"),
])
def test_duration_value(n, unit, value):
    assert duration_value(n, unit) == value


def test_closest_year_prefers_the_reference_year_on_ties():
    under = Under("point", month=2, day=1, gran="day")
    ref = (D("2022-08-01"), D("2022-08-01"))  # Feb 1 2022 and Feb 1 2023 are both ~6 months away
    assert closest_year(under, ref, None, PRESENT) in (2022, 2023)
    assert closest_year(under, ref, D("2022-08-01"), PAST) == 2022


def test_days_beyond_the_calendar_stay_unresolved():
    got = resolve(Under("point", weekday=2, direction=1, gran="day"), ctx(published=D("9999-12-31")))
    assert (got.value, got.interval) == ("XXXX-WXX-2", None)
