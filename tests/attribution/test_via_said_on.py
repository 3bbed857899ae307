"""via from a medium (platform or outlet in the cue's prepositions), said_on from a date the
cue's sentence tells elsewhere, and speakers of inverted or continued cues (own sentences)."""

from __future__ import annotations

import pytest

import dateline
from dateline.attribution import lexicon
from dateline.attribution.media import platforms


def _atts(text: str, published: str = "2021-03-12"):
    return dateline.extract(text, published=published).attributions


def test_platforms_file_has_format_and_examples():
    head = (lexicon.DATA / "platforms.txt").read_text(encoding="utf-8").splitlines()[:10]
    assert any(line.startswith("# Format:") for line in head)
    assert {"twitter", "truth social"} <= platforms()


@pytest.mark.parametrize("sentence,expected", lexicon.examples("platforms.txt"))
def test_platform_examples(attributions_of, sentence, expected):
    atts = [a for a in attributions_of(sentence) if a.cue]
    assert atts, sentence
    vias = [v.name for a in atts for v in a.via]
    if expected[0] == "-":
        assert vias == [], sentence
    else:
        assert expected[0] in vias, (sentence, vias)


def test_medium_via_carries_to_the_next_answer():
    atts = _atts('Asked on CNN who would win, Ruiz said it would be Lopez. "I would say Lopez for now," Ruiz said.')
    assert len(atts) == 2
    assert all([v.name for v in a.via] == ["CNN"] for a in atts), [(a.cue.text, a.via) for a in atts]


def test_told_a_paper_with_a_listed_head_word():
    (att,) = [a for a in _atts('The sheriff told the Tulsa Courier that "nobody was hurt."') if a.cue]
    assert [v.name for v in att.via] == ["Tulsa Courier"]


def test_date_after_the_quote_dates_the_words():
    (att,) = _atts('The governor wrote, "We will reopen the schools!" on Tuesday afternoon.')
    assert att.said_on == "2021-03-09"


def test_date_on_the_verb_a_participle_cue_hangs_on():
    atts = _atts('Lopez attacked the mayor on Wednesday over his plan to close the park, calling it "a disgrace."')
    assert [a.said_on for a in atts if a.cue.text == "calling"] == ["2021-03-10"]


def test_date_inside_the_words_is_not_the_saying():
    atts = _atts('The coach said, "We play on Sunday and we will win."')
    assert atts[0].said_on != "2021-03-07"


def test_inverted_cue_with_a_date_before_the_speaker():
    atts = _atts('"The talks are going well," said on Monday Ana Ruiz, a spokeswoman for the ministry. '
                 '"We expect a deal soon."')
    assert atts and all(a.source is not None and a.source.name == "Ana Ruiz" for a in atts)
    assert atts[0].said_on == "2021-03-08"


def test_quote_after_a_connective_continues_the_speaker():
    text = ('"We are not done yet," Lopez said outside the court. But "the ruling helps us. '
            'It is a start."')
    atts = _atts(text)
    held = [a for a in atts if any("ruling helps" in c.text for c in a.content)]
    assert held and held[0].source is not None and held[0].source.name == "Lopez"


@pytest.mark.parametrize("text,expected", lexicon.examples("day_shifts.txt"))
def test_day_shift_examples(text, expected):
    from dateline.attribution.said_on import day_shifts

    timexes = dateline.extract(text, published="2021-03-12").timexes
    shifts = [days for _, days in day_shifts(text, timexes)]
    assert shifts == ([] if expected[0] == "-" else [int(expected[0])])


def test_eve_of_an_event_is_the_day_before_the_story_day():
    text = ('The leaders met on Thursday in Rome. On the eve of the talks, Lopez softened his tone. '
            '"We can agree on much," he said.')
    atts = _atts(text)
    assert [a.said_on for a in atts] == ["2021-03-10"], [(a.cue.text, a.said_on) for a in atts]


def test_a_new_story_day_beats_the_sources_last_day():
    text = ('On Monday, Lopez said the plan was dead. On Tuesday, the council met again. '
            '"We will fight," Lopez said.')
    atts = _atts(text)
    assert [(a.said_on, a.said_on_basis) for a in atts] == [("2021-03-08", "stated"), ("2021-03-09", "story_day")]


def test_a_second_eve_shifts_the_day_in_force_at_its_own_place():
    # the first shift must not stand after a later story day in the track the second one reads
    text = ('The leaders met on Monday in Rome. On the eve of the talks, Lopez softened his tone. '
            'The ministers met on Thursday in Paris. On the eve of the summit, Diaz spoke. '
            '"We can agree on much," Diaz said.')
    atts = _atts(text)
    assert [a.said_on for a in atts][-1] == "2021-03-10", [(a.cue.text, a.said_on) for a in atts]
