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
