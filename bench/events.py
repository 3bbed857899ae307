"""Events bench: trigger, participant and anchoring scores, and speed, in one run.

    python bench/events.py [--limit N] [--subset even|odd] [--only te3|timeline] [--json]

``--subset`` keeps every other document of each corpus (by its order: even = 0, 2, 4, ...), so a
rule can be written on one half and confirmed on the other; ``--only`` runs one corpus.
``--limit N`` is applied after ``--subset``: the first N documents of the half.

1. te3-train (TimeBank + AQUAINT, ``../shared/data/te3-train``): EVENT trigger P/R/F1
   of dateline's events (every mention, REPORTING included, as TimeML annotates them),
   overlap match (one-to-one) and exact-span match, per part and overall.  The peer,
   scored on the same parses, is TempEval's classic baseline: every spaCy VERB is an event.
2. SemEval-2015 Task 4 trial data (30 Wikinews articles about Apple, CAT XML, DCT from
   the TimeML twins): trigger P/R/F1 against EVENT_MENTION; anchoring against the gold
   timelines (for each timeline event with a date: the share whose ``when.interval``
   holds the date, or overlaps it for a month/year date; the share dated at all; and
   the same restricted to intervals bounded on both ends); entity participation (the
   timeline's target entity among the event's participants).  This copy of the data has
   no TIMEX3, TLINK or HAS_PARTICIPANT markables, so the timelines are the gold for
   dates and participants (see README, "Events and the article timeline").
3. Speed, per corpus: articles per second for the pipeline (spaCy parse included) and for
   the events layer alone, with the ratio to spaCy's parse time.

te3-train runs every layer, as a user's run would; the CI gate scores the same triggers on
the events layer alone, with the same figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.errors import InputError  # noqa: E402
from dateline.evaluation.events import (PRF, RunTimes, match_spans, read_cat_folder,  # noqa: E402
                                        read_timelines, run_articles, score_timelines, score_triggers,
                                        verb_baseline)
from dateline.evaluation.timeml import read_corpus  # noqa: E402
from dateline.types import Article  # noqa: E402

DATA = Path(os.environ.get("DATELINE_DATA", ROOT.parent / "shared" / "data"))
TIMELINE = DATA / "semeval2015-task4-timeline"
# te3-train layers: all of them (the attribution layer sets reported_by, which triggers ignore).
TE3_LAYERS = ("entities", "time", "attributions", "events")


def _prf(counts: PRF) -> dict:
    return {"P": round(counts.precision, 4), "R": round(counts.recall, 4), "F1": round(counts.f1, 4),
            "tp": counts.tp, "fp": counts.fp, "fn": counts.fn}


def _baseline(times: RunTimes, golds: list) -> PRF:
    total = PRF()
    for doc, gold in zip(times.docs, golds):
        total.add(match_spans(list(gold), verb_baseline(doc)))
    return total


def _subset(items: list, limit: int | None, subset: str | None) -> list:
    """Every other item for ``subset`` "even" / "odd", then the first ``limit`` of those
    (the order bench/tempeval.py uses too)."""
    if subset:
        items = items[{"even": 0, "odd": 1}[subset]::2]
    return items[:limit]


def te3_section(limit: int | None, subset: str | None = None) -> tuple[dict, RunTimes]:
    """Trigger scores on te3-train, dateline and the verb baseline."""
    gold_docs = _subset([d for d in read_corpus(DATA / "te3-train") if not isinstance(d, InputError)], limit, subset)
    articles = [Article(id=d.docid, text=d.text, published=d.publication_date, published_from="option")
                for d in gold_docs]
    records, times = run_articles(articles, TE3_LAYERS, with_requirements=False)
    golds = [[(e.start, e.end) for e in d.events] for d in gold_docs]
    parts = {}
    for part in ("TimeBank", "AQUAINT"):
        idx = [i for i, d in enumerate(gold_docs) if f"/{part}/" in (d.path or "")]
        parts[part] = _prf(score_triggers([records[i] for i in idx], [golds[i] for i in idx]))
    result = {"documents": len(gold_docs), "gold_events": sum(map(len, golds)),
              "dateline_overlap": _prf(score_triggers(records, golds)),
              "dateline_exact": _prf(score_triggers(records, golds, strict=True)),
              "by_part": parts, "baseline_all_verbs": _prf(_baseline(times, golds))}
    return result, times


def timeline_section(limit: int | None, subset: str | None = None) -> tuple[dict, RunTimes]:
    """Trigger, anchoring and participant scores on the SemEval-2015 Task 4 trial data."""
    docs = _subset(read_cat_folder(TIMELINE / "Corpus-trial-data_task4"), limit, subset)
    articles = [Article(id=d.doc_id, text=d.text, published=d.published, published_from="option") for d in docs]
    records, times = run_articles(articles)
    golds = [[(m.start, m.end) for m in d.of_kind("EVENT_MENTION")] for d in docs]
    scores = score_timelines({r.article.id: r for r in records}, {d.doc_id: d for d in docs},
                             read_timelines(TIMELINE / "TimeLines_trial_data_task4_v1.2"))
    a = scores.anchoring
    share = lambda x, y: round(x / y, 4) if y else 0.0  # noqa: E731
    result = {
        "documents": len(docs), "gold_events": sum(map(len, golds)),
        "dateline_overlap": _prf(score_triggers(records, golds)),
        "baseline_all_verbs": _prf(_baseline(times, golds)),
        "anchoring": {"gold_dated_events": a.gold, "found": a.found, "dated": a.dated,
                      "accuracy": share(a.correct, a.gold), "dated_share": share(a.dated, a.gold),
                      "bounded_share": share(a.bounded, a.gold),
                      "bounded_accuracy": share(a.bounded_correct, a.gold)},
        "participants": {"timeline_entries": scores.entries, "found": scores.found,
                         "entity_recall": share(scores.with_participant, scores.entries),
                         "entity_recall_found": share(scores.with_participant, scores.found),
                         "with_entity": scores.with_participant, "misses_by_kind": scores.miss_kinds},
        "participant_misses_sample": scores.misses[:12],
    }
    return result, times


def speed(times: RunTimes) -> dict:
    """Articles per second of one run, its layers together and the events layer alone, with ratios."""
    n, parse, layers = times.articles, times.parse, times.layers
    total = parse + sum(layers.values())
    events = layers.get("events", 0.0)
    return {"articles": n, "pipeline_articles_per_s": round(n / total, 2) if total else None,
            "events_layer_articles_per_s": round(n / events, 2) if events else None,
            "spacy_parse_articles_per_s": round(n / parse, 2) if parse else None,
            "events_layer_vs_spacy_parse_speed": round(parse / events, 2) if events else None,
            "seconds_by_layer": {k: round(v, 2) for k, v in layers.items()},
            "layer_failures": dict(times.failures)}


def _print(report: dict) -> None:
    te3, tl = report.get("te3_train"), report.get("timeline")
    row = lambda name, s: print(f"  {name:<34} P {s['P']:.3f}  R {s['R']:.3f}  F1 {s['F1']:.3f}")  # noqa: E731
    if te3:
        _print_te3(te3, row)
    if tl:
        _print_timeline(tl, row)
    _print_speed(report["speed"])


def _print_te3(te3: dict, row) -> None:
    print(f"te3-train EVENT triggers ({te3['documents']} documents, {te3['gold_events']} gold events)")
    row("dateline (overlap)", te3["dateline_overlap"])
    row("dateline (exact span)", te3["dateline_exact"])
    for part, s in te3["by_part"].items():
        row(f"dateline {part} (overlap)", s)
    row("peer: all-verbs baseline (overlap)", te3["baseline_all_verbs"])


def _print_timeline(tl: dict, row) -> None:
    print(f"SemEval-2015 Task 4 trial, Apple news ({tl['documents']} documents, {tl['gold_events']} EVENT_MENTION)")
    row("dateline triggers (overlap)", tl["dateline_overlap"])
    row("peer: all-verbs baseline (overlap)", tl["baseline_all_verbs"])
    a = tl["anchoring"]
    print(f"  anchoring, {a['gold_dated_events']} gold-dated timeline events: accuracy {a['accuracy']:.3f}"
          f" (interval holds the gold date), dated {a['dated_share']:.3f}, bounded both ends"
          f" {a['bounded_share']:.3f}, bounded and right {a['bounded_accuracy']:.3f}")
    p = tl["participants"]
    print(f"  participants, {p['timeline_entries']} timeline entries: target entity among participants"
          f" {p['entity_recall']:.3f} ({p['with_entity']}; of events found: {p['entity_recall_found']:.3f})")
    print(f"    misses by kind: {p['misses_by_kind']}")


def _print_speed(speeds: dict) -> None:
    for corpus, sp in speeds.items():
        print(f"speed, {corpus} ({sp['articles']} articles): pipeline {sp['pipeline_articles_per_s']} articles/s,"
              f" events layer alone {sp['events_layer_articles_per_s']} articles/s"
              f" ({sp['events_layer_vs_spacy_parse_speed']}x spaCy parse speed);"
              f" seconds by layer {sp['seconds_by_layer']}")
        if sp["layer_failures"]:
            print(f"  WARNING: layers that crashed (articles): {sp['layer_failures']}")


def main(argv: list[str] | None = None) -> int:
    """Run the bench and print (or dump as JSON) its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents of each corpus (of the half, with --subset)")
    parser.add_argument("--subset", choices=("even", "odd"), default=None,
                        help="every other document of each corpus (a development half)")
    parser.add_argument("--only", choices=("te3", "timeline"), default=None, help="run one corpus only")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    for needed in (DATA / "te3-train", TIMELINE):
        if not needed.exists():
            print(f"bench/events.py: development data not found: {needed}", file=sys.stderr)
            return 2
    report: dict = {"speed": {}}
    if args.only in (None, "te3"):
        report["te3_train"], t1 = te3_section(args.limit, args.subset)
        report["speed"]["te3-train"] = speed(t1)
    if args.only in (None, "timeline"):
        report["timeline"], t2 = timeline_section(args.limit, args.subset)
        report["speed"]["Apple trial"] = speed(t2)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
