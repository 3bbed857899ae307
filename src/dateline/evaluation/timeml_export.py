"""Write TimeML: the input's TEXT and DCT with our TIMEX3 tags, for the TempEval-3 tools.

``dateline timeml IN OUT`` reads ``.tml`` files (gold annotations inside TEXT are
stripped and ignored: only the plain text and the DCT are input), tags the time
expressions with a tagger (``dateline.time.tag`` by default) and writes one
``.tml`` file per input, mirroring sub-folders (``TimeBank/``, ``AQUAINT/``), so that
the standard scorers can compare them with the gold files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from ..errors import InputError, UsageError
from ..types import Timex
from .timeml import TimemlDocument, find_tml, read_tml

# tagger(text, publication date "YYYY-MM-DD" or None, spaCy Doc or None) -> timexes
Tagger = Callable[[str, "str | None", Any], Sequence[Timex]]

_HEADER = ('<?xml version="1.0" ?>\n'
           '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n')


def default_tagger(text: str, published: str | None, doc: Any = None) -> Sequence[Timex]:
    """dateline's own time tagger (``dateline.time.tag``), imported when first used."""
    from ..time import tag  # the time layer; a separate package that may be absent

    return tag(text, published, doc=doc)


def check_default_tagger() -> None:
    """Raise UsageError when this installation has no time layer (``dateline.time.tag``)."""
    try:
        from .. import time as time_layer
    except ImportError:
        time_layer = None
    if not hasattr(time_layer, "tag"):
        raise UsageError("the time layer (dateline.time.tag) is not available in this installation")


def writable_timexes(text: str, timexes: Iterable[Timex]) -> tuple[list[Timex], int]:
    """The timexes that can be written inline (valid, non-empty, not overlapping) and the count dropped.

    TIMEX3 tags cannot nest or cross, so when two overlap the earlier (then longer) one is kept.
    """
    ordered = sorted(timexes, key=lambda t: (t.start, -t.end))
    kept: list[Timex] = []
    dropped = 0
    for t in ordered:
        valid = 0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text
        if not valid or (kept and t.start < kept[-1].end):
            dropped += 1
            continue
        kept.append(t)
    return kept, dropped


def _tids(timexes: Sequence[Timex], reserved: str) -> list[str]:
    """The timexes' own ids when they are unique, non-empty and not the DCT's; else t1, t2..."""
    ids = [t.id for t in timexes]
    if all(ids) and len(set(ids)) == len(ids) and reserved not in ids:
        return ids
    numbers = (f"t{n}" for n in range(1, 10 * len(ids) + 2))
    return [next(n for n in numbers if n != reserved) for _ in ids]


def timex_tag(timex: Timex, tid: str) -> str:
    """The opening TIMEX3 tag: tid, type, value, then mod/quant/freq when set (XML-escaped)."""
    attrs = [("tid", tid), ("type", timex.type), ("value", timex.value),
             ("mod", timex.mod), ("quant", timex.quant), ("freq", timex.freq)]
    return "<TIMEX3 " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs if v) + ">"


def _dct_element(document: TimemlDocument) -> str:
    if document.dct is None:
        return ""
    d = document.dct
    return (f"<DCT><TIMEX3 tid={quoteattr(d.tid)} type={quoteattr(d.type)} value={quoteattr(d.value)} "
            f'temporalFunction="false" functionInDocument="CREATION_TIME">{escape(d.text)}</TIMEX3></DCT>\n\n')


def inline_text(text: str, timexes: Sequence[Timex], tids: Sequence[str]) -> str:
    """``text`` XML-escaped with a TIMEX3 element around each (sorted, non-overlapping) timex."""
    parts: list[str] = []
    cursor = 0
    for timex, tid in zip(timexes, tids):
        parts.append(escape(text[cursor:timex.start]))
        parts.append(timex_tag(timex, tid) + escape(timex.text) + "</TIMEX3>")
        cursor = timex.end
    parts.append(escape(text[cursor:]))
    return "".join(parts)


def render_tml(document: TimemlDocument, timexes: Iterable[Timex]) -> tuple[str, int]:
    """A TimeML file with ``document``'s DOCID, DCT, TITLE and TEXT and only ``timexes``.

    Returns the file content and how many timexes could not be written (see writable_timexes).
    """
    kept, dropped = writable_timexes(document.text, timexes)
    tids = _tids(kept, document.dct.tid if document.dct else "t0")
    title = f"<TITLE>{escape(document.title)}</TITLE>\n\n" if document.title else ""
    body = (f"{_HEADER}<DOCID>{escape(document.docid)}</DOCID>\n\n{_dct_element(document)}{title}"
            f"<TEXT>{inline_text(document.text, kept, tids)}</TEXT>\n\n</TimeML>\n")
    return body, dropped


@dataclass
class ConvertReport:
    """What a conversion did: files written, timexes dropped, and one line per failed input."""

    written: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    dropped: int = 0


def _out_path(file: Path, in_root: Path, out_dir: Path) -> Path:
    relative = file.relative_to(in_root) if in_root.is_dir() else Path(file.name)
    return out_dir / relative


def _read_all(files: Sequence[Path], report: ConvertReport) -> list[TimemlDocument]:
    documents = []
    for file in files:
        try:
            documents.append(read_tml(file))
        except InputError as err:
            report.failures.append(str(err))
    return documents


def _parse_all(documents: Sequence[TimemlDocument], model: str | None) -> list[Any]:
    """spaCy docs of the texts, parsed in one nlp.pipe batch."""
    from .. import nlp as nlp_layer

    nlp = nlp_layer.load(model)
    return list(nlp.pipe((d.text for d in documents), batch_size=16))


def convert(in_path: str | Path, out_dir: str | Path, tagger: Tagger | None = None,
            parse: bool = True, model: str | None = None) -> ConvertReport:
    """Tag every ``.tml`` at ``in_path`` and write ``.tml`` files under ``out_dir``.

    ``parse=False`` calls the tagger without a spaCy doc.  Bad inputs become one line in
    ``report.failures`` each; the other files are still written.
    """
    if tagger is None:
        check_default_tagger()
        tagger = default_tagger
    in_root = Path(in_path)
    report = ConvertReport()
    documents = _read_all(find_tml(in_root), report)
    parsed = _parse_all(documents, model) if parse and documents else [None] * len(documents)
    for document, doc in zip(documents, parsed):
        try:
            timexes = tagger(document.text, document.publication_date, doc)
        except Exception as err:  # a tagger bug must not lose the other files
            report.failures.append(f"{document.path}: internal error: {type(err).__name__}: {err}")
            continue
        content, dropped = render_tml(document, timexes)
        report.dropped += dropped
        target = _out_path(Path(document.path or document.docid), in_root, Path(out_dir))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        except OSError as err:
            report.failures.append(f"{target}: cannot write: {err.strerror or err}")
            continue
        report.written.append(target)
    return report

