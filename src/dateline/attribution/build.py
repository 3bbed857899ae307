"""Put the attribution layer together: parse cues, quotes, relays, speakers, dates.

Steps (each a small function):
1. candidates from the parse: cue verbs with their content, and "according to X";
2. quotes by their marks widen the contents they overlap (a quote spaCy split into
   sentences stays whole), and quotes no content holds find the cue next to them
   ("...," he said / said Smith, "..." / a paragraph after "He said:");
3. nested attributions are dropped (the words are attributed by the outer one), except
   that a report verb around a quote ("'...,' X said, the paper reported") becomes a relay;
4. sources are resolved to canonical speakers; "as quoted by X", "citing X" and the
   publishers of documents fill ``via``; ``said_on`` comes from a date the article gives.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Sequence

from ..types import Attribution, Entity, Source, Span, Timex
from . import lexicon
from .learned import learned_candidates
from .quotes import Quote, article_quotes, nested_quotes, paragraphs
from .media import medium_vias
from .reported import (Candidate, according_candidates, label_candidates, participle_relay, noun_candidates, cue_tokens, cue_verb, noun_phrase, source_of, subject,
                       verb_candidates)
from .speakers import SpeakerResolver
from .asides import cue_in_next_sentence, split_dashed_asides

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

MAX_CUE_GAP_CHARS = 60  # '," said the deputy foreign minister of X' fits; a new clause does not
MAX_SOURCE_CHARS = 250  # a long subject between a quote and its verb, when all of it is the subject
SPEECH_EVENT_PREPS = {"during", "at", "in", "before"}  # "during a hearing", not "one of his meetings"


def extract_attributions(doc: "Doc", text: str, entities: Sequence[Entity] = (),
                         timexes: Sequence[Timex] = (), learned: bool = True) -> list[Attribution]:
    """All attributions of a parsed article, in text order, with ids A1, A2, ...

    ``learned=False`` leaves out the learned cue detector (its trainer needs the rules alone).
    """
    quotes = [q for q in article_quotes(text) if q.inner_end > q.inner_start]
    cands = verb_candidates(doc) + according_candidates(doc) + label_candidates(doc, text) + noun_candidates(doc)
    cands = _drop_same_cue(cands)
    _speakers_after_a_date(doc, cands)
    inner = [c for c in cands if c.rule != "label_colon" and _inside_closed_quote(doc[c.head].idx, quotes)]
    cands = [c for c in cands if c not in inner]
    for cand in cands:
        if cand.rule != "label_colon":
            cand.content = _clip_to_adjacent_quote(doc, text, cand, _widen_with_quotes(cand.content, quotes), quotes)
    cands = [c for c in cands if c.content]
    for cand in inner:  # a cue inside a quote keeps its own clause and the rest of the quote
        own = [q for q in quotes if q.inner_start <= doc[cand.head].idx < q.inner_end]
        cand.content = _widen_with_quotes(cand.content, [q for q in quotes if q not in own])
        ends = [b for _a, b in cand.content]
        if own and ends and max(ends) <= own[0].end:
            cand.content = _merge(cand.content + [(max(ends), own[0].end)])
    cands = _attach_quotes(doc, text, quotes, cands)
    cands = split_dashed_asides(doc, text, quotes, cands)
    # a cue inside quoted words speaks for the quote only when nothing outside claims it
    cands += [c for c in inner if not any(_covered(q, cands) for q in quotes
                                          if q.inner_start <= doc[c.head].idx < q.inner_end)]
    cands = _split_relays(doc, text, quotes, cands)
    cands = _resolve_nesting(doc, _drop_participles_of_cues(doc, cands))
    cands = _split_shared_quotes(doc, text, quotes, cands)
    cands += _nested_quote_cands(doc, text, quotes, cands)
    cands = [c for c in (_outside_content(doc, text, c, quotes) for c in cands) if c is not None]
    _add_relays(doc, cands)
    if learned:  # stances and acts no cue list holds (learned.py, weights trained on PolNeAR train)
        extra = learned_candidates(doc, quotes, cands)
        _add_relays(doc, extra)
        cands += extra
    cands.sort(key=lambda c: (min(a for a, _ in c.content), doc[c.head].idx))
    resolver = SpeakerResolver(doc=doc, text=text, entities=entities)
    out = []
    for n, cand in enumerate(cands, 1):
        out.append(_to_attribution(f"A{n}", cand, doc, text, quotes, resolver, timexes))
    return out


def tokens_between(doc: "Doc", start: int, end: int) -> list["Token"]:
    """The tokens starting at a character offset in [start, end), found by bisection."""
    starts = doc.user_data.get("dateline_token_starts")
    if starts is None or len(starts) != len(doc):
        from spacy.attrs import IDX

        starts = doc.to_array([IDX]).ravel().tolist() if len(doc) else []
        doc.user_data["dateline_token_starts"] = starts
    return list(doc[bisect_left(starts, start):bisect_left(starts, end)])


_DATE_WORDS = frozenset({"on", "late", "early", "last", "this", "in", "the"})


def _speakers_after_a_date(doc: "Doc", cands: list[Candidate]) -> None:
    """'"...," said on Tuesday Mike Cox, a spokesman': an inverted cue whose speaker follows a
    date; the parser reads "Tuesday Mike Cox" as one noun, so the cue has no subject.  The
    speaker is the capitalised name after the date words."""
    for cand in cands:
        verb = doc[cand.head]
        if cand.source is not None or verb.tag_ != "VBD" or subject(verb) is not None:
            continue
        i, end = verb.i + 1, verb.sent.end
        dated = False
        while i < end and (doc[i].lower_ in _DATE_WORDS or doc[i].ent_type_ in ("DATE", "TIME")):
            dated = dated or doc[i].ent_type_ in ("DATE", "TIME")
            i += 1
        start = i
        while i < end and doc[i].pos_ == "PROPN":
            i += 1
        if dated and i - start >= 1 and i > verb.i + 2:
            cand.source = (start, i)


def _drop_same_cue(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per cue head (the first rule that found it wins)."""
    seen, out = set(), []
    for c in cands:
        if c.head not in seen:
            seen.add(c.head)
            out.append(c)
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _widen_with_quotes(content: list[tuple[int, int]], quotes: list[Quote]) -> list[tuple[int, int]]:
    """Grow content spans over the whole of every quote they overlap."""
    spans = list(content)
    for q in quotes:
        if any(_overlaps((q.inner_start, q.inner_end), s) for s in content):
            spans.append((q.start, q.end))
    return _merge(spans)


def _clip_to_adjacent_quote(doc: "Doc", text: str, cand: Candidate, content: list[tuple[int, int]],
                            quotes: list[Quote]) -> list[tuple[int, int]]:
    """'"...," X said': when a quote ends right before the cue, the content starts with it
    (a parse that ran the sentence on past a missed sentence end gave more)."""
    cue_at = doc[min(cand.cue)].idx
    src_at = doc[cand.source[0]].idx if cand.source else cue_at
    for q in quotes:
        if q.end <= min(cue_at, src_at) and _only_glue(doc, text, q.end, min(cue_at, src_at), cand):
            if _title_in_running_text(text, q):  # "at the end of the anthem ''A Change Is Gonna Come,'' she added"
                return [(a, b) for a, b in content if a > cue_at]  # may leave nothing
            start = _fragment_start(text, q)
            clipped = [(max(a, start), b) for a, b in content if b > start]
            return clipped or content
    return content


def _fragment_start(text: str, q: Quote) -> int:
    """Where the content of a quote before its cue starts: the quote itself, or, when its
    words open in lower case ('using the tax ''is a misguided approach,'' said X'), the
    start of the sentence the quote completes (back to a sentence end or line break)."""
    first = next((ch for ch in text[q.inner_start:q.inner_end] if ch.isalpha()), "")
    if not first.islower():
        return q.start
    para = text.rfind("\n", 0, q.start) + 1
    start = para
    for m in re.finditer(r"(\S*?[.?!])[\"'”’)]*\s", text[para:q.start]):
        if _clause_break(m.group(1)):  # not after an abbreviation or an initial ("Mr.", "E.")
            start = para + m.end()
    while start < q.start and text[start].isspace():
        start += 1
    return start


def _only_glue(doc: "Doc", text: str, start: int, end: int, cand: Candidate | None) -> bool:
    """Between a quote and its cue there is only punctuation, the source, auxiliaries, adverbs."""
    if end - start > MAX_CUE_GAP_CHARS or "\n" in text[start:end]:
        return False
    source = set(range(*cand.source)) if cand and cand.source else set()
    for tok in tokens_between(doc, start, end):
        if not (tok.is_punct or tok.is_space or tok.i in source
                                            or tok.pos_ in ("AUX", "ADV", "PART") or tok.text == "\x00"):
            return False
    return True


def _covered(q: Quote, cands: list[Candidate]) -> bool:
    return any(_overlaps((q.inner_start, q.inner_end), s) for c in cands for s in c.content)


def _inside_closed_quote(idx: int, quotes: list[Quote]) -> bool:
    """Cues inside quoted words belong to the quote ("'I think ...,' she said")."""
    return any(q.closed and q.inner_start <= idx < q.inner_end for q in quotes)


def _inside_quote(idx: int, quotes: list[Quote]) -> bool:
    return any(q.start <= idx < q.end for q in quotes)


def _attach_quotes(doc: "Doc", text: str, quotes: list[Quote], cands: list[Candidate]) -> list[Candidate]:
    """Give every quote that no content holds to the cue beside it (or after a colon)."""
    by_head = {c.head: c for c in cands}
    for q in quotes:
        if _covered(q, cands) or q.words(text) < 1:
            continue
        # a nickname or a title ('Marcia "Cia" Price', 'on "Fox and Friends."') parts no quote from its cue
        major = [o for o in quotes if o is q or not _minor_quote(text, o)]
        held = _holder_of_previous_quote(text, q, major, cands)
        if held is not None:  # '"A," he said. "B." "C."': quotes in a row share their speaker
            held.content = _merge(held.content + [(q.start, q.end)])
            continue
        joined = _content_runs_into(text, q, cands)
        if joined is not None:  # 'characterized him as, "a little desperate ..."': the content goes on
            joined.content = _merge(joined.content + [(q.start, q.end)])
            continue
        verb = _adjacent_cue(doc, text, q, major, by_head) or _colon_cue(doc, text, q, quotes)
        signed = _dash_signature(doc, text, q) if verb is None else None
        held = _continued_paragraph(text, q, major, cands) if verb is None and signed is None else None
        if held is None and verb is None and signed is None:
            held = _continued_sentence(doc, text, q, major, cands)
        if held is not None:  # a new paragraph of quoted words goes on with the last speaker
            cands.append(Candidate(cue=held.cue, head=held.head, source=held.source,
                                   content=[(q.start, q.end)], rule="quote_continued", via=list(held.via)))
            continue
        if verb is None and not _title_like(text, q):
            signed = _dash_signature(doc, text, q)
            if signed is not None:
                cands.append(signed)
            after = cue_in_next_sentence(doc, text, q, quotes, by_head) if signed is None else None
            if after is not None:  # '"We are not going anywhere." So said Ann Lee, the mayor.'
                cand = Candidate(cue=cue_tokens(after), head=after.i, source=source_of(after),
                                 content=[(q.start, q.end)], rule="quote_speaker_after")
                cands.append(cand)
                by_head[after.i] = cand
            continue
        if _title_like(text, q) or _inside_subject(doc, verb, q):
            continue
        if verb.i in by_head:
            if _minor_quote(text, q) and _in_object(doc, verb, q):
                continue  # a programme told something ('told ABC's "Good Morning America" that')
            if q.end <= verb.idx and _title_in_running_text(text, q):
                continue  # a title before a cue that has words of its own ("the anthem ''A Change Is Gonna Come,'' she added")
            by_head[verb.i].content = _merge(by_head[verb.i].content + [(q.start, q.end)])
        else:
            cand = Candidate(cue=cue_tokens(verb), head=verb.i, source=source_of(verb),
                             content=[(q.start, q.end)], rule="quote_adjacent")
            cands.append(cand)
            by_head[verb.i] = cand
    return cands


SIGNATURE = re.compile(r"[ \t\xa0]*(?:[―—–]|--)[ \t\xa0]*([^\n]{2,60}?)[ \t\xa0.]*(?=\n|$)")


def _holder_of_previous_quote(text: str, q: Quote, quotes: list[Quote],
                              cands: list[Candidate]) -> Candidate | None:
    """The attribution holding the quote just before this one, with only spaces between."""
    prev = [o for o in quotes if o.end <= q.start]
    if not prev or text[prev[-1].end:q.start].strip() or "\n" in text[prev[-1].end:q.start]:
        return None
    for cand in cands:
        if any(a <= prev[-1].start and prev[-1].end <= b for a, b in cand.content):
            return cand
    return None


_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def _continued_paragraph(text: str, q: Quote, quotes: list[Quote],
                         cands: list[Candidate]) -> Candidate | None:
    """News convention: a paragraph that opens with quoted words and names no speaker of its
    own continues the attributed quote that ends the paragraph just before it."""
    if text[text.rfind("\n", 0, q.start) + 1:q.start].strip():
        return None  # the quote does not open its paragraph
    if _minor_quote(text, q) and _whole_paragraph(text, q):
        return None  # a section heading in quote marks ("'All Bets Are Off.'"), no one's words
    prev = [o for o in quotes if o.end <= q.start]
    if not prev:
        return None
    gap = text[prev[-1].end:q.start]
    if len(_PARAGRAPH_BREAK.findall(gap)) != 1 or len(gap) > MAX_CUE_GAP_CHARS * 2:
        return None  # not the paragraph right before, or a long narration after the quote
    for cand in cands:
        if cand.source is not None and any(a <= prev[-1].start and prev[-1].end <= b for a, b in cand.content):
            return cand
    return None


def _whole_paragraph(text: str, q: Quote) -> bool:
    """Nothing but the quote on its line."""
    start, end = text.rfind("\n", 0, q.start) + 1, text.find("\n", q.end)
    end = len(text) if end < 0 else end
    return not text[start:q.start].strip() and not text[q.end:end].strip()


SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _continued_sentence(doc: "Doc", text: str, q: Quote, quotes: list[Quote],
                        cands: list[Candidate]) -> Candidate | None:
    """News convention inside a paragraph: 'X called him a master at deals. "He showed ..."'.

    A quote with no cue of its own that opens a sentence continues the speaker whose cue
    (outside quotes, not "according to") stands in the sentence just before it.
    """
    para_start = text.rfind("\n", 0, q.start) + 1
    cut = _connective_start(text, para_start, q.start)  # 'But "It helps."' goes on too
    before = text[para_start:cut].rstrip()
    if not before or not SENTENCE_END.search(before):
        return None
    end_tok = next((t for t in reversed(tokens_between(doc, para_start, cut)) if not t.is_space), None)
    if end_tok is None:
        return None
    sent_start = end_tok.sent.start_char if end_tok.sent.start_char >= para_start else para_start
    if any(sent_start <= o.start < q.start and o.end > q.start for o in quotes):
        return None
    found = [c for c in cands if c.source is not None and not c.according
             and sent_start <= doc[c.head].idx < q.start and not _inside_quote(doc[c.head].idx, quotes)]
    return max(found, key=lambda c: doc[c.head].idx) if found else None


_CONNECTIVE = re.compile(r"(?:^|\s)((?:but|and|yet|still|so|also|however),?\s*)$", re.I)


def _connective_start(text: str, para_start: int, start: int) -> int:
    """Where a sentence opened by a connective before quoted words begins ('But "It helps."'),
    else ``start``: the connective adds no cue of its own."""
    m = _CONNECTIVE.search(text, para_start, start)
    return m.start(1) if m else start


def _dash_signature(doc: "Doc", text: str, q: Quote) -> Candidate | None:
    """'"Build a wall around him." ― Steve Quinlan': a name after a dash signs the quote."""
    m = SIGNATURE.match(text, q.end)
    if m is None:
        return None
    name = [t for t in tokens_between(doc, m.start(1), m.end(1)) if not t.is_space]
    dash = [t for t in tokens_between(doc, q.end, m.start(1)) if t.is_punct and not t.is_quote]
    if not name or not dash or len(name) > 6 or any(t.pos_ in ("VERB", "AUX") for t in name) \
            or not name[0].text[:1].isupper():
        return None
    return Candidate(cue=[dash[0].i], head=dash[0].i, source=(name[0].i, name[-1].i + 1),
                     content=[(q.start, q.end)], rule="quote_signature")


TITLE_SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with"}


def _minor_quote(text: str, q: Quote) -> bool:
    """A nickname or a title in quotes ("Cia", "Fox and Friends."): no words of a speaker."""
    if _title_like(text, q):
        return True
    words = [w.strip(".,!?;:'’") for w in text[q.inner_start:q.inner_end].split()]
    words = [w for w in words if w]
    return 0 < len(words) <= 5 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


def _in_object(doc: "Doc", verb: "Token", q: Quote) -> bool:
    """The quote lies in the object of a cue verb whose object is the one addressed ("told")."""
    cue = cue_verb(verb)
    if cue is None or "addressee" not in cue.complements:
        return False
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            a, b = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
            if a <= q.inner_start and q.inner_end <= b + 1:
                return True
    return False


def _title_in_running_text(text: str, q: Quote) -> bool:
    """A title in quote marks inside a sentence ('on CBS's "Face the Nation," he said'): a minor
    quote right after a word; a short quote opening a sentence ('"Hopefully," she said') is speech."""
    before = text[text.rfind("\n", 0, q.start) + 1:q.start].rstrip()
    return _minor_quote(text, q) and bool(before) and (before[-1].isalnum() or before.endswith(("’s", "'s")))


def _title_like(text: str, q: Quote) -> bool:
    """A name or scare quote ("Red Line", "King James"): short and without a clause's punctuation."""
    inner = text[q.inner_start:q.inner_end].rstrip("\x00")
    return len(inner.split()) < 3 and not inner.endswith((",", ".", "!", "?"))


def _inside_subject(doc: "Doc", verb: "Token", q: Quote) -> bool:
    """The quote is part of the cue's subject phrase ("The memo titled 'X' describes ...")."""
    rng = source_of(verb)
    if rng is None:
        return False
    a, b = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)
    return a <= q.inner_start and q.inner_end <= b


def _quote_cue(tok: "Token", quotes: list[Quote]) -> bool:
    cue = cue_verb(tok)
    return cue is not None and "quote" in cue.complements and not _inside_quote(tok.idx, quotes)


def _adjacent_cue(doc: "Doc", text: str, q: Quote, quotes: list[Quote],
                  by_head: dict[int, Candidate]) -> "Token | None":
    """A cue verb within a short, quote-free stretch after (or else before) the quote.

    Before the quote, a sentence end is allowed in one case, the news convention for a
    quote split over sentences: '"A," he said. "B."' (the cue already holds the quote A).
    """
    para_end = text.find("\n", q.end)
    para_end = len(text) if para_end < 0 else para_end
    limit = min(para_end, q.end + MAX_SOURCE_CHARS, min([o.start for o in quotes if o.start >= q.end] + [len(text)]))
    after = [t for t in tokens_between(doc, q.end, limit) if _quote_cue(t, quotes)]
    # a quote that ends its sentence ('"... full of it." Not that anyone is arguing') takes a
    # cue after it only when nothing but the subject stands between ('"We won." Smith said')
    ended = SENTENCE_END.search(text[q.inner_start:q.inner_end].rstrip()) is not None
    if after and not _clause_break(text[q.end:after[0].idx]) and (
            (after[0].idx - q.end <= MAX_CUE_GAP_CHARS and not ended) or _gap_is_subject(doc, q.end, after[0])):
        return after[0]
    para_start = text.rfind("\n", 0, q.start) + 1
    floor = max(para_start, q.start - MAX_CUE_GAP_CHARS, max([o.end for o in quotes if o.end <= q.start] + [0]))
    before = [_main_cue(t, by_head) for t in tokens_between(doc, floor, q.start) if _quote_cue(t, quotes)]
    if before and not _clause_break(text[before[-1].idx:q.start]):
        return before[-1]
    if before and before[-1].i in by_head and _continues(text, by_head[before[-1].i], before[-1], q, quotes):
        return before[-1]
    # '"A," said Jan Novak, a long appositive ... . "B."': back to the previous quote's end
    prev_end = max([o.end for o in quotes if o.end <= q.start] + [para_start])
    back = [t for t in tokens_between(doc, prev_end, q.start) if t.i in by_head and _quote_cue(t, quotes)]
    if back and _continues(text, by_head[back[0].i], back[0], q, quotes):
        return back[0]
    return None


RUNS_INTO = re.compile(r"[\s,:;]*(?:as|like)?[\s,:]*")


def _content_runs_into(text: str, q: Quote, cands: list[Candidate]) -> Candidate | None:
    """The attribution (with a source) whose content ends right before the quote, only
    punctuation or "as"/"like" between: the quote completes that content."""
    for cand in cands:
        if cand.source is None or cand.according or not cand.content:
            continue
        end = max(b for _a, b in cand.content)
        if end < q.start and q.start - end <= 12 and RUNS_INTO.fullmatch(text[end:q.start]) \
                and "\n" not in text[end:q.start]:
            return cand
    return None


def _main_cue(tok: "Token", by_head: dict[int, Candidate]) -> "Token":
    """'said Caddell, speaking of X. "B."': a participle hung on a cue stands for that cue."""
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i in by_head and tok.head.i != tok.i:
        return tok.head
    return tok


def _gap_is_subject(doc: "Doc", start: int, verb: "Token") -> bool:
    """'"...," Jan Novak, the bank's chief economist since 2019, said': only the subject between."""
    subj = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    return bool(subj) and all(t.i in subj or t.is_punct or t.is_space or t.pos_ in ("AUX", "ADV")
                              for t in tokens_between(doc, start, verb.idx))


def _continues(text: str, cand: Candidate, verb: "Token", q: Quote, quotes: list[Quote]) -> bool:
    """'"A," he said. "B."': the cue's content ends just before it and only one sentence end lies between.

    ``quotes`` are the quotes that may part them (nicknames and titles left out by the caller).
    """
    if not any(b <= verb.idx and verb.idx - b < MAX_SOURCE_CHARS and not _clause_break(text[b:verb.idx])
               for _, b in cand.content):
        return False
    gap = text[verb.idx:q.start]
    if "\n" in gap or len(gap) > MAX_CUE_GAP_CHARS * 5 or any(verb.idx <= o.start < q.start for o in quotes if o is not q):
        return False
    return SENTENCE_END.search(gap.rstrip()) is not None  # the cue's sentence ends right before the quote


def _clause_break(gap: str) -> bool:
    """A sentence end between a quote and a verb: they do not belong together.

    A period after an abbreviation or an initial ("Rep. Elijah E. Cummings") ends nothing.
    """
    stripped = gap.strip()
    if len(stripped) <= 1:
        return False
    for m in re.finditer(r"[.?!](?=\s|$)", stripped):
        word = re.search(r"([\w.]+)$", stripped[:m.start()])
        if m.group() == "." and word and (word.group(1).lower() in lexicon.abbreviations()
                                          or len(word.group(1).rstrip(".")) == 1):
            continue
        return True
    return False


def _colon_cue(doc: "Doc", text: str, q: Quote, quotes: list[Quote]) -> "Token | None":
    """'He said:' ending the previous paragraph (or the text just before the quote)."""
    before = text[:q.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    at_colon = tokens_between(doc, colon, colon + 1)
    sent_start = at_colon[0].sent.start_char if at_colon else 0
    verbs = [t for t in tokens_between(doc, sent_start, colon) if cue_verb(t) is not None
             and not _inside_quote(t.idx, quotes)]
    return verbs[-1] if verbs else None


def _names_it(doc: "Doc", text: str, verb: "Token", q: Quote) -> bool:
    """"the products you called 'miracles'": a naming verb (one that takes an object with its
    predicate, "oprd" in the cue list) right before the quote gives it a name, not speech."""
    cue = cue_verb(verb)
    gap = text[verb.idx + len(verb.text):q.start]
    return cue is not None and "oprd" in cue.complements and not re.search(r"[,:]", gap)


def _nested_quote_cands(doc: "Doc", text: str, quotes: list[Quote], cands: list[Candidate]) -> list[Candidate]:
    """A quote inside a quote is the words of the speech verb just before it, inside the outer
    quote ('"Malik told me at halftime, 'Coach, give me the ball.' So I did."': Malik's)."""
    heads = {c.head for c in cands}
    out = []
    for inner in nested_quotes(text, quotes):
        outer = next((q for q in quotes if q.inner_start <= inner.start and inner.end <= q.end), None)
        if outer is None:
            continue
        floor = max(outer.inner_start, inner.start - MAX_SOURCE_CHARS)
        verbs = [t for t in tokens_between(doc, floor, inner.start)
                 if cue_verb(t) is not None and "quote" in cue_verb(t).complements]
        if not verbs or verbs[-1].i in heads or _clause_break(text[verbs[-1].idx:inner.start]):
            continue
        verb = verbs[-1]
        if _names_it(doc, text, verb, inner):
            continue
        out.append(Candidate(cue=cue_tokens(verb), head=verb.i, source=source_of(verb),
                             content=[(inner.start, inner.end)], rule="quote_nested"))
        heads.add(verb.i)
    return out


def _split_shared_quotes(doc: "Doc", text: str, quotes: list[Quote], cands: list[Candidate]) -> list[Candidate]:
    """A quote over several paragraphs claimed by two cues ('He said "we will win.' with no
    closing mark, then '"Prices will rise," said Jan Novak.'): each paragraph goes to the
    nearest cue, and a cue left with no words is dropped."""
    for q in quotes:
        holders = [c for c in cands if any(a <= q.start and q.end <= b for a, b in c.content)]
        if q.paragraphs < 2 or len(holders) < 2:
            continue
        pieces = [(q.start + m.start(), q.start + m.end()) for m in re.finditer(r"[^\n]+", text[q.start:q.end])
                  if m.group().strip()]
        share: dict[int, list[tuple[int, int]]] = {id(c): [] for c in holders}
        for a, b in pieces:
            nearest = min(holders, key=lambda c: _distance(doc[c.head].idx, a, b))
            share[id(nearest)].append((a, b))
        for c in holders:
            rest = [(a, b) for a, b in c.content if not (a <= q.start and q.end <= b)]
            outside = [piece for a, b in c.content if a <= q.start and q.end <= b
                       for piece in ((a, q.start), (q.end, b)) if piece[1] > piece[0]]
            c.content = _merge(rest + outside + share[id(c)])
    return [c for c in cands if c.content]


def _distance(at: int, start: int, end: int) -> int:
    return 0 if start <= at < end else start - at if at < start else at - end + 1


def _drop_participles_of_cues(doc: "Doc", cands: list[Candidate]) -> list[Candidate]:
    """'"...," said Caddell, speaking of X' / '..., he said, referring to X': a participle
    hung on another cue is not a second attribution of the same words."""
    heads = {c.head for c in cands}
    return [c for c in cands if not (c.rule == "verb_parenthetical" and doc[c.head].dep_ == "advcl"
                                     and doc[c.head].tag_ == "VBG" and doc[c.head].head.i in heads)]


def _outside_content(doc: "Doc", text: str, cand: Candidate, quotes: list[Quote]) -> Candidate | None:
    """Keep the cue and the source out of the words they attribute.

    A cue inside its own content is dropped (a participle after a quote, "..., he said,
    referring to X", has the quote and its real cue in its content); a source inside it
    (the parse took quoted words as the subject: '"Full panic mode," said Leslie Wimes')
    is replaced by the name beside the cue outside the quote, or left unknown.
    """
    if any(_content_has(cand, doc[i].idx) for i in cand.cue):
        return None
    inside = cand.source is not None and any(_content_has(cand, t.idx) for t in doc[cand.source[0]:cand.source[1]])
    if cand.source is not None and not inside:
        return cand
    verb = doc[cand.head]
    for q in reversed([q for q in quotes if q.end <= verb.idx and _content_has(cand, q.start)]):
        if _content_has(cand, q.end) and _only_name_between(doc, text, q.end, verb.idx):
            # '"...," Chief Chuck Jordan said' parsed with the name inside the quote's clause
            cut = Candidate(cue=cand.cue, head=cand.head, source=None, rule=cand.rule, according=cand.according,
                            content=[(a, min(b, q.end)) for a, b in cand.content if a < q.end]
                            + [(a, b) for a, b in cand.content if a > verb.idx], via=cand.via)  # '"B."' after the cue stays
            return _with_source(cut, _source_beside(doc, text, cut))
        break
    return _with_source(cand, _source_beside(doc, text, cand)) if inside else cand


def _source_beside(doc: "Doc", text: str, cand: Candidate) -> tuple[int, int] | None:
    """The noun phrase between the content and the cue ('"...," Chief Jordan said'), else
    the one right after the cue ('"...," said James Acton, a physicist'), outside the content."""
    verb = doc[cand.head]
    before = [b for _a, b in cand.content if b <= verb.idx]
    if before and _only_name_between(doc, text, max(before), verb.idx):
        toks = [t for t in tokens_between(doc, max(before), verb.idx) if not (t.is_punct or t.is_space)
                and t.pos_ not in ("AUX", "ADV", "PART")]
        if toks:
            return toks[0].i, toks[-1].i + 1
    after = []
    for tok in doc[max(cand.cue) + 1: max(cand.cue) + 12]:
        if tok.is_punct or tok.is_space or _content_has(cand, tok.idx) or tok.pos_ in ("VERB", "AUX", "ADP"):
            break
        if tok.ent_type_ not in ("DATE", "TIME"):
            after.append(tok)
    if after and any(t.pos_ in ("PROPN", "NOUN") for t in after):
        return after[0].i, after[-1].i + 1
    return None


def _only_name_between(doc: "Doc", text: str, start: int, end: int) -> bool:
    """Between a quote and its cue only a name phrase: no verb, no sentence end, short."""
    toks = tokens_between(doc, start, end)
    return 0 < end - start <= MAX_SOURCE_CHARS and not _clause_break(text[start:end]) \
        and not any(t.pos_ == "VERB" for t in toks) and any(t.pos_ in ("PROPN", "NOUN") for t in toks)


def _content_has(cand: Candidate, idx: int) -> bool:
    return any(a <= idx < b for a, b in cand.content)


def _resolve_nesting(doc: "Doc", cands: list[Candidate]) -> list[Candidate]:
    """Drop attributions inside another's content; a report verb around a quote relays it."""
    dropped: set[int] = set()
    # heads by character offset, so each outer visits only the cues inside its content
    # (one enormous sentence has hundreds of cues: all pairs would be quadratic)
    at = sorted((doc[c.head].idx, k) for k, c in enumerate(cands))
    offsets = [a for a, _ in at]
    for outer in cands:
        inside = sorted({k for a, b in outer.content
                         for _, k in at[bisect_left(offsets, a):bisect_left(offsets, b)]})
        for inner in (cands[k] for k in inside):
            if inner is outer or id(inner) in dropped or id(outer) in dropped:
                continue
            if not _content_has(outer, doc[inner.head].idx):
                continue
            if _according_relays(doc, outer, inner):
                continue  # both stand; the outer's source was added to the inner's via
            if _is_relay(doc, outer, inner):
                if outer.source:
                    inner.via.append(outer.source)
                dropped.add(id(outer))
            elif _relative_claim(doc, inner) or _words_blamed(doc, outer, inner):
                continue  # "..., Kiyingi, who had denied any role, ...": Kiyingi's own claim stands
            elif not (_cut_trailing_report(doc, outer, inner) or _cut_coordinated_report(doc, outer, inner)):
                dropped.add(id(inner))
    return [c for c in cands if id(c) not in dropped]


def _split_relays(doc: "Doc", text: str, quotes: list[Quote], cands: list[Candidate]) -> list[Candidate]:
    """'"...," the mayor said, the paper reported': the quote is the mayor's, the paper relays it."""
    heads = {c.head for c in cands}
    out = []
    for cand in cands:
        cue = cue_verb(doc[cand.head])
        inner = _quoted_speech_inside(doc, text, quotes, cand) if cue and cue.cls == "report" else None
        if inner is None or inner.head in heads:
            out.append(cand)
            continue
        if cand.source:
            inner.via.append(cand.source)
        out.append(inner)
    return out


def _quoted_speech_inside(doc: "Doc", text: str, quotes: list[Quote], cand: Candidate) -> Candidate | None:
    """A quote in the content followed by a speech verb with its own subject."""
    for q in quotes:
        if not any(a <= q.start and q.end <= b for a, b in cand.content):
            continue
        for tok in tokens_between(doc, q.end, min(q.end + MAX_CUE_GAP_CHARS, doc[cand.head].idx)):
            if tok.i != cand.head:
                cue = cue_verb(tok)
                if cue and "quote" in cue.complements and subject(tok) is not None:
                    return Candidate(cue=cue_tokens(tok), head=tok.i, source=source_of(tok),
                                     content=[(q.start, q.end)], rule="quote_relayed")
    return None


def _cut_trailing_report(doc: "Doc", outer: Candidate, inner: Candidate) -> bool:
    """"He said X, arguing that Y": Y is a second attribution; X ends before the comma."""
    verb = doc[inner.head]
    if verb.dep_ not in ("advcl", "conj") or verb.i == 0:
        return False
    first = verb.left_edge  # the subtree's edges, not a walk over it (linear on long sentences)
    if first.i == 0 or doc[first.i - 1].text != "," or inner.source is None:
        return False
    cut = doc[first.i - 1].idx
    tail_end = verb.right_edge.idx + len(verb.right_edge.text)
    if not any(a < cut and tail_end <= b + 1 for a, b in outer.content):
        return False  # the clause is not the tail of the outer content
    outer.content = [(a, min(b, cut)) for a, b in outer.content if a < cut]
    return True


def _relative_claim(doc: "Doc", inner: Candidate) -> bool:
    """A cue in a relative clause set off by commas whose source is "who" (a person's own
    claim described inside someone else's words)."""
    verb = doc[inner.head]
    if verb.dep_ != "relcl" or inner.source is None:
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return True  # "a plan, which was criticized by X as '...'": X's words about the plan
    src = doc[inner.source[0]]
    return src.lower_ == "who" and src.i > 0 and doc[src.i - 1].text == ","


def _words_blamed(doc: "Doc", outer: Candidate, inner: Candidate) -> bool:
    """"called for X to resign for saying that ...", "praised Y for saying ...": the words
    are X's own (the gerund after "for"), inside someone else's call or judgement."""
    verb = doc[inner.head]
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "for" or inner.source is None:
        return False
    return outer.source is None or doc[inner.source[0]:inner.source[1]].text != doc[outer.source[0]:outer.source[1]].text


def _cut_coordinated_report(doc: "Doc", outer: Candidate, inner: Candidate) -> bool:
    """"X said that A and predicted that B": a second cue verb that the parse hung on the
    first one's clause, in the first verb's tense (not its clause's: "said the senator
    denied it and claimed ..." stays the senator's), is a second attribution of X."""
    verb, head = doc[inner.head], doc[outer.head]
    if verb.dep_ != "conj" or subject(verb) is not None or head.pos_ != "VERB" or outer.according:
        return False
    if verb.tag_ != head.tag_ or verb.head.tag_ == verb.tag_:
        return False
    cc = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i and c.i > 0]
    if not cc or verb.right_edge.i + 1 < len(doc) and _content_has(outer, doc[verb.right_edge.i + 1].idx) \
            and not doc[verb.right_edge.i + 1].is_punct:
        return False  # not the tail of the outer content
    before = doc[cc[-1].i - 1]  # the content ends with the word before "and"
    cut = before.idx + len(before.text)
    if not any(a < cut < b for a, b in outer.content):
        return False
    outer.content = [(a, min(b, cut)) for a, b in outer.content if a < cut]
    inner.source = outer.source
    return True


def _according_relays(doc: "Doc", outer: Candidate, inner: Candidate) -> bool:
    """"Analysts said X, according to a note": the analysts' claim stands, and the note
    that reports it is its via (the according_to attribution of the whole stays too)."""
    if not outer.according or inner.according or inner.source is None or outer.source is None:
        return False
    if doc[outer.head].idx < doc[inner.head].idx:
        return False  # "according to X, Y said Z" keeps its earlier reading (Y inside X's claim)
    inner.via.append(outer.source)
    return True


def _is_relay(doc: "Doc", outer: Candidate, inner: Candidate) -> bool:
    """"'...,' X said, the paper reported": a report verb whose content is another's quote."""
    cue = cue_verb(doc[outer.head])
    if cue is None or cue.cls != "report" or inner.source is None:
        return False
    return doc[outer.head].idx > doc[inner.head].idx and inner.rule != "according_to"


def _add_relays(doc: "Doc", cands: list[Candidate]) -> None:
    """"as quoted by X" / "as reported by X" under a cue verb, and "citing X"."""
    phrases = lexicon.relay_phrases()
    for cand in cands:
        verb = doc[cand.head]
        _add_told_outlet(doc, cand, verb)
        for rng in medium_vias(verb, cand.content):  # "said on Twitter", "in an interview on WIBC radio"
            if rng not in cand.via:
                cand.via.append(rng)
        aside = participle_relay(verb)  # "X, speaking to Reuters, said"
        if aside is not None and aside not in cand.via:
            cand.via.append(aside)
        for child in verb.children:
            if child.dep_ not in ("advcl", "prep", "acl", "advmod"):
                continue
            words = [t for t in child.subtree]
            head_words = " ".join(t.lower_ for t in words[:4])
            for phrase, role in phrases.items():
                if role == "relay" and head_words.startswith(phrase):
                    obj = next((t for t in words if t.dep_ == "pobj"), None)
                    if obj is not None:
                        cand.via.append(noun_phrase(obj))


def _add_told_outlet(doc: "Doc", cand: Candidate, verb: "Token") -> None:
    """"X told Reuters": the outlet the words were given to relays them (data/outlets.txt, or a
    name beside a noun of data/outlet_nouns.txt: "told the state news agency Tass")."""
    if verb.lemma_.lower() != "tell":
        return
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            start, end = noun_phrase(child)
            phrase = doc[start:end].text
            outlet = lexicon.is_outlet(phrase) or lexicon.described_outlet(phrase) is not None
            owner = next((p for p in child.children if p.dep_ == "poss"), None)
            if not outlet and owner is not None and lexicon.is_outlet(owner.text):
                start, end = owner.i, owner.i + 1  # "told ABC's "Good Morning America"": ABC's programme
                outlet = True
            if outlet and (start, end) not in cand.via:
                cand.via.append((start, end))


def _kind(cand: Candidate, quotes: list[Quote], text: str) -> str:
    """direct (all words quoted), mixed (a clause's worth quoted), indirect, or according_to."""
    if cand.according:
        return "according_to"
    words = quoted = 0
    for a, b in cand.content:
        words += sum(ch.isalnum() for ch in text[a:b])
        for q in quotes:
            lo, hi = max(a, q.inner_start), min(b, q.inner_end)
            if lo < hi:
                quoted += sum(ch.isalnum() for ch in text[lo:hi])
    if words and quoted >= words * 0.9:
        return "direct"
    return "mixed" if quoted >= 8 else "indirect"


def _to_attribution(aid: str, cand: Candidate, doc: "Doc", text: str, quotes: list[Quote],
                    resolver: SpeakerResolver, timexes: Sequence[Timex]) -> Attribution:
    """Build the record of one candidate: spans, kind, resolved source and relays."""
    cue_toks = [doc[i] for i in cand.cue]
    cue = Span.of(text, cue_toks[0].idx, cue_toks[-1].idx + len(cue_toks[-1].text))
    source, via = None, []
    if cand.cited is not None:  # "X reported, citing officials": officials speak, X relays
        if cand.source is not None:
            via.append(resolver.resolve(*cand.source).source)
        cand = _with_source(cand, cand.cited)
    if cand.source is not None:
        resolved = resolver.resolve(*cand.source)
        source = resolved.source
        via.extend(resolved.via)
    for rng in cand.via:
        via.append(resolver.resolve(*rng).source)
    said_on, said_via, said_interval = _said_on(doc, cand, source, timexes)
    return Attribution(id=aid, kind=_kind(cand, quotes, text),
                       content=tuple(Span.of(text, a, b) for a, b in cand.content),
                       cue=cue, source=source, via=tuple(_unique(via, source)),
                       said_on=said_on, said_on_via=said_via, rule=cand.rule, said_on_interval=said_interval)


def _with_source(cand: Candidate, rng: tuple[int, int]) -> Candidate:
    return Candidate(cue=cand.cue, head=cand.head, source=rng, content=cand.content, rule=cand.rule,
                     according=cand.according, via=cand.via)


def _unique(via: list[Source], source: Source | None) -> list[Source]:
    seen = {source.name} if source else set()
    out = []
    for v in via:
        if v.name not in seen:
            seen.add(v.name)
            out.append(v)
    return out


def _said_on(doc: "Doc", cand: Candidate, source: Source | None,
             timexes: Sequence[Timex]) -> tuple[str | None, str | None, tuple | None]:
    """When the words were said, if the article states it (needs the time layer): a date or a
    time of day the cue governs in its own sentence ("said in March", "told a hearing last
    week", "told supporters shortly before midnight"), else one in the sentence before that
    names the speaker at a speech event ("On March 2, Lu was questioned at a hearing.").
    Returns (value, timex id, interval); a time of day gives its day as value."""
    if not timexes or cand.according:
        return None, None, None
    verb = doc[cand.head]
    sent = verb.sent
    own = [tx for tx in _dated(timexes, sent.start_char, sent.end_char)
           if not any(a <= tx.start < b for a, b in cand.content)]
    said = []
    for n, tx in enumerate(own):
        gov = _governor(doc, tx)  # looked up once per timex, read by _told_by and the ranking
        if _told_by(gov, verb):
            said.append(((gov.i if gov is not None else None) not in (verb.i, *cand.cue),
                         abs(tx.start - verb.idx), n, tx))
    if said:
        return _said_value(min(said)[3])
    after = _timex_after_words(doc.text, cand, timexes)
    if after is not None:
        return _said_value(after)
    first = min([a for a, _ in cand.content] + [verb.idx])
    opening = next(iter(tokens_between(doc, first, first + 1) or [verb])).sent
    if source is None or opening.start == 0:
        return None, None, None
    prev = doc[opening.start - 1].sent
    names = {source.name.lower(), *(source.name.lower().split()[-1:])}
    if not any(t.lower_ in names for t in prev):
        return None, None, None
    for tx in _dated(timexes, prev.start_char, prev.end_char):
        gov = _governor(doc, tx)
        if _at_speech_event(gov) and _speaker_is_subject(gov, names):
            return _said_value(tx)
    return None, None, None


_AFTER_QUOTE = re.compile(r"""["”’],?\s+(?:(?:on|early|late|in the)\s+)?$""", re.I)
_SENTENCE_END = re.compile(r"\s*(?:[.;]|$)")


def _timex_after_words(text: str, cand: Candidate, timexes: Sequence[Timex]) -> Timex | None:
    """A date told right after the closing quotation mark of the words, ending the sentence:
    'tweeted, "Thank you!" on Friday afternoon.' (the parser hangs it on the quote, or takes
    it into the words, not on the cue)."""
    if not cand.content:
        return None
    start, end = min(a for a, _ in cand.content), max(b for _, b in cand.content)
    for tx in _dated(timexes, start, min(len(text), end + 16)):
        if _AFTER_QUOTE.search(text[max(0, tx.start - 12):tx.start]) \
                and _SENTENCE_END.match(text[tx.end:tx.end + 2]):
            return tx
    return None


def _dated(timexes: Sequence[Timex], start: int, end: int) -> list[Timex]:
    """The DATE and TIME expressions in [start, end) with a calendar value (not PAST_REF)."""
    return [tx for tx in timexes if tx.type in ("DATE", "TIME") and start <= tx.start < end
            and tx.value[:4].isdigit()]


def _said_value(tx: Timex) -> tuple[str, str, tuple | None]:
    """said_on for a timex: its value, or the day of a time of day; and its interval."""
    value = tx.value
    if tx.type == "TIME" and "T" in value:
        day = tx.interval[0] if tx.interval and tx.interval[0] == tx.interval[1] else value.split("T")[0]
        value = day if len(day) == 10 else value
    return value, tx.id, tuple(tx.interval) if tx.interval else None


def _governor(doc: "Doc", tx: Timex) -> "Token | None":
    """The verb (or speech noun) a time expression modifies, up the parse from its head."""
    toks = tokens_between(doc, tx.start, tx.end)
    if not toks:
        return None
    inside = {t.i for t in toks}
    tok = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
    for _ in range(8):
        if tok.head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or tok.lemma_.lower() in lexicon.speech_events():
            return tok
    return None


def _told_by(gov: "Token | None", verb: "Token") -> bool:
    """A time expression governed by ``gov`` dates the cue ``verb``: the cue or a speech verb or
    noun governs it ("Smith, who was elected in 2010, said" does not date the saying by 2010)."""
    if gov is None or gov.i == verb.i or _speech_verb(gov) or gov.lemma_.lower() in lexicon.speech_events():
        return True
    # "Trump unleashed tweets early Friday, saying ...": the cue hangs on the dated verb, perhaps
    # through other clauses ("went after Trump on Wednesday over his refusal to release his
    # taxes, calling it ... and asserting ...")
    return gov.i in _clause_chain(verb)


def _clause_chain(verb: "Token", hops: int = 3) -> set[int]:
    """The verbs a cue hangs on through adverbial, complement or conjoined clauses."""
    out: set[int] = set()
    while hops and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
        out.add(verb.i)
        hops -= 1
    return out


def _speech_verb(tok: "Token") -> bool:
    """A verb of saying or publishing; a phrasal verb is another verb ("sworn in" is not "swear")."""
    cue = cue_verb(tok)
    if any(c.dep_ == "prt" for c in tok.children):
        return False
    return cue is not None and cue.cls in ("speech", "report")


def _speaker_is_subject(gov: "Token | None", names: set[str]) -> bool:
    """The dated verb ``gov``'s subject, if it has one, names the speaker: in "Roe said X, who
    had denied any role in the July 2005 killing" the denial is X's, not Roe's."""
    subjects = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")] if gov is not None else []
    return not subjects or any(t.lower_ in names for c in subjects for t in c.subtree)


def _at_speech_event(gov: "Token | None") -> bool:
    """A date (governed by ``gov``) of a speech event: governed by a speech verb or by a verb
    with a speech noun under it ("was questioned during a hearing on March 2")."""
    if gov is None:
        return False
    return _speech_verb(gov) or gov.lemma_.lower() in lexicon.speech_events() or any(
        t.dep_ == "pobj" and t.lemma_.lower() in lexicon.speech_events() and t.head.lower_ in SPEECH_EVENT_PREPS
        for t in gov.subtree)
