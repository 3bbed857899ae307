"""Records: exact JSON round trips, spans that match the text, article ids."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.types import (Article, Attribution, Entity, Event, Participant, Record, Source, Span, Timex, When,
                            dataclass_field_names)

TEXT = "Lu said on March 2 that Khan met officials in Moscow."


def _full_record() -> Record:
    """A record with every field of every type filled in."""
    s = lambda a, b: Span.of(TEXT, a, b)  # noqa: E731
    return Record(
        article=Article(id="r1", text=TEXT, published="2022-03-10", published_from="option", title="T",
                        url="https://e.com/r1", outlet="E", language="en"),
        text=TEXT,
        entities=(Entity("E1", "Lu", "PERSON", (s(0, 2),)),
                  Entity("E2", "Imran Khan", "PERSON", (s(24, 28),), aliases=("Khan",), roles=("Prime Minister",))),
        timexes=(Timex("T1", 11, 18, "March 2", "DATE", "2022-03-02", mod="APPROX", interval=("2022-03-02", "2022-03-02"),
                       anchor="DCT", rule="month_day", granularity="day", quant="EACH", freq="1W"),),
        events=(Event("V1", s(29, 32), "meet", participants=(Participant("agent", s(24, 28), "E2"),),
                      when=When("timex", "2022-03-02", ("2022-03-02", "2022-03-02"), "T1", note="n"),
                      reported_by="A1", polarity="NEG", modality="reported", cls="OCCURRENCE", coref="V0", rule="r"),),
        attributions=(Attribution("A1", "indirect", (s(24, 52),), s(3, 7), Source("Lu", s(0, 2), "E1"),
                                  via=(Source("E", None, None),), said_on="2022-03-02", said_on_via="T1", rule="said_that"),),
    )


def test_full_record_round_trip_exact():
    record = _full_record()
    text = record.to_json()
    again = Record.from_json(text)
    assert again == record
    assert again.to_json() == text
    assert Record.from_json(record.to_json(indent=2)) == record


def test_minimal_record_round_trip_keeps_shape():
    record = Record(article=Article(id="a", text="x"), text="x")
    d = json.loads(record.to_json())
    assert d == {"schema": "dateline/1", "article": {"id": "a", "title": None, "url": None, "outlet": None,
                 "published": None, "published_from": None, "language": "en"},
                 "text": "x", "entities": [], "timexes": [], "events": [], "attributions": []}
    assert Record.from_json(record.to_json()) == record


def test_seed_record_round_trip_exact(seed_record):
    text = seed_record.to_json()
    again = Record.from_json(text)
    assert again.to_json() == text
    assert again.to_dict() == seed_record.to_dict()
    assert again.entities == seed_record.entities and again.timexes == seed_record.timexes
    assert again.events == seed_record.events and again.attributions == seed_record.attributions


def test_every_seed_span_matches_the_text(seed_record):
    spans = list(seed_record.spans())
    assert len(spans) >= 30
    for span in spans:
        assert seed_record.text[span.start:span.end] == span.text
        assert 0 <= span.start < span.end <= len(seed_record.text)


def test_seed_article_id_and_date(seed_record):
    assert seed_record.article.id == "000_e064e57b220f2e4f"
    assert seed_record.article.published == "2023-08-10"


def test_record_rejects_other_schema():
    import pytest

    with pytest.raises(ValueError, match="not a dateline/1 record"):
        Record.from_dict({"schema": "other/9", "article": {"id": "a"}, "text": ""})


def test_field_names_helper():
    assert dataclass_field_names(Span) == ["start", "end", "text"]


_names = st.text(min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1, max_size=80), cuts=st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=5),
       name=_names, alias=st.lists(_names, max_size=3, unique=True))
def test_round_trip_any_text(text, cuts, name, alias):
    spans = tuple(Span.of(text, min(a, b) % len(text), max(a, b) % len(text) + 1) for a, b in cuts)
    spans = tuple(sp for sp in spans if sp.start < sp.end)
    record = Record(article=Article(id=name, text=text, title=name), text=text,
                    entities=(Entity("E1", name, "ORG", spans, aliases=tuple(alias)),))
    assert Record.from_json(record.to_json()) == record
