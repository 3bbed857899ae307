"""The learned cue detector (learned.py): shipped weights, worked examples, training, retraining."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, require_data  # tests/conftest.py (tests/attribution is a package)
from dateline.attribution import learned, lexicon

NAME = "learned_cues.tsv"


def test_header_states_format_command_corpus_and_examples():
    head = [line for line in (lexicon.DATA / NAME).read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any(line.startswith("# Format:") for line in head)
    assert any("bench/train_learned_cues.py" in line for line in head)
    assert any("PolNeAR train, 840 articles" in line for line in head)
    assert any("Out-of-fold figures on train" in line for line in head)
    assert len(lexicon.examples(NAME)) >= 4


def test_shipped_weights_load():
    model = learned.shipped_model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert "bias" in model.weights and len(model.weights) > 1000
    assert learned.read_model(lexicon.DATA / "no_such_file.tsv") is None


@pytest.mark.parametrize("sentence,expected", lexicon.examples(NAME))
def test_learned_examples(attributions_of, sentence, expected):
    atts = [a for a in attributions_of(sentence) if a.rule == "learned"]
    if expected == ["none"]:
        assert not atts, [(a.cue.text, a.content[0].text) for a in atts]
        return
    cue, source, content = expected
    assert [a.cue.text for a in atts] == [cue], sentence
    assert atts[0].source.span.text == source
    assert atts[0].content[0].text.startswith(content)


def test_rules_alone_leave_the_examples_to_the_model(nlp):
    """The examples' stances are the model's: the rules alone find no cue there."""
    from dateline.attribution import extract_attributions

    for sentence, expected in lexicon.examples(NAME):
        if expected != ["none"]:
            cues = [a.cue.text for a in extract_attributions(nlp(sentence), sentence, learned=False)]
            assert expected[0] not in cues, sentence


def test_a_model_that_accepts_nothing_adds_nothing(nlp):
    doc = nlp("Senator Walsh voted against the budget on Tuesday.")
    assert learned.learned_candidates(doc, [], [], model=learned.Model({}, 1.1)) == []
    assert learned.learned_candidates(doc, [], [], model=learned.Model({"bias": 50.0}, 0.5))


def test_proposals_leave_out_the_rules_cues(nlp):
    doc = nlp("Critics voted against the plan.")
    heads = {doc[p.head].lower_ for p in learned.proposals(doc, [], set(), [])}
    assert "voted" in heads
    taken = {t.i for t in doc if t.lower_ == "voted"}
    assert "voted" not in {doc[p.head].lower_ for p in learned.proposals(doc, [], taken, [])}


def test_fit_is_deterministic_and_separates_a_toy_problem():
    data = [(("bias", "good"), 1), (("bias", "bad"), 0)] * 20 + [(("bias", "rare"), 1)]
    first = learned.fit(data, epochs=5, min_count=2)
    assert first == learned.fit(data, epochs=5, min_count=2)
    assert "rare" not in first  # seen once: no weight
    model = learned.Model(first, 0.5)
    assert model.accepts(("bias", "good")) and not model.accepts(("bias", "bad"))


@pytest.mark.data
def test_retraining_on_polnear_train_reproduces_the_shipped_weights():
    """Retrains from ../shared/data (parse cached under bench/.cache: minutes the first time)."""
    require_data("polnear", "train")
    sys.path.insert(0, str(ROOT / "bench"))
    import train_learned_cues

    assert train_learned_cues.main(["--check"]) == 0


def test_a_relay_the_rules_credited_is_no_second_attribution(nlp):
    """'"...," Lu said, the paper reported': the paper is the quote's relay (via), not a new source."""
    text = '"We are trying to engage with them," Ruiz responded when asked about the vote, the Ledger reported.'
    doc = nlp(text)
    from dateline.attribution.build import extract_attributions

    rules = extract_attributions(doc, text, learned=False)
    assert any("Ledger" in [v.name for v in a.via] for a in rules)
    relays = [(v.span.start, v.span.end) for a in rules for v in a.via if v.span is not None]
    always = learned.Model({"bias": 50.0}, 0.5)  # accepts every proposal
    heads = {doc[c.head].lower_ for c in learned.learned_candidates(doc, [], [], model=always)}
    assert "reported" in heads  # proposed when nothing is known of the relay ...
    taken = {i for a in rules for i in range(len(doc)) if a.cue.start <= doc[i].idx < a.cue.end}
    props = learned.proposals(doc, [], taken, [], relays)
    assert "reported" not in {doc[p.head].lower_ for p in props}  # ... but not beside it
