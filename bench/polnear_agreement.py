"""Agreement between PolNeAR's annotators: a ceiling for the attribution figures.

    python bench/polnear_agreement.py [--data ../shared/data] [--split dev train]

A few PolNeAR articles were annotated by several people.  On those, every other
annotator's relations are scored against the first annotator's (the file the bench
``bench/polnear.py`` uses as gold), with the bench's own scorer
(``dateline.evaluation.attribution``), micro-averaged over all such pairs: how well one
careful human matches the gold, so how high a system can be expected to score.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.evaluation.attribution import (  # noqa: E402
    Scores, ann_relations, annotation_files, quoted_ranges, score_article)


def annotations(folder: Path) -> dict[str, list[Path]]:
    """Article name -> its .ann files in sorted order, for articles with more than one."""
    return {k: v for k, v in annotation_files(folder).items() if len(v) > 1}


def agreement(folders: list[Path]) -> tuple[Scores, int, int]:
    """Scores of the other annotators against the first, the number of articles and of pairs."""
    scores, n_articles, n_pairs = Scores(), 0, 0
    for folder in folders:
        for article, anns in sorted(annotations(folder).items()):
            text = (folder / "text" / f"{article}.txt").read_text(encoding="utf-8")
            quoted = quoted_ranges(text)
            gold = ann_relations(text, anns[0], quoted)
            n_articles += 1
            for other in anns[1:]:
                score_article(text, gold, ann_relations(text, other, quoted), scores)
                n_pairs += 1
    return scores, n_articles, n_pairs


def main(argv=None) -> int:
    """Print the agreement figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--split", nargs="+", default=["dev", "train"])
    args = ap.parse_args(argv)
    folders = [Path(args.data) / "polnear" / s for s in args.split]
    missing = [f for f in folders if not (f / "attributions").is_dir()]
    if missing:
        print(f"polnear_agreement: no PolNeAR data at {missing[0]}", file=sys.stderr)
        return 1
    s, n_articles, n_pairs = agreement(folders)
    print(f"PolNeAR {'+'.join(args.split)}: {n_articles} articles with several annotators, "
          f"{n_pairs} annotator pairs (each other annotator against the first)")
    print(f"{'':24}{'P':>7}{'R':>7}{'F1':>7}")
    for kind, group in (("exact", s.exact), ("overlap", s.overlap)):
        for role in ("cue", "source", "content"):
            prf = group[role]
            print(f"{role + ' ' + kind:24}{prf.precision:7.3f}{prf.recall:7.3f}{prf.f1:7.3f}")
    a = s.attribution["all"]
    print(f"{'attribution all':24}{a.precision:7.3f}{a.recall:7.3f}{a.f1:7.3f}   "
          f"source acc {s.source_accuracy():.3f} on {s.matched['all']} matched")
    return 0


if __name__ == "__main__":
    sys.exit(main())
