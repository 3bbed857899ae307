"""The data files of the attribution layer: headers state the format, examples run."""

from __future__ import annotations

import pytest

from dateline.attribution import lexicon

FILES = ["cue_verbs.txt", "cue_nouns.txt", "source_nouns.txt", "relay_phrases.txt", "abbreviations.txt", "outlets.txt",
         "speech_settings.txt", "outlet_nouns.txt", "speech_events.txt", "spokesperson_nouns.txt",
         "editorial_labels.txt"]


@pytest.mark.parametrize("name", FILES)
def test_header_states_format_and_examples(name):
    head = (lexicon.DATA / name).read_text(encoding="utf-8").splitlines()[:15]
    assert any(line.startswith("# Format:") for line in head)
    assert lexicon.examples(name), f"{name} has no example lines"


@pytest.mark.parametrize("name", FILES)
def test_rows_are_well_formed(name):
    width = {"cue_verbs.txt": 3, "cue_nouns.txt": 2, "source_nouns.txt": 2, "relay_phrases.txt": 2,
             "abbreviations.txt": 1, "outlets.txt": 2, "speech_settings.txt": 1,
             "outlet_nouns.txt": 1, "speech_events.txt": 1, "spokesperson_nouns.txt": 1,
             "editorial_labels.txt": 1}[name]
    rows = lexicon._rows(name)
    for row in rows:
        assert len(row) == width and all(row), row
    if name != "source_nouns.txt":  # a source noun may be listed under two classes
        keys = [row[0] for row in rows]
        assert len(keys) == len(set(keys)), f"duplicate entries in {name}"


def test_cue_classes_and_complements_are_known():
    known = {"ccomp", "xcomp", "dobj", "quote", "oprd", "addressee"}
    for cue in lexicon.cue_verbs().values():
        assert cue.cls in {"speech", "report", "belief", "intent", "stance"}
        assert all(c in known or c.startswith("prep:") for c in cue.complements), cue


@pytest.mark.parametrize("sentence,expected", lexicon.examples("cue_verbs.txt"))
def test_cue_verb_examples(attributions_of, sentence, expected):
    cue, source, content = expected
    atts = [a for a in attributions_of(sentence) if a.cue and a.cue.text == cue]
    assert atts, sentence
    assert atts[0].source.span.text == source
    assert atts[0].content[0].text.startswith(content)


@pytest.mark.parametrize("sentence,expected", lexicon.examples("cue_nouns.txt"))
def test_cue_noun_examples(attributions_of, sentence, expected):
    cue, source, content = expected
    atts = [a for a in attributions_of(sentence) if a.cue and a.cue.text == cue]
    assert atts, sentence
    assert atts[0].source.span.text == source
    assert atts[0].content[0].text.startswith(content)


@pytest.mark.parametrize("noun,expected", lexicon.examples("source_nouns.txt"))
def test_source_noun_examples(noun, expected):
    assert noun in lexicon.nouns_of_class(expected[0])


@pytest.mark.parametrize("sentence,expected", lexicon.examples("relay_phrases.txt"))
def test_relay_phrase_examples(attributions_of, sentence, expected):
    role, obj = expected
    assert lexicon.relay_phrases()[_phrase_in(sentence, role)] == role
    atts = attributions_of(sentence)
    assert atts, sentence
    att = atts[0]
    if role == "according":
        assert att.kind == "according_to" and att.source.span.text == obj
    elif role == "relay":
        assert obj in [v.name for v in att.via]
    elif role == "citing":
        assert att.source.span.text == obj


def _phrase_in(sentence: str, role: str) -> str:
    low = sentence.lower()
    return max((p for p, r in lexicon.relay_phrases().items() if r == role and p in low), key=len)


@pytest.mark.parametrize("gap,expected", lexicon.examples("abbreviations.txt"))
def test_abbreviation_examples(gap, expected):
    from dateline.attribution.build import _clause_break

    assert _clause_break(gap) == (expected[0] == "breaks")


@pytest.mark.parametrize("sentence,expected", lexicon.examples("outlets.txt") + lexicon.examples("outlet_nouns.txt"))
def test_outlet_examples(attributions_of, sentence, expected):
    atts = [a for a in attributions_of(sentence) if a.cue and a.cue.text == "told"]
    assert atts, sentence
    if expected[0] == "-":  # told someone who is not an outlet: no via
        assert atts[0].via == (), sentence
    else:
        assert expected[0] in [v.name for v in atts[0].via], sentence


@pytest.mark.parametrize("phrase,name", [
    ("the state news agency Tass", "Tass"), ("the newspaper Le Monde", "Le Monde"),
    ("the Kommersant newspaper", "Kommersant"), ("public broadcaster NRK", "NRK"),
    ("the state-run RIA Novosti news agency", "RIA Novosti"),
    ("the newspaper", None), ("a local broadcaster", None), ("the council", None),
])
def test_described_outlet(phrase, name):
    """A noun of outlet_nouns.txt makes the capitalised name beside it an outlet's."""
    assert lexicon.described_outlet(phrase) == name


def test_outlet_kinds_are_known():
    assert set(lexicon.outlets().values()) <= {"name", "head"}
    assert lexicon.is_outlet("Reuters") and lexicon.is_outlet("the Daily Herald")
    assert not lexicon.is_outlet("the council") and not lexicon.is_outlet("reporters")


@pytest.mark.parametrize("sentence,expected", lexicon.examples("speech_settings.txt"))
def test_speech_setting_examples(attributions_of, sentence, expected):
    cues = [a.cue.text for a in attributions_of(sentence) if a.cue]
    assert expected[0] in cues, cues


@pytest.mark.parametrize("sentence,expected", lexicon.examples("speech_events.txt"))
def test_speech_event_examples(sentence, expected):
    """A date on a speech event dates the words said there (said_on), with the time layer."""
    import dateline

    record = dateline.extract(sentence, published="2022-03-10")
    assert [a.said_on for a in record.attributions if a.said_on] == [expected[0]]


@pytest.mark.parametrize("sentence,expected", lexicon.examples("spokesperson_nouns.txt"))
def test_spokesperson_examples(sentence, expected):
    """A spokesperson's words are theirs, said on behalf of the one the example names."""
    import dateline

    record = dateline.extract(sentence, published="2022-03-10", layers=["entities", "attributions"])
    behalf = [a.source.on_behalf_of.name for a in record.attributions if a.source and a.source.on_behalf_of]
    assert behalf == [expected[0]]


@pytest.mark.parametrize("paragraph,expected", lexicon.examples("editorial_labels.txt"))
def test_editorial_label_examples(attributions_of, paragraph, expected):
    labels = [a for a in attributions_of(paragraph) if a.rule == "label_colon"]
    assert len(labels) == int(expected[0])
