"""Every example line of the time data files runs through the tagger or its parts."""

from __future__ import annotations

import pytest

from dateline.time import tag
from dateline.time.lexicon import load_lexicon, lexicon_examples
from dateline.time.rules import load_rules
from dateline.time.tense import compile_markers, tense_at

RULES, EXAMPLES = load_rules()


def test_every_rule_compiles_and_has_a_name():
    assert len(RULES) > 60
    assert len({r.name for r in RULES}) == len(RULES)


def test_every_rule_has_an_example():
    with_example = {e.rule for e in EXAMPLES}
    missing = [r.name for r in RULES if r.name not in with_example]
    assert not missing, f"rules without an example line: {missing}"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.rule}:{e.expression}")
def test_rule_example(example):
    found = {(t.text, t.value) for t in tag(example.text, example.published)}
    if example.expression == "-":  # a negative example: the text holds no time expression
        assert not found, f"{example}: got {sorted(found)}"
        return
    assert (example.expression, example.value) in found, f"{example}: got {sorted(found)}"


@pytest.mark.parametrize("category,surface,value", lexicon_examples())
def test_lexicon_example(category, surface, value):
    assert load_lexicon().value(category, surface) == value


def _tense_examples():
    from dateline.time.lexicon import DATA

    rows = []
    for line in (DATA / "tense.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("# example:"):
            tense, sentence, expression = line[len("# example:"):].strip().split("\t")
            rows.append((tense, sentence, expression))
    return rows


@pytest.mark.parametrize("tense,sentence,expression", _tense_examples())
def test_tense_example(tense, sentence, expression):
    start = sentence.index(expression)
    got = tense_at(sentence, start, start + len(expression))
    assert got == {"past": -1, "present": 0, "future": 1}[tense]


def test_a_kind_with_no_lines_matches_nothing():
    # an empty alternative would match at every word boundary; a kind left without lines
    # must stay silent instead ("cue" would otherwise make every expression future)
    compiled = compile_markers("future\twill\nreport\tsay\n")
    assert compiled.by_tense[0][0].search("They will meet Friday.")
    assert compiled.cue.search("payable Dec. 7 as soon as Tuesday") is None
    assert compiled.since.search("cared for him since ") is None
    assert compiled.happened.fullmatch("") is None and compiled.happened.fullmatch("attack") is None
    assert compiled.report.fullmatch("say")


def _game_examples():
    from dateline.time.lexicon import DATA

    rows = []
    for line in (DATA / "game_words.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# example:"):
            sentence, period = line[len("# example:"):].strip().split("\t")
            rows.append((sentence, period))
    return rows


def test_game_words_have_examples():
    assert len(_game_examples()) >= 3
    assert "touchdown" in load_lexicon().classes["game"]


@pytest.mark.parametrize("sentence,period", _game_examples())
def test_game_period_example(sentence, period):
    """A game period ('the fourth quarter' near 'touchdown') is no calendar quarter."""
    start = sentence.index(period)
    end = start + len(period)
    hits = [t for t in tag(sentence, "2025-10-20") if t.start < end and start < t.end]
    assert not hits, hits


def _report_examples(kind: str = "report"):
    from dateline.time.lexicon import DATA

    rows = []
    prefix = f"# {kind} example:"
    for line in (DATA / "tense.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(prefix):
            rows.append(tuple(line[len(prefix):].strip().split("\t")))
    return rows


@pytest.mark.parametrize("sentence,expression,published,value", _report_examples())
def test_report_example(sentence, expression, published, value):
    """A weekday under a present-simple non-reporting verb is the coming one; under 'says', the past one."""
    from dateline.nlp import load

    doc = load()(sentence)
    found = {(t.text, t.value) for t in tag(sentence, published, doc)}
    assert (expression, value) in found, found


@pytest.mark.parametrize("sentence,expression,published,value", _report_examples("parsed"))
def test_parsed_example(sentence, expression, published, value):
    """Tense read from the parse: reduced passive clauses are past, present-perfect ones not ahead."""
    from dateline.nlp import load

    doc = load()(sentence)
    found = {(t.text, t.value) for t in tag(sentence, published, doc)}
    assert (expression, value) in found, found
