"""The story's reference time inside the tagger: what moves it, how far a bare year reaches."""

from __future__ import annotations

import pytest

from dateline.time import tag
from dateline.time.tagger import YEAR_REFERENCE_REACH


def values(text: str, published: str | None = "2023-08-10") -> dict[str, str]:
    return {t.text: t.value for t in tag(text, published)}


@pytest.mark.parametrize("text,expression,value", [
    # a comparison does not move the story: the quarter stays 1989-Q3
    ("Profit rose in the third quarter from a year earlier. Sales in the quarter fell.", "the quarter", "1989-Q3"),
    # a deictic aside does not move it either
    ("Prices fell last year. In March, exports rose.", "March", "1989-03"),
    # a year that bounds a span is not a setting
    ("He has protested since 1982. In March he was arrested.", "March", "1989-03"),
    # a bare year is a setting for the next sentence
    ("The firm was founded in 1982. In March it hired staff.", "March", "1982-03"),
    # a distant explicit date is background beyond its reach
    ("The revolution began on Dec. 2, 1956." + " Officials spoke." * 30 + " In late March, talks failed.",
     "late March", "1989-03"),
    # a date in the future tense is read near publication, not in the story
    ("Talks opened on May 3, 1988. The board will meet again on March 2.", "March 2", "1990-03-02"),
    # steps along the story move it: "the same day" is the day after May 3
    ("Talks opened on May 3, 1988. The next day, they stalled, and the envoy left the same day.",
     "the same day", "1988-05-04"),
])
def test_story_reference(text, expression, value):
    assert values(text, "1989-11-01")[expression] == value


def test_bare_year_reach_is_limited():
    filler = " Officials spoke." * (YEAR_REFERENCE_REACH // 16 + 2)
    text = "The firm was founded in 1982." + filler + " In March it hired staff."
    assert values(text, "1989-11-01")["March"] == "1989-03"


def test_anchor_names_the_timex_that_set_the_story():
    timexes = tag("Talks opened on May 3, 1988. Two days later they failed.", "1989-11-01")
    assert [(t.text, t.value, t.anchor) for t in timexes] == [
        ("May 3, 1988", "1988-05-03", None), ("Two days later", "1988-05-05", "T1")]


@pytest.mark.parametrize("text,expression,value", [
    ("The board authorized a split, payable Dec. 7 to holders.", "Dec. 7", "1989-12-07"),
    ("He said they could come as soon as Tuesday.", "Tuesday", "1989-11-07"),
    ("The offer expires at noon Friday.", "noon Friday", "1989-11-03T12:00"),
    ("The company said Tuesday that profit fell.", "Tuesday", "1989-10-31"),
])
def test_tense_and_future_cues(text, expression, value):
    assert values(text, "1989-11-01")[expression] == value  # 1989-11-01 is a Wednesday


def test_approximator_outside_sets_mod():
    (t,) = tag("The repairs took about two weeks.", "2023-08-10")
    assert (t.text, t.mod) == ("two weeks", "APPROX")
    (t,) = tag("Fighting went on over the weekend.", "2023-08-10")
    assert t.mod is None  # "over" is a preposition here


def test_several_years_ago_is_past_ref():
    (t,) = tag("The plant closed several years ago.", "2023-08-10")
    assert (t.value, t.interval) == ("PAST_REF", (None, "2023-08-10"))


@pytest.fixture(scope="module")
def nlp_doc():
    """Parse a sentence with the project's spaCy pipeline (loaded once)."""
    from dateline import nlp

    return nlp.load(None)


@pytest.mark.parametrize("text,expression,value", [
    ("The offer had been due to expire Friday evening.", "Friday evening", "1989-10-27TEV"),
    ("Until Thursday, police had not called him a suspect.", "Thursday", "1989-10-26"),
    ("His relatives have cared for him since December, when he was found.", "December", "1988-12"),
    ("The official said the father would be traveling Thursday.", "Thursday", "1989-11-02"),
    # a verb inside a quotation does not set the tense of a date outside it (QA finding)
    ('"We will live under it," he said in July.', "July", "1989-07"),
    ("\u201cWe will live under it,\u201d he said in July.", "July", "1989-07"),
    ("``We will live under it,'' he said Thursday.", "Thursday", "1989-10-26"),
    # ... but a date inside the quotation keeps the quotation's tense
    ('"In March we will move," he said.', "March", "1990-03"),
    # a date in a clause that modifies a noun ("results released early Thursday") is background:
    # the story stays on the day of the event told, so a bare time of day falls on that day
    ("Voters re-elected him on Tuesday. He won, according to results released early Wednesday. "
     "He told supporters shortly before midnight that he was grateful.", "midnight", "1989-10-31T24:00"),
    ("The Fed cut rates on Monday, after a record high set on Aug. 6. "
     "Traders sold at 10 a.m. and bought 30 minutes later.", "30 minutes later", "1989-10-30T10:30"),
    # a participle clause opening the sentence takes the tense of the verb it leads to
    ("Speaking at a rally on Friday, she said the vote was rigged.", "Friday", "1989-10-27"),
    ("The mayor resigned. Speaking at a rally on Friday, she said the vote was rigged.", "Friday", "1989-10-27"),
    # ... but a step in the same sentence follows the noun modifier's date
    ("A similar drug approved in 1982 was withdrawn two years later.", "two years later", "1984"),
    # ... and only in that sentence: the next one follows the story's clock time
    ("The storm hit on Monday. The first tornado hit at about 6:40 p.m., said the service, "
     "which had issued a watch that morning. A second twister struck roughly 30 minutes later.",
     "30 minutes later", "1989-10-30T19:10"),
])
def test_tense_with_parse(nlp_doc, text, expression, value):
    timexes = tag(text, "1989-11-01", doc=nlp_doc(text))  # 1989-11-01 is a Wednesday
    assert {t.text: t.value for t in timexes}[expression] == value


@pytest.mark.parametrize("text,published,expression,value", [
    # a deadline in a reported clause is on the day of the statement (publication), not the story's night
    ("Drones were launched Monday night. She said crews had restored power by noon.", "2025-03-04",
     "noon", "2025-03-04T12:00"),
    # without a reporting verb, or without 'by', the clock stays on the story's day
    ("Drones were launched Monday night. Crews restored power by noon.", "2025-03-04", "noon", "2025-03-03T12:00"),
    ("Drones were launched Monday night. She said the sirens sounded at 11 p.m.", "2025-03-04",
     "11 p.m.", "2025-03-03T23:00"),
    # a present-simple schedule: the coming Thursday; a reporting verb in the present: the past one
    ("The women's team closes the regular season at home against Dunmore on Thursday night.", "2025-10-20",
     "Thursday night", "2025-10-23TNI"),
    ("The coach says Thursday that the team is healthy.", "2025-10-20", "Thursday", "2025-10-16"),
    # a possessive weekday describes a noun: the present verb is no schedule
    ("The GM move follows Tuesday's declaration by Ford.", "1989-10-27", "Tuesday", "1989-10-24"),
    # 'two decades later' after a dated year is a year; 'the following year' moves the story
    ("She graduated in 1959 and joined The Herald the following year as a clerk.\n\n"
     "Two decades later, in 1980, she was named managing editor.", "2025-08-15", "Two decades later", "1980"),
    # 'on that day' points at the day just named in a relative clause, not at the week told before
    ("Last week the ministry sent an offer, which the union called \"weak\" on Friday. The union said on "
     "that day it would reply soon.", "2025-11-10", "that day", "2025-11-07"),
    # minutes after a told day stay on that day; a past step of unknown length is no future
    ("The notice went up on the site Thursday. The site crashed a few minutes later.", "2025-05-16",
     "a few minutes later", "2025-05-15"),
    ("The plant reopened in 1990. It closed again a few years later.", "2025-05-16",
     "a few years later", "PAST_REF"),
    # a present participle on a noun has the tense of the clause its noun stands in ...
    ("The senator locked up endorsements from unions representing most members way back in October.",
     "2016-06-10", "October", "2015-10"),
    ("Unions representing most workers will strike in October.", "2016-06-10", "October", "2016-10"),
    # ... unless it points ahead itself ('calling for', a to-infinitive)
    ("The minister unveiled a plan calling for elections in October.", "2016-06-10", "October", "2016-10"),
])
def test_parsed_story(text, published, expression, value):
    """Rules that need the parse (tense, the verb a time expression hangs from)."""
    from dateline.nlp import load

    found = {t.text: t.value for t in tag(text, published, load()(text))}
    assert found[expression] == value, found


def test_prospective_clause_leaves_a_past_story_year():
    """'hoped to reopen by the end of the year' after 'in November', published in January: the new year."""
    from dateline.nlp import load

    text = ("The owner had fired Gallagher in November after a dispute, the company said. Kestrel said it "
            "would rebuild on the same site and hoped to reopen by the end of the year.")
    found = {t.text: t.value for t in tag(text, "2026-01-03", load()(text))}
    assert found == {"November": "2025-11", "the end of the year": "2026"}
