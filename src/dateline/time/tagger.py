"""The time tagger: rules find expressions, the resolver fixes them in story order.

Expressions are resolved left to right.  Each resolved calendar date becomes the
story's current reference time, so "March 2" after "March 7 last year" is read in
2022, while "yesterday" and "last week" stay tied to the publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..types import Timex
from .calendar import safe_date, unit_granularity
from .lexicon import load_lexicon
from .resolve import PAST, Context, Resolved, resolve, resolve_age, unresolved_value
from .rules import Candidate, candidates, select
from .tense import Governor, governor_of, markers, past_perfect_near, present_perfect, reported_deadline, scheduled_present, \
    since_cue, tense_at, verb_modifies_noun
from .under import Under, build

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# Granularities fine enough to become the story's reference time.
STORY_GRANULARITIES = ("day", "time", "week", "weekend", "month", "quarter", "half", "season", "year")
# How many characters after a bare year ("founded in 2019") it stays the story's reference:
# about the rest of its sentence and the next.  Measured on te3-train, a bare year that
# stays the reference for the whole article pulls later yearless dates away from the
# publication year more often than it helps.
YEAR_REFERENCE_REACH = 250
# A named date further than this from publication ("Dec. 2, 1956" in a 2000 story) is
# background: it is the story's reference only briefly.
DISTANT_DAYS = 730
DISTANT_REACH = 60  # ... and only to the end of about its clause (best on te3-train: 0.7966 vs 0.7944 at 250)


@dataclass(frozen=True)
class Story:
    """The narrative's current reference time: the last resolved calendar date."""

    interval: tuple[dt.date, dt.date] | None = None
    granularity: str | None = None
    timex_id: str | None = None
    expires: int | None = None  # a bare year is the reference only this far into the text
    fallback: "Story | None" = None  # the reference time before the bare year
    clock: str | None = None  # HH:MM when the last step of the story was a clock time on its day


def parse_published(published: str | None) -> dt.date | None:
    """The publication date as a date, or None when missing or not YYYY-MM-DD."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def next_story(story: Story, timex: Timex, under: Under, bound: bool = False,
               published: dt.date | None = None) -> Story:
    """The reference time after ``timex``: a resolved calendar date moves it.

    ``bound``: the year is the bound of a span ("since 1990", "by 1994"), not a setting.
    """
    if under.kind != "point" or timex.interval is None or timex.granularity not in STORY_GRANULARITIES:
        return story
    if bound and is_bare_year(under):
        return story
    first, last = timex.interval
    if first is None or last is None or not moves_story(under):
        return story
    interval = (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    distant = published is not None and abs((interval[0] - published).days) > DISTANT_DAYS
    expires = None
    if distant:  # background, bare year or not ("the close of 1969 equaling 100")
        expires = timex.end + DISTANT_REACH
    elif is_bare_year(under):
        expires = timex.end + YEAR_REFERENCE_REACH
    fallback = story if expires is not None else None
    if story.expires is not None:
        fallback = story.fallback  # a bare year never stands in for another bare year
    return Story(interval, timex.granularity, timex.id, expires, fallback)


_CLOCK_VALUE = re.compile(r"T\d\d:\d\d$")


def clock_story(before: Story, after: Story, timex: Timex, under: Under) -> Story:
    """The story after a clock time: it keeps the clock, so '30 minutes later' is a time too.

    A clock time read on the story's day ("at about 6:40 p.m.") leaves the day as it was;
    one with its own date ("9 a.m. Tuesday") has already moved the story to that date.
    """
    if not under.clock or not _CLOCK_VALUE.search(timex.value):
        return after
    if after is not before:
        return replace(after, clock=under.clock)
    if before.timex_id is not None and timex.anchor == before.timex_id:
        return replace(before, timex_id=timex.id, clock=under.clock)
    return after


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def is_bound(text: str, start: int) -> bool:
    """True when the word before ``start`` makes a date the bound of a span ('since', 'by')."""
    m = _WORD_BEFORE.search(text[max(0, start - 20):start])
    return bool(m) and load_lexicon().value("span_bound", m.group(1)) is not None


_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+)?$", re.I)


def ends_period(text: str, start: int) -> bool:
    """True for the last day of a period just named: 'the quarter ended [Sept. 30]', 'the nine
    months ending [June 30]'. It dates the period; comparisons that follow ('a year earlier')
    are with the period, not with that day."""
    return bool(markers().period_end.search(text, max(0, start - 40), start))


def current_story(story: Story, position: int) -> Story:
    """The story's reference time at ``position``: a bare year's reach may have run out."""
    while story.expires is not None and position > story.expires:
        story = story.fallback or Story()
    return story


def is_bare_year(under: Under) -> bool:
    """'in 2019', 'fiscal 1998': a year with nothing finer."""
    return under.year is not None and not named_calendar_date(under)


def moves_story(under: Under) -> bool:
    """Whether a resolved date becomes the story's reference time.

    Named dates do (March 7, the third quarter, Friday, 2019); so do anaphoric steps
    along the story ("the next day", "two days later"), but not comparisons made
    in passing ("a year earlier", "year-ago") nor deictic asides ("last week").
    """
    if not under.moves or under.fiscal:  # a fiscal year has no fixed calendar days
        return False
    if named_calendar_date(under) or under.year is not None:
        return True
    if under.gran == "quarter" and under.shift_unit == "Q" and under.anchor == "dct":
        return True  # 'the latest quarter', 'last quarter': the period a report's figures are for
    if under.anchor != "story" or under.shift_unit is None:
        return False
    # a step of years moves the story only forward ("the following year", "two decades
    # later"); "a year earlier" is a comparison made in passing
    return under.shift_unit not in ("Y", "DE", "CE") or (under.shift_n or 0) > 0


def named_calendar_date(under: Under) -> bool:
    """True when the words name a period finer than a year (March 7, the third quarter, Friday).

    Asides measured from another time ("a year ago", "last week", "yesterday") do not
    move the story's reference time; measured on te3-train, letting them move it
    pulls later yearless dates to the wrong year.
    """
    finer = any(x is not None for x in (under.month, under.day, under.quarter, under.half,
                                        under.season, under.holiday))
    return finer or under.weekday is not None


def outside_mod(text: str, start: int) -> str | None:
    """The mod of an approximator just before an expression ("about [two weeks]" -> APPROX)."""
    m = _WORD_BEFORE.search(text[max(0, start - 20):start])
    return load_lexicon().value("qmod_outside", m.group(1)) if m else None


def starts_with_count(expression: str) -> bool:
    """True for '2 weeks', 'two years ago', 'a week', '1650' (not 'the weekend')."""
    first = expression.split(None, 1)[0].split("-")[0] if expression.strip() else ""
    return first[:1].isdigit() or load_lexicon().value("number", first) is not None


def make_timex(number: int, text: str, cand: Candidate, res: Resolved) -> Timex:
    """A Timex from a match and its resolution."""
    mod = res.mod
    kind = cand.rule.type
    if kind == "DATE" and _CLOCK_VALUE.search(res.value):
        kind = "TIME"  # a step of minutes or hours from a clock time of the story lands on a clock time
    if mod is None and cand.rule.type != "SET" and starts_with_count(text[cand.start:cand.end]):
        mod = outside_mod(text, cand.start)  # "about two weeks", not "over the weekend"
    end = cand.end
    if text.startswith(" or so", end) and not text[end + 6:end + 7].isalnum():
        end += 6  # 'the next two years or so': the approximation is part of the expression
    if mod is None and " or so" in text[cand.start:end]:
        mod = "APPROX"
    return Timex(
        id=f"T{number}", start=cand.start, end=end, text=text[cand.start:end],
        type=kind, value=res.value, mod=mod, interval=res.interval,
        anchor=res.anchor, rule=cand.rule.name, granularity=res.granularity,
        quant=res.quant, freq=res.freq,
    )


def names_real_day(cand: Candidate) -> bool:
    """False for a match that names a day its month does not have ("February 30", "April 31",
    "29 February 2015"): such a match is not read as that date.

    The rules then see the text as if the day number were any number, so a shorter match
    may remain ("2016" in "February 30, 2016"); nothing finer than what exists is emitted.
    A yearless "Feb. 29" exists (in leap years).
    """
    if not any(key == "d" for key, _ in cand.rule.spec):
        return True
    under = build(cand)
    if under.month is None or under.day is None:
        return True
    year = under.year if under.year is not None and 1 <= under.year <= 9999 else 2000  # 2000: a leap year
    return safe_date(year, under.month, under.day) is not None


def tag(text: str, published: str | None, doc: "Doc | None" = None) -> list[Timex]:
    """Find and resolve the TIMEX3 expressions of ``text`` published on ``published`` (YYYY-MM-DD)."""
    if not isinstance(text, str) or not text:
        return []
    day = parse_published(published)
    story = Story((day, day), "day", "DCT") if day else Story()
    timexes: list[Timex] = []
    background: Story | None = None  # the date of a noun modifier told since the story last moved
    background_end = 0
    birth: Timex | None = None  # the last birth date told ("born on March 3, 1938")
    aside: Timex | None = None  # the last timex, when a deictic date that left the story where it was
    chosen = select([c for c in candidates(text) if names_real_day(c)])
    for index, cand in enumerate(chosen):
        if cand.rule.type == "NONE":
            continue  # a trap ("1:48 left", "a quarter of its budget") holds its words from the rules
        under = build(cand)
        if under.anchor == "birth":  # "at age 12": a year only when a birth date was told
            if birth is not None and birth.interval and birth.interval[0]:
                res = resolve_age(under, dt.date.fromisoformat(birth.interval[0]), birth.id)
                timexes.append(make_timex(len(timexes) + 1, text, cand, res))
            continue
        story = current_story(story, cand.start)
        gov = governor_of(doc, cand.start, cand.end)  # looked up once, read by the tense helpers
        # A step ("two years later") follows the date told just before it, even one that only
        # describes a noun ("a drug approved in 2017 was withdrawn two years later").
        near = background is not None and same_sentence(text, background_end, cand.start)
        ref = background if (near and is_step(under)) or day_anaphor_of(background, background_end, under, cand) \
            else story
        if aside is not None and is_step(under) and under.shift_n and same_sentence(text, aside.end, cand.start) \
                and unit_granularity(under.shift_unit or "") == aside.granularity:
            # 'down from $450 million the year before', after 'last year': the year before that one
            ref = Story(aside_interval(aside), aside.granularity, aside.id)
        if day is not None and ref.interval is not None and ref.interval[1] < day and is_bare_clock(under) \
                and reported_deadline(gov.verb, text, cand.start):
            ref = Story((day, day), "day", "DCT")  # 'She said crews had restored power by noon': the statement's day
        if is_bare_clock(under) and measured_from_event(text, cand, chosen[index + 1:index + 2]):
            res = Resolved(unresolved_value(under, "time"), "time", None, None, under.mod)
        else:
            res = resolve(under, clause_context(text, cand, under, ref, day, gov))
        timex = make_timex(len(timexes) + 1, text, cand, res)
        timexes.append(timex)
        aside = timex if is_aside(under, timex) else None
        if is_birth_date(text, timex):
            birth = timex
        moved = story_after(story, timex, under, text, cand.start, day)
        if verb_modifies_noun(gov.verb):
            clocked = clock_story(story, moved, timex, under)
            if clocked is not story:
                background, background_end = clocked, cand.end
        else:
            story, background = clock_story(story, moved, timex, under), None
        if is_months_so_far(under, timex):
            story = months_so_far_story(story, timex, under)
    return timexes


def clause_context(text: str, cand: Candidate, under: Under, ref: Story, day: dt.date | None,
                   gov: Governor) -> Context:
    """What the resolver reads of the expression's clause: the date it counts from (``ref``),
    publication (``day``), the clause's tense and the cues around it (``gov``: its parse)."""
    tense = tense_at(text, cand.start, cand.end, gov)
    return Context(day, ref.interval, ref.granularity, ref.timex_id,
                   tense, since_cue(text, cand.start), ref.clock,
                   under.weekday is not None and scheduled_present(gov),
                   present_perfect(gov.verb, text, cand.start),
                   tense == PAST and not past_perfect_near(text, cand.start, cand.end))


def story_after(story: Story, timex: Timex, under: Under, text: str, start: int, day: dt.date | None) -> Story:
    """The reference time after ``timex`` (at ``start``), which does not move it when it only
    bounds or mentions a period: 'the quarter ended Sept. 30' dates the period the story is on,
    and 'after a flat second quarter' is a description in passing, not the period reported."""
    if ends_period(text, start):
        return story
    if timex.granularity in ("quarter", "half") and "-" not in timex.text \
            and _INDEFINITE_BEFORE.search(text, max(0, start - 30), start):
        return story
    return next_story(story, timex, under, is_bound(text, start), day)


def is_months_so_far(under: Under, timex: Timex) -> bool:
    """'the nine months', 'the first six months': the part of a year a report's figures cover.

    Not 'the past two months' nor 'the next six months' (spans from publication), nor 'six
    months' without 'the'.
    """
    return (under.kind == "duration" and under.dur_unit == "M" and under.dur_n is not None
            and 2 <= under.dur_n <= 11 and under.span is None
            and timex.text.lower().startswith("the "))


def months_so_far_story(story: Story, timex: Timex, under: Under) -> Story:
    """The story after 'the nine months': its year, so the comparisons that follow ('a year
    earlier', 'the year-ago period') are the year before, not the last quarter told."""
    if story.interval is None:
        return story
    year, months = story.interval[1].year, int(under.dur_n or 12)
    last = dt.date(year, months, calendar.monthrange(year, months)[1])
    return Story((dt.date(year, 1, 1), last), "year", timex.id)


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s")


def same_sentence(text: str, start: int, end: int) -> bool:
    """No sentence end between ``start`` and ``end`` (a noun modifier's date reaches a step in
    its own sentence only: 'which had issued a watch that morning. A second twister struck
    30 minutes later' follows the story's 6:40 p.m., not the morning)."""
    return end - start <= 300 and not _SENTENCE_END.search(text, start, end)


def is_aside(under: Under, timex: Timex) -> bool:
    """A resolved deictic date ('last year', 'yesterday') that does not move the story: a step
    right after it in its sentence ('the year before') is measured from it."""
    return (under.kind == "point" and under.anchor == "dct" and not moves_story(under)
            and timex.interval is not None and None not in timex.interval
            and timex.granularity in STORY_GRANULARITIES)


def aside_interval(timex: Timex) -> tuple[dt.date, dt.date]:
    """The days of an aside's interval as dates."""
    first, last = timex.interval or (None, None)
    return dt.date.fromisoformat(first or ""), dt.date.fromisoformat(last or "")


def is_step(under: Under) -> bool:
    """A step along the story from the last date told ('two years later', 'the next day')."""
    return under.anchor == "story" and under.shift_unit is not None


# Characters after a date told in a noun modifier within which 'that day' still points at it.
ANAPHOR_REACH = 250


def day_anaphor_of(background: "Story | None", background_end: int, under: Under, cand: Candidate) -> bool:
    """'that day', 'the same day' point at the last day named, even one named in a relative
    clause of the sentence before ('a proposal criticized as "disappointing" Friday. He said
    on that day ...'): the demonstrative looks back to the nearest day, not to the story's."""
    return (background is not None and background.granularity in ("day", "time")
            and under.anchor == "story" and under.shift_unit == "D" and under.shift_n == 0
            and cand.start - background_end <= ANAPHOR_REACH)


_EVENT_AFTER = re.compile(r"\s+(?:before|after|prior\s+to)\s+(?:the|his|her|its|their)\s+[a-z]")


def measured_from_event(text: str, clock: Candidate, following: list[Candidate]) -> bool:
    """A clock time whose day is counted from an event ('at 6 a.m. ten days before the shooting'):
    the story's date is not its day; without the event's date it is left unresolved, not wrong."""
    if not following:
        return False
    nxt = following[0]
    if nxt.start - clock.end > 40 or not same_sentence(text, clock.end, nxt.start):
        return False
    return build(nxt).kind == "duration" and bool(_EVENT_AFTER.match(text, nxt.end))


def is_bare_clock(under: Under) -> bool:
    """A clock time with no day of its own ('noon', '10 a.m.'): it is read on the story's day."""
    return under.clock is not None and under.anchor == "story" and under.shift_unit is None and not any(
        x is not None for x in (under.weekday, under.dayword, under.month, under.day, under.year))


_BORN_BEFORE = re.compile(r"\bborn\b[^.;]{0,40}$", re.I)


def is_birth_date(text: str, timex: Timex) -> bool:
    """A calendar date right after 'born' ('was born on March 3, 1938', 'born in Ohio in 1938')."""
    return (timex.type == "DATE" and timex.interval is not None and timex.granularity in ("day", "month", "year")
            and bool(_BORN_BEFORE.search(text, max(0, timex.start - 50), timex.start)))
