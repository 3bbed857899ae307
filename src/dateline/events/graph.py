"""Anchoring as a fixpoint over a graph of time constraints (pure, no parsing here).

Nodes are events (``V1``...) and time expressions (``T1``...).  An edge says how the
days of its ``dst`` follow from the days of its ``src``: EQUAL (same days: "a meeting on
March 7", a coreferent mention), AFTER / BEFORE / SINCE / UNTIL / NOT_AFTER, SHIFT by a
duration ("two weeks after the invasion"), WITHIN a duration ("days after the vote",
"shortly before the match": from the other event up to that long after or before it), or AGE (an event at a person's age: the birth
plus that many years, up to a year later).  Every hard edge is also used backwards, so a
date flows both ways ("the meeting took place two weeks after the invasion" dates the
invasion from the meeting).  Propagation intersects intervals until nothing changes,
for at most one round per node plus one: cycles ("A after B", "B before A") terminate,
and an edge whose result contradicts what a node already has is reported in the node's
notes instead of being applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .intervals import OPEN, Interval, age_window, intersect, is_open, shift, within

# The node standing for the publication day (the lede's reference time).
PUBLICATION = "DCT"
# A narrative's reference time is vague: events told after it happened within a few days.
NARRATIVE_SLACK_DAYS = 3
_INVERSE = {"AROUND": "AROUND", "EQUAL": "EQUAL", "AFTER": "BEFORE", "BEFORE": "AFTER", "NOT_AFTER": "AFTER",
            "SINCE": "BEFORE", "UNTIL": "AFTER", "SHIFT": "SHIFT", "AGE": "AGE", "WITHIN": "WITHIN"}


@dataclass(frozen=True, slots=True)
class Edge:
    """``dst`` relates to ``src`` by ``kind`` (SHIFT by ``sign`` * amount unit)."""

    src: str
    dst: str
    kind: str
    rule: str = ""
    amount: float = 0.0
    unit: str = ""
    sign: int = 1
    hard: bool = True  # soft edges only fill nodes that nothing else dated


@dataclass(slots=True)
class Anchor:
    """A node's current days and how they were found."""

    interval: Interval = OPEN
    how: str = "none"
    via: str | None = None
    notes: list[str] = field(default_factory=list)
    reason: str | None = None  # the edge that last narrowed it: "P2W before V19 (two weeks after)"


def derive(edge: Edge, src: Interval, published: date | None) -> Interval:
    """The days ``edge.dst`` can be on, given ``src``'s days."""
    first, last = src
    if edge.kind == "EQUAL":
        return src
    if edge.kind == "AFTER":
        return (first, None)
    if edge.kind in ("BEFORE", "NOT_AFTER", "UNTIL"):
        return (None, last)
    if edge.kind == "SINCE":
        return (first, published)
    if edge.kind == "SHIFT":
        return shift(src, edge.amount, edge.unit, edge.sign)
    if edge.kind == "WITHIN":
        return within(src, edge.amount, edge.unit, edge.sign)
    if edge.kind == "AGE":
        return age_window(src, int(edge.amount), edge.sign)
    if edge.kind == "AROUND":
        slack = timedelta(days=NARRATIVE_SLACK_DAYS)
        return (first - slack if first and first > date.min + slack else first,
                last + slack if last and last < date.max - slack else last)
    raise ValueError(f"unknown edge kind {edge.kind!r}")


def inverse(edge: Edge) -> Edge:
    """The same relation read from ``dst`` to ``src``."""
    return replace(edge, src=edge.dst, dst=edge.src, kind=_INVERSE[edge.kind], sign=-edge.sign)


def _describe(edge: Edge) -> str:
    if edge.kind == "SHIFT":
        amount = int(edge.amount) if edge.amount == int(edge.amount) else edge.amount
        return f"P{amount}{edge.unit} {'after' if edge.sign > 0 else 'before'} {edge.src}"
    if edge.kind == "WITHIN":
        amount = int(edge.amount) if edge.amount == int(edge.amount) else edge.amount
        return f"within P{amount}{edge.unit} {'after' if edge.sign > 0 else 'before'} {edge.src}"
    if edge.kind == "AGE":
        return f"age {int(edge.amount)} after birth {edge.src}" if edge.sign > 0 else f"birth before {edge.src}"
    return f"{edge.kind.lower().replace('_', ' ')} {edge.src}"


def _apply(edge: Edge, anchors: dict[str, Anchor], published: date | None, seen: set) -> bool:
    """Narrow ``edge.dst`` by the edge; True when it changed.  Contradictions are noted once."""
    src, dst = anchors[edge.src], anchors[edge.dst]
    if src.interval == OPEN:
        return False
    new = intersect(dst.interval, derive(edge, src.interval, published))
    if new is None:
        key = (edge.src, edge.dst, edge.kind)
        if key not in seen:
            seen.add(key)
            dst.notes.append(f"contradiction: {_describe(edge)} ({edge.rule}) ignored")
        return False
    if new == dst.interval:
        return False
    dst.interval = new
    if src.how in ("tense", "publication"):  # a bound derived from a tense bound is still only tense
        dst.how, dst.via = src.how, None
    else:
        dst.how = "timex" if edge.src.startswith("T") else "event"
        dst.via = edge.src
    dst.reason = f"{_describe(edge)} ({edge.rule})" if edge.rule else _describe(edge)
    return True


def _rounds(edges: list[Edge], anchors: dict[str, Anchor], fixed: set[str],
            published: date | None, seen: set) -> None:
    """Apply ``edges`` until nothing changes, at most len(anchors)+1 rounds."""
    limit = len(anchors) + 1
    for _ in range(limit):
        changed = [e.dst for e in edges if e.dst not in fixed and _apply(e, anchors, published, seen)]
        if not changed:
            return
    for node in sorted(set(changed)):
        anchors[node].notes.append(f"cycle: still changing after {limit} rounds; kept last bounds")


def apply_weak(anchors: dict[str, Anchor], weak: dict[str, Interval]) -> None:
    """Narrow nodes by weak bounds (tense) where they agree with what the node has."""
    for node, bound in weak.items():
        anchor = anchors.setdefault(node, Anchor())
        if anchor.how == "timex" and not is_open(anchor.interval) and not is_open(bound):
            continue  # present tense: "is being held Thursday through Saturday" is on the stated days, not just today
        new = intersect(anchor.interval, bound)
        if new is not None and new != anchor.interval:
            if anchor.interval == OPEN:
                anchor.how, anchor.via = "tense", None
            anchor.interval = new


def _fills(edge: Edge, anchors: dict[str, Anchor]) -> bool:
    """A soft edge fills a node that nothing dated, or that only has an open bound while
    its source is dated on both ends."""
    dst, src = anchors[edge.dst].interval, anchors[edge.src].interval
    if src == OPEN:
        return False
    # (a wide range from another event's bound, "said" after content of a year ago, yields too;
    # not one from a time expression, "since 2004")
    return dst == OPEN or (is_open(dst) and not is_open(src)) or (
        anchors[edge.dst].how == "event" and _wider_by_much(dst, src)) or (
        anchors[edge.dst].how == "tense" and _tighter_open(dst, src, edge.kind))


def _tighter_open(dst: Interval, src: Interval, kind: str) -> bool:
    """Whether an EQUAL edge carries an open bound tighter than the tense bound ``dst`` has
    ("met X before the vote and spoke with Y": the speaking is before the vote too)."""
    return kind == "EQUAL" and is_open(dst) and dst[0] is None and src[0] is None and (
        src[1] is not None and dst[1] is not None and src[1] < dst[1])


def _wider_by_much(dst: Interval, src: Interval) -> bool:
    """Whether a bounded interval spans more than a year and holds all of a bounded ``src``:
    only loose bounds (after an old event, before publication) yield to a soft guess."""
    if is_open(dst) or is_open(src):
        return False
    return dst[0] <= src[0] and src[1] <= dst[1] and (dst[1] - dst[0]).days > 366


def propagate(anchors: dict[str, Anchor], edges: list[Edge], fixed: set[str],
              published: date | None, weak: dict[str, Interval] | None = None) -> dict[str, Anchor]:
    """Run the fixpoint in place and return ``anchors``: hard edges (both ways); weak
    bounds where they agree; soft edges into nodes still undated; hard edges again."""
    for e in edges:
        for node in (e.src, e.dst):
            anchors.setdefault(node, Anchor())
    hard = [e for e in edges if e.hard]
    hard = hard + [inverse(e) for e in hard]
    seen: set = set()
    _rounds(hard, anchors, fixed, published, seen)
    apply_weak(anchors, weak or {})
    _rounds(hard, anchors, fixed, published, seen)
    soft = [e for e in edges if not e.hard]
    for _ in range(3):
        filled = [e for e in soft if e.dst not in fixed and _fills(e, anchors)
                  and _apply(e, anchors, published, seen)]
        if not filled:
            break
        _rounds(hard, anchors, fixed, published, seen)
    return anchors
