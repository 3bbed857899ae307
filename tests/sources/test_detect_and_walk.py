"""Reader choice (extension, content, --input-format), ids and directory walking."""

from __future__ import annotations

import pytest

from dateline.sources import READERS, ReadOptions, article_id, detect_format, read_paths


def test_registry_has_every_reader():
    assert {"header", "text", "jsonl", "html", "feed"} <= set(READERS)


@pytest.mark.parametrize("name,data,expected", [
    ("a.jsonl", b'{"text": "x"}', "jsonl"),
    ("a.ndjson", b'{"text": "x"}', "jsonl"),
    ("a.json", b'{"text": "x"}', "jsonl"),
    ("a.html", b"<html></html>", "html"),
    ("a.htm", b"<html></html>", "html"),
    ("a.rss", b"<rss></rss>", "feed"),
    ("a.atom", b"<feed></feed>", "feed"),
    ("a.xml", b"<rss></rss>", "feed"),
    ("a.txt", b"date 2023-08-10 Text.", "header"),
    ("a.txt", b"   date 2023-08-10 Text.", "header"),
    ("a.txt", b"Some text.", "text"),
    ("noext", b'  {"text": "x"}', "jsonl"),
    ("noext", b"<!DOCTYPE html><html></html>", "html"),
    ("noext", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
    ("noext", b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    ("noext", b"dated 2023-08-10", "text"),
])
def test_detect_format(name, data, expected):
    assert detect_format(name, data) == expected


@pytest.mark.parametrize("path,expected", [
    ("x/000_e064e57b220f2e4f.txt", "000_e064e57b220f2e4f"),
    ("story.tar.gz", "story.tar"),
    ("noext", "noext"),
    (".hidden", ".hidden"),
])
def test_article_id(path, expected):
    assert article_id(path) == expected


def test_input_format_forces_reader(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text('{"id": "j", "text": "x"}\n', encoding="utf-8")
    (json_,) = list(read_paths([str(path)]))  # detected by content
    (plain,) = list(read_paths([str(path)], ReadOptions(input_format="text")))
    assert plain.text.startswith("{") and json_.id == "j"


def test_directory_sorted_and_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2023-08-10 one", encoding="utf-8")
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("secret", encoding="utf-8")
    (tmp_path / ".note.txt").write_text("hidden", encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert [getattr(i, "id", None) for i in items] == ["a", "2", None]
    assert str(items[2]) == f"{tmp_path / 'c.txt'}: empty input"


def test_empty_directory(tmp_path):
    (item,) = list(read_paths([str(tmp_path)]))
    assert str(item) == f"{tmp_path}: directory has no readable files"


def test_header_reader_keeps_body_only(tmp_path):
    path = tmp_path / "h.txt"
    path.write_text("  date 2023-08-10 First words.\nSecond line.", encoding="utf-8")
    (article,) = list(read_paths([str(path)]))
    assert (article.text, article.published, article.published_from) == ("First words.\nSecond line.", "2023-08-10", "header")


def test_plain_text_undated_without_option(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("Officials met on Tuesday.", encoding="utf-8")
    (article,) = list(read_paths([str(path)]))
    assert (article.published, article.published_from) == (None, None)
    (dated,) = list(read_paths([str(path)], ReadOptions(published="2023-08-10")))
    assert (dated.published, dated.published_from) == ("2023-08-10", "option")
