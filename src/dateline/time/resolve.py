"""Step two of normalization: fix an underspecified value against its anchor.

The resolver is pure: ``resolve(under, context)`` depends only on its arguments.
The context holds the publication date, the story's current reference time (an
interval set by the previous resolved date) and the tense of the clause.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from . import calendar as cal
from .under import Under

PAST, PRESENT, FUTURE = -1, 0, 1
_FINE_REF = ("quarter", "half", "month")
_YEAR_OR_FINER = ("year", "half", "quarter", "season", "month", "week", "weekend", "day", "time")
# Days by which a reading in the reference's own year is preferred: "by December" after
# "June 4, 2019" is December 2019, not the slightly closer December 2018 (90 is best on te3-train).
SAME_YEAR_BONUS = 90
# A present-tense bare weekday is the coming one only if it is this many days nearer than the
# past one: "Arafat meet Monday" on a Friday is the coming Monday, "Thursday" on a Monday the
# past one (te3-train: 2 gains, no losses; 0 days loses 3 past readings).
PRESENT_WEEKDAY_MARGIN = 2
TENSE_SLACK = 31  # days a past-tense date may lie after publication (and a future one before)


@dataclass(frozen=True)
class Context:
    """What an expression is resolved against."""

    published: dt.date | None = None
    story: cal.Interval | None = None  # the narrative's current reference time
    story_gran: str | None = None
    story_id: str | None = None  # the timex that set it
    tense: int = PRESENT
    started_before: bool = False  # "since November": the date cannot lie after publication
    story_clock: str | None = None  # HH:MM when the story's last step was a clock time ("6:40 p.m.")
    scheduled: bool = False  # a present-simple, non-reporting verb: a schedule ("closes ... on Thursday")
    perfect: bool = False  # a present-perfect clause ("have gathered evidence in the October slaying")
    narrates: bool = False  # a simple-past clause with no past perfect near: the story goes forward


@dataclass(frozen=True)
class Resolved:
    """A resolved TIMEX3 value with its interval (ISO days; None = open end)."""

    value: str
    granularity: str | None = None
    interval: tuple[str | None, str | None] | None = None
    anchor: str | None = None
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None


def resolve(under: Under, ctx: Context) -> Resolved:
    """Resolve any kind of underspecified value."""
    if under.kind == "ref":
        return resolve_ref(under, ctx)
    if under.kind == "duration":
        try:
            return resolve_duration(under, ctx)
        except (OverflowError, ValueError):  # its interval would pass year 1 or 9999: value only
            return Resolved(duration_value(under.dur_n, under.dur_unit or "D"), None, None, None, under.mod)
    if under.kind == "set":
        return resolve_set(under)
    try:
        return resolve_point(under, ctx)
    except (OverflowError, ValueError):
        # arithmetic past the calendar's ends (year 0, year 10000: "last summer" from
        # 0001-01-01) cannot be written as a date: leave the expression unresolved
        gran = _granularity(under, ctx)
        return Resolved(unresolved_value(under, gran), gran, None, None, under.mod)


# ---- references, durations, sets ------------------------------------------------

def resolve_ref(under: Under, ctx: Context) -> Resolved:
    """PAST_REF / PRESENT_REF / FUTURE_REF: intervals open towards the past or future."""
    value = under.ref or "PRESENT_REF"
    if ctx.published is None:
        return Resolved(value, None, None, None, under.mod)
    day = ctx.published.isoformat()
    interval = {"PAST_REF": (None, day), "FUTURE_REF": (day, None)}.get(value, (day, day))
    return Resolved(value, None, interval, "DCT", under.mod)


def duration_value(n: float | None, unit: str) -> str:
    """P2W, P18M, PT3H, P10Y (decade), PXY (unknown count); fractions use the next smaller unit."""
    scale = {"DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y"), "WE": (2, "D"), "S": (3, "M")}
    if unit in scale:
        factor, unit = scale[unit]
        n = None if n is None else n * factor
    clock = unit.startswith("T")
    letter = unit[1:] if clock else unit
    prefix = "PT" if clock else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if n != int(n):
        smaller = {"Y": (12, "M"), "D": (24, "TH"), "TH": (60, "TM"), "Q": (3, "M"), "TM": (60, "TS")}
        if unit in smaller and (n * smaller[unit][0]) == int(n * smaller[unit][0]):
            if n >= 2:  # "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M, as TimeBank writes them
                return _compound(int(n), unit, (n - int(n)) * smaller[unit][0], smaller[unit][1])
            return duration_value(n * smaller[unit][0], smaller[unit][1])  # "a year and a half" = P18M
        return f"{prefix}{n:g}{letter}"
    return f"{prefix}{int(n)}{letter}"


def _compound(whole: int, unit: str, rest: float, small: str) -> str:
    """P2Y6M / PT5H30M / P2DT12H: a whole count of one unit and the rest in the next smaller one."""
    big = duration_value(whole, unit)
    rest_value = duration_value(rest, small)
    if rest_value.startswith("PT") and not big.startswith("PT"):
        return big + rest_value[1:]  # P2D + PT12H = P2DT12H
    return big + rest_value[2 if rest_value.startswith("PT") else 1:]


def duration_interval(n: float | None, unit: str, span: int, anchor: dt.date) -> tuple[str | None, str | None]:
    """The days an anchored duration covers: 'the past 18 months' ends at the anchor."""
    if n is None:
        return (None, anchor.isoformat()) if span < 0 else (anchor.isoformat(), None)
    unit = {"DE": "DE", "CE": "CE", "ML": "ML"}.get(unit, unit)
    other = cal.shift(anchor, unit, n if span > 0 else -n)
    first, last = sorted((anchor, other))
    return first.isoformat(), last.isoformat()


def resolve_duration(under: Under, ctx: Context) -> Resolved:
    """A DURATION value; 'the past/next N units' also get the interval they cover."""
    unit = under.dur_unit or "D"
    value = duration_value(under.dur_n, unit)
    interval, anchor = None, None
    if under.span and ctx.published is not None:
        interval = duration_interval(under.dur_n, unit, under.span, ctx.published)
        anchor = "DCT"
    gran = cal.unit_granularity(unit)
    return Resolved(value, gran, interval, anchor, under.mod)


def resolve_set(under: Under) -> Resolved:
    """A SET value: a period (P1W) or a repeated calendar point (XXXX-WXX-2)."""
    if under.set_value:
        value = str(under.set_value)
    else:
        value = duration_value(under.dur_n if under.dur_n is not None else 1, under.dur_unit or "D")
    return Resolved(value, None, None, None, under.mod, under.quant, under.freq)


# ---- points in time ---------------------------------------------------------------

def _anchor(under: Under, ctx: Context) -> tuple[cal.Interval | None, str | None]:
    """The interval an expression is read against and its label (DCT or a timex id)."""
    if under.anchor == "story" and ctx.story is not None and not past_leaves_future_story(ctx) \
            and not future_leaves_past_period(under, ctx):
        return ctx.story, ctx.story_id or "DCT"
    if under.anchor == "story" and ctx.published is None:
        return None, None
    if ctx.published is None:
        return None, None
    return (ctx.published, ctx.published), "DCT"


def past_leaves_future_story(ctx: Context) -> bool:
    """A past (or 'since') clause cannot be read in a story time that lies after publication.

    "It expects revenue to grow in fiscal 2026. Shares have fallen since the start of the
    year": the year is the publication's, not 2026.
    """
    if ctx.published is None or ctx.story is None or ctx.story[0] <= ctx.published:
        return False
    return ctx.tense == PAST or ctx.started_before


def future_leaves_past_period(under: Under, ctx: Context) -> bool:
    """A prospective clause names the current year of the time of writing,
    not of a past story: 'hoped to reopen by the end of the year' after 'in November' in a
    January story is the new year."""
    if ctx.published is None or ctx.story is None or ctx.story[1] >= ctx.published:
        return False
    return ctx.tense == FUTURE and under.shift_n == 0 and under.shift_unit == "Y"


def _granularity(under: Under, ctx: Context) -> str:
    """The granularity of the value a point resolves to: its words' own, the unit of its
    shift, or the story's period it is compared with ('$3 million last year' after a
    quarter: a quarter)."""
    gran = under.gran or "day"
    if gran in ("unit", "unitday"):
        unit = under.shift_unit or "D"
        if gran == "unitday" and unit == "W":
            return "day"  # "two weeks before" names a day, not an ISO week
        if unit in ("DE", "CE") and under.shift_n and under.anchor == "story" \
                and ctx.story_gran in _YEAR_OR_FINER and ctx.story_id not in (None, "DCT"):
            return "year"  # "two decades later" after "in 1960" is a year (1980), not the 1970s
        return cal.unit_granularity(unit)
    if gran == "ref":
        return ctx.story_gran if ctx.story_gran in _FINE_REF else "year"
    return gran


def has_calendar_fields(under: Under) -> bool:
    """True when the words name a month, quarter, season, half, holiday or weekday."""
    return any(x is not None for x in (under.month, under.quarter, under.half, under.season,
                                       under.holiday, under.weekday))


def fields_interval(under: Under, year: int) -> cal.Interval | None:
    """The period the calendar fields name within ``year`` (None if impossible)."""
    if not 1 <= year <= 9998:  # 9998: a winter runs into the next year
        return None
    if under.holiday:
        day = holiday_date(under.holiday, year)
        return (day, day) if day else None
    if under.month is not None and under.day is not None:
        day = cal.safe_date(year, under.month, under.day)
        return (day, day) if day else None
    if under.month is not None:
        return cal.period_interval(dt.date(year, under.month, 1), "month")
    if under.quarter is not None and 1 <= under.quarter <= 4:
        return cal.period_interval(dt.date(year, 3 * under.quarter - 2, 1), "quarter")
    if under.half is not None and under.half in (1, 2):
        return cal.period_interval(dt.date(year, 6 * under.half - 5, 1), "half")
    if under.season is not None:
        return cal.season_interval(year, under.season)
    return None


def holiday_date(code: str, year: int) -> dt.date | None:
    """'12-25' -> Dec 25 of ``year``; '11-4-4' -> the 4th Thursday of November."""
    parts = code.split("-")
    if len(parts) == 2:
        return cal.safe_date(year, int(parts[0]), int(parts[1]))
    month, weekday, nth = int(parts[0]), int(parts[1]), int(code.split("-", 2)[2])
    return cal.nth_weekday(year, month, weekday, nth)


def closest_year(under: Under, ref: cal.Interval, published: dt.date | None, tense: int,
                 slack: int = TENSE_SLACK, done: bool = False, narrates: bool = False) -> int | None:
    """The year whose reading of the fields lies closest to ``ref``, consistent with tense.

    Past tense rules out readings that start well after publication (more than
    TENSE_SLACK days: deadlines a few weeks ahead are often told in the past tense,
    "set Nov. 10 as the deadline"), future tense readings that end well before it. ``done``
    (a present-perfect clause) rules out the late readings as the past tense does, but the
    reading stays near ``ref``.
    A reading in the reference's own year is preferred by SAME_YEAR_BONUS days; ties go
    to the reading nearer publication.
    """
    options = []
    for year in (ref[0].year - 1, ref[0].year, ref[0].year + 1):
        if not 1 <= year <= 9999:
            continue
        span = fields_interval(under, year)
        if span is not None:
            options.append((year, span))
    if published is not None:
        if tense == PAST or done:
            kept = [o for o in options if (o[1][0] - published).days <= slack]
        elif tense == FUTURE:
            kept = [o for o in options if (published - o[1][1]).days <= TENSE_SLACK]
        else:
            kept = options
        options = kept or options
        if narrates:
            options = forward_options(options, ref, published)
    if not options:
        return None
    near = (published, published) if published is not None else ref

    def cost(option: tuple[int, cal.Interval]) -> tuple[int, int]:
        year, span = option
        bonus = SAME_YEAR_BONUS if year == ref[0].year else 0
        return cal.distance(span, ref) - bonus, cal.distance(span, near)  # ties: nearer publication

    return min(options, key=cost)[0]


def forward_options(options: list[tuple[int, cal.Interval]], ref: cal.Interval,
                    published: dt.date) -> list[tuple[int, cal.Interval]]:
    """A simple-past clause after a date of an earlier year than publication goes on from it:
    'Elian arrived April 2' after 'Nov. 25, 1999' in a June 2000 story is April 2000, which lies
    between that date and publication, not the April before it. A step back in the story is
    told in the past perfect ('On March 2 he had been questioned', after 'March 7 last year').
    Readings that end before the reference are dropped only when one lies between it and
    publication; a reading inside the reference ('Oct. 12' after 'October 2020') stays."""
    if ref[1].year >= published.year or not any(ref[1] < o[1][0] and o[1][1] <= published for o in options):
        return options
    return [o for o in options if o[1][1] >= ref[0]]


def directed_year(under: Under, anchor: dt.date, direction: int) -> int | None:
    """'last April' / 'next fall' / 'this summer': the year of the named period."""
    if direction == 0:
        return anchor.year
    current = cal.period_interval(anchor, "season" if under.season else "month")
    for year in (range(anchor.year, anchor.year - 3, -1) if direction < 0 else range(anchor.year, anchor.year + 3)):
        span = fields_interval(under, year)
        if span is None:
            continue
        if (direction < 0 and span[1] < current[0]) or (direction > 0 and span[0] > current[1]):
            return year
    return None


def year_reference(anchor: cal.Interval, ctx: Context) -> cal.Interval:
    """What a yearless date ('March 2', 'the third quarter') is read near.

    Past-tense narration continues the story's time line; present and future
    statements are about the time of writing, so they are read near publication.
    """
    if ctx.tense == PAST or ctx.published is None:
        return anchor
    return ctx.published, ctx.published


def last_completed(under: Under, ctx: Context) -> bool:
    """'the quarter' while the story is in no quarter: the last one reported, unless it is told
    in the future ('a gain of $30 million in the quarter' in a report is a past quarter's).

    'the year-ago quarter' (a shift of a year) compares with that quarter whatever the tense.
    """
    past = ctx.tense != FUTURE or under.shift_unit == "Y"
    return (under.completed == "Q" and past and ctx.story_gran not in _FINE_REF
            and ctx.published is not None)


def point_day(under: Under, ctx: Context, anchor: cal.Interval) -> tuple[dt.date | None, str]:
    """The day (or a day of the period) an anchored point names, and its granularity."""
    gran = _granularity(under, ctx)
    base = anchor[0]
    if under.ended:
        return quarter_ended(under, ctx, anchor), "quarter"
    if last_completed(under, ctx):
        years = under.shift_n if under.shift_unit == "Y" and under.shift_n else 0
        return cal.shift(cal.shift(ctx.published, "Q", -1), "Y", years), "quarter"
    if under.shift_unit is not None:
        if under.shift_n is None:
            return None, gran
        if under.shift_unit == "WE":
            base = cal.shift(base, "W", under.shift_n)
            if under.shift_n == 0 and under.direction is None and ctx.tense != FUTURE and base.isoweekday() < 6 \
                    and not (ctx.tense == PRESENT and weekend_ahead(base)):
                # "the weekend" told in the past: the one before; in the present, the nearer
                # one as for a bare weekday (on a Friday, "stock up over the weekend" is ahead)
                base = cal.shift(base, "W", -1)
            return base, "weekend"
        base = cal.shift(base, under.shift_unit, under.shift_n)
    if under.in_year is not None:
        base = cal.shift(base, "Y", under.in_year - base.year)
    if under.dayword is not None:
        base = base + dt.timedelta(days=under.dayword)
    if under.weekday is not None and under.month is None:
        return weekday_day(under, ctx, anchor, base), gran
    if has_calendar_fields(under):
        year = fields_year(under, ctx, anchor, base)
        span = fields_interval(under, year) if year else None
        return (span[0] if span else None), gran
    return base, gran


def weekday_day(under: Under, ctx: Context, anchor: cal.Interval, base: dt.date) -> dt.date:
    """The day a weekday names from ``base`` (the anchor's day after any shift): in the week
    a shift names ('Tuesday next week'), the coming or past one a word says ('next Tuesday',
    'last Tuesday'), or else the one the clause's tense points to. A bare weekday in a
    present clause read from publication is the coming one for a schedule, else the nearer."""
    if under.shift_unit == "W":
        return cal.weekday_near(base, under.weekday, 0)
    direction = under.direction
    if direction is None and ctx.tense == PRESENT and anchor[0] == ctx.published:
        if ctx.scheduled:
            return cal.weekday_near(base, under.weekday, 1)
        return present_weekday(base, under.weekday)
    if direction is None:
        direction = 1 if ctx.tense == FUTURE else -1
    else:
        direction = {-1: -2, 1: 2, 0: 0}[direction]
    return cal.weekday_near(base, under.weekday, direction)


def fields_year(under: Under, ctx: Context, anchor: cal.Interval, base: dt.date) -> int | None:
    """The year of a date named by calendar fields with no year ('March 2', 'the third
    quarter'): the shifted anchor's ('March 2 a year earlier'), the one a word says ('last
    April'), or the reading nearest the reference that the clause's tense allows."""
    if under.shift_unit is not None:
        return base.year
    if under.direction is not None:
        return directed_year(under, base, under.direction)
    slack = 0 if ctx.started_before else TENSE_SLACK
    return closest_year(under, year_reference(anchor, ctx), ctx.published, ctx.tense, slack, ctx.perfect,
                        ctx.narrates)


# Days back from a quarter's last day to a day inside the calendar quarter that holds most of it.
QUARTER_MIDDLE = 45


def quarter_ended(under: Under, ctx: Context, anchor: cal.Interval) -> dt.date | None:
    """'the quarter ended July 31': a day of the calendar quarter holding most of the three
    months that end on that day (May-July: the second quarter).

    Right after a quarter the story names ('its fiscal first quarter ... the quarter ended
    Sept. 30') it is that quarter: a fiscal quarter keeps the number the company gives it.
    """
    if ctx.story_gran == "quarter" and ctx.story_id not in (None, "DCT"):
        return anchor[0]
    year = closest_year(under, year_reference(anchor, ctx), ctx.published, ctx.tense)
    last = cal.safe_date(year, under.month or 1, under.day or 1) if year else None
    return last - dt.timedelta(days=QUARTER_MIDDLE) if last else None


def clock_step_applies(under: Under, ctx: Context, label: str | None) -> bool:
    """'30 minutes later', 'two hours earlier' right after a clock time of the story."""
    return (under.anchor == "story" and under.shift_unit in ("TH", "TM") and under.shift_n is not None
            and ctx.story_clock is not None and label not in (None, "DCT"))


def clock_step(under: Under, ctx: Context, day: dt.date, label: str | None) -> Resolved:
    """A clock time measured from the story's clock time: '6:40 p.m. ... 30 minutes later' is T19:10."""
    hour, minute = (int(x) for x in (ctx.story_clock or "00:00").split(":"))
    moment = dt.datetime.combine(day, dt.time(0, 0)) + dt.timedelta(hours=hour, minutes=minute)
    moment += dt.timedelta(hours=under.shift_n) if under.shift_unit == "TH" else dt.timedelta(minutes=under.shift_n)
    date = moment.date().isoformat()
    return Resolved(f"{date}T{moment:%H:%M}", "time", (date, date), label, under.mod)


_COARSE = ("month", "quarter", "half", "season", "year")


def day_in_coarse_story(under: Under, ctx: Context, label: str | None) -> bool:
    """'that day', 'the same day' when the story only knows a month or a year: the day is unknown."""
    return (under.anchor == "story" and under.shift_unit == "D" and under.shift_n == 0
            and under.clock is None and under.pod is None and ctx.story is not None
            and ctx.story_gran in _COARSE and label not in (None, "DCT"))


def day_of_coarse_story(under: Under, ctx: Context, label: str | None) -> Resolved:
    """'that same day' after 'in October 1998': 1998-10-XX, somewhere in the story's period."""
    first, last = ctx.story
    prefix = f"{first.year:04d}-{first.month:02d}" if ctx.story_gran == "month" else f"{first.year:04d}-XX"
    return Resolved(f"{prefix}-XX", "day", (first.isoformat(), last.isoformat()), label, under.mod)


def later_without_anchor(under: Under, label: str | None) -> bool:
    """'two days later', 'the next day' when no date has been told: the publication date is
    the time of writing, not a time of the story, so nothing says what they follow."""
    return under.anchor == "story" and label == "DCT" and (under.shift_n or 0) > 0 and under.in_year is None


def past_after_publication(under: Under, ctx: Context, first: dt.date) -> bool:
    """A step along the story told in the past tense that lands after publication (more than
    TENSE_SLACK days): '200 years later' measured from a date the story only plans. The tense
    is the better witness: the anchor was the wrong one."""
    return (under.anchor == "story" and under.shift_unit is not None and ctx.tense == PAST
            and ctx.published is not None and (first - ctx.published).days > TENSE_SLACK)


def unanchored(under: Under, gran: str) -> Resolved:
    """A step along the story whose anchor cannot be trusted: X digits and no interval, as for
    any value nothing anchors (the events layer still bounds a past clause by publication)."""
    return Resolved(unresolved_value(under, gran), gran, None, None, under.mod)


def weekend_ahead(day: dt.date) -> bool:
    """In a present-tense clause, whether "the weekend" is the coming one: clearly nearer
    than the one just past, with the margin bare weekdays get (on a Friday, yes)."""
    ahead = 6 - day.isoweekday()  # days to Saturday
    back = day.isoweekday()  # days since Sunday
    return ahead < back - PRESENT_WEEKDAY_MARGIN


def present_weekday(anchor: dt.date, weekday: int) -> dt.date:
    """A bare weekday in a present-tense clause ('they meet Monday'): the coming one only when clearly nearer.

    News tells the recent past in the present too ("Bush says Thursday"), so the past
    reading keeps the tie and a margin of PRESENT_WEEKDAY_MARGIN days.
    """
    back = cal.weekday_near(anchor, weekday, -1)
    ahead = cal.weekday_near(anchor, weekday, 1)
    return ahead if (ahead - anchor).days < (anchor - back).days - PRESENT_WEEKDAY_MARGIN else back


def _explicit_day(under: Under) -> tuple[dt.date | None, str] | None:
    """A point fixed by its own words (an explicit year, decade or century), or None."""
    gran = under.gran or "day"
    if under.year is not None and under.shift_unit is None:
        if not 1 <= under.year <= 9999:
            return None, gran
        if has_calendar_fields(under):
            span = fields_interval(under, under.year)
            return (span[0] if span else None), gran
        return dt.date(under.year, 1, 1), gran
    if under.decade is not None and under.shift_unit is None:
        return (dt.date(under.decade * 10, 1, 1) if under.decade > 0 else None), "decade"
    if under.century is not None and under.shift_unit is None:
        return (dt.date(max(under.century * 100, 1), 1, 1) if under.century >= 0 else None), "century"
    return None


def unresolved_value(under: Under, gran: str) -> str:
    """A value with X digits for what no anchor could fix ('XXXX-03-02', 'XXXX-WXX-2')."""
    year = f"{under.year:04d}" if under.year is not None else "XXXX"
    if under.holiday and len(under.holiday.split("-")) == 2:
        value = f"{year}-{under.holiday}"
    elif under.month is not None and under.day is not None:
        value = f"{year}-{under.month:02d}-{under.day:02d}"
    elif under.month is not None:
        value = f"{year}-{under.month:02d}"
    elif under.quarter is not None:
        value = f"{year}-Q{under.quarter}"
    elif under.half is not None:
        value = f"{year}-H{under.half}"
    elif under.season is not None:
        value = f"{year}-{under.season}"
    elif under.weekday is not None:
        value = f"{year}-WXX-{under.weekday}"
    else:
        value = {"day": "XXXX-XX-XX", "time": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
                 "month": "XXXX-XX", "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX",
                 "year": "XXXX", "decade": "XXX", "century": "XX"}.get(gran, "XXXX-XX-XX")
    return value + time_suffix(under)


def time_suffix(under: Under) -> str:
    """'T10:30', 'T10:30-05:00' (with a zone) or 'TMO' for times of day; '' otherwise."""
    if under.clock:
        return "T" + under.clock  # TimeBank values are local times: the zone is not appended
    if under.pod:
        return "T" + under.pod
    return ""


def fiscal_year(under: Under) -> Resolved:
    """'fiscal 2024', 'FY2024': value FY2024 (the TIDES/TimeML fiscal-year form).

    Its days depend on the organisation (US federal FY2024: Oct 2023 - Sep 2024; Japan's
    fiscal 2024: Apr 2024 - Mar 2025), so no calendar year is assumed: the interval holds
    every day a fiscal year named Y can cover, named after the year it ends in or the
    year it starts in: January 1 of Y-1 to December 31 of Y+1.
    """
    year = under.year or 0
    if not 2 <= year <= 9998:
        return Resolved(f"FY{year:04d}", "year", None, None, under.mod)
    return Resolved(f"FY{year:04d}", "year", (f"{year - 1:04d}-01-01", f"{year + 1:04d}-12-31"), None, under.mod)


def resolve_point(under: Under, ctx: Context) -> Resolved:
    """A DATE or TIME: a calendar point fixed by its words, the publication date or the story."""
    if under.fiscal and under.year is not None and under.shift_unit is None:
        return fiscal_year(under)
    if under.shift_unit is not None and under.shift_n is None and under.shift_sign and ctx.published:
        if few_minutes_on_story_day(under, ctx):
            return story_day(under, ctx)
        # "several years ago", "a few days later": somewhere before / after, as TimeML says;
        # a step told in the past ("went down a few days later") is still before publication
        after = under.shift_sign > 0 and not (under.anchor == "story" and ctx.tense == PAST)
        return resolve_ref(Under("ref", ref="FUTURE_REF" if after else "PAST_REF", mod=under.mod), ctx)
    if under.anchor == "period":
        under = period_comparison(under, ctx)
    explicit = _explicit_day(under)
    label = None
    if explicit is not None:
        day, gran = explicit
    else:
        anchor, label = _anchor(under, ctx)
        if anchor is None:
            gran = _granularity(under, ctx)
            return Resolved(unresolved_value(under, gran), gran, None, None, under.mod)
        if under.clock and under.weekday is None and under.dayword is None and under.month is None \
                and under.shift_unit is None and under.anchor == "story" and ctx.story_gran not in ("day", "time") \
                and ctx.published:
            # a bare clock time while the story is on no single day ('at 9 a.m.' after 'in March'):
            # the day of publication
            anchor, label = (ctx.published, ctx.published), "DCT"
        if clock_step_applies(under, ctx, label):
            return clock_step(under, ctx, anchor[0], label)
        if day_in_coarse_story(under, ctx, label):
            return day_of_coarse_story(under, ctx, label)
        day, gran = point_day(under, ctx, anchor)
    if day is not None and under.day_offset:
        day = day + dt.timedelta(days=under.day_offset)  # 'the day before last Tuesday'
    if day is None:
        return Resolved(unresolved_value(under, gran), gran, None, label, under.mod)
    period = "day" if gran == "time" else gran
    if end_not_reached(under, ctx, day, period):
        day = cal.shift(day, under.shift_unit or "Y", -1)
    value = cal.period_value(day, period)
    first, last = cal.period_interval(day, period)
    if later_without_anchor(under, label) or past_after_publication(under, ctx, first):
        return unanchored(under, gran)
    if under.clock or under.pod:
        value = cal.period_value(day, "day") + time_suffix(under)
        first = last = day
        gran = "time"
    return Resolved(value, gran, (first.isoformat(), last.isoformat()), label, under.mod)


def few_minutes_on_story_day(under: Under, ctx: Context) -> bool:
    """'a few minutes later', 'some hours earlier' right after a day (or a time) of the story:
    the count is unknown, but minutes and hours from a told day stay on that day."""
    return (under.anchor == "story" and under.shift_unit in ("TM", "TH") and ctx.story is not None
            and ctx.story_gran in ("day", "time") and ctx.story_id not in (None, "DCT"))


def story_day(under: Under, ctx: Context) -> Resolved:
    """The day of the story's reference time, as a DATE of that day."""
    day = ctx.story[0]
    return Resolved(day.isoformat(), "day", (day.isoformat(), day.isoformat()), ctx.story_id, under.mod)


def end_not_reached(under: Under, ctx: Context, day: dt.date, period: str) -> bool:
    """'Since year-end' in October: the end of a period that is still running at publication
    cannot be where a span that reaches publication starts; it is the end of the one before."""
    if not (ctx.started_before and ctx.published and under.mod == "END" and under.shift_n == 0
            and under.shift_unit in ("Y", "Q", "M", "H")):
        return False
    return cal.period_interval(day, period)[1] >= ctx.published


def period_comparison(under: Under, ctx: Context) -> Under:
    """'compared with $3 million last year' after the story's third quarter: the same quarter a
    year before (1988-Q3 in a 1989 third-quarter report), as 'a year ago' is.

    Only when the story's period (a quarter, half or month) lies in the publication year;
    otherwise 'last year' is the calendar year before publication.
    """
    story = ctx.story
    if story is not None and ctx.published is not None and ctx.story_gran in _FINE_REF \
            and ctx.story_id not in (None, "DCT") and story[0].year == ctx.published.year:
        return replace(under, anchor="story", gran="ref")
    return replace(under, anchor="dct", gran="year")


def resolve_age(under: Under, birth: dt.date, label: str) -> Resolved:
    """'at age 12' after a birth date (March 3, 1938): the year of the 12th birthday (1950);
    the interval is the year of life it names (1950-03-03 to 1951-03-02)."""
    years = int(under.shift_n or 0)
    first = cal.shift(birth, "Y", years)
    last = cal.shift(birth, "Y", years + 1) - dt.timedelta(days=1)
    return Resolved(f"{first.year:04d}", "year", (first.isoformat(), last.isoformat()), label, under.mod)
