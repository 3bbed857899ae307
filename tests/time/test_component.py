"""The pipeline layer, the public API and the text view."""

from __future__ import annotations

import pytest

from dateline.pipeline import Document
from dateline.time import TimeComponent, render_text, tag
from dateline.types import Article, Record

TEXT = "The company said Tuesday that profit rose in the third quarter, up from a year earlier."


def test_component_appends_timexes_with_ids():
    article = Article(id="a", text=TEXT, published="1989-11-01")
    document = Document(article=article, text=TEXT)
    component = TimeComponent()
    assert (component.name, component.requires, component.provides) == ("time", (), "time")
    component(document)
    assert [t.id for t in document.timexes] == ["T1", "T2", "T3"]
    assert [t.value for t in document.timexes] == ["1989-10-31", "1989-Q3", "1988-Q3"]
    assert document.scratch["time"]["published"] == "1989-11-01"


def test_component_uses_a_spacy_doc_when_given():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    article = Article(id="a", text=TEXT, published="1989-11-01")
    document = Document(article=article, text=TEXT, doc=nlp(TEXT))
    TimeComponent()(document)  # a blank pipeline has no parse: falls back to the text rules
    assert document.timexes[0].value == "1989-10-31"


def test_missing_publication_date_leaves_relative_values_unresolved():
    timexes = tag("Prices fell last week, and on March 7, 2022 they rose.", None)
    by_text = {t.text: t for t in timexes}
    assert by_text["last week"].value == "XXXX-WXX"
    assert by_text["last week"].interval is None
    assert by_text["March 7, 2022"].value == "2022-03-07"  # explicit dates need no anchor


@pytest.mark.parametrize("bad", ["", "2023-02-30", "yesterday", "10/08/2023"])
def test_bad_publication_dates_are_treated_as_missing(bad):
    (t,) = tag("It happened yesterday.", bad)
    assert t.value == "XXXX-XX-XX" and t.interval is None


def test_render_text_lists_value_interval_and_rule():
    timexes = tag("Sales fell last year.", "2023-08-10")
    record = Record(article=Article(id="a", text="Sales fell last year.", published="2023-08-10"),
                    text="Sales fell last year.", timexes=tuple(timexes))
    lines = render_text(record)
    assert lines[0].startswith("Time expressions")
    assert '"last year" DATE 2022 [2022-01-01 .. 2022-12-31] rule=rel_unit anchor=DCT' in lines[1]


def test_render_text_is_empty_without_timexes():
    record = Record(article=Article(id="a", text="No dates.", published=None), text="No dates.")
    assert render_text(record) == []


def test_non_string_text_gives_no_timexes():
    assert tag("", "2023-08-10") == []
