"""Read TimeML / TempEval-3 ``.tml`` files into plain text with stand-off annotations.

A ``.tml`` file holds the document id (``DOCID``), the document creation time
(``DCT``, a ``TIMEX3`` with ``functionInDocument="CREATION_TIME"``) and the article
in ``TEXT`` with inline ``TIMEX3``/``EVENT``/``SIGNAL`` tags.  ``read_tml`` strips
every inline tag and keeps the text and its whitespace exactly, so the gold
annotations become character spans into that plain text (Python code points, end
exclusive): ``doc.text[t.start:t.end] == t.text`` for every timex and event.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..types import Timex

# functionInDocument values that mark the document creation time.
_CREATION_FUNCTIONS = {"CREATION_TIME"}


@dataclass(frozen=True, slots=True)
class TimemlEvent:
    """A gold TimeML EVENT tag: its id, class and span in the plain text."""

    eid: str
    event_class: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Dct:
    """The document creation time: its tid, type, value and the text of its tag."""

    tid: str
    type: str
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    """One parsed ``.tml`` file: id, creation time, plain text and gold annotations."""

    docid: str
    dct: Dct | None
    text: str
    timexes: tuple[Timex, ...]
    events: tuple[TimemlEvent, ...]
    path: str | None = None
    title: str | None = None

    @property
    def dct_value(self) -> str | None:
        """The DCT's value, e.g. ``1998-01-08`` (None when the file has no DCT)."""
        return self.dct.value if self.dct else None

    @property
    def publication_date(self) -> str | None:
        """The calendar day of the DCT (``YYYY-MM-DD``) when the DCT value starts with one."""
        value = self.dct_value
        if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
            return value[:10]
        return None


@dataclass(frozen=True, slots=True)
class _Tag:
    """An inline tag found in TEXT, with its span in the plain text."""

    name: str
    attrib: dict[str, str]
    start: int
    end: int


def _flatten(element: ET.Element) -> tuple[str, list[_Tag]]:
    """The plain text inside ``element`` and every descendant tag with its span."""
    parts: list[str] = []
    tags: list[_Tag] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            start = length
            walk(child)
            tags.append(_Tag(child.tag, dict(child.attrib), start, length))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(element)
    tags.sort(key=lambda t: (t.start, -t.end))
    return "".join(parts), tags


def _timex_from_tag(tag: _Tag, text: str, source: str) -> Timex:
    """A gold Timex from a TIMEX3 tag; tid, type and value are required."""
    missing = [k for k in ("tid", "type", "value") if k not in tag.attrib]
    if missing:
        raise InputError(source, f"TIMEX3 at character {tag.start} lacks {', '.join(missing)}")
    a = tag.attrib
    return Timex(
        id=a["tid"], start=tag.start, end=tag.end, text=text[tag.start:tag.end],
        type=a["type"], value=a["value"], mod=a.get("mod") or None,
        anchor=a.get("anchorTimeID") or None, rule="gold", quant=a.get("quant") or None,
        freq=a.get("freq") or None,
    )


def _event_from_tag(tag: _Tag, text: str) -> TimemlEvent:
    a = tag.attrib
    return TimemlEvent(a.get("eid", ""), a.get("class", ""), tag.start, tag.end, text[tag.start:tag.end])


def _read_dct(root: ET.Element) -> Dct | None:
    """The creation-time TIMEX3 inside DCT (or any CREATION_TIME TIMEX3 outside TEXT)."""
    dct = root.find("DCT")
    candidates = list(dct.iter("TIMEX3")) if dct is not None else []
    if not candidates:
        candidates = [t for t in root.iter("TIMEX3") if t.get("functionInDocument") in _CREATION_FUNCTIONS]
    for node in candidates:
        if node.get("value"):
            return Dct(node.get("tid", "t0"), node.get("type", "DATE"), node.get("value", ""),
                       "".join(node.itertext()))
    return None


def _parse_xml(data: bytes | str, source: str) -> ET.Element:
    try:
        return ET.fromstring(data)
    except ET.ParseError as err:
        raise InputError(source, f"not well-formed TimeML XML: {err}") from None


def parse_tml(data: bytes | str, source: str = "<string>", docid: str | None = None) -> TimemlDocument:
    """Parse the content of one ``.tml`` file; raises InputError naming ``source`` if malformed."""
    root = _parse_xml(data, source)
    text_node = root.find("TEXT") if root.tag != "TEXT" else root
    if text_node is None:
        raise InputError(source, "no <TEXT> element: not a TimeML document")
    text, tags = _flatten(text_node)
    timexes = tuple(_timex_from_tag(t, text, source) for t in tags if t.name == "TIMEX3")
    events = tuple(_event_from_tag(t, text) for t in tags if t.name == "EVENT")
    docid_node = root.find("DOCID")
    found_id = "".join(docid_node.itertext()).strip() if docid_node is not None else ""
    title_node = root.find("TITLE")
    title = "".join(title_node.itertext()).strip() if title_node is not None else None
    return TimemlDocument(
        docid=found_id or docid or Path(source).stem, dct=_read_dct(root), text=text,
        timexes=timexes, events=events, path=source, title=title or None,
    )


def read_bytes(path: Path) -> bytes:
    """The bytes of a corpus file; one InputError naming it when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read: {err.strerror or err}") from None


def read_tml(path: str | Path) -> TimemlDocument:
    """Read and parse one ``.tml`` file; one InputError naming the file on any problem."""
    path = Path(path)
    data = read_bytes(path)
    if not data.strip():
        raise InputError(str(path), "empty file")
    return parse_tml(data, str(path), docid=path.stem)


def find_tml(path: str | Path) -> list[Path]:
    """The ``.tml`` files at ``path``: the file itself, or every one below a folder, sorted."""
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.rglob("*.tml") if p.is_file())
    if path.exists():
        return [path]
    raise InputError(str(path), "no such file or directory")


def read_corpus(path: str | Path) -> Iterator[TimemlDocument | InputError]:
    """Every ``.tml`` document below ``path`` in sorted order; bad files yield their InputError."""
    for file in find_tml(path):
        try:
            yield read_tml(file)
        except InputError as err:
            yield err
