"""entity_for_span (used by other layers) and the text view section."""

from __future__ import annotations

import pytest

from dateline.entities import entity_for_span, render_text
from dateline.types import Article, Entity, Record, Span

TEXT = "Since then, the PTI chief and his supporters met Lu."
KHAN = Entity("E1", "Imran Khan", "PERSON", (Span.of(TEXT, 12, 25),), aliases=("the PTI chief",), roles=("PTI chief",))
PTI = Entity("E2", "PTI", "ORG", (Span.of(TEXT, 16, 19),))
LU = Entity("E3", "Lu", "PERSON", (Span.of(TEXT, 49, 51),))
ENTITIES = [KHAN, PTI, LU]


@pytest.mark.parametrize("start,end,expected", [
    (12, 25, "E1"),  # the role phrase exactly
    (16, 19, "E2"),  # "PTI": the tightest mention wins over the wider phrase
    (17, 18, "E2"),
    (12, 44, "E1"),  # a wider span: the largest overlap
    (49, 51, "E3"),
    (48, 52, "E3"),
    (50, 50, "E3"),  # an empty span inside a mention
    (0, 11, None),
    (26, 48, None),
])
def test_entity_for_span(start, end, expected):
    found = entity_for_span(ENTITIES, start, end)
    assert (found.id if found else None) == expected


def test_render_text_groups_by_type():
    record = Record(article=Article(id="a", text=TEXT), text=TEXT, entities=tuple(ENTITIES))
    assert render_text(record) == [
        "## Entities",
        "ORG:",
        "  E2 PTI x1",
        "PERSON:",
        '  E1 Imran Khan x1 (also "the PTI chief"; roles PTI chief)',
        "  E3 Lu x1",
    ]


def test_render_text_empty():
    assert render_text(Record(article=Article(id="a", text="x"), text="x")) == []
