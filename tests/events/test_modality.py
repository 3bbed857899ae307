"""Polarity and modality flags."""

from __future__ import annotations

import pytest

from .helpers import by_trigger, run


@pytest.mark.parametrize("sentence, trigger, polarity, modality", [
    ("The ministers did not meet on Monday.", "meet", "NEG", None),
    ("The envoy never visited Kabul.", "visited", "NEG", None),
    ("The company failed to pay its debts.", "pay", "NEG", None),
    ("There was no agreement.", "agreement", "NEG", None),
    ("The president may visit Paris.", "visit", "POS", "hypothetical"),
    ("The president will visit Paris.", "visit", "POS", "future"),
    ("The minister plans to resign.", "resign", "POS", "intended"),
    ("They urged the bank to cut rates.", "cut", "POS", "intended"),
    ("He allegedly bribed an official.", "bribed", "POS", "reported"),
    ("If the talks fail, the army will strike.", "fail", "POS", "conditional"),
    ("The two men met on Monday.", "met", "POS", None),
    ("The company could be forced to close.", "forced", "POS", "hypothetical"),
])
def test_flags(sentence, trigger, polarity, modality):
    event = by_trigger(run(sentence), trigger)
    assert (event.polarity, event.modality) == (polarity, modality)
