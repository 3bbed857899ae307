"""Pronoun sources through dateline.coref, with the entity layer run (table-driven).

Row: (text, cue, source mention, expected source name).  Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from dateline import extract

PUB = "2016-09-12"

ROWS = [
    # a second verb of the same speaker, after a person of unknown gender was named
    ("Maria Lopez lost the vote on Monday. She said she had phoned Berg to congratulate him, "
     "and she asked her staff to stay.", "asked", "she", "Maria Lopez"),
    # "she" after a quote whose speaker is a man: the gender check applies on every path
    ("\u201cThis city chose to keep building,\u201d Tom Berg told supporters. Maria Lopez conceded. "
     "\u201cWe came close,\u201d she said.", "said", "she", "Maria Lopez"),
    # a nearer name beats an earlier resolved pronoun (QA finding 2)
    ("John Brown flew to Chicago. He said the plan failed. Mary Smith arrived on Monday. "
     "She said it was fine.", "said", "She", "Mary Smith"),
    # they / it never take a person
    ("Union leaders met Tom Berg on Monday. They said the strike would go on.", "said", "They", "They"),
    ("The ministry met Tom Berg on Monday. It said the strike would go on.", "said", "It", "It"),
    # the main clause's subject before a subordinate clause's subject
    ("Tom Berg answered on Monday reports that Paul Weir planned to resign. "
     "\u201cWe will win this seat,\u201d he said.", "said", "he", "Tom Berg"),
    # an earlier speaker before a man only named in the content
    ("According to Tom Berg, many officers disagreed with Paul Weir's plans. "
     "\u201cWe lost three chiefs in a year,\u201d he said.", "said", "he", "Tom Berg"),
    # an earlier group source is a candidate for "they"
    ("Officials said the talks had failed. Tom Berg left early. They said the strike would go on.",
     "said", "They", "Officials"),
]


@pytest.mark.parametrize("text,cue,mention,name", ROWS)
def test_pronoun_source(text, cue, mention, name):
    record = extract(text, published=PUB)
    found = [a for a in record.attributions if a.cue and a.cue.text == cue and a.source
             and a.source.span.text == mention]
    assert found, [(a.cue.text if a.cue else None, a.source.span.text if a.source else None)
                   for a in record.attributions]
    assert found[-1].source.name == name


def test_event_participants_use_the_same_rules():
    """The events layer's he/she/they go through the same resolver (QA finding 2)."""
    record = extract("Mary Smith arrived in Boston on Monday. She met reporters. Later, John Brown "
                     "flew to Chicago. He resigned on Tuesday. Union leaders met him. They left.",
                     published=PUB)
    names = {e.id: e.name for e in record.entities}
    agents = {(e.trigger.text, p.span.text): names.get(p.entity) for e in record.events
              for p in e.participants if p.role == "agent"}
    assert agents[("met", "She")] == "Mary Smith"
    assert agents[("resigned", "He")] == "John Brown"
    assert agents.get(("left", "They")) is None
