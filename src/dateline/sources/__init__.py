"""Readers: turn files people have (text, JSON Lines, HTML, feeds) into Articles.

Each format is a small module with a ``read(source, data, options)`` generator that
yields ``Article`` or ``InputError`` items (a batch file may hold good and bad
articles).  ``READERS`` is the one registry; ``detect_format`` picks a reader by
extension and content unless the user names one (``--input-format``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import InputError
from ..types import Article

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    """What the user told us about the inputs."""

    published: str | None = None  # --published: the publication date for plain text
    input_format: str | None = None  # --input-format: force a reader
    max_bytes: int = DEFAULT_MAX_BYTES  # --max-bytes: larger files are refused
    crawl_date: str | None = None  # --crawl-date: no page date may be later than this


Item = Article | InputError
Reader = Callable[[str, bytes, ReadOptions], Iterator[Item]]


def _registry() -> dict[str, Reader]:
    from . import header, plaintext

    readers: dict[str, Reader] = {"header": header.read, "text": plaintext.read}
    for name in ("jsonl", "html", "feed"):
        try:
            module = __import__(f"{__name__}.{name}", fromlist=["read"])
        except ImportError:
            continue
        readers[name] = module.read
    return readers


READERS: dict[str, Reader] = _registry()

_EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}


def article_id(path: str) -> str:
    """The article id of a file: its name without the extension."""
    name = os.path.basename(path.rstrip("/"))
    stem, _ext = os.path.splitext(name)
    return stem or name


def detect_format(path: str, data: bytes) -> str:
    """Pick a reader by extension, then by the first bytes."""
    ext = os.path.splitext(path)[1].lower()
    if ext in _EXTENSIONS and _EXTENSIONS[ext] in READERS:
        return _EXTENSIONS[ext]
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<") and ("feed" in READERS) and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return "feed"
    if head.startswith(b"<") and "html" in READERS and (b"<html" in head or b"<!doctype html" in head):
        return "html"
    if head.startswith(b"{") and "jsonl" in READERS:
        return "jsonl"
    from .header import has_header

    return "header" if has_header(data) else "text"


def check_bytes(source: str, data: bytes) -> None:
    """Refuse empty and binary inputs with one clear line."""
    if not data.strip():
        raise InputError(source, "empty input")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), not text")


def decode(source: str, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM); refuse anything else with one clear line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(source, f"invalid UTF-8 at byte {err.start}") from None
    return text


def _files_below(directory: Path) -> list[Path]:
    """Every non-hidden file below ``directory``, sorted by path ("a.txt", "b/2.txt", "c.txt")."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(directory).parts)


def read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Read one file with the chosen reader; every problem is an InputError item."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(source, f"file is {size} bytes, over the limit of {options.max_bytes} (--max-bytes)")
        data = path.read_bytes()
        check_bytes(source, data)
        name = options.input_format or detect_format(source, data)
        if name not in READERS:
            raise InputError(source, f"unknown input format {name!r}; known: {', '.join(sorted(READERS))}")
        yield from READERS[name](source, data, options)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(source, err.strerror or str(err))


def read_paths(paths: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """Articles (and errors) from files and directories, directories in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in _files_below(path):
                found = True
                yield from read_file(file, options)
            if not found:
                yield InputError(raw, "directory has no readable files")
        elif path.exists():
            yield from read_file(path, options)
        else:
            yield InputError(raw, "no such file or directory")
