"""Day intervals and their arithmetic: the pure date functions of event anchoring.

An interval is ``(first, last)``: the first and last calendar day an event can have
happened on, both inclusive; ``None`` stands for an open end (no bound known).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

Interval = tuple["date | None", "date | None"]
OPEN: Interval = (None, None)

_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")
_CLOCK_DURATION = re.compile(r"^PT(\d+(?:\.\d+)?)([HM])$")  # hours or minutes: "three hours after"
_HALF_UNIT_DAYS = {"W": 3}  # "two weeks" counts whole weeks: +-3 days either way


def parse_day(value: str | None) -> date | None:
    """An ISO day (``YYYY-MM-DD``) as a date, or None for anything else."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def value_interval(value: str | None) -> Interval | None:
    """The days of a TimeML date value: ``2022-03-07``, ``2022-03``, ``2022`` (else None)."""
    if not value:
        return None
    if (day := parse_day(value)) is not None:
        return (day, day)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = int(value[:4]), int(value[5:7])
        if 1 <= month <= 12:
            return (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
    if re.fullmatch(r"\d{4}", value):
        return (date(int(value), 1, 1), date(int(value), 12, 31))
    return None


def intersect(a: Interval, b: Interval) -> Interval | None:
    """The common days of two intervals, or None when they do not meet."""
    first = max((d for d in (a[0], b[0]) if d is not None), default=None)
    last = min((d for d in (a[1], b[1]) if d is not None), default=None)
    if first is not None and last is not None and first > last:
        return None
    return (first, last)


def is_open(interval: Interval) -> bool:
    """Whether either end of the interval is unknown."""
    return interval[0] is None or interval[1] is None


def duration_offset(value: str | None) -> tuple[float, str] | None:
    """A TimeML duration value as (amount, unit): ``P2W`` -> (2, "W"); None if not simple."""
    match = _DURATION.match(value or "")
    if match:
        return float(match.group(1)), match.group(2)
    clock = _CLOCK_DURATION.match(value or "")
    if clock:  # PT3H -> (3, "H"); PT30M -> (0.5, "H"): clock time as hours
        amount = float(clock.group(1))
        return (amount if clock.group(2) == "H" else amount / 60), "H"
    return None


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift_day(day: date | None, amount: float, unit: str, sign: int) -> date | None:
    if day is None:
        return None
    try:
        if unit == "D":
            return day + timedelta(days=sign * round(amount))
        if unit == "W":
            return day + timedelta(days=sign * round(amount * 7))
        months = round(amount * (12 if unit == "Y" else 1))
        return add_months(day, sign * months)
    except (OverflowError, ValueError):
        return None


def _calendar_unit(first: date | None, last: date | None, unit: str) -> Interval:
    """Widen to whole calendar months or years: "one month after March 7" is in April."""
    if first is not None:
        first = first.replace(day=1) if unit == "M" else first.replace(month=1, day=1)
    if last is not None:
        end_month = 12 if unit == "Y" else last.month
        last = last.replace(month=end_month, day=calendar.monthrange(last.year, end_month)[1])
    return (first, last)


def _shift_hours(interval: Interval, hours: float, sign: int) -> Interval:
    """Days ``hours`` later (``sign`` +1) or earlier: the time of day is unknown, so three
    hours after a Monday event is Monday or Tuesday; exactly 24 hours after it is Tuesday."""
    whole = int(hours // 24)
    part = whole + (0 if hours % 24 == 0 else 1)
    low, high = (whole, part) if sign > 0 else (-part, -whole)
    return (_shift_day(interval[0], low, "D", 1), _shift_day(interval[1], high, "D", 1))


def within(interval: Interval, amount: float, unit: str, sign: int) -> Interval:
    """The days from the interval up to a duration later (``sign`` +1: "days after X",
    "within a week of X") or earlier (``sign`` -1: "shortly before X")."""
    first, last = interval
    if sign > 0:
        end = shift((last, last), amount, unit, 1)[1] if last else None
        return (first, end)
    start = shift((first, first), amount, unit, -1)[0] if first else None
    return (start, last)


def shift(interval: Interval, amount: float, unit: str, sign: int) -> Interval:
    """The interval moved by a duration (``sign`` +1 later, -1 earlier), widened by the
    duration's own vagueness: whole weeks +-3 days; months and years to calendar units;
    hours and minutes to the days they can reach."""
    if unit == "H":
        return _shift_hours(interval, amount, sign)
    first = _shift_day(interval[0], amount, unit, sign)
    last = _shift_day(interval[1], amount, unit, sign)
    slack = _HALF_UNIT_DAYS.get(unit, 0)
    if slack:
        first = first - timedelta(days=slack) if first and first.toordinal() > slack else first
        last = last + timedelta(days=slack) if last and last < date(9999, 12, 1) else last
    if unit in ("M", "Y"):
        return _calendar_unit(first, last, unit)
    return (first, last)


def age_window(interval: Interval, years: int, sign: int) -> Interval:
    """The days a person is ``years`` old, for a birth in ``interval`` (``sign`` +1), or the
    days of the birth for an event at that age in ``interval`` (``sign`` -1)."""
    first, last = interval
    day = timedelta(days=1)
    try:
        if sign > 0:
            return (add_months(first, 12 * years) if first else None,
                    add_months(last, 12 * (years + 1)) - day if last else None)
        return (add_months(first, -12 * (years + 1)) + day if first else None,
                add_months(last, -12 * years) if last else None)
    except (OverflowError, ValueError):
        return interval if sign > 0 else (None, None)


def to_iso(interval: Interval) -> tuple[str | None, str | None]:
    """The interval as two ISO days, an open end written as null (as timex intervals are)."""
    return (interval[0].isoformat() if interval[0] else None,
            interval[1].isoformat() if interval[1] else None)


def from_iso(pair: tuple[str | None, str | None] | None) -> Interval | None:
    """The inverse of ``to_iso`` (null ends are open ends)."""
    if not pair:
        return None
    return (parse_day(pair[0]), parse_day(pair[1]))


def interval_value(interval: Interval) -> str | None:
    """A TimeML value naming the interval when it is one day, month or year, else None."""
    first, last = interval
    if first is None or last is None:
        return None
    if first == last:
        return first.isoformat()
    if (first.day == 1 and first.year == last.year and first.month == last.month
            and last.day == calendar.monthrange(last.year, last.month)[1]):
        return first.strftime("%Y-%m")
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return f"{first.year:04d}"
    return None


_MOD_THIRDS = {"START": 0, "MID": 1, "END": 2}


def _is_decade(first: date, last: date) -> bool:
    """Whether [first, last] is a whole decade (1990-01-01 .. 1999-12-31)."""
    return (first.year % 10 == 0 and last.year == first.year + 9 and (first.month, first.day) == (1, 1)
            and (last.month, last.day) == (12, 31))


def mod_interval(interval: Interval, mod: str | None) -> Interval:
    """The part of a month or year a TimeML mod names: START its first third, MID its
    middle third, END its last ("mid-January" is January 11..20); other intervals and mods
    are kept whole."""
    first, last = interval
    third = _MOD_THIRDS.get(mod or "")
    if third is None or first is None or last is None or first == last:
        return interval
    if _is_decade(first, last):  # "the early 1990s": 1990-1993, mid 1994-1996, late 1997-1999
        lo, hi = ((0, 3), (4, 6), (7, 9))[third]
        return (date(first.year + lo, 1, 1), date(first.year + hi, 12, 31))
    if interval_value(interval) is None:
        return interval
    if first.year == last.year and first.month == last.month:  # a month: days 1-10, 11-20, 21-end
        lo = first.replace(day=1 + 10 * third)
        return (lo, last if third == 2 else lo.replace(day=10 + 10 * third))
    if (last - first).days >= 364 and first.year == last.year:  # a year: Jan-Apr, May-Aug, Sep-Dec
        lo = first.replace(month=1 + 4 * third)
        end_month = 4 + 4 * third
        return (lo, last.replace(month=end_month, day=calendar.monthrange(last.year, end_month)[1]))
    return interval

