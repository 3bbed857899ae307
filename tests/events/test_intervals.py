"""Day-interval arithmetic: shifts by durations, calendar widening, values."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.events.intervals import (add_months, mod_interval, age_window, duration_offset, from_iso, interval_value, intersect,
                                       shift, to_iso, value_interval)

D = date.fromisoformat


@pytest.mark.parametrize("start, amount, unit, sign, expected", [
    ("2022-03-07", 2, "W", -1, ("2022-02-18", "2022-02-24")),
    ("2022-03-07", 1, "M", 1, ("2022-04-01", "2022-04-30")),
    ("2022-01-31", 1, "M", 1, ("2022-02-01", "2022-02-28")),
    ("2024-02-29", 1, "Y", 1, ("2025-01-01", "2025-12-31")),
    ("2022-12-30", 3, "D", 1, ("2023-01-02", "2023-01-02")),
    ("2022-03-07", 1.5, "Y", -1, ("2020-01-01", "2020-12-31")),
])
def test_shift(start, amount, unit, sign, expected):
    first, last = shift((D(start), D(start)), amount, unit, sign)
    assert (first.isoformat(), last.isoformat()) == expected


def test_shift_keeps_open_ends():
    assert shift((None, D("2022-03-07")), 1, "D", 1) == (None, D("2022-03-08"))


@pytest.mark.parametrize("value, expected", [
    ("2022-03-07", ("2022-03-07", "2022-03-07")), ("2022-02", ("2022-02-01", "2022-02-28")),
    ("2024", ("2024-01-01", "2024-12-31")), ("PAST_REF", None), ("2022-W10", None), (None, None),
])
def test_value_interval(value, expected):
    iv = value_interval(value)
    assert (tuple(d.isoformat() for d in iv) if iv else None) == expected


@pytest.mark.parametrize("first, last, value", [
    ("2022-03-07", "2022-03-07", "2022-03-07"), ("2022-04-01", "2022-04-30", "2022-04"),
    ("2022-01-01", "2022-12-31", "2022"), ("2022-02-18", "2022-02-24", None),
])
def test_interval_value(first, last, value):
    assert interval_value((D(first), D(last))) == value


def test_iso_round_trip_with_open_ends():
    assert to_iso((None, D("2022-03-07"))) == (None, "2022-03-07")
    assert from_iso((None, "2022-03-07")) == (None, D("2022-03-07"))


def test_intersect_and_months():
    assert intersect((D("2022-01-01"), None), (None, D("2021-12-31"))) is None
    assert add_months(D("2022-01-31"), 1) == D("2022-02-28")
    assert duration_offset("P2W") == (2.0, "W") and duration_offset("PT3H") == (3.0, "H")
    assert duration_offset("PT30M") == (0.5, "H") and duration_offset("P2WT3H") is None


@pytest.mark.parametrize("interval, years, sign, expected", [
    (("1938-03-03", "1938-03-03"), 12, 1, ("1950-03-03", "1951-03-02")),  # born March 3, 1938; at age 12
    (("1938-01-01", "1938-12-31"), 12, 1, ("1950-01-01", "1951-12-30")),  # born in 1938
    (("1950-01-01", "1950-12-31"), 12, -1, ("1937-01-02", "1938-12-31")),  # at age 12 in 1950: the birth
])
def test_age_window(interval, years, sign, expected):
    first, last = age_window((D(interval[0]), D(interval[1])), years, sign)
    assert (first.isoformat(), last.isoformat()) == expected


def test_age_window_keeps_open_ends():
    assert age_window((None, D("1938-03-03")), 12, 1) == (None, D("1951-03-02"))


@pytest.mark.parametrize("interval, mod, expected", [
    ((date(2016, 1, 1), date(2016, 1, 31)), "MID", (date(2016, 1, 11), date(2016, 1, 20))),
    ((date(2016, 2, 1), date(2016, 2, 29)), "END", (date(2016, 2, 21), date(2016, 2, 29))),
    ((date(2015, 1, 1), date(2015, 12, 31)), "START", (date(2015, 1, 1), date(2015, 4, 30))),
    ((date(2015, 1, 1), date(2015, 12, 31)), "END", (date(2015, 9, 1), date(2015, 12, 31))),
    ((date(2015, 1, 1), date(2015, 12, 31)), "APPROX", (date(2015, 1, 1), date(2015, 12, 31))),
    ((date(2015, 3, 2), date(2015, 3, 9)), "MID", (date(2015, 3, 2), date(2015, 3, 9))),
    ((None, date(2015, 3, 9)), "MID", (None, date(2015, 3, 9))),
    # a decade: "the early 1980s" 1980-1983, "the mid-1960s" 1964-1966, "the late 1970s" 1977-1979
    ((date(1980, 1, 1), date(1989, 12, 31)), "START", (date(1980, 1, 1), date(1983, 12, 31))),
    ((date(1960, 1, 1), date(1969, 12, 31)), "MID", (date(1964, 1, 1), date(1966, 12, 31))),
    ((date(1970, 1, 1), date(1979, 12, 31)), "END", (date(1977, 1, 1), date(1979, 12, 31))),
    ((date(1971, 1, 1), date(1980, 12, 31)), "END", (date(1971, 1, 1), date(1980, 12, 31))),
])
def test_mod_narrows_a_month_or_year_to_a_third(interval, mod, expected):
    assert mod_interval(interval, mod) == expected
