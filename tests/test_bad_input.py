"""Bad input: one clear line naming the input, no traceback; the batch goes on (exit 1)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SEED
from dateline.cli import main
from dateline.errors import InputError
from dateline.sources import ReadOptions, read_paths

# (file name, bytes, options, expected "<input>: <problem>" with {path} for the file)
CASES = [
    ("empty.txt", b"", {}, "{path}: empty input"),
    ("blank.txt", b" \n\t\n", {}, "{path}: empty input"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {}, "{path}: binary file (contains NUL bytes), not text"),
    ("latin1.txt", b"caf\xe9 au lait", {}, "{path}: invalid UTF-8 at byte 3"),
    ("bad.jsonl", b'{"id": "a", "text": "x"\n', {}, "{path}:line 1: malformed JSON (Expecting ',' delimiter at column 24)"),
    ("deep.jsonl", b'{"id": "deep", "text": "x", "x": ' + b"[" * 5000 + b"]" * 5000 + b"}\n", {},
     "{path}:line 1: malformed JSON (nested too deeply to read)"),
    ("deep.json", b'{\n "text": "x",\n "x": ' + b"[" * 5000 + b"]" * 5000 + b"}\n", {},
     "{path}: malformed JSON (nested too deeply to read)"),
    ("notext.jsonl", b'{"id": "a", "published": "2023-08-10"}\n', {}, '{path}:line 1: no "text" or "html" field'),
    ("date.jsonl", b'{"id": "a", "published": "2023-02-30", "text": "x"}\n', {}, "{path}:line 1: impossible date '2023-02-30'"),
    ("header.txt", b"date 2023-02-30 Officials met.", {}, "{path}: header has an impossible date '2023-02-30'"),
    ("header13.txt", b"date 2023-13-01 Officials met.", {}, "{path}: header has an impossible date '2023-13-01'"),
    ("header0001.txt", b"date 0001-01-01 He left on Tuesday.", {},
     "{path}: header has an implausible date '0001-01-01': the year must be within 1000..9000 "
     "(relative dates are counted from it)"),
    ("date9999.jsonl", b'{"id": "a", "published": "9999-12-31", "text": "He left on Tuesday."}\n', {},
     "{path}:line 1: implausible date '9999-12-31': the year must be within 1000..9000 "
     "(relative dates are counted from it)"),
    ("nobody.txt", b"date 2023-08-10   \n", {}, "{path}: no article text after the date header"),
    ("big.txt", b"x" * 101, {"max_bytes": 100}, "{path}: file is 101 bytes, over the limit of 100 (--max-bytes)"),
]


@pytest.mark.parametrize("name,data,opts,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_file(tmp_path, name, data, opts, expected):
    path = tmp_path / name
    path.write_bytes(data)
    (item,) = list(read_paths([str(path)], ReadOptions(**opts)))
    assert isinstance(item, InputError)
    assert str(item) == expected.format(path=path)


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    (item,) = list(read_paths([str(missing)]))
    assert str(item) == f"{missing}: no such file or directory"


def test_default_size_limit_is_ten_megabytes():
    assert ReadOptions().max_bytes == 10 * 1024 * 1024


def _run(argv, capsys):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_batch_goes_on_and_summarizes(tmp_path, capsys):
    bad = []
    for name, data, opts, _expected in CASES:
        (tmp_path / name).write_bytes(data * 40 if opts else data)  # over 4000 bytes; the seed is under
        bad.append(str(tmp_path / name))
    out = tmp_path / "out.jsonl"
    code, _stdout, err = _run(["extract", *bad[:4], str(SEED), str(tmp_path / "missing.txt"), *bad[4:],
                               "--format", "jsonl", "--out", str(out), "--max-bytes", "4000", "--only", "entities"],
                              capsys)
    assert code == 1
    lines = err.splitlines()
    assert "Traceback" not in err
    assert all(line.startswith("dateline: ") for line in lines)
    assert len(lines) == len(CASES) + 2  # one per bad input (the missing path too), then the summary
    assert lines[-1] == f"dateline: 1 article(s) written, {len(CASES) + 1} input(s) failed"
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["article"]["id"] == "000_e064e57b220f2e4f"


@pytest.mark.parametrize("argv,message", [
    (["extract", "x.txt", "--published", "2023-02-30"], "impossible date '2023-02-30'"),
    (["extract", "x.txt", "--published", "10 Aug 2023"], "invalid date '10 Aug 2023'"),
    (["extract", "x.txt", "--published", "0001-01-01"], "implausible date '0001-01-01': the year must be within"),
    (["extract", "x.txt", "--crawl-date", "2023-2-3"], "invalid date '2023-2-3'"),
    (["extract", "x.txt", "--max-bytes", "0"], "must be positive"),
    (["extract", "x.txt", "--input-format", "pdf"], "invalid choice: 'pdf'"),
    (["extract", "a.txt", "b.txt", "--format", "json"], "--format json writes one record"),
    (["extract", str(SEED), "--only", "entities,bogus"], "unknown layer(s) bogus"),
    (["extract"], "the following arguments are required: PATH"),
    (["extract", str(SEED), "--model", "en_core_web_nonexistent"], "spaCy model 'en_core_web_nonexistent' is not installed"),
])
def test_usage_errors_exit_2(argv, message, capsys):
    with pytest.raises(SystemExit) as exc:
        code = main(argv)
        raise SystemExit(code)
    captured = capsys.readouterr()
    assert exc.value.code == 2
    (line,) = captured.err.splitlines()
    assert line.startswith("dateline: ") and message in line


def test_no_traceback_from_the_command(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00")
    proc = subprocess.run([sys.executable, "-m", "dateline", "extract", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"dateline: {bad}: binary file (contains NUL bytes), not text",
                                        "dateline: 0 article(s) written, 1 input(s) failed"]


def test_library_rejects_impossible_published():
    from dateline import extract

    with pytest.raises(InputError, match="impossible date '2023-02-30'"):
        extract("Officials met.", published="2023-02-30", id="a1", layers=[])


@pytest.mark.parametrize("published", ["0001-01-01", "0999-12-31", "9001-01-01", "9999-12-31"])
def test_library_rejects_publication_years_off_the_news_range(published):
    from dateline import extract

    with pytest.raises(InputError, match=f"implausible date '{published}'"):
        extract("He left on Tuesday.", published=published, id="a1", layers=[])


@pytest.mark.parametrize("published", ["1000-01-01", "9000-12-31"])
def test_library_accepts_the_range_ends(published):
    from dateline import extract

    record = extract("He left on Tuesday. He returns tomorrow.", published=published, id="a1")
    assert record.article.published == published
