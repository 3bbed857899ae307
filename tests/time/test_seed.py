"""The seed article's six time expressions through the full pipeline."""

from __future__ import annotations


def test_seed_expressions(seed_record, seed_gold):
    found = {t.text: t for t in seed_record.timexes}
    for gold in seed_gold["timexes"]:
        assert gold["text"] in found, f"missing {gold['text']!r}; found {sorted(found)}"
        timex = found[gold["text"]]
        assert timex.type == gold["type"], gold["text"]
        accepted = gold.get("accept") or [gold["value"]]
        assert timex.value in accepted, (gold["text"], timex.value)
        if "interval" in gold:
            assert list(timex.interval) == gold["interval"], gold["text"]


def test_seed_march_2_is_read_in_the_story_year(seed_record):
    (march2,) = [t for t in seed_record.timexes if t.text == "March 2"]
    (march7,) = [t for t in seed_record.timexes if t.text == "March 7 last year"]
    assert march2.value == "2022-03-02"
    assert march2.anchor == march7.id  # resolved against the story's last date, not publication


def test_seed_ids_and_spans(seed_record):
    ids = [t.id for t in seed_record.timexes]
    assert ids == [f"T{i}" for i in range(1, len(ids) + 1)]
    for t in seed_record.timexes:
        assert seed_record.text[t.start:t.end] == t.text
