"""A sentence starts after every line break (headlines and time stamps stay out of the body's sentences)."""

from __future__ import annotations

import pytest

from dateline import nlp


@pytest.mark.parametrize("text,first_body", [
    ("Margaret Ellison, Pioneering Editor, Dies At 87\n\nMargaret Ellison died on Thursday.",
     "Margaret Ellison died on Thursday."),
    ("Updated 9:42 AM EDT, Tue March 4, 2025\nPresident Joe Biden said the talks would resume.",
     "President Joe Biden said the talks would resume."),
])
def test_sentence_starts_after_a_line_break(text, first_body):
    doc = nlp.parse(nlp.load(None), text)
    assert first_body in [s.text.strip() for s in doc.sents]


def test_no_line_break_no_forced_start():
    doc = nlp.parse(nlp.load(None), "Officials said on Monday that the talks, which began in May, had failed.")
    assert len(list(doc.sents)) == 1
