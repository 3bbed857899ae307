"""The seed article's eight gold events, with the seed's gold time expressions given as
input (so this tests the events layer alone; the full pipeline is checked end to end in
test_component.py)."""

from __future__ import annotations

import pytest

from dateline.sources.header import split_header

from .helpers import attribution, find, run

from dateline.types import Timex


@pytest.fixture(scope="module")
def seed(seed_path, seed_gold):
    _, text = split_header("seed", seed_path.read_text(encoding="utf-8"))
    timexes = []
    for n, g in enumerate(seed_gold["timexes"], start=1):
        start = find(text, g["text"])
        value = g.get("value") or g["accept"][0]
        interval = tuple(g["interval"]) if g.get("interval") else (
            (value, value) if g["type"] == "DATE" and len(value) == 10 else None)
        timexes.append(Timex(f"T{n}", start, start + len(g["text"]), g["text"], g["type"], value, interval=interval))
    first = text[:find(text, ", according to")]
    attrs = [attribution(text, first, "according to", "The Intercept")]
    return text, run(text, seed_gold["publication_date"], timexes, attrs)


def _chain(events, trigger):
    heads = [e for e in events if e.trigger.text == trigger]
    ids = {e.id for e in heads} | {e.coref for e in heads if e.coref}
    return [e for e in events if e.id in ids or e.coref in ids]


def _date_ok(event, gold):
    first, last = event.when.interval or (None, None)
    if "date" in gold:
        return (first, last) == (gold["date"], gold["date"])
    if "date_before" in gold:
        return last is not None and last <= gold["date_before"]
    low, high = gold["date_between"]
    if first is None:  # open start: its known end must fall inside the range
        return low <= last <= high
    return low <= first and last <= high


@pytest.mark.parametrize("index", range(8))
def test_gold_event(seed, seed_gold, index):
    text, events = seed
    gold = seed_gold["events"][index]
    chain = _chain(events, gold["trigger"])
    assert chain, f"no event {gold['trigger']!r}"
    assert any(_date_ok(e, gold) for e in chain), [(e.trigger.text, e.when) for e in chain]
    spans = [p.span.text.lower() for e in chain for p in e.participants]
    for name in gold["participants"]:
        assert any(name.lower() in s or s.removeprefix("the ") in name.lower() for s in spans), (name, spans)


def test_urged_is_reported_by_the_attribution(seed):
    _, events = seed
    urged = next(e for e in events if e.trigger.text == "urged")
    assert urged.reported_by == "A1"
    oust = next(e for e in events if e.trigger.text == "oust")
    assert oust.modality == "intended"  # asked for, not asserted


@pytest.mark.parametrize("index", range(8))
def test_gold_event_end_to_end(seed_record, seed_gold, index):
    """The same check through the whole pipeline (entities, time, attributions, events)."""
    gold = seed_gold["events"][index]
    chain = _chain(list(seed_record.events), gold["trigger"])
    assert chain, f"no event {gold['trigger']!r}"
    assert any(_date_ok(e, gold) for e in chain), [(e.trigger.text, e.when) for e in chain]
    names = {e.id: e.name.lower() for e in seed_record.entities}
    found = [p.span.text.lower() for e in chain for p in e.participants]
    found += [names[p.entity] for e in chain for p in e.participants if p.entity in names]
    for name in gold["participants"]:
        assert any(name.lower() in s or s.removeprefix("the ") in name.lower() for s in found), (name, found)


def test_urged_is_reported_by_the_intercept_end_to_end(seed_record):
    urged = next(e for e in seed_record.events if e.trigger.text == "urged")
    source = next(a.source for a in seed_record.attributions if a.id == urged.reported_by)
    assert source.name == "The Intercept"
