"""Train the learned cue detector on PolNeAR train: writes src/dateline/attribution/data/learned_cues.tsv.

    python bench/train_learned_cues.py [--data ../shared/data] [--out PATH] [--check]

Reads the TRAIN split only (840 articles; dev is never read), parses it with the project's
spaCy model (cached in ``bench/.cache/`` by ``mine_polnear_cues.parse_cached``), runs the
attribution rules alone (``extract_attributions(..., learned=False)``) and makes the
proposals of ``dateline.attribution.learned`` (verbs, nouns, adjectives with a complement
that the rules did not take as cues).  A proposal is a positive example when a gold
relation that no rule prediction matches has a cue sharing a word with the proposal's cue
and a content whose words the proposal's content covers at least half of (the bench's
matching rule).

The threshold is chosen by 5-fold cross-validation over train articles (folds by article
position): out-of-fold probabilities, then the threshold (0.30 to 0.90 in steps of 0.05)
that maximises attribution F1 of rules plus accepted proposals among those where the accepted proposals are right at least ``--min-precision``
of the time (a false claim costs a reader more than a missed stance).  Where two accepted
proposals share a cue token, only the more probable one counts (``learned.one_per_cue``).
The final weights are fitted on all of train.  The file's header records the command, the
corpus, the example counts and the cross-validated figures; ``--check`` retrains and
fails unless the result equals the shipped file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from mine_polnear_cues import parsed_train  # noqa: E402

from dateline.attribution import learned  # noqa: E402
from dateline.attribution.build import extract_attributions, tokens_between  # noqa: E402
from dateline.attribution.quotes import find_quotes  # noqa: E402
from dateline.evaluation.attribution import (  # noqa: E402
    Relation, match, relation_of, score_corpus, words)

FOLDS = 5
EPOCHS = 10
MIN_COUNT = 5  # features seen in fewer training proposals get no weight
GRID = [round(0.30 + 0.05 * k, 2) for k in range(13)]  # 0.30 .. 0.90
MIN_WEIGHT = 1e-4  # weights smaller than this are left out of the file (no decision changes)


def rule_relations(doc, text: str):
    """The rules' attributions of one article as relations, their cue tokens, contents and relays."""
    atts = extract_attributions(doc, text, learned=False)
    rels, taken, contents, relays = [], set(), [], []
    for a in atts:
        rel = relation_of(a)
        rels.append(rel)
        if a.cue:
            taken |= {t.i for t in tokens_between(doc, a.cue.start, a.cue.end)}
        contents += rel.content
        relays += [(v.span.start, v.span.end) for v in a.via if v.span is not None]
    return rels, taken, contents, relays


def proposal_relation(doc, p: learned.Proposal) -> Relation:
    """A proposal as the bench scores it (character spans of source, cue, content)."""
    cue = tuple((doc[i].idx, doc[i].idx + len(doc[i].text)) for i in p.cue)
    src = ()
    if p.source is not None:
        a, b = p.source
        src = ((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)),)
    return Relation(src, cue, p.content, False)


def label(text: str, gold, free: set[int], rel: Relation) -> int:
    """1 when the proposal would match a gold relation the rules missed (cue word shared)."""
    cue_words = words(text, rel.cue)
    pw = words(text, rel.content)
    for gi in free:
        g = gold[gi]
        gw = words(text, g.content)
        if gw and cue_words & words(text, g.cue) and len(gw & pw) * 2 >= len(gw):
            return 1
    return 0


def examples_of(articles, docs):
    """Per article: rule relations and (features, label, relation) of every proposal."""
    out = []
    for art, doc in zip(articles, docs):
        rels, taken, contents, relays = rule_relations(doc, art.text)
        quotes = [q for q in find_quotes(art.text) if q.inner_end > q.inner_start]
        matched = {gi for gi, _ in match(art.text, art.relations, rels)}
        free = {i for i in range(len(art.relations)) if i not in matched}
        props = []
        for p in learned.proposals(doc, quotes, taken, contents, relays):
            rel = proposal_relation(doc, p)
            props.append((p.features, label(art.text, art.relations, free, rel), rel, p.cue))
        out.append((rels, props))
    return out


def train(per_article, keep) -> dict:
    """Weights fitted on the articles whose index ``keep`` accepts."""
    data = [(f, y) for k, (_, props) in enumerate(per_article) if keep(k) for f, y, _, _ in props]
    return learned.fit(data, epochs=EPOCHS, min_count=MIN_COUNT)


def cross_validate(articles, per_article) -> list[list[float]]:
    """Out-of-fold probabilities of every proposal (folds by article position)."""
    probs: list[list[float]] = [[] for _ in per_article]
    for fold in range(FOLDS):
        model = learned.Model(train(per_article, lambda k: k % FOLDS != fold), 0.5)
        for k, (_, props) in enumerate(per_article):
            if k % FOLDS == fold:
                probs[k] = [model.probability(f) for f, _, _, _ in props]
    return probs


def figures(articles, per_article, probs, threshold: float | None) -> dict:
    """Attribution and cue figures of the rules plus the proposals accepted at ``threshold``."""
    preds, added, right = {}, 0, 0
    for art, (rels, props), pr in zip(articles, per_article, probs):
        kept = set() if threshold is None else learned.one_per_cue([(p, cue) for (_, _, _, cue), p in zip(props, pr)], threshold)
        extra = [props[k][2] for k in sorted(kept)]
        added += len(extra)
        right += sum(props[k][1] for k in kept)
        preds[art.name] = list(rels) + extra
    s = score_corpus(articles, preds)
    a = s.attribution
    return {"threshold": threshold, "added": added, "added_precision": right / added if added else 0.0,
            "P": a["all"].precision, "R": a["all"].recall, "F1": a["all"].f1,
            "indirect_R": a["indirect"].recall, "cue_F1": s.overlap["cue"].f1,
            "content_F1": s.overlap["content"].f1, "source_acc": s.source_accuracy()}


def choose(table: list[dict], min_precision: float) -> dict:
    """The row of the highest attribution F1 whose accepted proposals are right often enough."""
    ok = [f for f in table if f["added_precision"] >= min_precision] or table[-1:]
    return max(ok, key=lambda f: (round(f["F1"], 4), f["threshold"]))


def fmt(f: dict) -> str:
    thr = "rules only" if f["threshold"] is None else f"threshold {f['threshold']:.2f}"
    return (f"{thr:15} added {f['added']:5} (right {f['added_precision']:.3f})  attribution P {f['P']:.3f} "
            f"R {f['R']:.3f} F1 {f['F1']:.3f}  indirect R {f['indirect_R']:.3f}  cue overlap F1 {f['cue_F1']:.3f}  "
            f"content F1 {f['content_F1']:.3f}  source acc {f['source_acc']:.3f}")


HEADER = """\
# Learned cue detector (dateline.attribution.learned): GENERATED, do not edit by hand.
# Retrain (reads only ../shared/data/polnear/train, never dev; about 5 minutes with the first parse):
#   .venv/bin/python bench/train_learned_cues.py --min-precision {min_precision}
# Model: logistic regression over string features of a proposal (a verb, noun or adjective
# with a complement that the rules did not make a cue), SGD, {epochs} epochs, fixed seed;
# features seen in fewer than {min_count} training proposals get no weight.
# Format: FEATURE <TAB> WEIGHT, one per line; the probability is 1 / (1 + exp(-sum of the
#   weights of the proposal's features)); the row {key} holds the decision threshold.
#   Example lines: "bias<TAB>-3.1", "lpath=vote|prep:against<TAB>2.4".
# Corpus: PolNeAR train, {n_articles} articles, {n_rel} gold relations; {n_ex} proposals, {n_pos} positive.
# Threshold: chosen by {folds}-fold cross-validation on train (highest attribution F1 with the
#   accepted proposals right at least {min_precision:.0%} of the time). Out-of-fold figures on train:
#   {before}
#   {after}
# Example lines (run as tests; "SENTENCE => CUE | SOURCE | START OF CONTENT", or "=> none" when
# the detector adds no attribution):
{examples}
"""


# Worked examples written into the header (run as tests): stances no cue list holds, and acts
# that are no stance.
EXAMPLES = """\
# example: Senator Walsh voted against the budget on Tuesday. => voted against | Senator Walsh | the budget
# example: Republicans pushed for a vote on the bill. => pushed for | Republicans | a vote on the bill
# example: Democrats are skeptical of the deal. => are skeptical of | Democrats | the deal
# example: The union backed the mayor's plan to close the plant. => backed | The union | the mayor's plan
# example: The company built a new factory in Ohio last year. => none
# example: She drove her children to school in the morning. => none"""


def render(weights: dict, threshold: float, header: str) -> str:
    """The weights file: header, threshold row, then the weights by feature name."""
    rows = [f"{learned.THRESHOLD_KEY}\t{threshold:.2f}"]
    rows += [f"{f}\t{w:.4f}" for f, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT]
    return header + "\n".join(rows) + "\n"


def main(argv=None) -> int:
    """Train on PolNeAR train, choose the threshold by cross-validation, write the weights."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(learned.WEIGHTS))
    ap.add_argument("--min-precision", type=float, default=0.6)
    ap.add_argument("--check", action="store_true", help="retrain and compare with --out; write nothing")
    args = ap.parse_args(argv)
    loaded = parsed_train(args.data, "train_learned_cues")
    if loaded is None:
        return 1
    articles, docs = loaded
    per_article = examples_of(articles, docs)
    probs = cross_validate(articles, per_article)
    before = figures(articles, per_article, probs, None)
    print(fmt(before))
    table = [figures(articles, per_article, probs, t) for t in GRID]
    for f in table:
        print(fmt(f))
    best = choose(table, args.min_precision)
    n_ex = sum(len(p) for _, p in per_article)
    n_pos = sum(y for _, p in per_article for _, y, _, _ in p)
    header = HEADER.format(min_precision=args.min_precision, epochs=EPOCHS, min_count=MIN_COUNT, key=learned.THRESHOLD_KEY,
                           n_articles=len(articles), n_rel=sum(len(a.relations) for a in articles),
                           n_ex=n_ex, n_pos=n_pos, folds=FOLDS, before=fmt(before), after=fmt(best), examples=EXAMPLES)
    text = render(train(per_article, lambda k: True), best["threshold"], header)
    print(f"chosen: {fmt(best)}")
    out = Path(args.out)
    if args.check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print(f"{out}: {'reproduced exactly' if same else 'DIFFERS from the retrained weights'}")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
