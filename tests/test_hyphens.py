"""Prefixed hyphenated words stay one token ("re-elected"); the data file's examples run."""

from __future__ import annotations

import pytest

from dateline.hyphens import data_examples, hyphen_prefixes, is_prefixed_word
from dateline.nlp import load


@pytest.mark.parametrize("sentence, token", data_examples())
def test_data_file_examples(sentence, token):
    assert token in [t.text for t in load()(sentence)]


def test_data_file_has_examples_and_prefixes():
    assert len(data_examples()) >= 3 and "re" in hyphen_prefixes()


@pytest.mark.parametrize("left, right, whole", [
    ("re", "elected", True), ("Re", "elected", True), ("co", "op", False), ("mid", "March", False),
    ("over", "the", False), ("re", "2020", False), ("pre", "war-era", True),
])
def test_is_prefixed_word(left, right, whole):
    assert is_prefixed_word(left, right) is whole


def test_offsets_and_text_unchanged():
    text = "Voters re-elected the mayor; mid-March, e-mail, over-the-counter."
    doc = load()(text)
    assert doc.text == text
    assert [t.text for t in doc if "-" in t.text and t.text != "-"] == ["re-elected"]
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
