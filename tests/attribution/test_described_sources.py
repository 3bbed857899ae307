"""Sources that are descriptions of a named entity (sentences written for these tests)."""

from __future__ import annotations

import pytest

from dateline import extract
from dateline.attribution.speakers import SpeakerResolver
from dateline.types import Entity, Span

PUB = "2020-03-02"


@pytest.mark.parametrize("text,cue,name", [
    # a singular definite description is the organisation named nearest before it
    ("Halvard Mining Corp. cut 300 jobs on Monday. The firm said demand for copper had fallen.",
     "said", "Halvard Mining Corp."),
    ("The Ocean Trust, a London-based charity, opened an office in Lima. The group said it would hire staff.",
     "said", "Ocean Trust"),
])
def test_definite_description_source_is_the_named_organisation(text, cue, name):
    record = extract(text, published=PUB)
    (att,) = [a for a in record.attributions if a.cue and a.cue.text == cue]
    assert att.source.name == name and att.source.entity is not None


def test_plural_or_modified_description_stays_unlinked():
    text = "Halvard Mining Corp. cut 300 jobs on Monday. Rival firms said demand for copper had fallen."
    (att,) = [a for a in extract(text, published=PUB).attributions if a.cue and a.cue.text == "said"]
    assert att.source.entity is None


def test_description_the_entity_layer_made_a_mention_links_its_entity(nlp):
    text = 'Marco Vanetti scored twice. "It was a good day," the Italian striker said.'
    start = text.index("the Italian striker")
    person = Entity(id="E1", name="Marco Vanetti", type="PERSON",
                    mentions=(Span.of(text, 0, 13), Span.of(text, start, start + 19)))
    doc = nlp(text)
    resolver = SpeakerResolver(doc, text, [person])
    phrase = doc.char_span(start, start + 19)
    found = resolver.resolve(phrase.start, phrase.end)
    assert found.source.entity == "E1" and found.source.name == "Marco Vanetti"


def test_a_persons_brief_speaks_for_that_person():
    text = "Anna Kovac filed papers in the divorce case on Monday. Anna Kovac's brief said that was not her view."
    (att,) = [a for a in extract(text, published=PUB).attributions if a.cue and a.cue.text == "said"]
    assert att.source.name == "Anna Kovac" and att.source.span.text == "Anna Kovac's brief"


@pytest.mark.parametrize("text,linked", [
    # two people of the article share the surname: nearness cannot tell which one is meant
    ("A judge rejected a request to open the file on Marco Bellini's divorce from his wife Clara.\n\n"
     "Earlier this month, lawyers for both Marco and Clara Bellini filed papers opposing the request.\n\n"
     "The Republican presidential nominee argued that the files should stay sealed.", None),
    # one person named just before: the description is that person
    ("Senator Ruth Okafor spoke to voters on Monday.\n\n"
     "The presumptive nominee argued that the plan was sound.", "Ruth Okafor"),
])
def test_role_description_links_only_an_unambiguous_person(text, linked):
    (att,) = [a for a in extract(text, published=PUB).attributions if a.cue and a.cue.text == "argued"]
    assert (att.source.name if att.source.entity else None) == linked


def test_age_description_after_a_speakers_quotes_is_that_speaker():
    """The sentences between are the speaker's own quotes: no one else was named since."""
    text = ('Ola Berg joined Lyngby from Brondby in May.\n\n"It is hard here," he said. '
            '"Every game is fast and every team is strong."\n\n'
            "The 29-year-old also revealed that he had been drawn to the club by its coach.")
    (att,) = [a for a in extract(text, published=PUB).attributions if a.cue and "revealed" in a.cue.text]
    assert att.source.name == "Ola Berg" and att.source.entity is not None


def test_age_description_after_another_person_is_named_is_not_the_earlier_speaker():
    text = ('Ola Berg joined Lyngby from Brondby in May.\n\n"It is hard here," he said. '
            '"Every game is fast and every team is strong."\n\n'
            "Fans cheered when the club signed Tom Vail and Ed Moss in June.\n\n"
            "The 29-year-old also revealed that he had been drawn to the club by its coach.")
    (att,) = [a for a in extract(text, published=PUB).attributions if a.cue and "revealed" in a.cue.text]
    assert att.source.name != "Ola Berg"
