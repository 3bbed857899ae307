"""Acceptance: the seed's gold entities are found, with their aliases merged."""

from __future__ import annotations


def _match(gold: dict, entities) -> object | None:
    """Our entity whose name or alias is the gold name, with every gold alias merged into it."""
    want = gold["name"].casefold()
    for e in entities:
        names = {e.name.casefold(), *(a.casefold() for a in e.aliases)}
        if want in names and e.type == gold["type"]:
            if all(a.casefold() in names for a in gold.get("aliases", [])):
                return e
    return None


def test_at_least_14_of_15_gold_entities(seed_record, seed_gold):
    gold = seed_gold["entities"]
    found = {g["name"]: _match(g, seed_record.entities) for g in gold}
    missing = [name for name, e in found.items() if e is None]
    assert len(gold) == 15
    assert len(gold) - len(missing) >= 14, f"missing: {missing}"
    ids = [e.id for e in found.values() if e is not None]
    assert len(ids) == len(set(ids)), "two gold entities merged into one"


def test_seed_person_details(seed_record):
    (khan,) = [e for e in seed_record.entities if e.name == "Imran Khan"]
    assert khan.type == "PERSON"
    assert "Prime Minister" in khan.roles
    assert {"Khan", "the PTI chief", "Prime Minister Imran Khan"} <= set(khan.aliases)
    assert "Imran Khan's" not in khan.aliases  # the possessive is not part of the name
    (intercept,) = [e for e in seed_record.entities if e.name == "The Intercept"]
    assert len(intercept.mentions) == 4  # spaCy finds one; the others are found again by name
