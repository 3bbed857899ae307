"""Properties: anchoring terminates on any constraint graph and never returns an empty or
inverted interval; the events layer never crashes on arbitrary text."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.graph import Anchor, Edge, propagate

from .helpers import run

KINDS = st.sampled_from(["EQUAL", "AFTER", "BEFORE", "NOT_AFTER", "SINCE", "UNTIL", "SHIFT", "AGE"])
NODES = st.sampled_from([f"V{i}" for i in range(1, 7)] + ["T1", "T2"])


@st.composite
def edges(draw):
    src, dst = draw(NODES), draw(NODES)
    return Edge(src, dst, draw(KINDS), amount=draw(st.integers(0, 40)), unit=draw(st.sampled_from("DWMY")),
                sign=draw(st.sampled_from([1, -1])), hard=draw(st.booleans()))


@settings(max_examples=200, deadline=None)
@given(st.lists(edges(), max_size=14), st.integers(0, 3000), st.integers(0, 3000))
def test_propagation_terminates_with_consistent_intervals(graph, d1, d2):
    start = date(2015, 1, 1)
    anchors = {"T1": Anchor((start + timedelta(d1),) * 2, "timex", "T1"),
               "T2": Anchor((start + timedelta(d2),) * 2, "timex", "T2")}
    propagate(anchors, graph, {"T1", "T2"}, date(2024, 1, 1), weak={"V1": (None, date(2024, 1, 1))})
    for anchor in anchors.values():
        first, last = anchor.interval
        assert first is None or last is None or first <= last


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_events_layer_never_crashes(text):
    for event in run(text):
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
