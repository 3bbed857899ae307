"""The anchoring fixpoint on hand-built graphs: propagation both ways, cycles, contradictions."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.events.graph import Anchor, Edge, derive, inverse, propagate

D = date.fromisoformat
PUB = D("2023-08-10")


def _timex(day: str) -> Anchor:
    return Anchor((D(day), D(day)), "timex", "T1")


@pytest.mark.parametrize("kind, expected", [
    ("EQUAL", (D("2023-03-07"), D("2023-03-07"))),
    ("AFTER", (D("2023-03-07"), None)),
    ("BEFORE", (None, D("2023-03-07"))),
    ("NOT_AFTER", (None, D("2023-03-07"))),
    ("UNTIL", (None, D("2023-03-07"))),
    ("SINCE", (D("2023-03-07"), PUB)),
])
def test_derive(kind, expected):
    assert derive(Edge("T1", "V1", kind), (D("2023-03-07"), D("2023-03-07")), PUB) == expected


def test_age_edge_flows_both_ways():
    anchors = {"T1": _timex("1938-03-03")}
    edges = [Edge("T1", "V1", "EQUAL"), Edge("V1", "V2", "AGE", amount=12)]
    propagate(anchors, edges, {"T1"}, PUB)
    assert anchors["V2"].interval == (D("1950-03-03"), D("1951-03-02"))
    assert anchors["V2"].reason.startswith("age 12 after birth V1")
    back = {"T1": _timex("1950-06-01")}
    propagate(back, [Edge("T1", "V2", "EQUAL"), Edge("V1", "V2", "AGE", amount=12)], {"T1"}, PUB)
    assert back["V1"].interval == (D("1937-06-02"), D("1938-06-01"))


def test_inverse_reads_the_relation_backwards():
    edge = Edge("V1", "V2", "SHIFT", amount=2, unit="W", sign=1)
    back = inverse(edge)
    assert (back.src, back.dst, back.kind, back.sign) == ("V2", "V1", "SHIFT", -1)
    assert inverse(Edge("V1", "V2", "AFTER")).kind == "BEFORE"


def test_date_flows_both_ways_through_a_shift():
    anchors = {"T1": _timex("2022-03-07")}
    edges = [Edge("T1", "V2", "EQUAL"), Edge("V1", "V2", "SHIFT", amount=2, unit="W", sign=1)]
    propagate(anchors, edges, {"T1"}, PUB)
    assert anchors["V1"].interval == (D("2022-02-18"), D("2022-02-24"))
    assert (anchors["V1"].how, anchors["V1"].via) == ("event", "V2")


@pytest.mark.parametrize("edges", [
    [Edge("V1", "V2", "AFTER"), Edge("V2", "V1", "BEFORE")],  # A after B, B before A
    [Edge("V1", "V2", "SHIFT", amount=1, unit="D"), Edge("V2", "V1", "SHIFT", amount=1, unit="D")],
    [Edge("V1", "V2", "EQUAL"), Edge("V2", "V3", "EQUAL"), Edge("V3", "V1", "EQUAL")],
])
def test_cycles_terminate(edges):
    anchors = {"T1": _timex("2022-03-07")}
    propagate(anchors, [Edge("T1", "V1", "EQUAL")] + edges, {"T1"}, PUB)
    assert anchors["V1"].interval[0] is not None


def test_positive_cycle_is_reported_as_contradiction():
    anchors = {"T1": _timex("2022-03-07")}
    edges = [Edge("T1", "V1", "EQUAL"), Edge("V1", "V2", "SHIFT", amount=1, unit="D"),
             Edge("V2", "V1", "SHIFT", amount=1, unit="D")]
    propagate(anchors, edges, {"T1"}, PUB)
    notes = anchors["V1"].notes + anchors["V2"].notes
    assert any(n.startswith("contradiction") for n in notes)


def test_unbounded_cycle_stops_after_the_round_limit():
    # open-ended growth: each round moves V2 a day later than V1 and V1 a day later than V2
    anchors = {"V1": Anchor((D("2022-01-01"), None), "timex", "T9")}
    edges = [Edge("V1", "V2", "SHIFT", amount=1, unit="D", hard=True),
             Edge("V2", "V1", "SHIFT", amount=1, unit="D", hard=True)]
    propagate(anchors, edges, set(), PUB)
    assert any("cycle" in n or "contradiction" in n for n in anchors["V1"].notes + anchors["V2"].notes)


def test_soft_edges_only_fill_undated_nodes():
    anchors = {"T1": _timex("2022-03-07"), "T2": _timex("2022-05-01")}
    edges = [Edge("T1", "V1", "EQUAL"), Edge("T2", "V2", "EQUAL"), Edge("V1", "V2", "EQUAL", hard=False),
             Edge("V1", "V3", "EQUAL", hard=False)]
    propagate(anchors, edges, {"T1", "T2"}, PUB)
    assert anchors["V2"].interval == (D("2022-05-01"), D("2022-05-01"))
    assert anchors["V3"].interval == (D("2022-03-07"), D("2022-03-07"))
    assert not anchors["V2"].notes


def test_weak_tense_bound_yields_to_a_timex():
    anchors = {"T1": _timex("2024-01-01")}
    propagate(anchors, [Edge("T1", "V1", "EQUAL")], {"T1"}, PUB, weak={"V1": (None, PUB), "V2": (None, PUB)})
    assert anchors["V1"].interval == (D("2024-01-01"), D("2024-01-01"))
    assert anchors["V2"].interval == (None, PUB) and anchors["V2"].how == "tense"


def test_a_soft_guess_narrows_a_wide_bound_from_another_event_only():
    # V2 (a report) comes after V1 (what it reports, in 2005) and before publication: a wide
    # range from an event; the soft narrative edge from V3 (dated 2023-08-07) narrows it
    anchors = {"T1": Anchor((D("2005-07-01"), D("2005-07-31")), "timex", "T1"), "T2": _timex("2023-08-07")}
    edges = [Edge("T1", "V1", "EQUAL"), Edge("V1", "V2", "AFTER"), Edge("T2", "V3", "EQUAL"),
             Edge("V3", "V2", "EQUAL", hard=False)]
    propagate(anchors, edges, {"T1", "T2"}, PUB, {"V2": (None, PUB)})
    assert anchors["V2"].interval == (D("2023-08-07"), D("2023-08-07"))
    # a range a time expression gives ("since 2004") is evidence and stays
    anchors = {"T1": Anchor((D("2004-01-01"), D("2004-12-31")), "timex", "T1"), "T2": _timex("2023-08-07")}
    edges = [Edge("T1", "V1", "SINCE"), Edge("T2", "V3", "EQUAL"), Edge("V3", "V1", "EQUAL", hard=False)]
    propagate(anchors, edges, {"T1", "T2"}, PUB)
    assert anchors["V1"].interval == (D("2004-01-01"), PUB)
