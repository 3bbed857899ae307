"""The events component in the pipeline: end to end on the seed, bad input, the timeline view."""

from __future__ import annotations

import pytest

from dateline.events import EventComponent, render_text
from dateline.events.component import reporting_attribution
from dateline.pipeline import Document
from dateline.types import Article, Record, Span

from .helpers import attribution, run, timex


def test_component_declares_its_layer():
    component = EventComponent()
    assert (component.name, component.provides) == ("events", "events")
    assert component.requires == ("entities", "time", "attributions")


def test_seed_end_to_end(seed_record):
    record = seed_record
    assert record.events
    for span in record.spans():
        assert record.text[span.start:span.end] == span.text
    assert Record.from_json(record.to_json()).events == record.events
    triggers = {e.trigger.text for e in record.events}
    assert {"meeting", "urged", "no-confidence motion", "invasion", "hearing", "visited", "abstain",
            "published"} <= triggers
    meeting = next(e for e in record.events if e.trigger.text == "meeting")
    assert meeting.when.interval == ("2022-03-07", "2022-03-07")


@pytest.mark.parametrize("text", ["", "   ", "...", "2023", "“", "¿¡", "a" * 500, "He said. " * 50,
                                  "\u200b\u00a0 \t\n", "No. No. No."])
def test_odd_text_never_crashes(text):
    events = run(text)
    assert all(text[e.trigger.start:e.trigger.end] == e.trigger.text for e in events)


def test_document_without_parse_gives_no_events():
    document = Document(article=Article(id="x", text="It rained."), text="It rained.", doc=None)
    EventComponent()(document)
    assert document.events == []


def test_reported_by_is_the_innermost_attribution():
    outer, inner = Span(0, 50, "x" * 50), Span(10, 20, "y" * 10)
    from dateline.types import Attribution
    attrs = [Attribution("A1", "indirect", (outer,), None, None), Attribution("A2", "direct", (inner,), None, None)]
    assert reporting_attribution(Span(12, 15, "abc"), attrs) == "A2"
    assert reporting_attribution(Span(30, 35, "abc"), attrs) == "A1"
    assert reporting_attribution(Span(60, 65, "abc"), attrs) is None


def test_timeline_orders_by_date_and_leaves_out_reports_and_negated():
    text = ("The envoys held a meeting on March 7. Two weeks after the meeting, the army seized the airport. "
            "The minister said the army did not attack the city.")
    timexes = [timex(text, "March 7", "2023-03-07", id="T1"), timex(text, "Two weeks", "P2W", "DURATION", id="T2")]
    attrs = [attribution(text, "the army did not attack the city", "said", "the minister")]
    events = run(text, "2023-08-10", timexes, attrs)
    record = Record(article=Article(id="t", text=text, published="2023-08-10"), text=text, events=tuple(events),
                    attributions=tuple(attrs))
    lines = render_text(record)
    assert lines[0].startswith("timeline (")
    body = "\n".join(lines[1:])
    assert body.index("meeting") < body.index("seized")
    assert "2023-03-18..2023-03-24" in body  # two weeks (+-3 days) after March 7
    assert "said" not in body and "attack" not in body
    attack = next(e for e in events if e.trigger.text == "attack")
    assert attack.reported_by == "A1" and attack.polarity == "NEG"


def test_render_without_events_is_empty():
    assert render_text(Record(article=Article(id="t", text="x"), text="x")) == []


def test_first_person_in_reported_words_is_the_speaker():
    from dateline.types import Source
    text = '"I visited the plant on Monday," the minister said.'
    a = attribution(text, "I visited the plant on Monday", "said", "the minister")
    a = type(a)(a.id, "direct", a.content, a.cue, Source("the minister", None, "E7"))
    visited = next(e for e in run(text, attributions=[a]) if e.trigger.text == "visited")
    assert visited.reported_by == "A1"
    assert [(p.span.text, p.entity) for p in visited.participants if p.role == "agent"] == [("I", "E7")]


def test_trigger_spans_of_a_long_one_line_text_are_linear():
    """Every token of a 200 KB single line as a trigger: reading ``Doc.text`` per mention
    (it is rebuilt from all tokens on each access) would take minutes; the text is passed once."""
    import spacy

    from dateline.events.component import trigger_span
    from dateline.events.triggers import Mention

    text = "Officials met reporters in Boston on Tuesday, and the talks ended. " * 3000
    doc = spacy.blank("en")(text)
    spans = [trigger_span(doc, text, Mention(t.i, t.i, t.i + 1, t.lower_, "verb", "OCCURRENCE", "test"))
             for t in doc]
    assert len(text) > 200_000 and len(spans) == len(doc) > 35_000
    assert all(text[s.start:s.end] == s.text == t.text for s, t in zip(spans, doc))
