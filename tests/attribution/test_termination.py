"""Walks up the parse end: spaCy makes a new Token object on every access, so a loop that
compares tokens with ``is`` ("while up.head is not up") never meets the root and spins.

Each sentence below once hung the attribution layer (a te3 sentence: a cue verb in a
prepositional clause whose chain of heads reaches a root that is not a verb).
"""

from __future__ import annotations

import threading

import pytest

import dateline

SENTENCES = [
    "The Argus quoted immigration official Jurie de Wet as saying the arrests stemmed from a tip.",
    "Reports of officials on board with comparing the two plans.",
    "A ruling before asking her about the case.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_extract_finishes(text: str) -> None:
    """The whole pipeline returns on sentences whose head chains end at a non-verb root."""
    out: list = []
    worker = threading.Thread(target=lambda: out.append(dateline.extract(text, published="1998-08-20")), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert out, f"extract did not return within 60 s on {text!r}"
    assert out[0].text == text


def test_tokens_compare_by_value() -> None:
    """The premise of the fix: two accesses to one token are equal but not identical."""
    from dateline.nlp import load

    doc = load()("He said it.")
    root = doc[1]
    assert root.head == root
    assert root.head is not root
