"""Attribution bench on PolNeAR: dateline against textacy's direct_quotations, same run.

    python bench/polnear.py [--split dev] [--data ../shared/data] [--model NAME] [--errors N] [--no-learned]

Both systems read the same spaCy parse (parsed once with nlp.pipe); speed is reported as
articles per second for parse + layer, and as the ratio of the layers alone.  textacy
comes from bench/requirements.txt (``make bench-setup``).  Scoring is
``dateline.evaluation.attribution`` (its docstring defines every figure).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.evaluation.attribution import (  # noqa: E402
    Relation, Scores, read_split, relations_from_record, score_corpus, words)
from dateline.pipeline import Pipeline  # noqa: E402
from dateline.types import Article  # noqa: E402


def parse_all(articles, pipeline: Pipeline):
    """Parse every article once (nlp.pipe); returns docs and seconds spent."""
    t0 = time.perf_counter()
    docs = list(pipeline.nlp.pipe([a.text for a in articles], batch_size=16))
    return docs, time.perf_counter() - t0


def run_dateline(articles, docs, pipeline: Pipeline):
    """Our records per article name, and seconds per layer (parse excluded)."""
    from dateline.pipeline import Document

    preds, seconds = {}, {c.name: 0.0 for c in pipeline.components}
    for art, doc in zip(articles, docs):
        document = Document(article=Article(id=art.name, text=art.text), text=art.text, doc=doc)
        for component in pipeline.components:
            t0 = time.perf_counter()
            component(document)
            seconds[component.name] += time.perf_counter() - t0
        preds[art.name] = relations_from_record(document.to_record())
    return preds, seconds


def _token_spans(tokens) -> tuple[tuple[int, int], ...]:
    spans: list[list[int]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        end = t.idx + len(t.text)
        if spans and t.i == spans[-1][2] + 1:
            spans[-1][1], spans[-1][2] = end, t.i
        else:
            spans.append([t.idx, end, t.i])
    return tuple((a, b) for a, b, _ in spans)


def run_textacy(articles, docs):
    """textacy.extract.triples.direct_quotations on the same parses."""
    from textacy.extract.triples import direct_quotations

    preds, t0 = {}, time.perf_counter()
    for art, doc in zip(articles, docs):
        rels = []
        try:
            triples = list(direct_quotations(doc))
        except Exception as err:  # a peer's crash on one article must not stop the bench
            print(f"textacy failed on {art.name}: {err}", file=sys.stderr)
            triples = []
        for tr in triples:
            content = ((tr.content.start_char, tr.content.end_char),)
            rels.append(Relation(_token_spans(tr.speaker), _token_spans(tr.cue), content, True))
        preds[art.name] = rels
    return preds, time.perf_counter() - t0


def table(name: str, s: Scores) -> list[str]:
    """The figures of one system."""
    lines = [f"== {name}"]
    lines.append(f"{'':24}{'P':>7}{'R':>7}{'F1':>7}")
    for kind, group in (("exact", s.exact), ("overlap", s.overlap)):
        for role in ("cue", "source", "content"):
            prf = group[role]
            lines.append(f"{role + ' ' + kind:24}{prf.precision:7.3f}{prf.recall:7.3f}{prf.f1:7.3f}")
    for split in ("all", "direct", "indirect"):
        prf = s.attribution[split]
        lines.append(f"{'attribution ' + split:24}{prf.precision:7.3f}{prf.recall:7.3f}{prf.f1:7.3f}"
                     f"   gold {int(prf.n_g)}, predicted {int(prf.n_p)}, "
                     f"source acc {s.source_accuracy(split):.3f} on {s.matched[split]} matched")
    return lines


def error_sample(articles, preds, n: int) -> list[str]:
    """A few missed gold relations and false predictions, for error analysis."""
    from dateline.evaluation.attribution import match

    out, missed, false = [], [], []
    for art in articles:
        pr = preds.get(art.name, [])
        pairs = match(art.text, art.relations, pr)
        mg, mp = {g for g, _ in pairs}, {p for _, p in pairs}
        txt = lambda spans: " | ".join(art.text[a:b] for a, b in spans)[:140]
        missed += [f"MISS  cue={txt(g.cue)!r} src={txt(g.source)!r} :: {txt(g.content)!r}"
                   for i, g in enumerate(art.relations) if i not in mg and words(art.text, g.content)]
        false += [f"FALSE cue={txt(p.cue)!r} src={txt(p.source)!r} :: {txt(p.content)!r}"
                  for i, p in enumerate(pr) if i not in mp]
    step_m = max(1, len(missed) // max(n, 1))
    step_f = max(1, len(false) // max(n, 1))
    out += missed[::step_m][:n] + false[::step_f][:n]
    return out


def cue_loss(articles, preds) -> list[str]:
    """Where gold cue words are lost: in gold relations no prediction matches (recall), or in
    matched pairs whose cue extent differs; and the cue recall if every matched cue were exact."""
    from dateline.evaluation.attribution import match

    gold_n = pred_n = lost_unmatched = lost_matched = wrong_matched = wrong_unmatched = 0
    for art in articles:
        pr = preds.get(art.name, [])
        pairs = match(art.text, art.relations, pr)
        gm, pm = {g for g, _ in pairs}, {p for _, p in pairs}
        g_all = set().union(*[words(art.text, g.cue) for g in art.relations]) if art.relations else set()
        p_all = set().union(*[words(art.text, p.cue) for p in pr]) if pr else set()
        gold_n, pred_n = gold_n + len(g_all), pred_n + len(p_all)
        for gi, g in enumerate(art.relations):
            lost = len(words(art.text, g.cue) - p_all)
            lost_matched, lost_unmatched = (lost_matched + lost, lost_unmatched) if gi in gm else (
                lost_matched, lost_unmatched + lost)
        for pi, p in enumerate(pr):
            wrong = len(words(art.text, p.cue) - g_all)
            wrong_matched, wrong_unmatched = (wrong_matched + wrong, wrong_unmatched) if pi in pm else (
                wrong_matched, wrong_unmatched + wrong)
    share = lambda n, d: f"{n} ({n / max(d, 1):.1%})"
    return [f"cue words: gold {gold_n}, predicted {pred_n}",
            f"  gold cue words missed in gold relations no prediction matches: {share(lost_unmatched, gold_n)}",
            f"  gold cue words missed in matched pairs (cue extent differs): {share(lost_matched, gold_n)}",
            f"  predicted cue words not in gold, matched pairs: {share(wrong_matched, pred_n)}; "
            f"unmatched predictions: {share(wrong_unmatched, pred_n)}",
            f"  cue overlap recall if every matched pair had the gold cue: {1 - lost_unmatched / max(gold_n, 1):.3f}"]


def main(argv=None) -> int:
    """Run both systems on a PolNeAR split and print their figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--model", default=None)
    ap.add_argument("--errors", type=int, default=0, help="print N missed and N false relations")
    ap.add_argument("--cue-loss", action="store_true", help="print where gold cue words are lost")
    ap.add_argument("--subset", choices=("all", "even", "odd"), default="all",
                    help="articles at even or odd positions (sorted by name): errors were studied on 'even'")
    ap.add_argument("--no-learned", action="store_true",
                    help="leave out the learned cue detector (the rules alone, for a before/after)")
    args = ap.parse_args(argv)
    if args.no_learned:
        from dateline.attribution import learned
        learned.shipped_model = lambda: None  # learned_candidates then adds nothing
    folder = Path(args.data) / "polnear" / args.split
    if not folder.is_dir():
        print(f"polnear bench: no data at {folder}", file=sys.stderr)
        return 1
    articles = read_split(folder)
    if args.subset != "all":
        articles = articles[(0 if args.subset == "even" else 1)::2]
    pipeline = Pipeline(model=args.model)
    docs, t_parse = parse_all(articles, pipeline)
    ours, t_layers = run_dateline(articles, docs, pipeline)
    peer, t_peer = run_textacy(articles, docs)
    n_rel = sum(len(a.relations) for a in articles)
    print(f"PolNeAR {args.split} ({args.subset}): {len(articles)} articles, {n_rel} gold relations "
          f"(first annotator per article); spaCy model {pipeline.nlp.meta['name']} {pipeline.nlp.meta['version']}")
    print(f"layers run by dateline: {', '.join(c.name for c in pipeline.components)}")
    for line in table("dateline", score_corpus(articles, ours)) + table(
            "textacy 0.13.0 direct_quotations", score_corpus(articles, peer)):
        print(line)
    n = len(articles)
    t_ours = sum(t_layers.values())
    print(f"speed (articles/s): spaCy parse {n / t_parse:.1f}; dateline parse+layers {n / (t_parse + t_ours):.1f}; "
          f"textacy parse+extract {n / (t_parse + t_peer):.1f}")
    print("layer time alone: " + ", ".join(f"{k} {n / max(v, 1e-9):.1f} articles/s" for k, v in t_layers.items())
          + f"; textacy {n / max(t_peer, 1e-9):.1f} articles/s; attribution layer / textacy time ratio "
          f"{t_layers.get('attributions', 0.0) / max(t_peer, 1e-9):.1f}")
    if args.cue_loss:
        print("\n".join(cue_loss(articles, ours)))
    for line in error_sample(articles, ours, args.errors):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
