"""Definite descriptions linked to the one person described the same way before
(entities/describe.py).  Sentences written for these tests, run through the pinned model."""

from __future__ import annotations

import pytest

from dateline import extract

PUB = "2021-05-04"

CASES = [
    # a title gives the noun; a capitalized modifier the article never wrote is no obstacle
    ("Sen. Mara Quill spoke in Burlington on Monday. Later the Vermont senator declined to comment.",
     "the Vermont senator", "Mara Quill"),
    # the title's own word, with an age in front
    ("Justice Ada Brenn wrote the ruling on Monday. Critics said the 83-year-old justice's view was wrong.",
     "the 83-year-old justice", "Ada Brenn"),
    # an age given after the name
    ("Ola Berg, 29, scored twice for Lyngby on Sunday. The 29-year-old also said he was happy.",
     "The 29-year-old", "Ola Berg"),
    # an appositive's noun; the modifier tells two defenders apart
    ("Ivo Petrov, the Serbian defender, and Jan Kos, the Polish defender, were banned on Monday. "
     "The Serbian defender will appeal.", "The Serbian defender", "Ivo Petrov"),
    # another person named before it in its sentence is no obstacle (the senator is not Sanders)
    ("Sen. Elizabeth Warren spoke in Boston on Monday. Bernie Sanders later met the senator in Vermont.",
     "the senator", "Elizabeth Warren"),
    # a paragraph's opening subject, named (with a title of its noun) in the next sentences
    ("The lawmaker who led the walkout said on Monday that talks had failed.\n\n"
     '"We tried," said Democratic Representative Dan Ortiz, a former teacher.', "The lawmaker", "Dan Ortiz"),
    ("A Boston judge has rejected a request to open the file, saying the law is clear.\n\n"
     "Suffolk Superior Court Judge Ellen Marsh ruled on Thursday.", "A Boston judge", "Ellen Marsh"),
    # an appositive after an age
    ("Tom Vail, 51, a Sydney cardiologist, denied the charge. The cardiologist was freed on Monday.",
     "The cardiologist", "Tom Vail"),
    # a person noun written before the name
    ("The club hired manager Tor Lund in May. Fans said the manager had changed the side.",
     "the manager", "Tor Lund"),
    # a hyphenated role noun from an appositive ("a former lieutenant-colonel in ...")
    ("Ivan Sokol, a former lieutenant-colonel in the security service, was arrested on Monday. "
     "Police said the former lieutenant-colonel had fled.", "the former lieutenant-colonel", "Ivan Sokol"),
    # an organisation's chief: through what the organisation is, or its name's last part
    ("Axel Weber, head of the German central bank, spoke on Monday. Markets rose after the "
     "German central bank chief said rates would stay low.", "the German central bank chief", "Axel Weber"),
    ("Bundesbank chief Axel Weber spoke on Monday. Markets rose after the German central bank "
     "chief said rates would stay low.", "the German central bank chief", "Axel Weber"),
    # the one person introduced as a candidate
    ("Republican candidate Ben Carson spoke in Iowa on Monday. The candidate said he would win.",
     "The candidate", "Ben Carson"),
    # an age after a full name spaCy typed ORG, whose surname is a person's
    ("Brooklyn Marsh, 44, was charged on Monday with fraud. His brother, Tom Marsh, said he was innocent. "
     "The 44-year-old was freed on bail.", "The 44-year-old", "Brooklyn Marsh"),
]

UNLINKED = [
    # two senators: nearness alone does not decide
    ("Sen. Mara Quill and Sen. Tom Vail met on Monday. The senator said no deal was near.", "The senator"),
    # the age the article gives is another one
    ("Ola Berg, 31, scored twice for Lyngby on Sunday. The 29-year-old also said he was happy.", "The 29-year-old"),
    # described only after the description, which does not open the paragraph
    ("On Monday the senator spoke first. Sen. Mara Quill then left the room.", "the senator"),
    # a paragraph's opening description, but the one person named after it is no judge
    ("A judge rejected the request on Monday.\n\nThe lawyer Ann Lee said she would appeal.", "A judge"),
    # named under the same verb: another senator
    ("Sen. Mara Quill thanked the senator on Monday.", "the senator"),
    # a place (or party) that clashes with the one the person was described with
    ("Former New York Gov. Dan Pike backed the plan on Monday. Voters cheered the Ohio governor.", "the Ohio governor"),
    ("Republican nominee Dan Pike spoke on Monday. Later the Democratic nominee said no.", "the Democratic nominee"),
    # a kin noun after someone else's possessive: whose daughter is unclear
    ("Ann Lee went to Paris to visit her daughter Esther.\n\nTom Vail flew to Rome. He was visiting his daughter.",
     "his daughter"),
    # nobody described as a judge
    ("Ann Lee and Bo Park filed suit on Monday. The judge said the case would go ahead.", "The judge"),
    # another organisation's chief
    ("Bundesbank chief Axel Weber spoke on Monday. Later the police chief said the march was peaceful.",
     "the police chief"),
    # two candidates
    ("Republican candidate Ben Carson and Democratic candidate Ann Lee spoke on Monday. The candidate said no.",
     "The candidate"),
]


def _owner(text: str, phrase: str) -> str | None:
    record = extract(text, published=PUB, layers=["entities"])
    start = text.index(phrase)
    owners = [e.name for e in record.entities for m in e.mentions if (m.start, m.end) == (start, start + len(phrase))]
    return owners[0] if owners else None


@pytest.mark.parametrize("text,phrase,name", CASES)
def test_description_is_a_mention_of_the_person_described_so(text, phrase, name):
    assert _owner(text, phrase) == name


@pytest.mark.parametrize("text,phrase", UNLINKED)
def test_description_stays_unlinked_without_one_fitting_person(text, phrase):
    assert _owner(text, phrase) is None


def test_described_source_names_the_person():
    text = ("Anna Berg filed for divorce from husband Tom Berg in May. "
            "Her ex-husband agreed, but contended that the papers should stay sealed.")
    record = extract(text, published=PUB)
    (att,) = [a for a in record.attributions if a.cue and "contended" in a.cue.text]
    assert att.source.span.text == "Her ex-husband" and att.source.name == "Tom Berg"


def test_quoted_word_in_a_source_name_keeps_its_closing_mark():
    text = ('Last month, trial "assessors," who act like jurors, recommended that Tom Berg be acquitted.')
    record = extract(text, published=PUB)
    (att,) = [a for a in record.attributions if a.cue and a.cue.text == "recommended"]
    assert att.source.name == 'trial "assessors"'
