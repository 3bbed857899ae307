"""The entity data files: format headers present, and every example line holds."""

from __future__ import annotations

import re

import pytest

from dateline.entities import data

FILES = ["titles.txt", "role_nouns.txt", "aliases.tsv", "demonyms.tsv", "company_words.txt", "type_cues.tsv",
         "headline_words.txt", "place_prepositions.txt", "person_verbs.txt", "team_cues.txt", "person_nouns.txt",
         "epithets.txt", "title_nouns.tsv", "type_after.tsv", "org_prefixes.txt", "kin_nouns.txt",
         "given_name_variants.tsv", "platforms.txt", "org_heads.txt", "broadcast_words.txt", "party_words.txt",
         "org_name_heads.txt"]


def _split(expected: str) -> list[str]:
    return [part.strip() for part in expected.split("|")]


def _check_titles(ex):
    name, role = _split(ex.expected)
    assert data.split_title(ex.given) == (name, role or None)


def _check_roles(ex):
    org, noun = _split(ex.expected)
    assert data.split_role_phrase(ex.given) == ((org, noun) if org else None)


def _check_aliases(ex):
    assert (data.canonical_alias(ex.given) or ex.given) == ex.expected


def _check_demonyms(ex):
    assert data.demonyms().get(data.name_key(ex.given), "") == ex.expected


def _check_company(ex):
    assert (data.company_short_name(ex.given) or "") == ex.expected


def _check_type_cue(ex):
    words = ex.given.split()
    last_lower = max(i for i, w in enumerate(words) if w.islower())  # the name follows it
    start = len(" ".join(words[:last_lower + 1])) + 1
    assert (data.type_before(ex.given, start) or "") == ex.expected


def _check_headline(ex):
    assert ("title" if data.is_title_case(ex.given) else "sentence") == ex.expected


def _check_place(ex):
    name = ex.given.split()[-1].removesuffix("'s").removesuffix("’s")
    start = ex.given.rindex(name)
    found = data.place_preposition_before(ex.given, start, start + len(name))
    assert ("yes" if found else "no") == ex.expected


def _check_person_verb(ex):
    assert ("yes" if ex.given in data.person_verbs() else "no") == ex.expected


def _check_team(ex):
    if ex.expected:
        start = ex.given.index(ex.expected)
        assert data.team_cue(ex.given, start, start + len(ex.expected))
        return
    for m in re.finditer(r"[A-Z]\w*(?: [A-Z]\w*)*", ex.given):
        assert not data.team_cue(ex.given, m.start(), m.end()), m.group()


def _check_person_noun(ex):
    assert (data.person_appositive(ex.given, ex.given.index(",")) or "") == ex.expected


def _check_epithet(ex):
    assert data.strip_epithet(ex.given)[0] == ex.expected


def _check_title_noun(ex):
    assert data.title_nouns().get(ex.given, "") == ex.expected


def _check_type_after(ex):
    last = max(m.end() for m in re.finditer(r"\b[A-Z]\w*", ex.given))  # the name ends there
    assert (data.type_after(ex.given, last) or "") == ex.expected


def _check_kin(ex):
    from dateline.entities import entities_of
    from dateline.nlp import load
    text = ex.given
    linked = [e.name for e in entities_of(load()(text)) for m in e.mentions if m.text.lower().startswith(("his ", "her "))]
    assert linked == ([] if ex.expected == "(none)" else [ex.expected])


def _check_org_prefix(ex):
    assert data.strip_org_prefix(ex.given) == ex.expected


def _check_given_name(ex):
    a, b = _split(ex.given)
    assert ("same" if data.same_given_name(a, b) else "different") == ex.expected


def _check_platform(ex):
    assert (data.platform_type(ex.given) or "") == ex.expected


def _check_org_head(ex):
    end = ex.given.index("US") + 2
    words = data.org_after_place(ex.given, end)
    assert ("US" + words if words else "") == ex.expected


def _check_org_name_head(ex):
    assert " | ".join(ex.given[a:b] for a, b in data.headed_org_names(ex.given)) == ex.expected


def _check_broadcast(ex):
    assert ", ".join(ex.given[a:b] for a, b in data.call_letters(ex.given)) == ex.expected


def _check_party(ex):
    assert (data.party_word(ex.given) or "") == ex.expected


CHECKS = {"given_name_variants.tsv": _check_given_name, "platforms.txt": _check_platform, "org_heads.txt": _check_org_head,
          "broadcast_words.txt": _check_broadcast, "org_name_heads.txt": _check_org_name_head, "party_words.txt": _check_party,
          "kin_nouns.txt": _check_kin, "type_after.tsv": _check_type_after, "org_prefixes.txt": _check_org_prefix, "title_nouns.tsv": _check_title_noun, "team_cues.txt": _check_team, "person_nouns.txt": _check_person_noun, "epithets.txt": _check_epithet,
          "person_verbs.txt": _check_person_verb, "headline_words.txt": _check_headline, "place_prepositions.txt": _check_place,
          "type_cues.tsv": _check_type_cue, "company_words.txt": _check_company, "titles.txt": _check_titles, "role_nouns.txt": _check_roles,
          "aliases.tsv": _check_aliases, "demonyms.tsv": _check_demonyms}
EXAMPLES = [ex for name in FILES for ex in data.examples(name)]


@pytest.mark.parametrize("name", FILES)
def test_header_states_format_and_has_examples(name):
    assert "Format:" in "\n".join(line for line in data._lines(name)[:8])
    assert len(data.examples(name)) >= 3


@pytest.mark.parametrize("ex", EXAMPLES, ids=[f"{e.file}:{e.given}" for e in EXAMPLES])
def test_example_line(ex):
    CHECKS[ex.file](ex)


@pytest.mark.parametrize("name", ["aliases.tsv", "demonyms.tsv"])
def test_tables_are_two_columns(name):
    for line in data.entries(name):
        assert len(line.split("\t")) == 2 and all(part.strip() for part in line.split("\t")), line


@pytest.mark.parametrize("given,key", [("the U.S.", "us"), ("The  United States", "united states"),
                                       ("Imran Khan’s", "imran khan's"), ("U.N.", "un")])
def test_name_key(given, key):
    assert data.name_key(given) == key
