"""Shared checks for the entity tests."""

from __future__ import annotations

from dateline import extract


def check_entities(text: str, expected: dict, absent: set) -> None:
    """Assert the entities of ``text``: each expected name with its type and mentions (or
    aliases), and none of the ``absent`` names."""
    record = extract(text, published="2025-10-20", layers=["entities"])
    by_name = {e.name: e for e in record.entities}
    for name, (kind, mentions) in expected.items():
        assert name in by_name, (name, sorted(by_name))
        entity = by_name[name]
        assert entity.type == kind, (name, entity.type)
        assert mentions <= {m.text for m in entity.mentions} | set(entity.aliases), (name, entity.mentions)
    assert not (absent & set(by_name)), sorted(by_name)
