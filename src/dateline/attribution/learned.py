"""A learned cue detector: stances and acts a cue lexicon does not reach.

PolNeAR counts as attributions many stances and acts ("voted against the bill", "wants to
run", "his claim of fraud", "is critical of the deal") that no reporting-verb list holds.
The rules of ``reported.py`` find the common cues; this module proposes every other verb,
noun or adjective of the parse that has a complement (a clause, an infinitive, an object,
a prepositional object) and lets a small logistic-regression model, trained on PolNeAR
train only, decide whether it is a cue.  Accepted proposals become attributions built with
the rules' own machinery: source from the subject (or the noun's owner), content from the
complement, cue extent as PolNeAR marks it (``reported.cue_tokens``).

The weights live in ``data/learned_cues.tsv`` (header: format, training command, corpus
figures); ``bench/train_learned_cues.py`` retrains them from ../shared/data.  Scoring is
pure Python and deterministic: features are strings, the score a sum of their weights.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from . import lexicon
from .reported import (RELATIVE, Candidate, Ranges, _noun_owner, _passive_without_source, _same_line,
                       char_spans, content_tokens, cue_tokens, hits, in_clause, minus, nominal_cue_start, source_of,
                       sub)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .quotes import Quote

WEIGHTS = lexicon.DATA / "learned_cues.tsv"
THRESHOLD_KEY = "__threshold__"
CANDIDATE_POS = ("VERB", "NOUN", "ADJ")
# Verbs whose clause is a fact or a part of the sentence's own frame, never a stance.
NOT_PROPOSED = {"be", "do", "let", "become"}
CLAUSE_MARKS = ("that", "to", "whether", "if", "for", "how", "why", "what")


@dataclass(frozen=True)
class Proposal:
    """A token that may be a cue, with the attribution it would make and its features."""

    head: int
    cue: tuple[int, ...]
    source: tuple[int, int] | None
    content: tuple[tuple[int, int], ...]  # character spans
    path: str
    features: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    """Feature weights and the decision threshold on the probability."""

    weights: dict
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        """The model's probability that a proposal is a cue."""
        z = sum(self.weights.get(f, 0.0) for f in features)
        return _sigmoid(z)

    def accepts(self, features: Iterable[str]) -> bool:
        """Whether the proposal is taken as a cue."""
        return self.probability(features) >= self.threshold


def _sigmoid(z: float) -> float:
    """The logistic function, with ``z`` clamped so exp never overflows."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def read_model(path: Path = WEIGHTS) -> Model | None:
    """The model of a weights file (``FEATURE <TAB> WEIGHT`` rows); None when it is absent."""
    if not Path(path).exists():
        return None
    weights, threshold = {}, 1.0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        feature, _, value = line.rpartition("\t")
        if feature == THRESHOLD_KEY:
            threshold = float(value)
        else:
            weights[feature] = float(value)
    return Model(weights, threshold)


@lru_cache(maxsize=1)
def shipped_model() -> Model | None:
    """The shipped model (``data/learned_cues.tsv``), read once."""
    return read_model(WEIGHTS)


# ---------------------------------------------------------------------------- proposals

def _clean(word: str) -> str:
    return "_".join(word.split()) or "_"


def _verb_cue(tok: "Token") -> lexicon.CueVerb:
    """A cue-list row for any verb: every complement it has may hold the content; a
    preposition only before any object ("voted against X", but "built a factory in Ohio")."""
    objs = [c.i for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
    preps = {f"prep:{c.lower_}" for c in tok.children
             if c.dep_ == "prep" and tok.i < c.i < min(objs, default=len(tok.doc))}
    return lexicon.CueVerb(tok.lemma_.lower(), "stance", frozenset({"ccomp", "xcomp", "dobj", "oprd"} | preps))


def _verb_proposal(tok: "Token") -> tuple[Ranges, list[int], tuple[int, int] | None, str] | None:
    """Content, cue, source and path of a verb proposal (None: no complement)."""
    toks, extra, rule = content_tokens(tok, _verb_cue(tok))
    if not toks:
        return None
    if _passive_without_source(tok, rule):  # "is expected to win": a stance nobody is credited with
        listed = lexicon.cue_verbs().get(tok.lemma_.lower())
        if listed is not None and "addressee" in listed.complements:
            return None  # "he was asked about it": he was spoken to; nobody is credited (cue list)
        rule = f"{rule}_unsourced"
    cue = cue_tokens(tok, extra, toks)
    source = None if rule.endswith("_unsourced") else _same_line(tok.doc, source_of(tok), tok)
    return toks, cue, source, _path_name(rule, extra)


def _path_name(rule: str, extra: list["Token"]) -> str:
    if rule == "prep" and extra:
        return f"prep:{extra[0].lower_}"
    return rule


def _complement_of(word: "Token") -> tuple[Ranges, list["Token"], str]:
    """A noun's or adjective's clause ("claim that", "eager to") or prepositional object."""
    for c in word.children:
        if c.i < word.i:
            continue
        if c.dep_ in ("acl", "ccomp", "xcomp", "relcl") and c.pos_ in ("VERB", "AUX"):
            marks = [m.lower_ for m in c.children if m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to")]
            if marks and not (c.dep_ == "relcl" and any(m.lower_ in RELATIVE - {"that"} for m in c.children)):
                return sub(c), [], f"clause:{marks[0]}"
        if c.dep_ == "prep":
            objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            if objs:
                return minus(sub(c), [(c.i, c.i + 1)]), [c], f"prep:{c.lower_}"
    return (), [], ""


def _owner_of(word: "Token") -> tuple[int, int] | None:
    """Who holds a stance noun or adjective: its owner, the subject of the verb it completes."""
    if word.pos_ == "NOUN":
        owner = _noun_owner(word)
        if owner is not None:
            return owner
    up = word.head
    if up.i != word.i and word.dep_ in ("dobj", "acomp", "attr", "oprd", "pobj") and up.pos_ in ("VERB", "AUX"):
        return _same_line(word.doc, source_of(up), up)
    return None


def _nominal_proposal(tok: "Token") -> tuple[Ranges, list[int], tuple[int, int] | None, str] | None:
    """Content, cue, source and path of a noun or adjective proposal."""
    toks, extra, path = _complement_of(tok)
    if not toks:
        return None
    start = nominal_cue_start(tok, toks)
    cue = sorted(set(range(start, tok.i + 1)) | {t.i for t in extra})
    return toks, cue, _owner_of(tok), path


def _subject_kind(tok: "Token", source: tuple[int, int] | None) -> str:
    """What kind of phrase the source is: an entity type, a pronoun, a source noun, none."""
    if source is None:
        return "none"
    doc = tok.doc
    head = max(range(*source), key=lambda i: (doc[i].pos_ in ("NOUN", "PROPN", "PRON"), i))
    word = doc[head]
    if word.ent_type_:
        return word.ent_type_
    if word.pos_ == "PRON":
        return "pron_" + word.lower_ if word.lower_ in ("it", "they", "we", "i", "you") else "pron"
    if word.lemma_.lower() in lexicon.source_nouns():
        return "source_noun"
    return word.pos_.lower()


def _features(tok: "Token", path: str, toks: Ranges, source, cue: list[int], in_rule: bool,
              quoted: bool, quote_in_content: bool) -> tuple[str, ...]:
    """The proposal's features: word, parse, complement, source kind, lexicon, position."""
    lemma, pos = _clean(tok.lemma_.lower()), tok.pos_
    kind = _subject_kind(tok, source)
    cue_row = lexicon.cue_verbs().get(tok.lemma_.lower())
    length = sum(b - a for a, b in toks)
    feats = ["bias", f"l={lemma}", f"p={pos}", f"lp={lemma}|{pos}", f"t={tok.tag_}", f"d={tok.dep_}",
             f"pd={pos}|{tok.dep_}", f"path={path}", f"lpath={lemma}|{path}", f"ppath={pos}|{path}",
             f"s={kind}", f"ps={pos}|{kind}", f"ls={lemma}|{'none' if kind == 'none' else 'some'}",
             f"hd={tok.head.dep_ if tok.head.i != tok.i else 'ROOT'}", f"len={min(length // 4, 6)}",
             f"cuelen={min(len(cue), 4)}", f"in_rule={in_rule}", f"quoted={quoted}", f"qc={quote_in_content}"]
    feats += sorted({f"cd={c.dep_}" for c in tok.children})
    feats += sorted({f"m={m.lower_}" for c in tok.children if c.dep_ in ("ccomp", "xcomp", "acl")
                     for m in c.children if m.dep_ in ("mark", "aux") and m.lower_ in CLAUSE_MARKS})
    if cue_row is not None:
        feats += [f"cv={cue_row.cls}", f"cvpath={cue_row.cls}|{path}"]
    if tok.lemma_.lower() in lexicon.cue_nouns():
        feats.append("cue_noun")
    head = tok.head
    if head.i != tok.i and lexicon.cue_verbs().get(head.lemma_.lower()) is not None:
        feats.append(f"under_cue={tok.dep_}")
    first = tok.doc[toks[0][0]] if toks else tok
    feats += [f"c={first.pos_}|{first.ent_type_ or '-'}", f"cl={_clean(first.lower_)}"]
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr") and c.i > tok.i), None)
    if obj is not None:  # "took aim at", "cast a vote", "voiced support"
        feats += [f"obj={_clean(obj.lemma_.lower())}", f"lobj={lemma}|{_clean(obj.lemma_.lower())}"]
    if head.i != tok.i:
        feats += [f"hl={_clean(head.lemma_.lower())}|{tok.dep_}"]
    feats += sorted({f"aux={_clean(c.lower_)}" for c in tok.children if c.dep_ in ("aux", "auxpass")})
    if any(c.dep_ == "neg" for c in tok.children):
        feats.append("neg")
    return tuple(feats)


def proposals(doc: "Doc", quotes: Sequence["Quote"], taken: set[int],
              contents: Sequence[tuple[int, int]], relays: Sequence[tuple[int, int]] = ()) -> list[Proposal]:
    """Every verb, noun or adjective with a complement that is not already a cue.

    ``taken``: token indices of the cues found by the rules; ``contents``: character spans
    of their contents (a proposal inside one is nested in a found attribution); ``relays``:
    character spans of the rules' relays (``via``): "'...,' Lu said, the paper reported"
    already credits the paper as relay, so its "reported" is no second attribution.
    """
    out = []
    for tok in doc:
        if tok.pos_ not in CANDIDATE_POS or tok.i in taken or tok.lemma_.lower() in NOT_PROPOSED:
            continue
        if not tok.is_alpha:
            continue
        found = _verb_proposal(tok) if tok.pos_ == "VERB" else _nominal_proposal(tok)
        if found is None:
            continue
        toks, cue, source, path = found
        # a noun's or adjective's verb group and modifiers ("has been critical of") are part
        # of its cue but not of its features: the model judges the word and its complement
        core = cue if tok.pos_ == "VERB" else [i for i in cue if i >= tok.i]
        if any(i in taken for i in cue) and not any(i in taken for i in core):
            cue = core  # the verb is a rule's cue ("voiced support for"): the word alone
        toks = in_clause(toks, tok)
        if source is not None and hits(toks, *source):
            toks = minus(toks, [source])
        toks = minus(toks, [(i, i + 1) for i in cue])  # cue and source stay outside the content
        spans = char_spans(doc, toks)
        if not spans or any(i in taken for i in cue) or _is_relay(doc, source, relays):
            continue
        at = tok.idx
        in_rule = any(a <= at < b for a, b in contents)
        quoted = any(q.inner_start <= at < q.inner_end for q in quotes)
        quote_in = any(a <= q.inner_start and q.inner_end <= b for q in quotes for a, b in spans)
        feats = _features(tok, path, toks, source, core, in_rule, quoted, quote_in)
        out.append(Proposal(tok.i, tuple(cue), source, tuple(spans), path, feats))
    return out


def _is_relay(doc: "Doc", source: tuple[int, int] | None, relays: Sequence[tuple[int, int]]) -> bool:
    """Whether the source phrase overlaps a relay the rules recorded."""
    if source is None or not relays:
        return False
    start, end = doc[source[0]].idx, doc[source[1] - 1].idx + len(doc[source[1] - 1].text)
    return any(a < end and start < b for a, b in relays)


def learned_candidates(doc: "Doc", quotes: Sequence["Quote"], cands: Sequence[Candidate],
                       model: Model | None = None) -> list[Candidate]:
    """The candidates the model accepts among the proposals the rules left (none without weights)."""
    model = model if model is not None else shipped_model()
    if model is None:
        return []
    taken = {i for c in cands for i in c.cue} | {c.head for c in cands}
    contents = [s for c in cands for s in c.content]
    relays = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)) for c in cands for a, b in c.via if a < b]
    found = [(model.probability(p.features), p) for p in proposals(doc, quotes, taken, contents, relays)]
    kept = one_per_cue([(prob, p.cue) for prob, p in found], model.threshold)
    return [Candidate(cue=list(p.cue), head=p.head, source=p.source, content=list(p.content), rule="learned")
            for k, (_prob, p) in enumerate(found) if k in kept]


def one_per_cue(scored: Sequence[tuple[float, Sequence[int]]], threshold: float) -> set[int]:
    """Indices of the accepted proposals, one per cue: where two accepted cues share a token
    ("made" and "made the case for"), only the more probable one stays (ties: the first)."""
    order = sorted((k for k, (prob, _) in enumerate(scored) if prob >= threshold), key=lambda k: (-scored[k][0], k))
    kept, used = set(), set()
    for k in order:
        cue = set(scored[k][1])
        if not cue & used:
            kept.add(k)
            used |= cue
    return kept


# ---------------------------------------------------------------------------- training

def fit(examples: Sequence[tuple[tuple[str, ...], int]], epochs: int = 10, rate: float = 0.1,
        l2: float = 1e-5, seed: int = 13, min_count: int = 1) -> dict:
    """Logistic regression by stochastic gradient descent: the weights of the features.

    L2 shrinks the weights of each example's features; features seen in fewer than
    ``min_count`` examples get no weight (a word seen once teaches nothing general).
    Same examples, same arguments: the same weights (the order comes from ``random.Random(seed)``).
    """
    counts: dict[str, int] = {}
    for feats, _ in examples:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    examples = [(tuple(f for f in feats if counts[f] >= min_count), y) for feats, y in examples]
    weights: dict[str, float] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        lr = rate / (1.0 + epoch)
        for k in order:
            feats, label = examples[k]
            z = sum(weights.get(f, 0.0) for f in feats)
            p = _sigmoid(z)
            g = (label - p) * lr
            shrink = 1.0 - lr * l2
            for f in feats:
                weights[f] = weights.get(f, 0.0) * shrink + g
    return weights


__all__ = ["Model", "Proposal", "fit", "learned_candidates", "one_per_cue", "proposals", "read_model", "shipped_model"]
