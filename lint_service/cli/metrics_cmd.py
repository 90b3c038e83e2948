"""`blamelint metrics`: incident metrics across postmortems (SPEC.md "Incident metrics").

Same file discovery as `check`. Exit status 0, or 2 when a file cannot be read or
parsed (every other file is still reported).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from typing import Callable

from .inputs import STDIN, InputFileError, collect, detect_format, read_source
from .runner import Progress, progress_stream

# format name -> module in lint_service.cli whose render(report) returns the output text
FORMATS: dict[str, str] = {
    "text": "metrics_text", "json": "metrics_json", "csv": "metrics_csv", "html": "metrics_html",
    "jira-csv": "metrics_jira", "github-issues": "metrics_github_issues",
}
EXIT_OK, EXIT_ERROR = 0, 2

_EPILOG = """\
examples:
  blamelint metrics postmortems/
  blamelint metrics --format json postmortems/ | jq '.summary'
  blamelint metrics --format html -o metrics.html postmortems/
  blamelint metrics --as-of 2024-06-30 --format jira-csv -o open-items.csv postmortems/
  blamelint metrics --format github-issues postmortems/ > issues.jsonl

Milestones come from fields (started_at, **Detected:**), timeline markers (OUTAGE BEGINS)
or the timeline's words; each records its line and source. Times are whole minutes from
impact start. Nothing is sent anywhere: tracker formats are files to import."""


def add_metrics_parser(sub: argparse._SubParsersAction, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser("metrics", help="incident metrics across postmortems", epilog=_EPILOG, formatter_class=formatter,
                       description="Times to detect, mitigate and resolve, action-item closure and recurring causes.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="file or folder of postmortems; - reads standard input")
    p.add_argument("-f", "--format", choices=tuple(FORMATS), default="text", help="output format (default: text)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", type=_day, default=None,
                   help="the day open items are overdue against (default: today)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip paths matching GLOB (repeatable)")
    p.add_argument("--no-gitignore", action="store_true", help="do not skip files that .gitignore ignores")
    p.add_argument("--stdin-filename", metavar="NAME", help="name to show for standard input")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {value!r}") from None


def renderer(fmt: str) -> Callable:
    return importlib.import_module(f"{__package__}.{FORMATS[fmt]}").render


def cmd_metrics(args: argparse.Namespace) -> int:
    from ..metrics import MetricsBuilder

    if not args.paths:
        print("blamelint metrics: error: no paths given (use . for the current folder)", file=sys.stderr)
        return EXIT_ERROR
    excludes = tuple(g.strip() for arg in args.exclude for g in arg.split(",") if g.strip())
    sources, path_errors = collect(args.paths, excludes, not args.no_gitignore, args.stdin_filename)
    errors = [str(e) for e in path_errors]
    texts: list[tuple[str, str, str | None]] = []
    for s in sources:
        try:
            text = read_source(s)
            texts.append((s.path, text, detect_format(text, s.path)))
        except InputFileError as exc:
            errors.append(str(exc.error))
    render = renderer(args.format)
    bar = Progress(len(texts), progress_stream(len(texts), args.quiet))
    report = MetricsBuilder().build(texts, args.as_of, progress=lambda n: bar.advance(texts[n - 1][0]), errors=errors)
    bar.close()
    for e in report.errors:
        print(f"blamelint: error: {e}", file=sys.stderr)
    for m in report.incidents:
        for p in m.problems:
            print(f"blamelint: warning: {m.path}:{p['line']}: {p['message']}", file=sys.stderr)
    if not texts and not errors:
        print("blamelint: warning: no postmortems under the given paths", file=sys.stderr)
    try:
        out = render(report)
    except RuntimeError as exc:  # the HTML charts' library is not installed
        print(f"blamelint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                fh.write(out)
        except OSError as exc:
            print(f"blamelint: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
    else:
        sys.stdout.write(out)
        sys.stdout.flush()
    return EXIT_ERROR if report.errors else EXIT_OK


__all__ = ["FORMATS", "STDIN", "add_metrics_parser", "cmd_metrics", "renderer"]
