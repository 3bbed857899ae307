"""Cue extents of nouns and adjectives (reported.nominal_cue_start) and one learned cue per
token (learned.one_per_cue), as PolNeAR marks cues."""

from __future__ import annotations

import pytest

from dateline.attribution import learned
from dateline.attribution.reported import nominal_cue_start


def _start(nlp, sentence: str, word: str) -> str:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    return doc[nominal_cue_start(tok):tok.i + 1].text


@pytest.mark.parametrize("sentence,word,cue", [
    ("The senator has been critical of the budget deal.", "critical", "has been critical"),
    ("Republicans weren't too concerned about the deficit.", "concerned", "weren't too concerned"),
    ("The governor took a shot at his rival.", "shot", "took a shot"),
    ("Voters have no idea what the plan costs.", "idea", "have no idea"),
    ("His harsh criticism of the plan angered voters.", "criticism", "harsh criticism"),
    ("The first official acknowledgement of the leak came late.", "acknowledgement", "The first official acknowledgement"),
])
def test_the_cue_takes_the_verb_group_or_the_modifiers(nlp, sentence, word, cue):
    assert _start(nlp, sentence, word) == cue


@pytest.mark.parametrize("sentence,word,cue", [
    # the owner and a name before the noun are the source, never the cue
    ("The mayor rejected Smith's claim that the vote was rigged.", "claim", "claim"),
    ("A New York Times report that the mine was unsafe alarmed residents.", "report", "report"),
    # no verb group over a subject ("Is he critical of ...?")
    ("Is he critical of the plan?", "critical", "critical"),
])
def test_the_cue_stops_at_an_owner_or_a_subject(nlp, sentence, word, cue):
    assert _start(nlp, sentence, word) == cue


def test_the_cue_never_runs_over_the_content(nlp):
    doc = nlp("The senator has been critical of the budget deal.")
    critical = next(t for t in doc if t.text == "critical")
    assert nominal_cue_start(critical) == 2  # "has been critical"
    assert nominal_cue_start(critical, ((3, 4),)) == critical.i  # were "been" content, the cue stops


def test_noun_rule_cue_runs_to_its_preposition(attributions_of):
    atts = [a for a in attributions_of("His harsh criticism of the plan angered voters.") if a.rule == "noun"]
    assert [a.cue.text for a in atts] == ["harsh criticism of"]
    assert atts[0].source.span.text == "His" and atts[0].content[0].text == "the plan"


def test_one_per_cue_keeps_the_more_probable_of_overlapping_cues():
    scored = [(0.7, (3,)), (0.9, (3, 4, 5, 6)), (0.8, (9, 10)), (0.2, (12,))]
    assert learned.one_per_cue(scored, 0.5) == {1, 2}
    assert learned.one_per_cue(scored, 0.95) == set()
    assert learned.one_per_cue([(0.6, (1,)), (0.6, (1, 2))], 0.5) == {0}  # a tie: the first
