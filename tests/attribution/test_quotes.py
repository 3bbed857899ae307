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
