"""The cue verbs mined from PolNeAR train (cue_verbs_mined.txt) and how they join the hand list."""

from __future__ import annotations

import pytest

from dateline.attribution import lexicon

MINED = "cue_verbs_mined.txt"
KNOWN = {"ccomp", "xcomp", "dobj", "quote", "oprd", "addressee"}


def test_header_names_the_generator_and_its_thresholds():
    head = (lexicon.DATA / MINED).read_text(encoding="utf-8").splitlines()[:20]
    assert any(line.startswith("# Format:") for line in head)
    assert any("bench/mine_polnear_cues.py --min-count" in line for line in head)
    assert lexicon.examples(MINED), "no example lines"


def test_rows_are_well_formed_and_unique():
    rows = lexicon._rows(MINED)
    assert rows
    for row in rows:
        assert len(row) == 3 and all(row), row
        assert row[1] in {"speech", "report", "belief", "intent", "stance"}, row
        assert all(c in KNOWN or c.startswith("prep:") for c in row[2].split(",")), row
    keys = [row[0] for row in rows]
    assert len(keys) == len(set(keys))


def test_mined_rows_only_add_to_the_hand_list():
    hand = lexicon.hand_cue_verbs()
    for lemma, cls, comps in lexicon._rows(MINED):
        if lemma in hand:  # only complements the hand list lacks, under the hand list's class
            assert cls == hand[lemma].cls, lemma
            assert not set(comps.split(",")) & hand[lemma].complements, lemma


def test_merged_table_keeps_hand_class_and_unites_complements():
    hand, merged = lexicon.hand_cue_verbs(), lexicon.cue_verbs()
    mined = {row[0]: row for row in lexicon._rows(MINED)}
    assert set(hand) <= set(merged) and set(mined) <= set(merged)
    for lemma, (_, cls, comps) in mined.items():
        want = set(comps.split(",")) | (hand[lemma].complements if lemma in hand else set())
        assert merged[lemma].complements == want
        assert merged[lemma].cls == (hand[lemma].cls if lemma in hand else cls)


@pytest.mark.parametrize("sentence,expected", lexicon.examples(MINED))
def test_mined_cue_examples(attributions_of, sentence, expected):
    cue, source, content = expected
    atts = [a for a in attributions_of(sentence) if a.cue and a.cue.text == cue]
    assert atts, sentence
    assert atts[0].source.span.text == source
    assert atts[0].content[0].text.startswith(content)
