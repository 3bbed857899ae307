"""The quote-mark scanner, one row per convention or trap of real news text."""

from __future__ import annotations

import pytest

from dateline.attribution.quotes import find_quotes

# (text, expected inner texts of the quotes, in order)
CASES = [
    ('He said, "We will win." Then he left.', ["We will win."]),
    ("“We will win,” she said.", ["We will win,"]),
    ('"We will win," said Smith, "and soon."', ["We will win,", "and soon."]),
    ("''This is not reform,'' said Mr. Holtz. ''It is a tax.''", ["This is not reform,", "It is a tax."]),
    ("He called it ``a disaster'' twice.", ["a disaster"]),
    ('The document titled “Secret", obtained by the paper.', ["Secret"]),
    # multi-paragraph quote: no closing mark until the last paragraph, an opening mark on each
    ("“First paragraph.\n“Second paragraph,” she said.", ["First paragraph.\n“Second paragraph,"]),
    # a stray closing mark opens nothing; the later quote is still found
    ('A stray " mark here.\nThen “a real quote,” he said.', ["a real quote,"]),
    # a mark that never closes ends at its paragraph; the next paragraph's quote survives
    ("“This never closes.\nLater, “this one does,” he said.", ["This never closes.", "this one does,"]),
    # apostrophes that look like single quotes are not quotes
    ("In the '90s, rock 'n' roll and the Joneses' house were loud.", []),
    ("He said 'no' twice.", ["no"]),
    # quotes inside quotes: the outer quote is one quote
    ("“He told me ‘never again’ and left,” she said.", ["He told me ‘never again’ and left,"]),
    ('An empty quote "" here.', [""]),
    ("“An article that is one long quote without end", ["An article that is one long quote without end"]),
    ("", []),
    ('""""', ["", ""]),
    # British style: outer single marks around an inner double-quoted quote (the inner one is
    # found by nested_quotes, not here)
    ("'He said \"no\" and then left,' Ana Ruiz said.", ['He said "no" and then left,']),
    # apostrophes inside a double-quoted quote do not end or start anything
    ("“In the '90s we loved rock 'n' roll and the Joneses' cars,” said Ana Ruiz.",
     ["In the '90s we loved rock 'n' roll and the Joneses' cars,"]),
    ("It's the '60s rock 'n' roll of 'em all, 'til dawn. “We are ready,” said Ana Ruiz.", ["We are ready,"]),
    # a mixed pair of curly and straight marks
    ('“We will win," he said.', ["We will win,"]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_find_quotes(text, expected):
    quotes = find_quotes(text)
    assert [text[q.inner_start:q.inner_end] for q in quotes] == expected
    for q in quotes:
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)


def test_unclosed_quote_is_flagged():
    (q,) = find_quotes("“No closing mark here")
    assert q.closed is False


@pytest.mark.parametrize("text,paragraphs", [
    ("“One.\n\n“Two,” she said.", 2),
    ("“One.\n\n“Two.\n\n“Three,” she said.", 3),
    ("“One.\n\n“Two.\n\n“Three.\n\n“Four,” she said.", 4),
    ("“One.\n\n“Two.\n\n“Three never closes.", 3),
])
def test_multi_paragraph_quote_counts_its_paragraphs(text, paragraphs):
    (q,) = find_quotes(text)
    assert q.paragraphs == paragraphs and text[q.inner_end - 1] in ".,"


# Bad input at the attribution level: (text, [(cue, source name, start of the content)]) for
# every attribution expected; nothing else may be found, and nothing may be lost.
ATTRIBUTION_CASES = [
    # a stray opening mark at a paragraph end, then a quote with its own speaker: each keeps its words
    ('Tom Berg spoke first. He said "we will win.\n\n"Prices will rise," said Jan Novak.',
     [("said", "Tom Berg", '"we will win.'), ("said", "Jan Novak", '"Prices will rise,"')]),
    # British single marks around an inner double-quoted word
    ("'He said \"no\" and then left,' Ana Ruiz said.", [("said", "Ana Ruiz", "'He said")]),
    # apostrophes before a quote
    ("It's the '60s rock 'n' roll of 'em all, 'til dawn. “We are ready,” said Ana Ruiz.",
     [("said", "Ana Ruiz", "“We are ready,”")]),
    # empty quotes do not make attributions, and do not take the later quote
    ("“” he said. “”\n\n“Real words here,” said Tom Berg.", [("said", "Tom Berg", "“Real words here,”")]),
    # a three-paragraph quote stays whole, and the next quote keeps its speaker
    ("“First paragraph of the quote.\n\n“Second paragraph.\n\n“Third and last,” said Ana Ruiz.\n\n"
     "Later, “another quote,” said Tom Berg.",
     [("said", "Ana Ruiz", "“First paragraph"), ("said", "Tom Berg", "“another quote,”")]),
    # quotes inside quotes: the outer quote is its speaker's, the inner one the inner verb's subject's
    ("“He told me ‘never again,’ and left,” Ana Ruiz said.",
     [("said", "Ana Ruiz", "“He told me"), ("told", "He", "‘never again,’")]),
    ('"We were not pretty," Ana Ruiz said. "Tom Berg told me at halftime, \'Coach, give me the ball.\' '
     'So I did."', [("said", "Ana Ruiz", '"We were not pretty,"'), ("told", "Tom Berg", "'Coach, give me")]),
]


@pytest.mark.parametrize("text,expected", ATTRIBUTION_CASES)
def test_bad_quote_marks_keep_every_attribution(attributions_of, text, expected):
    atts = attributions_of(text)
    got = [(a.cue.text if a.cue else None, a.source.name if a.source else None, a.content[0].text) for a in atts]
    assert len(got) == len(expected), got
    for (cue, name, start), (gcue, gname, content) in zip(expected, got):
        assert (gcue, gname) == (cue, name) and content.startswith(start), got


@pytest.mark.parametrize("text,expected", [
    ('"Malik told me, \'Coach, give me the ball.\' So I did."', ["Coach, give me the ball."]),
    ("“He told me ‘never again,’ and left,” she said.", ["never again,"]),
    ("“We didn't go, and the Joneses' car stayed,” she said.", []),
    ("'He said \"no\" and left,' she said.", []),
])
def test_nested_quotes(text, expected):
    from dateline.attribution.quotes import nested_quotes

    assert [text[q.inner_start:q.inner_end] for q in nested_quotes(text, find_quotes(text))] == expected
