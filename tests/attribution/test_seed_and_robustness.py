"""The seed's quotes and attributions, the text view, said_on, and input that must not break it."""

from __future__ import annotations

import re

import pytest

from dateline.types import Timex


def _norm(s: str) -> str:
    return re.sub(r"[\"“”]", '"', s).lower()


def test_seed_quotes(seed_record, seed_gold):
    for gold in seed_gold["quotes"]:
        found = [a for a in seed_record.attributions if a.content and a.content[0].text.lstrip('“"').startswith(gold["starts"])]
        assert len(found) == 1, gold["starts"]
        att = found[0]
        assert att.kind == "direct"
        assert att.source.name == gold["speaker"]
        assert att.source.span.text == gold.get("speaker_mention", gold["speaker"])
        assert att.cue.text == gold["cue"]
        assert [v.name for v in att.via] == [gold["via"]]
        if seed_record.timexes:  # said_on needs the time layer
            assert att.said_on == gold.get("said_on")


def test_seed_attributions(seed_record, seed_gold):
    for gold in seed_gold["attributions"]:
        # the content may open with a clause-level adverbial the gold leaves out ("Since then, ")
        found = [a for a in seed_record.attributions
                 if any(0 <= c.text.find(gold["content_starts"]) <= 12 for c in a.content)]
        assert len(found) == 1, gold["content_starts"]
        att = found[0]
        assert _norm(att.source.name) == _norm(gold["source"])
        if "source_mention" in gold:
            assert att.source.span.text == gold["source_mention"]
        assert att.cue.text.endswith(gold["cue"])
        assert att.source.entity is None or att.source.entity in {e.id for e in seed_record.entities}


def test_seed_text_view(seed_record):
    from dateline.attribution import render_text

    lines = render_text(seed_record)
    assert any(re.match(r'\s+Lu \(via The Intercept\), responded: "Prime Minister', line) for line in lines)


def test_said_on_from_a_date_in_the_previous_sentence(nlp):
    from dateline.attribution import extract_attributions

    text = ("On March 2, Maria Lopez was questioned during a hearing of the committee.\n\n"
            "“We are ready,” Lopez responded.")
    start = text.index("March 2")
    timex = Timex(id="T1", start=start, end=start + 7, text="March 2", type="DATE", value="2022-03-02")
    (att,) = extract_attributions(nlp(text), text, timexes=[timex])
    assert (att.said_on, att.said_on_via) == ("2022-03-02", "T1")
    (att,) = extract_attributions(nlp(text), text)
    assert att.said_on is None  # without the time layer nothing is guessed


ODD_INPUTS = [
    "",
    "   \n\n  ",
    '"',
    '““““ ”” " \' ‘ ’',
    '"""',
    "“An article that is one long quote, said nobody, and it never ends " * 20,
    "In the '90s, rock 'n' roll ruled, he said.",
    'He said "" and left.',
    "\x00\x01 binary-ish \ufffd text “",
]


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_inputs_do_not_crash(attributions_of, text):
    for att in attributions_of(text):
        for span in att.content:
            assert text[span.start:span.end] == span.text


def test_stray_mark_does_not_lose_later_quotes(attributions_of):
    text = ('The "reform bill passed on Monday.\n\n'
            '“It is a good day,” the mayor said.\n\n'
            'Critics said the bill was rushed.')
    atts = attributions_of(text)
    assert {a.cue.text for a in atts} == {"said"}
    assert len(atts) == 2
    assert any(a.kind == "direct" and a.source.name == "the mayor" for a in atts)


def test_one_long_quote_article(attributions_of):
    text = "“" + "We will rebuild the town. " * 30 + "Nobody will stop us,” the mayor said."
    (att,) = attributions_of(text)
    assert att.kind == "direct" and att.content[0].start == 0


def test_multi_paragraph_quote(attributions_of):
    text = ('The mayor said:\n\n“We will rebuild the town.\n\n'
            '“Nobody will stop us. We start on Monday.”\n\nThe council agreed.')
    atts = [a for a in attributions_of(text) if a.cue.text == "said:"]
    assert len(atts) == 1 and atts[0].kind == "direct"
    assert atts[0].content[0].text.startswith("“We will rebuild") and atts[0].content[-1].text.endswith("Monday.”")
