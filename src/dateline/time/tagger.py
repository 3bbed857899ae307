"""The time tagger: rules find expressions, the resolver fixes them in story order.

Expressions are resolved left to right.  Each resolved calendar date becomes the
story's current reference time, so "March 2" after "March 7 last year" is read in
2022, while "yesterday" and "last week" stay tied to the publication date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..types import Timex
from .resolve import Context, Resolved, resolve
from .rules import Candidate, candidates, select
from .tense import tense_at
from .under import Under, build

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# Granularities fine enough to become the story's reference time.
STORY_GRANULARITIES = ("day", "time", "week", "weekend", "month", "quarter", "half", "season", "year")


@dataclass(frozen=True)
class Story:
    """The narrative's current reference time: the last resolved calendar date."""

    interval: tuple[dt.date, dt.date] | None = None
    granularity: str | None = None
    timex_id: str | None = None


def parse_published(published: str | None) -> dt.date | None:
    """The publication date as a date, or None when missing or not YYYY-MM-DD."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def next_story(story: Story, timex: Timex, under: Under) -> Story:
    """The reference time after ``timex``: a resolved calendar date moves it."""
    if under.kind != "point" or timex.interval is None or timex.granularity not in STORY_GRANULARITIES:
        return story
    if not named_calendar_date(under):
        return story  # "a year ago", "last week": asides about other times, not the story's time
    first, last = timex.interval
    if first is None or last is None:
        return story
    return Story((dt.date.fromisoformat(first), dt.date.fromisoformat(last)), timex.granularity, timex.id)


def named_calendar_date(under: Under) -> bool:
    """True when the words name a period finer than a year (March 7, the third quarter, Friday).

    Asides measured from another time ("a year ago", "last week", "yesterday") do not
    move the story's reference time; measured on te3-train, letting them move it
    pulls later yearless dates to the wrong year.
    """
    finer = any(x is not None for x in (under.month, under.day, under.quarter, under.half,
                                        under.season, under.holiday))
    return finer or under.weekday is not None


def make_timex(number: int, text: str, cand: Candidate, res: Resolved) -> Timex:
    """A Timex from a match and its resolution."""
    return Timex(
        id=f"T{number}", start=cand.start, end=cand.end, text=text[cand.start:cand.end],
        type=cand.rule.type, value=res.value, mod=res.mod, interval=res.interval,
        anchor=res.anchor, rule=cand.rule.name, granularity=res.granularity,
        quant=res.quant, freq=res.freq,
    )


def tag(text: str, published: str | None, doc: "Doc | None" = None) -> list[Timex]:
    """Find and resolve the TIMEX3 expressions of ``text`` published on ``published`` (YYYY-MM-DD)."""
    if not isinstance(text, str) or not text:
        return []
    day = parse_published(published)
    story = Story((day, day), "day", "DCT") if day else Story()
    timexes: list[Timex] = []
    for cand in select(candidates(text)):
        under = build(cand)
        ctx = Context(day, story.interval, story.granularity, story.timex_id,
                      tense_at(text, cand.start, cand.end, doc))
        timex = make_timex(len(timexes) + 1, text, cand, resolve(under, ctx))
        timexes.append(timex)
        story = next_story(story, timex, under)
    return timexes
