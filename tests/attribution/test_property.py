"""No text breaks the attribution layer: arbitrary strings, heavy on quote marks and cues."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = st.sampled_from([
    '"', "“", "”", "'", "‘", "’", "''", "``", ":", ",", ".", "\n", "\n\n", " ", "—",
    "he said", "said Smith", "according to", "the report said", "We will win", "citing officials",
    "Officials told reporters", "the", "that", "In the memo, it was noted that", "as quoted by",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text(attributions_of, text):
    for att in attributions_of(text):
        assert att.kind in {"direct", "indirect", "mixed", "according_to"}
        for span in att.content + ((att.cue,) if att.cue else ()):
            assert text[span.start:span.end] == span.text
        if att.source is not None and att.source.span is not None:
            assert text[att.source.span.start:att.source.span.end] == att.source.span.text
