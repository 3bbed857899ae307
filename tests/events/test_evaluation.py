"""The CAT XML reader, the timeline reader and the event scorers (small hand-written fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.evaluation.events import (PRF, entity_mentions, gold_interval, match_spans, parse_cat, read_cat,
                                        read_timelines, score_anchor, score_timelines)
from dateline.types import Article, Event, Participant, Record, Span, When

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_read_cat_spans_markables_relations_and_twin_dct():
    doc = read_cat(FIXTURES / "cat" / "100_sample.xml")
    assert doc.text.splitlines()[1] == "The firm opened a store on Monday after a court case."
    events = doc.of_kind("EVENT_MENTION")
    assert [e.text for e in events] == ["opened", "court case"]
    assert doc.of_kind("TIMEX3")[0].attr("value") == "2010-06-07"
    assert {r.kind for r in doc.relations} == {"TLINK", "HAS_PARTICIPANT"}
    assert doc.published == "2010-06-08"  # from the TimeML twin with the same document number
    assert doc.token_at(1, "court_case") == (events[1].start, events[1].end)


@pytest.mark.parametrize("data", ["<notxml", "<TimeML/>", "<Document/>"])
def test_bad_cat_input_is_one_clear_error(data):
    with pytest.raises(InputError) as err:
        parse_cat(data, "bad.xml")
    assert str(err.value).startswith("bad.xml: ")


def test_read_timelines():
    entries = read_timelines(FIXTURES / "timelines")
    assert [(e.entity, e.date, e.doc_id, e.sentence, e.word) for e in entries][:2] == [
        ("Firm", "2010-06-07", "100", 1, "opened"), ("Firm", "XXXX-XX-XX", "100", 1, "court_case")]


@pytest.mark.parametrize("value, expected", [
    ("2010-06-07", ("2010-06-07", "2010-06-07")), ("2008-03-XX", ("2008-03-01", "2008-03-31")),
    ("1968", ("1968-01-01", "1968-12-31")), ("XXXX-XX-XX", None),
])
def test_gold_interval(value, expected):
    assert gold_interval(value) == expected


def test_match_spans_one_to_one():
    counts = match_spans([(0, 5), (10, 15)], [(1, 3), (2, 4), (10, 15), (20, 22)])
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 0)
    assert match_spans([(0, 5)], [(0, 4)], strict=True).tp == 0
    assert PRF(3, 1, 1).f1 == pytest.approx(0.75)


def _event(start, end, text, interval=None, participants=()):
    return Event(id="V1", trigger=Span(start, end, text), lemma=text,
                 participants=tuple(participants), when=When(how="timex" if interval else "none", interval=interval))


@pytest.mark.parametrize("interval, gold, correct, bounded", [
    (("2010-06-07", "2010-06-07"), ("2010-06-07", "2010-06-07"), 1, 1),
    ((None, "2010-06-08"), ("2010-06-07", "2010-06-07"), 1, 0),
    (("2010-06-01", None), ("2010-06-07", "2010-06-07"), 1, 0),  # open end: null
    ((None, "2010-06-06"), ("2010-06-07", "2010-06-07"), 0, 0),
    (("2010-06-08", "2010-06-08"), ("2010-06-07", "2010-06-07"), 0, 1),
    (("2010-06-01", "2010-06-10"), ("2010-06-01", "2010-06-30"), 1, 1),  # month gold: overlap
    (None, ("2010-06-07", "2010-06-07"), 0, 0),
])
def test_score_anchor(interval, gold, correct, bounded):
    counts = score_anchor([_event(5, 11, "opened", interval)], (5, 11), gold)
    assert (counts.correct, counts.bounded) == (correct, bounded)


def test_score_timelines_and_entity_participation():
    doc = read_cat(FIXTURES / "cat" / "100_sample.xml")
    start = doc.text.index("opened")
    firm = doc.text.index("firm")
    event = _event(start, start + 6, "opened", ("2010-06-07", "2010-06-07"),
                   [Participant("agent", Span(firm - 4, firm + 4, "The firm"))])
    record = Record(article=Article(id="100", text=doc.text), text=doc.text, events=(event,))
    scores = score_timelines({"100": record}, {"100": doc}, read_timelines(FIXTURES / "timelines"))
    assert scores.entries == 2 and scores.found == 1 and scores.with_participant == 1
    assert (scores.anchoring.gold, scores.anchoring.correct) == (1, 1)
    assert entity_mentions("Steve Jobs met Jobs", "Steve Jobs") == [(0, 10), (6, 10), (15, 19)]
