"""The .tml reader: plain text kept exactly, gold spans that point into it, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require_data
from dateline.errors import InputError
from dateline.evaluation.timeml import find_tml, parse_tml, read_corpus, read_tml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "timeml"
SMALL = FIXTURES / "sub" / "small.tml"


@pytest.fixture(scope="module")
def small():
    return read_tml(SMALL)


def test_docid_dct_and_title(small):
    assert small.docid == "FIXTURE.0001"
    assert (small.dct.tid, small.dct.type, small.dct.value, small.dct.text) == (
        "t0", "DATE", "2001-03-14", "March 14, 2001")
    assert small.publication_date == "2001-03-14"
    assert small.title == "Council & mayor agree"


def test_plain_text_strips_every_tag_and_keeps_whitespace(small):
    assert small.text == (
        "\nThe council voted Tuesday to raise fees by 5 < 10 percent & more.\n"
        "The plan lasts about two years, after which fees are reviewed every year.\n")


@pytest.mark.parametrize("index,tid,type_,value,mod,text", [
    (0, "t1", "DATE", "2001-03-13", None, "Tuesday"),
    (1, "t2", "DURATION", "P2Y", "APPROX", "about two years"),
    (2, "t3", "SET", "P1Y", None, "every year"),
])
def test_gold_timexes(small, index, tid, type_, value, mod, text):
    t = small.timexes[index]
    assert (t.id, t.type, t.value, t.mod, t.text) == (tid, type_, value, mod, text)
    assert small.text[t.start:t.end] == text


def test_set_attributes_and_dct_not_among_timexes(small):
    assert len(small.timexes) == 3
    assert (small.timexes[2].quant, small.timexes[2].freq) == ("EVERY", "1Y")


def test_gold_events(small):
    assert [(e.eid, e.event_class, e.text) for e in small.events] == [
        ("e1", "OCCURRENCE", "voted"), ("e2", "OCCURRENCE", "raise"),
        ("e3", "STATE", "lasts"), ("e4", "OCCURRENCE", "reviewed")]
    for e in small.events:
        assert small.text[e.start:e.end] == e.text


@pytest.mark.parametrize("name,problem", [
    ("malformed.tml", "not well-formed TimeML XML"),
    ("notext.tml", "no <TEXT> element"),
    ("missing.tml", "cannot read"),
])
def test_bad_files_give_one_error_naming_the_file(name, problem):
    with pytest.raises(InputError) as info:
        read_tml(FIXTURES / name)
    message = str(info.value)
    assert name in message and problem in message and "\n" not in message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.tml"
    path.write_text("  \n")
    with pytest.raises(InputError, match="empty.tml: empty file"):
        read_tml(path)


def test_timex_without_value_is_an_error():
    with pytest.raises(InputError, match="x.tml: TIMEX3 at character 1 lacks value"):
        parse_tml('<TimeML><TEXT> <TIMEX3 tid="t1" type="DATE">now</TIMEX3></TEXT></TimeML>', "x.tml")


def test_no_dct_and_no_docid_fall_back():
    doc = parse_tml("<TimeML><TEXT>plain</TEXT></TimeML>", "dir/ABC.tml")
    assert doc.dct is None and doc.publication_date is None and doc.docid == "ABC"


def test_corpus_reading_is_sorted_recursive_and_keeps_going():
    files = find_tml(FIXTURES)
    assert files == sorted(files) and SMALL in files
    items = list(read_corpus(FIXTURES))
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if not isinstance(i, InputError)]
    assert len(errors) == 2 and [d.docid for d in docs] == ["FIXTURE.0001"]


def test_missing_path():
    with pytest.raises(InputError, match="nowhere: no such file"):
        find_tml("nowhere")


def test_te3_train_gold_counts():
    root = require_data("te3-train")
    docs = list(read_corpus(root))
    assert not [d for d in docs if isinstance(d, InputError)]
    assert len(docs) == 256
    assert sum(len(d.timexes) for d in docs) == 1822  # the non-DCT TIMEX3 of SOURCES.md
    assert all(d.publication_date for d in docs)
    for doc in docs:
        for span in (*doc.timexes, *doc.events):
            assert doc.text[span.start:span.end] == span.text
        assert "<TIMEX3" not in doc.text and "<EVENT" not in doc.text


def test_te3_train_known_file():
    doc = read_tml(require_data("te3-train", "TimeBank", "ABC19980108.1830.0711.tml"))
    assert doc.docid == "ABC19980108.1830.0711" and doc.dct.value == "1998-01-08"
    first = doc.timexes[0]
    assert (first.id, first.type, first.value, first.text) == ("t83", "DURATION", "P1W", "week")
    assert doc.text.startswith("\nOn the other hand, it's turning out")
