"""The ``dateline extract`` command end to end on the seed: json, jsonl, text, --out."""

from __future__ import annotations

import json

from conftest import SEED
from dateline.cli import main
from dateline.types import Record


def _run(argv, capsys):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_seed_json_to_out(tmp_path, capsys):
    out = tmp_path / "seed.json"
    code, stdout, err = _run(["extract", str(SEED), "--format", "json", "--out", str(out)], capsys)
    assert (code, stdout, err) == (0, "", "")
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["schema"] == "dateline/1"
    assert record["article"] == {"id": "000_e064e57b220f2e4f", "title": None, "url": None, "outlet": None,
                                 "published": "2023-08-10", "published_from": "header", "language": "en"}
    raw = SEED.read_text(encoding="utf-8")
    assert record["text"] == raw[raw.index("The US State Department"):]
    assert {"Imran Khan", "The Intercept", "US State Department"} <= {e["name"] for e in record["entities"]}
    assert Record.from_dict(record).to_json(indent=2) + "\n" == out.read_text(encoding="utf-8")


def test_two_inputs_give_json_lines(tmp_path, capsys):
    other = tmp_path / "more.jsonl"
    other.write_text(json.dumps({"id": "wire-1", "published": "2023-03-07",
                                 "text": "Lu met Pakistani officials in Washington on Tuesday."}) + "\n",
                     encoding="utf-8")
    code, stdout, err = _run(["extract", str(SEED), str(other)], capsys)
    assert (code, err) == (0, "")
    records = [Record.from_json(line) for line in stdout.splitlines()]
    assert [r.article.id for r in records] == ["000_e064e57b220f2e4f", "wire-1"]
    assert records[1].article.published_from == "json"
    assert any(e.name == "Washington" for e in records[1].entities)


def test_text_format(capsys):
    code, stdout, _err = _run(["extract", str(SEED), "--format", "text"], capsys)
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0] == "# 000_e064e57b220f2e4f"
    assert lines[1] == "published: 2023-08-10 (from header)"
    assert "## Entities" in lines
    person = [line for line in lines if " Imran Khan x" in line]
    assert person and '"the PTI chief"' in person[0] and "roles" in person[0]


def test_only_entities_in_text(capsys):
    code, stdout, _err = _run(["extract", str(SEED), "--format", "text", "--only", "entities"], capsys)
    assert code == 0 and "## Entities" in stdout


def test_directory_input_in_jsonl(tmp_path, capsys):
    (tmp_path / "b.txt").write_text("date 2023-08-10 Officials met.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Officials met again.", encoding="utf-8")
    code, stdout, _err = _run(["extract", str(tmp_path), "--published", "2023-08-11", "--only", "entities"], capsys)
    records = [Record.from_json(line) for line in stdout.splitlines()]
    assert code == 0
    assert [(r.article.id, r.article.published, r.article.published_from) for r in records] == [
        ("a", "2023-08-11", "option"), ("b", "2023-08-10", "header")]
