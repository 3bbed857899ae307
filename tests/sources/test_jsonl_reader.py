"""JSON Lines reader: one row per case (line content -> article fields or error)."""

from __future__ import annotations

import json

import pytest

from dateline.errors import InputError
from dateline.sources import ReadOptions, jsonl, read_paths

CASES = [
    # (line, options, expected fields or error substring)
    ({"id": "a1", "published": "2023-08-10", "text": "Officials met."}, {},
     {"id": "a1", "published": "2023-08-10", "published_from": "json", "text": "Officials met."}),
    ({"id": 7, "text": "x y"}, {}, {"id": "7", "published": None, "published_from": None}),
    ({"text": "x y"}, {"published": "2023-01-02"}, {"id": "one", "published": "2023-01-02", "published_from": "option"}),
    ({"published": "2023-08-10T09:30:00+05:00", "text": "x"}, {}, {"published": "2023-08-10"}),
    ({"published": "2023-08-10 09:30", "text": "x"}, {}, {"published": "2023-08-10"}),
    ({"title": "T", "url": "https://e.com/a", "outlet": "E", "text": "x"}, {},
     {"title": "T", "url": "https://e.com/a", "outlet": "E"}),
    ({"html": "<html><body><article><p>Officials from both countries met in Lahore on Tuesday "
              "to discuss trade, a spokesman said.</p></article></body></html>"}, {},
     {"text": "Officials from both countries met in Lahore on Tuesday to discuss trade, a spokesman said."}),
    ({"id": "a", "published": "2023-02-30", "text": "x"}, {}, "impossible date '2023-02-30'"),
    ({"id": "a", "published": "10/08/2023", "text": "x"}, {}, "invalid date '10/08/2023'"),
    ({"id": "a", "published": 20230810, "text": "x"}, {}, "invalid date 20230810"),
    ({"id": "a", "published": "2023-08-10"}, {}, 'no "text" or "html" field'),
    ({"id": "a", "text": "   "}, {}, "article text is empty"),
    ({"id": "a", "text": 5}, {}, "article text is empty or not a string"),
    ({"id": ["a"], "text": "x"}, {}, "field 'id' must be a string"),
    ({"title": 3, "text": "x"}, {}, "field 'title' must be a string"),
    ("just a string", {}, "expected a JSON object, found str"),
]


@pytest.mark.parametrize("obj,opts,expected", CASES)
def test_jsonl_line(tmp_path, obj, opts, expected):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(obj) + "\n", encoding="utf-8")
    (item,) = list(read_paths([str(path)], ReadOptions(**opts)))
    if isinstance(expected, str):
        assert isinstance(item, InputError)
        assert str(item).startswith(f"{path}:line 1: ")
        assert expected in str(item)
    else:
        assert not isinstance(item, InputError), str(item)
        for key, value in expected.items():
            assert getattr(item, key) == value, key


def test_bad_lines_are_named_and_others_still_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "a", "text": "one"}\n{not json\n\n{"id": "c"}\n{"text": "four"}\n', encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert [getattr(i, "id", None) for i in items] == ["a", None, None, "batch-5"]
    assert str(items[1]).startswith(f"{path}:line 2: malformed JSON")
    assert str(items[2]) == f'{path}:line 4: no "text" or "html" field'


def test_deeply_nested_line_is_one_error_and_others_still_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    deep = '{"id": "deep", "text": "a", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    path.write_text('{"id": "a", "text": "one"}\n' + deep + '\n{"id": "c", "text": "three"}\n', encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert [getattr(i, "id", None) for i in items] == ["a", None, "c"]
    assert str(items[1]) == f"{path}:line 2: malformed JSON (nested too deeply to read)"


def test_pretty_printed_json_array(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"id": "x", "text": "a"}, {"text": "b", "published": "2023-02-29"}], indent=2),
                    encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert items[0].id == "x"
    assert str(items[1]) == f"{path}:item 2: impossible date '2023-02-29'"


def test_single_pretty_object_uses_file_name(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"text": "a", "published": "2024-02-29"}, indent=2), encoding="utf-8")
    (item,) = list(read_paths([str(path)]))
    assert (item.id, item.published) == ("story", "2024-02-29")


@pytest.mark.parametrize("value,expected", [(None, None), ("", None), ("2024-02-29", "2024-02-29"),
                                            ("2024-02-29T23:59:59Z", "2024-02-29")])
def test_json_date(value, expected):
    assert jsonl.json_date("f:line 1", value) == expected
