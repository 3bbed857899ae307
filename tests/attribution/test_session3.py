"""Session 3 fixes of the attribution layer, each with sentences written for these tests
(none comes from the development data)."""

from __future__ import annotations

import pytest


def _by_rule(atts, rule):
    return [a for a in atts if a.rule == rule]


def _holding(atts, words):
    return [a for a in atts if any(words in c.text for c in a.content)]


# -- a quote in lower case completes the sentence begun before it ----------------------------
@pytest.mark.parametrize("text,content", [
    ("Rates went up last year. However sound the aim, using the tax ''is the wrong tool,'' said Mr. Berg.",
     "However sound the aim, using the tax ''is the wrong tool,''"),
    ('Mr. Lee is “smart as a whip,” Jan Brown wrote in an email.', 'Mr. Lee is “smart as a whip,”'),
    # a capitalised quote is the content by itself, as before
    ('The plan failed. "We will try again," said Ann Lee.', '"We will try again,"'),
    # an abbreviation does not end the sentence the quote completes
    ('Dr. Ruiz thinks the dam is "far too old," said Omar Haddad.', 'Dr. Ruiz thinks the dam is "far too old,"'),
])
def test_lower_case_quote_takes_its_sentence(attributions_of, text, content):
    (att,) = _holding(attributions_of(text), content.split()[-1].strip(",\"'”“"))
    assert att.content[0].text == content


# -- a quoted section heading is nobody's words -----------------------------------------------
def test_quoted_heading_paragraph_is_not_continued(attributions_of):
    text = ('"The plant will close," said Ann Lee.\n\n\'Coal Is Not the Villain.\'\n\n'
            'It was raining when the miners arrived.')
    atts = attributions_of(text)
    assert not _holding(atts, "Villain")
    assert _holding(atts, "The plant will close")


def test_quote_paragraph_still_continues_its_speaker(attributions_of):
    text = '"The plant will close," said Ann Lee.\n\n"We tried everything we could to save it."'
    (att,) = _holding(attributions_of(text), "We tried")
    assert att.source.name == "Ann Lee" and att.rule == "quote_continued"


# -- a quote set off by dashes between the speaker and the cue --------------------------------
@pytest.mark.parametrize("text,speaker,aside,rest", [
    ('Mitt Romney -- "I will not vote for him" -- said on Friday that he was done.',
     "Mitt Romney", '"I will not vote for him"', "that he was done"),
    ("The governor — “we have no choice” — said the plant would close.",
     "The governor", "“we have no choice”", "the plant would close"),
    ("Ann Lee – “a sad day for the town” – has also said the mill must stay open.",
     "Ann Lee", "“a sad day for the town”", "the mill must stay open"),
])
def test_dashed_quote_is_the_speakers_aside(attributions_of, text, speaker, aside, rest):
    atts = attributions_of(text)
    (dashed,) = _by_rule(atts, "quote_dashed")
    assert dashed.kind == "direct" and [c.text for c in dashed.content] == [aside]
    assert dashed.source is not None and dashed.source.name == speaker
    (main,) = _holding(atts, rest)
    assert main.source is not None and main.source.name == speaker
    assert [c.text for c in main.content] == [rest]


def test_dashed_quote_after_the_cue_is_left_alone(attributions_of):
    text = 'He said the campaign -- "an outrage to voters" -- had made him angry.'
    assert not _by_rule(attributions_of(text), "quote_dashed")


# -- "they" after people named together is all of them ----------------------------------------
@pytest.fixture(scope="module")
def extract():
    import dateline

    return lambda text: dateline.extract(text, published="2020-05-04", layers=["entities", "attributions"])


@pytest.mark.parametrize("text,name,count", [
    ("Ann Lee and Tom Baker met the mayor on Monday. They said the talks had failed.",
     "Ann Lee and Tom Baker", 2),
    ("Senators Ann Lee, Tom Baker and Rosa Diaz wrote to the bank. They said it had misled customers.",
     "Ann Lee, Tom Baker and Rosa Diaz", 3),
])
def test_they_after_coordinated_names_is_the_group(extract, text, name, count):
    record = extract(text)
    (att,) = record.attributions
    assert att.source.name == name and att.source.entity is None
    assert len(att.source.members) == count
    people = {e.id: e.name for e in record.entities}
    assert [people[m] for m in att.source.members] == name.replace(" and ", ", ").split(", ")
    assert att.source.to_dict()["members"] == list(att.source.members)


def test_he_after_coordinated_names_is_one_of_them(extract):
    record = extract("Ann Lee met Tom Baker on Monday. He said the talks had failed.")
    (att,) = record.attributions
    assert att.source.name == "Tom Baker" and att.source.members == ()
    assert "members" not in att.source.to_dict()


def test_source_members_round_trip():
    from dateline.types import Source, Span

    src = Source(name="Ann Lee and Tom Baker", span=Span(0, 4, "They"), members=("E1", "E2"))
    assert Source.from_dict(src.to_dict()) == src
    assert Source.from_dict({"name": "X", "entity": None, "span": None}).members == ()
