"""Every data file opens with a format header whose example lines are run here."""

from __future__ import annotations

import pytest

from dateline.events.lexicon import DATA_FILES, data_examples, data_lines, lexicon

from .helpers import run

TRIGGER_FILES = ("event_nouns.txt", "multiword_triggers.txt", "light_verbs.txt", "reporting_verbs.txt",
                 "non_event_verbs.txt", "state_adjectives.txt")
ALL_FILES = DATA_FILES + ("participant_roles.txt", "support_verbs.txt")


def _cases(names):
    return [(name, s, e) for name in names for s, e in data_examples(name)]


@pytest.mark.parametrize("name", ALL_FILES)
def test_every_file_has_a_header_with_examples(name):
    assert data_examples(name), f"{name} has no '# example:' lines"
    assert data_lines(name), f"{name} has no entries"


@pytest.mark.parametrize("name, sentence, expected", _cases(TRIGGER_FILES))
def test_trigger_examples(name, sentence, expected):
    assert expected in [e.trigger.text for e in run(sentence)]


@pytest.mark.parametrize("name, sentence, expected", _cases(["non_event_nouns.txt"]))
def test_non_event_noun_examples(name, sentence, expected):
    assert expected == "(none)"
    assert not [e for e in run(sentence) if e.rule in ("event_noun", "deverbal_noun")]


@pytest.mark.parametrize("name, sentence, expected", _cases(["event_classes.txt"]))
def test_class_examples(name, sentence, expected):
    trigger, cls = expected.split()
    assert cls in [e.cls for e in run(sentence) if e.trigger.text == trigger]


@pytest.mark.parametrize("name, sentence, expected", _cases(["modality_cues.txt"]))
def test_modality_examples(name, sentence, expected):
    assert expected in [e.modality for e in run(sentence)]


@pytest.mark.parametrize("name, sentence, expected", _cases(["negation_cues.txt"]))
def test_negation_examples(name, sentence, expected):
    polarities = {e.polarity for e in run(sentence)}
    assert ("NEG" in polarities) == (expected == "NEG")


@pytest.mark.parametrize("name, sentence, expected", _cases(["temporal_signals.txt"]))
def test_signal_examples(name, sentence, expected):
    words = sentence.lower().rstrip(".").replace(",", "").split()
    phrases = words + [f"{a} {b}" for a, b in zip(words, words[1:])]  # two-word signals ("prior to")
    assert expected in [lexicon().signals.get(w) for w in phrases]


@pytest.mark.parametrize("name, sentence, expected", _cases(["participant_roles.txt", "support_verbs.txt"]))
def test_role_examples(name, sentence, expected):
    trigger, _, rest = expected.partition(":")
    text, role = rest.strip().rsplit(" ", 1)
    events = [e for e in run(sentence) if e.trigger.text == trigger]
    assert (role, text) in [(p.role, p.span.text) for e in events for p in e.participants]


@pytest.mark.parametrize("name, sentence, expected", _cases(["change_words.txt"]))
def test_change_word_examples(name, sentence, expected):
    from dateline.nlp import load
    word, kind = expected.split()
    assert lexicon().change_words[word] == kind
    assert word in [t.lemma_.lower() for t in load()(sentence)]


@pytest.mark.parametrize("name, sentence, expected", _cases(["narrative_offsets.txt"]))
def test_narrative_offset_examples(name, sentence, expected):
    from dateline.nlp import load
    trigger, kind = expected.split()
    assert kind in {lexicon().narrative_offsets.get(t.lower_) for t in load()(sentence)}
    event = next(e for e in run(sentence) if e.trigger.text == trigger)
    assert "narrative" not in (event.when.note or "")


@pytest.mark.parametrize("name, sentence, expected", _cases(["event_families.txt"]))
def test_event_family_examples(name, sentence, expected):
    noun, named = expected.split()
    events = run(sentence)
    by_text = {e.trigger.text: e for e in events}
    assert by_text[noun].coref == by_text[named].id
