"""Mine cue verbs from PolNeAR train: writes src/dateline/attribution/data/cue_verbs_mined.txt.

    python bench/mine_polnear_cues.py [--data ../shared/data] [--min-count 5] [--min-precision 0.4]
                                      [--min-comp 2] [--min-share 0.05] [--out PATH] [--report N]

Reads the TRAIN split only (never dev: dev is what the thresholds are checked on), parses
every article with the project's spaCy model (``dateline.nlp.load``, ``nlp.pipe``; the parses
are cached in ``bench/.cache/``), and for every gold Cue span finds its head token (the cue
token whose syntactic head lies outside the span).  Per (lemma, POS) of that head it counts:

- ``gold``: how often it heads a gold cue;
- ``seen``: how often a token with that lemma and POS occurs in train at all;
- the dependency path from the gold Content's head to the cue head, named as in
  ``cue_verbs.txt``: ccomp, xcomp, dobj, oprd, prep:WORD, or ``quote`` when the cue sits
  inside or beside quoted content it depends on ("...," she said).

A verb is written when gold >= --min-count and gold/seen >= --min-precision; its complements
are the listed paths seen at least --min-comp times.  Verbs of the hand-made list only get
the complements the hand list lacks.  Nouns and multi-word cues ("according to") are printed
in the report (--report) but not written: their lists have other formats.

Class of a mined verb (a small rule over its counts, since only 'report' changes behaviour):
speech when at least 20% of its gold contents are quoted; else intent when xcomp is its most
frequent complement; belief when ccomp is; stance otherwise (objects and prepositions).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline import nlp as nlp_layer  # noqa: E402
from dateline.attribution import lexicon  # noqa: E402
from dateline.evaluation.attribution import GoldArticle, read_split  # noqa: E402

CACHE = ROOT / "bench" / ".cache"
OUT = lexicon.DATA / "cue_verbs_mined.txt"
KNOWN = ("ccomp", "xcomp", "dobj", "oprd", "quote")
VERB_POS = ("VERB",)
QUOTE_SHARE_SPEECH = 0.2
# Lemmas with a rule of their own: "according to" (relay_phrases.txt) is no verb cue.
OWN_RULE = {"accord"}


@dataclass
class Stats:
    """Counts for one (lemma, POS)."""

    gold: int = 0
    seen: int = 0
    quoted: int = 0
    comps: Counter = field(default_factory=Counter)
    phrases: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.gold / self.seen if self.seen else 0.0


def parse_cached(articles: list[GoldArticle]):
    """The spaCy docs of ``articles``, parsed once and cached as a DocBin under bench/.cache."""
    from spacy.tokens import DocBin

    nlp = nlp_layer.load()
    path = CACHE / f"polnear_train_{nlp.meta['name']}_{nlp.meta['version']}_{len(articles)}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.text for a in articles]:
            return docs
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"],
           store_user_data=False, docs=docs).to_disk(path)
    return docs


def parsed_train(data: str, prog: str):
    """PolNeAR train's articles and their cached parses, or None (and one error line naming
    ``prog`` and the folder) when the split is not under ``data``."""
    folder = Path(data) / "polnear" / "train"
    if not folder.is_dir():
        print(f"{prog}: no PolNeAR train at {folder}", file=sys.stderr)
        return None
    articles = read_split(folder)
    return articles, parse_cached(articles)


def tokens_of(doc, spans) -> list:
    """The tokens covering character ``spans`` (expanded to token edges)."""
    out = []
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.extend(t for t in span if not t.is_space)
    return out


def head_of(tokens):
    """The token of ``tokens`` whose syntactic head lies outside them (the shallowest one)."""
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in inside or t.head is t]
    pool = [t for t in tops if not t.is_punct] or tops or tokens
    return min(pool, key=lambda t: (len(list(t.ancestors)), t.i))


def complement(cue, content, quoted: bool) -> str | None:
    """How the content head hangs on the cue head, named as in cue_verbs.txt (None: no listed path).

    Tokens are compared by index: spaCy makes a new Token object on every access.
    """
    if content is None or cue is None or content.i == cue.i:
        return None
    up = content.head
    if up.i == cue.i:
        if content.dep_ in KNOWN:
            return content.dep_
        if content.dep_ == "advcl" and content.tag_.startswith("VB"):
            return "ccomp"  # the small model often labels a reported clause advcl
    if content.dep_ in ("pobj", "pcomp") and up.dep_ == "prep" and up.head.i == cue.i:
        return f"prep:{up.lower_}"
    if quoted and (cue.head.i == content.i or content.i in {a.i for a in cue.ancestors}):
        return "quote"  # "..., she said": the cue hangs on the quoted clause
    return None


def mine(articles: list[GoldArticle], docs) -> dict[tuple[str, str], Stats]:
    """Counts per (lemma, POS) over the gold cues and all tokens of train."""
    stats: dict[tuple[str, str], Stats] = defaultdict(Stats)
    for art, doc in zip(articles, docs):
        for tok in doc:
            stats[(tok.lemma_.lower(), tok.pos_)].seen += 1
        for rel in art.relations:
            cue_toks = tokens_of(doc, rel.cue)
            cue = head_of(cue_toks)
            if cue is None:
                continue
            st = stats[(cue.lemma_.lower(), cue.pos_)]
            st.gold += 1
            st.quoted += rel.direct
            st.phrases[" ".join(t.lower_ for t in cue_toks)] += 1
            comp = complement(cue, head_of(tokens_of(doc, rel.content)), rel.direct)
            if comp:
                st.comps[comp] += 1
    return stats


def verb_class(st: Stats, comps: list[str]) -> str:
    """speech / intent / belief / stance from the counts (see the module docstring)."""
    if st.gold and st.quoted / st.gold >= QUOTE_SHARE_SPEECH:
        return "speech"
    top = max((c for c in st.comps if c in comps), key=lambda c: st.comps[c], default="")
    return {"xcomp": "intent", "ccomp": "belief"}.get(top, "stance")


def select(stats, min_count: int, min_precision: float, min_comp: int,
           min_share: float) -> list[tuple[str, str, list[str], Stats]]:
    """(lemma, class, complements, stats) of the verbs to write, sorted by gold count.

    A complement is kept when seen at least ``min_comp`` times and in at least ``min_share``
    of the verb's gold cues (a path seen twice under "say" is parse noise, not usage).
    """
    hand = lexicon.hand_cue_verbs()
    rows = []
    for (lemma, pos), st in stats.items():
        if pos not in VERB_POS or st.gold < min_count or st.precision < min_precision or not lemma.isalpha():
            continue
        if lemma in OWN_RULE:
            continue
        comps = sorted(c for c, n in st.comps.items() if n >= max(min_comp, min_share * st.gold))
        if lemma in hand:
            comps = [c for c in comps if c not in hand[lemma].complements]
            if not comps:
                continue
            cls = hand[lemma].cls
        else:
            if not comps:
                continue
            cls = verb_class(st, comps)
        rows.append((lemma, cls, comps, st))
    return sorted(rows, key=lambda r: (-r[3].gold, r[0]))


HEADER = """\
# Cue verbs mined from PolNeAR train: GENERATED, do not edit by hand; regenerate with
#   .venv/bin/python bench/mine_polnear_cues.py --min-count {min_count} --min-precision {min_precision} \\
#       --min-comp {min_comp} --min-share {min_share}
# which reads only ../shared/data/polnear/train (840 articles; never dev), parses it with the
# project's spaCy model, and keeps the verbs that head at least {min_count} gold Cue spans and head
# a gold cue in at least {min_precision:.0%} of their occurrences as verbs in train (thresholds chosen
# by the attribution figures on PolNeAR dev, bench/polnear.py). Complements: the paths from the
# gold Content head to the cue seen at least {min_comp} times and in {min_share:.0%} of its gold
# cues. Rows for verbs of the hand-made cue_verbs.txt carry only complements it lacks; on
# conflicts the hand-made list wins (class).
# Format: LEMMA <TAB> CLASS <TAB> COMPLEMENTS, one verb per line; '#' starts a comment
#   (CLASS and COMPLEMENTS as in cue_verbs.txt; CLASS of a new verb: speech when >= 20% of its
#   gold contents are quoted, else intent / belief when xcomp / ccomp is its commonest path,
#   else stance). Counts per verb: the script's --report.
# Example lines (run as tests; "SENTENCE => CUE | SOURCE | START OF CONTENT"):
{examples}"""


# Worked examples written into the header (run as tests): verbs only the mined list knows.
EXAMPLES = """\
# example: The governor lambasted the budget deal. => lambasted | The governor | the budget deal
# example: Critics railed against the new tax. => railed against | Critics | the new tax
# example: The mayor voiced support for the plan. => voiced | The mayor | support for the plan
# example: The ambassador reminded reporters that the treaty had expired. => reminded | The ambassador | that the treaty"""


def write(rows, args, path: Path) -> None:
    """Write the mined rows under the header (format, thresholds, examples)."""
    lines = [HEADER.format(min_count=args.min_count, min_precision=args.min_precision,
                           min_comp=args.min_comp, min_share=args.min_share, examples=EXAMPLES)]
    for lemma, cls, comps, st in rows:
        lines.append(f"{lemma}\t{cls}\t{','.join(comps)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(stats, n: int) -> list[str]:
    """The commonest gold cue heads of every POS, with their precision and paths."""
    out = [f"{'lemma':18}{'pos':7}{'gold':>6}{'seen':>7}{'prec':>6}  paths / phrases"]
    for (lemma, pos), st in sorted(stats.items(), key=lambda kv: -kv[1].gold)[:n]:
        paths = ", ".join(f"{c} {k}" for c, k in st.comps.most_common(4))
        phrases = "; ".join(p for p, _ in st.phrases.most_common(3))
        out.append(f"{lemma:18}{pos:7}{st.gold:6}{st.seen:7}{st.precision:6.2f}  {paths} | {phrases}")
    return out


def main(argv=None) -> int:
    """Mine PolNeAR train and write the mined cue-verb list."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--min-precision", type=float, default=0.4)
    ap.add_argument("--min-comp", type=int, default=2)
    ap.add_argument("--min-share", type=float, default=0.05)
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--report", type=int, default=0, help="print the N commonest gold cue heads")
    args = ap.parse_args(argv)
    loaded = parsed_train(args.data, "mine_polnear_cues")
    if loaded is None:
        return 1
    articles, docs = loaded
    stats = mine(articles, docs)
    rows = select(stats, args.min_count, args.min_precision, args.min_comp, args.min_share)
    write(rows, args, Path(args.out))
    n_rel = sum(len(a.relations) for a in articles)
    print(f"PolNeAR train: {len(articles)} articles, {n_rel} relations; wrote {len(rows)} rows to {args.out}")
    for line in report(stats, args.report):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
