"""The TimeML writer and ``dateline timeml``: round trips, escaping, mirrored folders, bad inputs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import require_data
from dateline.cli import main
from dateline.errors import InputError
from dateline.evaluation import timeml_export
from dateline.evaluation.timeml import parse_tml, read_corpus, read_tml
from dateline.evaluation.timeml_export import convert, render_tml, writable_timexes
from dateline.types import Timex

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "timeml"
SMALL = FIXTURES / "sub" / "small.tml"

_WORDS = re.compile(r"\b(Tuesday|every year|two years)\b")


def fake_tagger(text, published, doc=None):
    """A stand-in for dateline.time.tag: three fixed words, values from the publication date."""
    found = []
    for n, m in enumerate(_WORDS.finditer(text), start=1):
        kind = {"Tuesday": "DATE", "every year": "SET", "two years": "DURATION"}[m.group()]
        value = {"DATE": f"{published}", "SET": "P1Y", "DURATION": "P2Y"}[kind]
        found.append(Timex(f"t{n}", m.start(), m.end(), m.group(), kind, value,
                           quant="EVERY" if kind == "SET" else None))
    return found


def _key(t: Timex):
    return (t.id, t.start, t.end, t.text, t.type, t.value, t.mod, t.quant, t.freq)


def test_round_trip_of_gold_fixture():
    doc = read_tml(SMALL)
    content, dropped = render_tml(doc, doc.timexes)
    again = parse_tml(content, "again.tml")
    assert dropped == 0
    assert (again.docid, again.dct, again.title, again.text) == (doc.docid, doc.dct, doc.title, doc.text)
    assert [_key(t) for t in again.timexes] == [_key(t) for t in doc.timexes]
    assert again.events == ()  # only our TIMEX3 tags are written


def test_round_trip_of_all_te3_train():
    root = require_data("te3-train")
    for doc in read_corpus(root):
        assert not isinstance(doc, InputError), doc
        again = parse_tml(render_tml(doc, doc.timexes)[0], doc.path)
        assert (again.docid, again.dct, again.text) == (doc.docid, doc.dct, doc.text), doc.path
        assert [_key(t) for t in again.timexes] == [_key(t) for t in doc.timexes], doc.path


def test_escaping_of_text_and_attributes():
    doc = parse_tml('<TimeML><DOCID>X</DOCID><TEXT>a &lt;b&gt; &amp; "c" now</TEXT></TimeML>', "x.tml")
    assert doc.text == 'a <b> & "c" now'
    odd = Timex("t1", 12, 15, "now", "DATE", 'PRESENT_REF"<&>', mod="A'B")
    content, _ = render_tml(doc, [odd])
    again = parse_tml(content, "again.tml")
    assert again.text == doc.text
    assert (again.timexes[0].value, again.timexes[0].mod) == ('PRESENT_REF"<&>', "A'B")


def test_overlapping_and_invalid_timexes_are_left_out():
    text = "on March 7 last year"
    whole = Timex("a", 3, 20, text[3:20], "DATE", "2022-03-07")
    inner = Timex("b", 3, 10, text[3:10], "DATE", "2023-03-07")
    wrong_text = Timex("c", 0, 2, "in", "DATE", "X")
    empty = Timex("d", 5, 5, "", "DATE", "X")
    kept, dropped = writable_timexes(text, [inner, wrong_text, whole, empty])
    assert [t.id for t in kept] == ["a"] and dropped == 3


@pytest.mark.parametrize("ids,expected", [
    (["t5", "t9"], ["t5", "t9"]),     # the tagger's own unique ids are kept
    (["t1", "t1"], ["t1", "t2"]),     # duplicates: renumbered
    (["t0", "t3"], ["t1", "t2"]),     # t0 is the DCT's tid: renumbered
    (["", "x"], ["t1", "t2"]),
])
def test_tids(ids, expected):
    doc = parse_tml('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2001-01-01">x</TIMEX3></DCT>'
                    "<TEXT>one two</TEXT></TimeML>", "x.tml")
    timexes = [Timex(ids[0], 0, 3, "one", "DATE", "X"), Timex(ids[1], 4, 7, "two", "DATE", "X")]
    again = parse_tml(render_tml(doc, timexes)[0], "again.tml")
    assert [t.id for t in again.timexes] == expected


def test_convert_folder_mirrors_subfolders_and_reports_bad_files(tmp_path):
    report = convert(FIXTURES, tmp_path, tagger=fake_tagger, parse=False)
    assert report.written == [tmp_path / "sub" / "small.tml"]
    assert len(report.failures) == 2
    assert any("malformed.tml" in f for f in report.failures)
    assert any("notext.tml" in f for f in report.failures)
    out = read_tml(tmp_path / "sub" / "small.tml")
    gold = read_tml(SMALL)
    assert out.text == gold.text and out.dct == gold.dct
    assert [(t.text, t.type, t.value, t.quant) for t in out.timexes] == [
        ("Tuesday", "DATE", "2001-03-14", None), ("two years", "DURATION", "P2Y", None),
        ("every year", "SET", "P1Y", "EVERY")]


def test_convert_single_file(tmp_path):
    report = convert(SMALL, tmp_path / "out", tagger=fake_tagger, parse=False)
    assert report.written == [tmp_path / "out" / "small.tml"] and not report.failures


def test_tagger_error_is_reported_and_others_still_written(tmp_path):
    second = tmp_path / "in" / "b.tml"
    second.parent.mkdir()
    second.write_text(SMALL.read_text().replace("FIXTURE.0001", "FIXTURE.0002").replace("Tuesday", "Boom"))
    (tmp_path / "in" / "a.tml").write_text(SMALL.read_text())

    def fragile(text, published, doc=None):
        if "Boom" in text:
            raise RuntimeError("bad day")
        return fake_tagger(text, published, doc)

    report = convert(tmp_path / "in", tmp_path / "out", tagger=fragile, parse=False)
    assert [p.name for p in report.written] == ["a.tml"]
    assert report.failures == [f"{second}: internal error: RuntimeError: bad day"]


@pytest.fixture
def fake_default(monkeypatch):
    monkeypatch.setattr(timeml_export, "default_tagger", fake_tagger)
    monkeypatch.setattr(timeml_export, "check_default_tagger", lambda: None)
    monkeypatch.setattr(timeml_export, "_parse_all", lambda documents, model: [None] * len(documents))


def test_cli_folder_with_bad_files_exits_1(tmp_path, capsys, fake_default):
    status = main(["timeml", str(FIXTURES), str(tmp_path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1
    assert (tmp_path / "sub" / "small.tml").exists()
    assert len(err) == 3 and "malformed.tml" in err[0] and "notext.tml" in err[1]
    assert err[2] == "dateline: 1 file(s) written, 2 input(s) failed"


def test_cli_good_file_exits_0(tmp_path, capsys, fake_default):
    assert main(["timeml", str(SMALL), str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
    assert len(read_tml(tmp_path / "small.tml").timexes) == 3


def test_cli_missing_input(tmp_path, capsys, fake_default):
    assert main(["timeml", str(tmp_path / "nowhere"), str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip() == f"dateline: {tmp_path / 'nowhere'}: no such file or directory"


def test_cli_with_the_real_time_layer(tmp_path, capsys):
    """End to end: spaCy parse + dateline.time.tag on the fixture; text and DCT kept as they were."""
    pytest.importorskip("dateline.time", reason="the time layer is not on this branch")
    assert main(["timeml", str(FIXTURES / "sub"), str(tmp_path)]) == 0
    gold, out = read_tml(SMALL), read_tml(tmp_path / "small.tml")
    assert (out.docid, out.dct, out.text) == (gold.docid, gold.dct, gold.text)
    assert out.events == () and "Tuesday" in [t.text for t in out.timexes]
    assert all(out.text[t.start:t.end] == t.text for t in out.timexes)
