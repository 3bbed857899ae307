"""Hand-built Documents for the events tests: text, publication date, time expressions
and attributions given explicitly, so each test isolates the events layer."""

from __future__ import annotations

from dateline.events import extract_events
from dateline.nlp import load
from dateline.pipeline import Document
from dateline.types import Article, Attribution, Entity, Event, Source, Span, Timex


def find(text: str, phrase: str, occurrence: int = 0) -> int:
    """Offset of the n-th occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start


def timex(text: str, phrase: str, value: str, type: str = "DATE", interval: tuple | None = None,
          id: str = "T1", occurrence: int = 0) -> Timex:
    """A Timex over ``phrase``; a day value gets that day as its interval."""
    start = find(text, phrase, occurrence)
    if interval is None and type in ("DATE", "TIME") and len(value) == 10 and value[4] == "-":
        interval = (value, value)
    return Timex(id=id, start=start, end=start + len(phrase), text=phrase, type=type, value=value,
                 interval=interval)


def attribution(text: str, content: str, cue: str, source: str, id: str = "A1", said_on: str | None = None) -> Attribution:
    """An attribution whose content and cue are the first occurrences of the phrases."""
    c, q = find(text, content), find(text, cue)
    return Attribution(id=id, kind="indirect", content=(Span(c, c + len(content), content),),
                       cue=Span(q, q + len(cue), cue), source=Source(name=source), said_on=said_on)


def entity(text: str, name: str, type: str, id: str) -> Entity:
    """An entity with every occurrence of ``name`` as a mention."""
    mentions, start = [], text.find(name)
    while start >= 0:
        mentions.append(Span(start, start + len(name), name))
        start = text.find(name, start + 1)
    return Entity(id=id, name=name, type=type, mentions=tuple(mentions))


def run(text: str, published: str | None = "2023-08-10", timexes=(), attributions=(), entities=()) -> list[Event]:
    """The events of ``text`` given the other layers explicitly."""
    doc = load()(text)
    document = Document(article=Article(id="t", text=text, published=published), text=text, doc=doc,
                        timexes=list(timexes), attributions=list(attributions), entities=list(entities))
    return extract_events(document)


def by_trigger(events: list[Event], trigger: str, occurrence: int = 0) -> Event:
    """The n-th event whose trigger text is ``trigger``."""
    found = [e for e in events if e.trigger.text == trigger]
    assert len(found) > occurrence, f"no event {trigger!r} (#{occurrence}) in {[e.trigger.text for e in events]}"
    return found[occurrence]


def roles_of(sentence: str, trigger: str) -> list[tuple[str, str]]:
    """(role, text) of every participant of the event ``trigger`` in ``sentence`` (run alone)."""
    return [(p.role, p.span.text) for p in by_trigger(run(sentence), trigger).participants]
