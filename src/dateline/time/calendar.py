"""Pure calendar arithmetic for the resolver: shifting, periods, values, intervals.

Every function here is small and pure (dates in, dates or strings out) and has a
table of cases in tests/time/test_calendar.py.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt

Interval = tuple[dt.date, dt.date]

MIN_DATE = dt.date(1, 1, 1)
MAX_DATE = dt.date(9999, 12, 31)
SEASONS = ("SP", "SU", "FA", "WI")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_MONTHS_PER = {"M": 1, "Q": 3, "H": 6, "S": 3, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}
_DAYS_PER = {"D": 1, "W": 7, "WE": 7}


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day (Jan 31 + 1 = Feb 28/29)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:  # not clamped: year 1 for "5000 years ago" would be a wrong answer
        raise OverflowError(f"year {year} is out of range")
    last = _cal.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, unit: str, n: float) -> dt.date:
    """``day`` moved by ``n`` units (D W WE M Q H S Y DE CE ML; clock units move whole days).

    Past year 1 or 9999 it raises OverflowError (or ValueError): a clamped day would be a
    wrong answer ("tomorrow" of 9999-12-31); the resolver leaves such expressions unresolved.
    """
    if unit in _DAYS_PER:
        return day + dt.timedelta(days=round(n * _DAYS_PER[unit]))
    if unit in _MONTHS_PER:
        return add_months(day, round(n * _MONTHS_PER[unit]))
    if unit in ("TH", "TM", "TS"):
        seconds = n * {"TH": 3600, "TM": 60, "TS": 1}[unit]
        return day + dt.timedelta(days=int(seconds // 86400))
    raise ValueError(f"unknown unit {unit!r}")


def season_of(day: dt.date) -> tuple[int, str]:
    """(season year, season code); winter belongs to the year it starts in (Dec)."""
    if day.month in (1, 2):
        return day.year - 1, "WI"
    return day.year, SEASONS[(day.month - 3) // 3]


def season_interval(year: int, season: str) -> Interval:
    """First and last day of a meteorological season (SP Mar-May ... WI Dec-Feb)."""
    first = dt.date(year, _SEASON_START[season], 1)
    return first, add_months(first, 3) - dt.timedelta(days=1)


def period_interval(day: dt.date, gran: str) -> Interval:
    """The period of granularity ``gran`` that contains ``day``."""
    if gran in ("day", "time"):
        return day, day
    if gran == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if gran == "weekend":
        saturday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=5)
        return saturday, saturday + dt.timedelta(days=1)
    if gran == "season":
        return season_interval(*season_of(day))
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[gran]
    if gran == "decade":
        first = dt.date(max(day.year // 10 * 10, 1), 1, 1)
    elif gran == "century":
        first = dt.date(max(day.year // 100 * 100, 1), 1, 1)
    else:
        first = dt.date(day.year, (day.month - 1) // months * months + 1, 1)
    last = add_months(first, months) - dt.timedelta(days=1) if first.year < 9990 else MAX_DATE
    return first, last


def period_value(day: dt.date, gran: str) -> str:
    """The TimeML value of the ``gran`` period containing ``day`` (2022-03-07, 2022-W10, 2022-Q1...)."""
    if gran in ("day", "time"):
        return day.isoformat()
    if gran in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if gran == "weekend" else "")
    if gran == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if gran == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if gran == "season":
        year, season = season_of(day)
        return f"{year:04d}-{season}"
    if gran == "year":
        return f"{day.year:04d}"
    if gran == "decade":
        return f"{day.year // 10:03d}"
    if gran == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"unknown granularity {gran!r}")


def unit_granularity(unit: str) -> str:
    """The granularity a shift unit names ('W' -> week, 'DE' -> decade, 'TH' -> time)."""
    return {"D": "day", "W": "week", "WE": "weekend", "M": "month", "Q": "quarter", "H": "half",
            "S": "season", "Y": "year", "DE": "decade", "CE": "century", "ML": "century",
            "TH": "time", "TM": "time", "TS": "time"}.get(unit, "day")


def weekday_near(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The ISO ``weekday`` (1 = Monday) near ``anchor``.

    direction -1: on or before the anchor; 1: on or after it; -2 / 2: strictly
    before / after ("last Friday", "next Friday"); 0: in the anchor's own ISO week.
    """
    delta = weekday - anchor.isoweekday()
    if direction == 0:
        return anchor + dt.timedelta(days=delta)
    if direction < 0:
        back = (-delta) % 7
        if direction == -2 and back == 0:
            back = 7
        return anchor - dt.timedelta(days=back)
    ahead = delta % 7
    if direction == 2 and ahead == 0:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ISO ``weekday`` of a month (nth -1 = the last one): Thanksgiving = (11, 4, 4)."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year, month, _cal.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def distance(a: Interval, b: Interval) -> int:
    """Days between two intervals (0 when they overlap)."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (Feb 30, year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
