"""Day-interval arithmetic: shifts by durations, calendar widening, values."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.events.intervals import (add_months, duration_offset, from_iso, interval_value, intersect, shift,
                                       to_iso, value_interval)

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
    assert duration_offset("P2W") == (2.0, "W") and duration_offset("PT3H") is None
