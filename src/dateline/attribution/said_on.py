"""When undated words were said: the two inferences news readers make.

The builder dates an attribution only from a date its cue governs, or from a speech event
in the sentence before that names the speaker (``said_on_basis`` "stated").  Reporters give the
day once and drop it after, so two more readings fill the rest, each labelled in
``said_on_basis``:

- ``same_source``: a source already quoted on a stated day keeps that day ("On Tuesday,
  McConnell said ... . '...,' he said.").
- ``story_day``: with nothing else, the day the story is at when the words are reported,
  if that day is one of the seven before publication ("A court on Monday acquitted ... .
  '...,' the judge said.").  The story day is the last day told outside quotation marks
  (months and years told in passing leave it as it is); a story told months back ("On
  March 2, Lu was questioned") dates nothing this way, and a day after publication ("over
  a possible verdict Thursday") is no day anyone spoke on: it leaves the story day as it was.

Only a cue in the simple past (or a participle hung on one: "he said, adding") is dated
this way; "had said" and "has said" point to another time.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from ..time.tense import modifies_noun
from ..types import Attribution, Timex
from . import lexicon
from .build import _dated, _said_value, tokens_between
from .media import source_key
from .quotes import article_quotes, find_quotes

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

RECENT_DAYS = 7  # a story day this close to publication is the news day of the report


def infer_said_on(attributions: Sequence[Attribution], doc: "Doc", text: str,
                  timexes: Sequence[Timex], published: str | None) -> list[Attribution]:
    """The attributions with ``said_on`` filled by the same source's stated day or the
    story's recent day, where the article states neither for them."""
    if not timexes:
        return list(attributions)
    story = _story_days(doc, text, timexes, _date(published))
    out: list[Attribution] = []
    dated: dict[str, Attribution] = {}  # source key -> its last attribution with a day
    for att in sorted(attributions, key=lambda a: a.cue.start if a.cue else -1):
        key = source_key(att)
        if att.said_on is None and att.cue is not None and _simple_past(doc, att) \
                and not _other_time_in_sentence(doc, att, timexes):
            earlier = dated.get(key) if key else None
            if earlier is not None and _story_moved(story, earlier, att):
                earlier = None  # "On the eve of the talks, ... '...,' he said": the new day wins
            if earlier is not None:
                att = replace(att, said_on=earlier.said_on, said_on_via=earlier.said_on_via,
                              said_on_interval=earlier.said_on_interval, said_on_basis="same_source")
            else:
                tx = _story_day_at(story, att.cue.start)
                if tx is not None:
                    value, via, interval = _said_value(tx)
                    att = replace(att, said_on=value, said_on_via=via, said_on_interval=interval,
                                  said_on_basis="story_day")
        elif att.said_on is not None and att.said_on_basis is None:
            att = replace(att, said_on_basis="stated")
        if key and att.said_on is not None and att.said_on_basis is not None:
            dated[key] = att
        out.append(att)
    order = {a.id: n for n, a in enumerate(attributions)}
    return sorted(out, key=lambda a: order[a.id])


def _story_moved(story: list[tuple[int, Timex | None]], earlier: Attribution, att: Attribution) -> bool:
    """A recent story day other than the source's last day is told between its two cues."""
    return any(earlier.cue.start < start < att.cue.start and tx is not None and tx.value != earlier.said_on
               for start, tx in story)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _simple_past(doc: "Doc", att: Attribution) -> bool:
    """The cue is a verb in the simple past, or a participle hung on one ("he said, adding")."""
    toks = tokens_between(doc, att.cue.start, att.cue.end)
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return False
    head = verbs[-1]
    if any(t.lower_ in ("had", "has", "have", "'d", "will", "would") for t in toks) or \
            any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have", "'s", "will", "would")
                for c in head.children):
        return False
    if head.tag_ == "VBD":
        return True
    return head.tag_ == "VBG" and head.dep_ in ("advcl", "conj", "xcomp") and head.head.tag_ == "VBD"


def _story_days(doc: "Doc", text: str, timexes: Sequence[Timex],
                published: dt.date | None) -> list[tuple[int, Timex | None]]:
    """(offset, story day) for every day told outside quotation marks: the timex when it is
    among the RECENT_DAYS before publication, else None (the story has gone back).  A month
    or a year told in passing ("last month", "in 2010") leaves the day as it was, and so does
    an old day that only describes a noun ("the Oct. 23 slaying")."""
    if published is None:
        return []
    quotes = [(q.start, q.end) for q in article_quotes(text)]
    track: list[tuple[int, Timex | None]] = []
    for tx in sorted(_dated(timexes, 0, len(text)), key=lambda t: t.start):
        if not _one_day(tx):
            continue
        if any(a <= tx.start < b for a, b in quotes):
            continue
        if _after(tx, published):
            continue  # a day still to come ('a possible verdict Thursday'): nobody has spoken on it yet
        if _recent_day(tx, published):
            track.append((tx.start, tx))
        elif not modifies_noun(doc, tx.start, tx.end):
            track.append((tx.start, None))
    return _with_day_shifts(track, text, timexes, quotes)


def day_shifts(text: str, timexes: Sequence[Timex],
               quotes: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(offset, days) of each phrase of data/day_shifts.txt told outside quotation marks that
    names no date of its own ("On the eve of the meetings" -> -1)."""
    out: list[tuple[int, int]] = []
    for m in _shift_pattern().finditer(text):
        if any(a <= m.start() < b for a, b in quotes) or any(
                m.end() <= tx.start <= m.end() + 2 for tx in timexes):
            continue  # a quoted phrase, or "the eve of May 5" (the time layer reads that)
        out.append((m.start(), _shifts()[m.group(1).lower()]))
    return out


def _with_day_shifts(track: list[tuple[int, Timex | None]], text: str, timexes: Sequence[Timex],
                     quotes: Sequence[tuple[int, int]]) -> list[tuple[int, Timex | None]]:
    """The story track with a shifted day where a phrase moves it ("on the eve of ...": the
    day before the one the story is at); the shifted day keeps its timex's id."""
    for offset, days in day_shifts(text, timexes, quotes):
        tx = _story_day_at(track, offset)
        if tx is None:
            continue
        day = (dt.date.fromisoformat(tx.interval[0]) + dt.timedelta(days=days)).isoformat()
        # kept in order: the next shift reads the day in force at its own offset
        bisect.insort(track, (offset, replace(tx, value=day, type="DATE", interval=(day, day))),
                      key=lambda item: item[0])
    return track


@lru_cache(maxsize=1)
def _shifts() -> dict[str, int]:
    return {phrase: int(days) for phrase, days in lexicon._rows("day_shifts.txt")}


@lru_cache(maxsize=1)
def _shift_pattern() -> "re.Pattern[str]":
    phrases = sorted(_shifts(), key=len, reverse=True)  # the longest phrase wins
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def _one_day(tx: Timex) -> bool:
    return bool(tx.interval) and tx.interval[0] is not None and tx.interval[0] == tx.interval[1]


def _after(tx: Timex, published: dt.date) -> bool:
    day = _date(tx.interval[0])
    return day is not None and day > published


def _recent_day(tx: Timex, published: dt.date) -> bool:
    day = _date(tx.interval[0])
    return day is not None and 0 <= (published - day).days <= RECENT_DAYS


def _other_time_in_sentence(doc: "Doc", att: Attribution, timexes: Sequence[Timex]) -> bool:
    """The cue's sentence tells a time of its own, outside the words said ("The race drew
    attention in September, when Pratt accused ...") or hung on the cue inside them ("declared
    a state of emergency on Wednesday"): the words belong to it, not to the story's day.
    A time inside quotation marks is somebody's words, not the narration's."""
    toks = tokens_between(doc, att.cue.start, att.cue.end)
    if not toks:
        return False
    sent, cue = toks[0].sent, {t.i for t in toks}
    quotes = [(q.start, q.end) for q in find_quotes(sent.text)]
    for tx in _dated(timexes, sent.start_char, sent.end_char):
        if any(a <= tx.start - sent.start_char < b for a, b in quotes):
            continue  # the words of a quote, whoever's they are
        if not any(c.start <= tx.start < c.end for c in att.content) or _hung_on(doc, tx, cue):
            return True
    return False


def _hung_on(doc: "Doc", tx: Timex, cue: set[int]) -> bool:
    """The expression's head attaches to a cue word ("declared ... on Wednesday")."""
    toks = tokens_between(doc, tx.start, tx.end)
    inside = {t.i for t in toks}
    for tok in toks:
        head = tok.head
        if head.i not in inside and head.i in cue:
            return True
        if head.i not in inside and head.dep_ == "prep" and head.head.i in cue:
            return True
    return False


def _story_day_at(story: list[tuple[int, Timex | None]], offset: int) -> Timex | None:
    """The story day in force at ``offset``: that of the last date told before it."""
    current = None
    for start, tx in story:
        if start >= offset:
            break
        current = tx
    return current
