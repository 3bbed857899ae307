"""The international first-name list (gender, naming tradition), the nickname rule's own
reading of it, and names used only as modifiers ("a Trump supporter") as antecedents."""

from __future__ import annotations

import pytest

from dateline.coref import pronouns as coref
from dateline.entities.mentions import without_epithet


def _first_he_or_she(resolver, document):
    token = next(t for t in document.doc if t.lower_ in ("he", "she"))
    found = resolver.antecedent(token)
    return found.name if found else "-"


def test_every_row_names_a_tradition_and_no_name_twice():
    rows = coref._rows("first_names.tsv")
    assert len(rows) > 1000
    assert all(len(row) == 3 and row[2] for row in rows)
    names = [row[0] for row in rows]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name,gender", [("marina", "f"), ("sergei", "m"), ("fatima", "f"), ("mohammad", "m"),
                                         ("priya", "f"), ("joaquín", "m"), ("ségolène", "f"), ("jürgen", "m"),
                                         ("giulia", "f"), ("kwame", "m"), ("ngozi", "f"), ("jean-pierre", "m")])
def test_international_first_names_have_a_gender(name, gender):
    assert coref.first_names()[name] == gender


@pytest.mark.parametrize("name", ["jean", "andrea", "kim", "alexis"])
def test_names_of_either_gender_are_names_without_gender(name):
    assert name not in coref.first_names()
    assert name in coref.given_names()


@pytest.mark.parametrize("word", ["hope", "paris", "milan", "said", "marine"])
def test_words_and_places_are_not_listed(word):
    assert word not in coref.given_names()


def test_only_english_names_mark_a_glued_nickname():
    assert "nancy" in coref.given_names("en") and "mohammad" not in coref.given_names("en")
    # a word before a common English first name is a nickname; one before a name of another
    # tradition is more often an honorific that belongs to the name
    assert without_epithet("Nasty Nancy Lee", "x") == "Nancy Lee"
    assert without_epithet("Maulvi Ahmad Karim Durrani", "x") == "Maulvi Ahmad Karim Durrani"
    assert without_epithet("Hafiz Ibrahim Saeed", "x") == "Hafiz Ibrahim Saeed"
    # a first word that is a listed name of any tradition is no nickname
    assert without_epithet("Sergei Ivan Petrov", "x") == "Sergei Ivan Petrov"
    # the article writing the rest on its own still cuts, whatever the tradition
    assert without_epithet("Maulvi Ahmad Karim", "Maulvi Ahmad Karim spoke. Ahmad Karim left. Ahmad Karim") \
        == "Ahmad Karim"


@pytest.mark.parametrize("sentence,expected", coref.examples("modifier_heads.txt"))
def test_modifier_heads_examples(resolver_of, sentence, expected):
    assert _first_he_or_she(*resolver_of(sentence)) == expected


@pytest.mark.parametrize("text,expected", [
    # a name modifying a singular person noun is no antecedent; the described person stops the search
    ("Tom Berg spoke in Leeds. A Berg loyalist told the crowd that he would stay.", "-"),
    ("Tom Berg spoke in Leeds. An aide told the crowd that he would stay.", "-"),
    # a name modifying a thing still is ("the Berg campaign said he ...": Berg)
    ("Tom Berg spoke in Leeds. The Berg campaign said he would stay.", "Tom Berg"),
    # a definite description is left to the attribution layer's role rules: the named person
    ("Tom Berg spoke in Leeds. The spokesman said he would stay.", "Tom Berg"),
    # an international first name gives the gender: "he" skips a woman named just before
    ("Ivan Sokol arrived on Monday. Later, Oksana Petrenko spoke. He left.", "Ivan Sokol"),
    ("Tom Berg arrived on Monday. Later, Marina Sokol spoke. He left.", "Tom Berg"),
])
def test_modifier_names_and_gendered_names(resolver_of, text, expected):
    assert _first_he_or_she(*resolver_of(text)) == expected


def test_modifier_heads_file_states_its_format():
    head = (coref.DATA / "modifier_heads.txt").read_text(encoding="utf-8").splitlines()[:10]
    assert any("Format:" in line for line in head)
    assert all(noun == noun.lower() and " " not in noun for noun in coref.modifier_heads())


@pytest.mark.parametrize("text,speaker", [
    # a namesake not named near the description does not block it (the husband is only "his")
    ('Alexander Petrenko died on Monday.\n\nIn her first interview since her husband died, Oksana '
     'Petrenko backed his claim that he was poisoned.\n\n"It was not the police," the 44-year-old told '
     'a newspaper.', "Oksana Petrenko"),
    # both named just before: nearness cannot tell which one is meant
    ('Alexander Petrenko and Oksana Petrenko spoke on Monday. "It was not the police," the 44-year-old '
     'told a newspaper.', None),
    # a plain description of one person is who a later "he" is (not the person named before it)
    ('Tom Berg spoke on Friday. A spokesman for the ministry said the attack had failed. '
     '"We will act," he said.', None),
])
def test_described_speaker(text, speaker):
    from dateline import extract

    att = [a for a in extract(text, published="2016-05-12").attributions if a.kind == "direct"][-1]
    assert (att.source.name if att.source.entity else None) == speaker


def test_possessive_his_owns_the_claim():
    """'his claim that ...': the claim's source is the person "his" refers to."""
    from dateline import extract

    text = "Ivan Sokol died on Monday. His widow, Oksana Sokol, backed his claim that he was poisoned."
    record = extract(text, published="2016-05-12")
    names = {e.id: e.name for e in record.entities}
    (att,) = [a for a in record.attributions if a.cue and a.cue.text == "claim"]
    assert att.source.span.text == "his" and names.get(att.source.entity) == "Ivan Sokol"
