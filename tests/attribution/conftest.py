"""Fixtures of the attribution tests: one spaCy pipeline per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp import load

    return load()


@pytest.fixture(scope="session")
def attributions_of(nlp):
    """A function: text -> attributions found in it (no entity or time layer)."""
    from dateline.attribution import extract_attributions

    def run(text: str):
        return extract_attributions(nlp(text), text)

    return run


@pytest.fixture(scope="session")
def by_cue():
    """A function: (record, "said" or "said#1") -> the attribution with that cue text (the
    n-th one after "#"), failing with the cues found when there is none."""

    def pick(record, cue: str):
        word, _, n = cue.partition("#")
        found = [a for a in record.attributions if a.cue is not None and a.cue.text == word]
        assert len(found) > int(n or 0), [(a.cue.text if a.cue else None) for a in record.attributions]
        return found[int(n or 0)]

    return pick
