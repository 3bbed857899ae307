"""One enormous sentence: contents are token index ranges, so the layer stays linear.

No timing is asserted (``bench/long_sentence.py`` times it); the tests check the range
helpers, that a subtree is the range between its edges, and that on a sentence of
thousands of tokens every cue's content is a handful of ranges with right spans.
"""

from __future__ import annotations

import pytest

from dateline.attribution import reported
from dateline.attribution.reported import clip, hits, merged, minus

UNIT = "the minister said that prices would rise, the agency reported, and "


@pytest.mark.parametrize("parts,expected", [
    ([(5, 7), (0, 2), (2, 3)], ((0, 3), (5, 7))),
    ([(0, 4), (1, 2)], ((0, 4),)),
    ([(3, 3)], ()),
])
def test_merged(parts, expected):
    assert merged(parts) == expected


@pytest.mark.parametrize("ranges,holes,expected", [
    (((0, 10),), [(2, 4)], ((0, 2), (4, 10))),
    (((0, 10),), [(0, 10)], ()),
    (((0, 3), (5, 9)), [(2, 6)], ((0, 2), (6, 9))),
    (((0, 3),), [], ((0, 3),)),
])
def test_minus(ranges, holes, expected):
    assert minus(ranges, holes) == expected


def test_clip_and_hits():
    assert clip(((0, 5), (8, 12)), 3, 10) == ((3, 5), (8, 10))
    assert hits(((0, 5),), 4, 6) and not hits(((0, 5),), 5, 6)


def test_subtree_is_the_range_between_its_edges(nlp):
    doc = nlp("Officials said that the bridge, which was damaged in May, would reopen soon. "
              "The mayor, speaking to reporters, called the delay a disgrace and vowed to act.")
    for tok in doc:
        assert [t.i for t in tok.subtree] == list(range(tok.left_edge.i, tok.right_edge.i + 1))


@pytest.fixture(scope="module")
def long_doc(nlp):
    text = UNIT * 250  # about 17 KB, no full stop
    return text, nlp(text)


def test_each_content_is_a_few_ranges(long_doc):
    text, doc = long_doc
    assert max(len(s) for s in doc.sents) > 1000  # the parse does run one huge sentence
    cues = [t for t in doc if reported.cue_verb(t) is not None]
    assert len(cues) >= 200
    for tok in cues:
        ranges, _, _ = reported.content_tokens(tok, reported.cue_verb(tok))
        assert len(ranges) <= 4  # ranges, however long the sentence: not token lists
        for start, end in reported.char_spans(doc, ranges):
            assert text[start:end].strip() == text[start:end]


def test_long_sentence_output_is_right(long_doc):
    from dateline.attribution import extract_attributions

    text, doc = long_doc
    atts = extract_attributions(doc, text)
    assert atts
    for att in atts:
        for span in att.content + ((att.cue,) if att.cue else ()):
            assert text[span.start:span.end] == span.text
    # each clause is the minister's, relayed by the agency (a few at the ends differ: the
    # parse of a 3,000-token sentence is not perfect)
    right = [a for a in atts if a.cue.text == "said" and a.source.span.text == "the minister"
             and [c.text for c in a.content] == ["that prices would rise"]]
    assert len(right) >= 200
