"""Table tests of the pure calendar functions the resolver is built from."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.time import calendar as cal

D = dt.date.fromisoformat


@pytest.mark.parametrize("day,unit,n,expected", [
    ("2023-08-10", "D", -1, "2023-08-09"),
    ("2023-01-01", "D", -1, "2022-12-31"),
    ("2023-08-10", "W", 2, "2023-08-24"),
    ("2023-01-31", "M", 1, "2023-02-28"),   # clamped to the month's end
    ("2024-01-31", "M", 1, "2024-02-29"),   # leap year
    ("2024-02-29", "Y", 1, "2025-02-28"),   # leap day, next year
    ("2024-02-29", "Y", -4, "2020-02-29"),
    ("2023-08-10", "Q", -1, "2023-05-10"),
    ("2023-08-10", "H", 1, "2024-02-10"),
    ("2023-08-10", "Y", -1.5, "2022-02-10"),  # "the past year and a half"
    ("2023-08-10", "DE", -1, "2013-08-10"),
    ("2023-08-10", "CE", 1, "2123-08-10"),
    ("2023-08-10", "TH", -30, "2023-08-08"),
])
def test_shift(day, unit, n, expected):
    assert cal.shift(D(day), unit, n) == D(expected)


@pytest.mark.parametrize("day,unit,n", [
    ("9999-12-31", "D", 1), ("0001-01-01", "D", -1), ("9999-06-01", "Y", 1), ("0001-06-01", "M", -6),
    ("2016-09-12", "ML", -5),  # "5000 years ago": not clamped to year 1
])
def test_shift_past_the_calendar_ends_raises_instead_of_clamping(day, unit, n):
    with pytest.raises((OverflowError, ValueError)):
        cal.shift(D(day), unit, n)


@pytest.mark.parametrize("day,gran,value,first,last", [
    ("2022-03-07", "day", "2022-03-07", "2022-03-07", "2022-03-07"),
    ("2022-03-07", "week", "2022-W10", "2022-03-07", "2022-03-13"),
    ("2021-01-01", "week", "2020-W53", "2020-12-28", "2021-01-03"),  # ISO week of the previous year
    ("2024-12-30", "week", "2025-W01", "2024-12-30", "2025-01-05"),  # ISO week of the next year
    ("2023-08-10", "weekend", "2023-W32-WE", "2023-08-12", "2023-08-13"),
    ("2024-02-10", "month", "2024-02", "2024-02-01", "2024-02-29"),
    ("2023-02-10", "month", "2023-02", "2023-02-01", "2023-02-28"),
    ("2022-08-01", "quarter", "2022-Q3", "2022-07-01", "2022-09-30"),
    ("2022-11-30", "half", "2022-H2", "2022-07-01", "2022-12-31"),
    ("2022-07-15", "season", "2022-SU", "2022-06-01", "2022-08-31"),
    ("2023-01-15", "season", "2022-WI", "2022-12-01", "2023-02-28"),  # winter keeps its December's year
    ("2024-01-15", "season", "2023-WI", "2023-12-01", "2024-02-29"),
    ("1998-05-05", "year", "1998", "1998-01-01", "1998-12-31"),
    ("1995-05-05", "decade", "199", "1990-01-01", "1999-12-31"),
    ("1850-05-05", "century", "18", "1800-01-01", "1899-12-31"),
])
def test_period_value_and_interval(day, gran, value, first, last):
    assert cal.period_value(D(day), gran) == value
    assert cal.period_interval(D(day), gran) == (D(first), D(last))


@pytest.mark.parametrize("anchor,weekday,direction,expected", [
    ("2023-08-10", 2, -1, "2023-08-08"),   # Thursday; Tuesday on or before
    ("2023-08-10", 4, -1, "2023-08-10"),   # the same day
    ("2023-08-10", 4, -2, "2023-08-03"),   # "last Thursday": strictly before
    ("2023-08-10", 5, 1, "2023-08-11"),    # Friday on or after
    ("2023-08-10", 4, 2, "2023-08-17"),    # "next Thursday": strictly after
    ("2023-08-10", 1, 0, "2023-08-07"),    # "this Monday": the same ISO week
    ("2023-08-10", 7, 0, "2023-08-13"),
    ("2023-01-01", 5, -1, "2022-12-30"),   # across the year boundary
])
def test_weekday_near(anchor, weekday, direction, expected):
    assert cal.weekday_near(D(anchor), weekday, direction) == D(expected)


@pytest.mark.parametrize("year,month,weekday,nth,expected", [
    (2022, 11, 4, 4, "2022-11-24"),   # Thanksgiving
    (1999, 11, 4, 4, "1999-11-25"),
    (2023, 9, 1, 1, "2023-09-04"),    # Labor Day
    (2023, 5, 1, -1, "2023-05-29"),   # Memorial Day: the last Monday
])
def test_nth_weekday(year, month, weekday, nth, expected):
    assert cal.nth_weekday(year, month, weekday, nth) == D(expected)


@pytest.mark.parametrize("a,b,expected", [
    (("2022-03-01", "2022-03-31"), ("2022-03-07", "2022-03-07"), 0),
    (("2022-03-02", "2022-03-02"), ("2022-03-07", "2022-03-07"), 5),
    (("2023-03-02", "2023-03-02"), ("2022-03-07", "2022-03-07"), 360),
])
def test_distance(a, b, expected):
    assert cal.distance((D(a[0]), D(a[1])), (D(b[0]), D(b[1]))) == expected


def test_safe_date_rejects_impossible_days():
    assert cal.safe_date(2023, 2, 29) is None
    assert cal.safe_date(2024, 2, 29) == D("2024-02-29")
