"""Read PolNeAR-style brat attribution files and score attributions against them.

Gold: ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann`` (brat standoff,
``T`` lines with Source/Cue/Content spans, possibly discontinuous, ``E`` lines tying one
relation together).  When an article has several annotators, the first file in sorted
order is used, so every article counts once.

Scores (all micro-averaged over the corpus):
- span P/R/F1 per role (cue, source, content), **exact**: a predicted span set equals a
  gold span set of the same role in the same article (whitespace at the edges ignored),
  matched one to one;
- span P/R/F1 per role, **token overlap**: word tokens (``\\w+``) covered by the role in
  the prediction and in the gold, intersected per article;
- **attribution** P/R/F1: a prediction matches a gold relation when its content covers at
  least half of the gold content's word tokens (one to one, best coverage first);
- **source accuracy** on matched pairs: the predicted source span shares a word token
  with the gold one (or both have none);
- the attribution figures split by **direct** (at least half of the gold content's words
  are inside quote marks) and **indirect** content; predictions are split by their kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..attribution.quotes import find_quotes

WORD = re.compile(r"\w+")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Relation:
    """One attribution relation as character spans (empty tuple when a role is absent)."""

    source: Spans
    cue: Spans
    content: Spans
    direct: bool = False


@dataclass(frozen=True)
class GoldArticle:
    """One article's text and gold relations."""

    name: str
    text: str
    relations: tuple[Relation, ...]


def _spans(offsets: str) -> Spans:
    out = []
    for part in offsets.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(sorted(out))


def parse_ann(ann: str) -> list[dict[str, Spans]]:
    """The relations of a brat .ann text: dicts role -> spans (Source, Cue, Content)."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(offsets))
        elif parts[0].startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    relations = []
    for ev in events:
        rel = {}
        for role in ("Source", "Cue", "Content"):
            if role in ev and ev[role] in spans:
                rel[role] = spans[ev[role]][1]
        relations.append(rel)
    return relations


def is_direct(text: str, content: Spans, quoted: Sequence[tuple[int, int]]) -> bool:
    """At least half the content's word characters lie inside quote marks."""
    inside = total = 0
    for a, b in content:
        for m in WORD.finditer(text, a, b):
            total += 1
            inside += any(qa <= m.start() < qb for qa, qb in quoted)
    return total > 0 and inside * 2 >= total


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Inner ranges of the quotes of a text."""
    return [(q.inner_start, q.inner_end) for q in find_quotes(text)]


def annotation_files(folder: Path) -> dict[str, list[Path]]:
    """Article name -> its ``attributions/<article>_<annotator>.ann`` files, in sorted order
    (the first one is the file the benches score against)."""
    by_article: dict[str, list[Path]] = {}
    for ann in sorted((Path(folder) / "attributions").glob("*.ann")):
        by_article.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    return by_article


def ann_relations(text: str, ann: Path, quoted: Sequence[tuple[int, int]]) -> tuple[Relation, ...]:
    """The relations of one annotator's .ann file on ``text`` (``quoted``: its quote ranges)."""
    rels = []
    for r in parse_ann(ann.read_text(encoding="utf-8")):
        content = r.get("Content", ())
        rels.append(Relation(r.get("Source", ()), r.get("Cue", ()), content, is_direct(text, content, quoted)))
    return tuple(rels)


def read_split(folder: Path) -> list[GoldArticle]:
    """Every article of a PolNeAR split folder (``text/`` and ``attributions/``), sorted,
    with the first annotator's relations."""
    folder = Path(folder)
    out = []
    for article, anns in sorted(annotation_files(folder).items()):
        text = (folder / "text" / f"{article}.txt").read_text(encoding="utf-8")
        out.append(GoldArticle(article, text, ann_relations(text, anns[0], quoted_ranges(text))))
    return out


def words(text: str, spans: Spans) -> set[int]:
    """Start offsets of the word tokens inside ``spans``."""
    return {m.start() for a, b in spans for m in WORD.finditer(text, a, b)}


@dataclass
class PRF:
    """Counts for precision, recall and F1."""

    tp_p: float = 0  # predictions that are right (or predicted tokens that are right)
    n_p: float = 0  # predictions (or predicted tokens)
    tp_g: float = 0  # gold items that are found (or gold tokens that are predicted)
    n_g: float = 0  # gold items (or gold tokens)

    @property
    def precision(self) -> float:
        """Share of the predictions that are right."""
        return self.tp_p / self.n_p if self.n_p else 0.0

    @property
    def recall(self) -> float:
        """Share of the gold that is found."""
        return self.tp_g / self.n_g if self.n_g else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """All figures of one system on one corpus."""

    exact: dict[str, PRF] = field(default_factory=lambda: {r: PRF() for r in ("cue", "source", "content")})
    overlap: dict[str, PRF] = field(default_factory=lambda: {r: PRF() for r in ("cue", "source", "content")})
    attribution: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in ("all", "direct", "indirect")})
    source_right: dict[str, int] = field(default_factory=lambda: {"all": 0, "direct": 0, "indirect": 0})
    matched: dict[str, int] = field(default_factory=lambda: {"all": 0, "direct": 0, "indirect": 0})

    def source_accuracy(self, split: str = "all") -> float:
        """Share of matched pairs whose source is right."""
        return self.source_right[split] / self.matched[split] if self.matched[split] else 0.0


def _strip(text: str, spans: Spans) -> Spans:
    """``spans`` without white space at their edges (empty ones dropped), sorted."""
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return tuple(sorted(out))


def _score_exact(text: str, gold: list[Spans], pred: list[Spans], prf: PRF) -> None:
    """Add to ``prf`` the role's span sets that equal a gold one, matched one to one."""
    g = [_strip(text, s) for s in gold if s]
    p = [_strip(text, s) for s in pred if s]
    remaining = list(g)
    hits = 0
    for s in p:
        if s in remaining:
            remaining.remove(s)
            hits += 1
    prf.tp_p += hits
    prf.tp_g += hits
    prf.n_p += len(p)
    prf.n_g += len(g)


def _score_overlap(text: str, gold: list[Spans], pred: list[Spans], prf: PRF) -> None:
    """Add to ``prf`` the word tokens the role covers in the prediction and in the gold."""
    g = set().union(*[words(text, s) for s in gold]) if gold else set()
    p = set().union(*[words(text, s) for s in pred]) if pred else set()
    prf.tp_p += len(g & p)
    prf.tp_g += len(g & p)
    prf.n_p += len(p)
    prf.n_g += len(g)


def match(text: str, gold: Sequence[Relation], pred: Sequence[Relation]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs whose content covers half the gold's words."""
    options = []
    for gi, g in enumerate(gold):
        gw = words(text, g.content)
        if not gw:
            continue
        for pi, p in enumerate(pred):
            cover = len(gw & words(text, p.content)) / len(gw)
            if cover >= 0.5:
                options.append((-cover, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(options):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score_article(text: str, gold: Sequence[Relation], pred: Sequence[Relation], scores: Scores) -> None:
    """Add one article's counts to ``scores``."""
    for role in ("cue", "source", "content"):
        _score_exact(text, [getattr(r, role) for r in gold], [getattr(r, role) for r in pred], scores.exact[role])
        _score_overlap(text, [getattr(r, role) for r in gold], [getattr(r, role) for r in pred], scores.overlap[role])
    pairs = match(text, gold, pred)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for split, want in (("all", None), ("direct", True), ("indirect", False)):
        prf = scores.attribution[split]
        gsel = [i for i, g in enumerate(gold) if want is None or g.direct == want]
        psel = [i for i, p in enumerate(pred) if want is None or p.direct == want]
        prf.n_g += len(gsel)
        prf.n_p += len(psel)
        prf.tp_g += sum(1 for i in gsel if i in matched_g)
        prf.tp_p += sum(1 for i in psel if i in matched_p)
        for gi, pi in pairs:
            if want is None or gold[gi].direct == want:
                scores.matched[split] += 1
                scores.source_right[split] += _same_source(text, gold[gi].source, pred[pi].source)


def _same_source(text: str, gold: Spans, pred: Spans) -> int:
    """1 when the two sources share a word token (or neither has one), else 0."""
    if not gold and not pred:
        return 1
    return int(bool(words(text, gold) & words(text, pred)))


def score_corpus(articles: Iterable[GoldArticle], predictions: dict[str, list[Relation]]) -> Scores:
    """Score predictions (article name -> relations) against gold articles."""
    scores = Scores()
    for art in articles:
        score_article(art.text, art.relations, predictions.get(art.name, []), scores)
    return scores


def relation_of(attribution) -> Relation:
    """One of our attributions as a relation (the source's own mention span, not the resolved name)."""
    a = attribution
    src = ((a.source.span.start, a.source.span.end),) if a.source and a.source.span else ()
    cue = ((a.cue.start, a.cue.end),) if a.cue else ()
    content = tuple((c.start, c.end) for c in a.content)
    return Relation(src, cue, content, a.kind in ("direct", "mixed"))


def relations_from_record(record) -> list[Relation]:
    """Our attributions as relations (the source's own mention span, not the resolved name)."""
    return [relation_of(a) for a in record.attributions]


def summary(scores: Scores) -> dict[str, float]:
    """The headline figures, rounded, as a flat dict (for floors and tables)."""
    s = {
        "attribution_f1": scores.attribution["all"].f1,
        "content_overlap_f1": scores.overlap["content"].f1,
        "cue_overlap_f1": scores.overlap["cue"].f1,
        "source_overlap_f1": scores.overlap["source"].f1,
        "source_accuracy": scores.source_accuracy(),
        "content_exact_f1": scores.exact["content"].f1,
        "cue_exact_f1": scores.exact["cue"].f1,
        "source_exact_f1": scores.exact["source"].f1,
    }
    return {k: round(v, 4) for k, v in s.items()}
