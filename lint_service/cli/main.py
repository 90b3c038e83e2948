"""The `blamelint` command: check, rules, explain, serve.

Exit status (SPEC.md): 0 nothing at or above ``--fail-on``; 1 findings at or
above it; 2 usage error, unreadable file or invalid input (stderr names the file).
"""
from __future__ import annotations

import argparse
import dataclasses
import io
import os
import sys
import time
from typing import Sequence, TextIO

from .. import __version__
from ..config import ConfigError
from ..findings import SEVERITIES
from .baseline import BaselineError, baseline_note, load_baseline, write_baseline
from .formats import FORMAT_NAMES, Run, render
from .inputs import DEFAULT_MAX_BYTES, STDIN, InputFileError, collect, read_source
from .metrics_cmd import add_metrics_parser, cmd_metrics
from .runner import FileResult, default_jobs, lint_all, progress_stream
from .settings import ConfigResolver, load_config

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

_MAIN_EPILOG = """\
examples:
  blamelint check postmortems/                 lint every .md/.txt/.yaml file below a folder
  blamelint check --format sarif . > out.sarif for GitHub code scanning
  cat draft.md | blamelint check -             lint standard input
  blamelint rules                              list the rules
  blamelint explain blame.person-subject       why a rule exists, with an example
  blamelint serve --port 8080                  run the HTTP service and web form

exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage error or a file
that could not be read or parsed."""

_CHECK_EPILOG = """\
examples:
  blamelint check docs/postmortems/
  blamelint check --exclude 'templates' --exclude '*.txt' .
  blamelint check --format github --fail-on error incidents/
  blamelint check --format json -q incident.yaml | jq '.stats'
  blamelint check --jobs 4 --format sarif --output blamelint.sarif .
  blamelint check --format github --report sarif=blamelint.sarif postmortems/
  git show HEAD:pm.md | blamelint check --stdin-filename pm.md -
  blamelint check --write-baseline .blamelint-baseline.json postmortems/
  blamelint check --baseline .blamelint-baseline.json postmortems/

Folders are searched recursively for *.md, *.markdown, *.txt, *.yaml and *.yml,
skipping what .gitignore ignores (and .git, node_modules, .venv, ...). Files named
explicitly are always checked unless an --exclude glob matches them.
Configuration: --config FILE, else a .blamelint.yaml or pyproject.toml
[tool.blamelint] found upwards from each file (when supported).
Colour: only on a terminal, never when NO_COLOR is set (--color overrides)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error returns exit status 2 to main() instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _byte_count(value: str) -> int:
    """``--max-bytes``: a whole number of bytes, or with a K or M suffix (KiB, MiB)."""
    raw = value.strip().upper().removesuffix("B").removesuffix("I")
    scale = {"K": 1024, "M": 1024 * 1024}.get(raw[-1:], 1)
    try:
        number = int(raw[:-1] if scale > 1 else raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of bytes such as 5000000 or 5M, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte, not {value!r}")
    return number * scale


def _say(message: str) -> None:
    """A message on standard error, if there is one (it may be closed too)."""
    if sys.stderr is None:
        return
    try:
        print(message, file=sys.stderr)
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    # Python flushes standard output again at exit; after a failed write that flush
    # would fail too and print "Exception ignored" with exit status 120.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def write_stdout(text: str) -> int:
    """Write the report to standard output: EXIT_OK, or EXIT_ERROR (with a message) when
    standard output is closed, the reader went away or the write failed (a full disk)."""
    stream = sys.stdout
    if stream is None:
        _say("blamelint: error: cannot write the report: standard output is closed")
        return EXIT_ERROR
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:  # `blamelint check . | head`: the reader has all it wanted
        _silence_stdout()
        return EXIT_ERROR
    except (OSError, ValueError) as exc:
        _say(f"blamelint: error: cannot write the report to standard output: {getattr(exc, 'strerror', None) or exc}")
        _silence_stdout()
        return EXIT_ERROR
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog="blamelint",
        description="blamelint: a linter for blameless postmortems.",
        epilog=_MAIN_EPILOG,
        formatter_class=fmt,
    )
    parser.add_argument("--version", action="version", version=f"blamelint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files, folders or standard input", epilog=_CHECK_EPILOG, formatter_class=fmt,
                           description="Lint postmortems and report findings.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="file or folder to lint; - reads standard input")
    check.add_argument("-f", "--format", choices=FORMAT_NAMES, default="text",
                       help="output format (default: text)")
    check.add_argument("--fail-on", choices=(*SEVERITIES, "never"), default="warning",
                       help="lowest severity that makes the exit status 1 (default: warning)")
    check.add_argument("-c", "--config", metavar="PATH", help="a .blamelint.yaml or pyproject.toml to use for every file")
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                       help="skip paths matching GLOB (repeatable; also comma-separated)")
    check.add_argument("--no-gitignore", action="store_true", help="do not skip files that .gitignore ignores")
    check.add_argument("--enable", action="append", default=[], metavar="RULE",
                       help="turn on a rule or rule prefix such as blame. (repeatable)")
    check.add_argument("--disable", action="append", default=[], metavar="RULE",
                       help="turn off a rule or rule prefix (repeatable)")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="name to show for standard input, and to detect its format from")
    check.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                       help="lint in N processes (0: one per CPU; default: 1)")
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--report", action="append", default=[], metavar="FORMAT=FILE",
                       help="also write the report in FORMAT to FILE, from the same run (repeatable), "
                            "e.g. sarif=blamelint.sarif")
    check.add_argument("--baseline", metavar="FILE",
                       help="report only findings not recorded in FILE (matched by rule, file and flagged text)")
    check.add_argument("--write-baseline", metavar="FILE",
                       help="record every finding in FILE and exit 0 (adopt blamelint on existing postmortems)")
    check.add_argument("--max-bytes", type=_byte_count, default=DEFAULT_MAX_BYTES, metavar="N",
                       help="skip files larger than N bytes, with an error (default: 5 MiB; K and M suffixes allowed)")
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only: no summary line, no progress bar")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour text output (default: auto, on a terminal without NO_COLOR)")

    rules = sub.add_parser("rules", help="list every rule", formatter_class=fmt,
                           description="List every rule with its id, category, default severity and description.",
                           epilog="examples:\n  blamelint rules\n  blamelint rules --format json")
    rules.add_argument("-f", "--format", choices=("text", "json"), default="text")

    explain = sub.add_parser("explain", help="why a rule exists, with an example and its rewrite", formatter_class=fmt,
                             description="Explain a rule and show what blamelint reports on its example.",
                             epilog="examples:\n  blamelint explain blame.person-subject\n  blamelint explain possessive")
    explain.add_argument("rule", metavar="RULE")

    serve = sub.add_parser("serve", help="run the HTTP service", formatter_class=fmt,
                           description="Run the HTTP service (JSON API, LanguageTool API and web form).",
                           epilog=("The default host is 127.0.0.1 (this machine only). Set BLAMELINT_HOST=0.0.0.0\n"
                                   "(as the Docker image does) or pass --host 0.0.0.0 to accept outside connections.\n"
                                   "examples:\n  blamelint serve\n  PORT=9000 blamelint serve\n"
                                   "  blamelint serve --host 0.0.0.0 --port 8080"))
    serve.add_argument("--host", default=None, help="address to bind (default: $BLAMELINT_HOST or 127.0.0.1)")
    serve.add_argument("--port", default=None, help="port (default: $PORT or 8080)")
    add_metrics_parser(sub, fmt)

    lsp = sub.add_parser("lsp", help="run the language server on standard input/output", formatter_class=fmt,
                         description="Run the Language Server Protocol server (diagnostics, quick fixes, hovers) on stdio.",
                         epilog="Editors start it themselves; see docs/editors.md.")
    lsp.add_argument("--stdio", action="store_true", help="accepted for clients that pass it (stdio is the only transport)")
    return parser


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):  # no-color.org: set and not empty
        return False
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def _exit_status(results: list[FileResult], run: Run) -> int:
    if run.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if any(run.fails(f) for _, f in run.findings()) else EXIT_OK


def _report_option(value: str) -> tuple[str, str]:
    fmt, sep, path = value.partition("=")
    if not sep or not path or fmt not in FORMAT_NAMES:
        raise _UsageError(
            f"blamelint check: error: --report expects FORMAT=FILE with FORMAT one of {', '.join(FORMAT_NAMES)}, not {value!r}"
        )
    return fmt, path


def cmd_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if not args.paths:
        raise _UsageError("blamelint check: error: no paths given (use . for the current folder, - for standard input)")
    if args.paths.count(STDIN) > 1:
        raise _UsageError("blamelint check: error: - (standard input) can be given only once")
    if args.jobs < 0:
        raise _UsageError("blamelint check: error: --jobs must be 0 or more")
    if args.baseline and args.write_baseline:
        raise _UsageError("blamelint check: error: --baseline and --write-baseline cannot be used together")
    try:
        explicit = load_config(args.config) if args.config else None
        baseline = load_baseline(args.baseline) if args.baseline else None
    except (ConfigError, BaselineError) as exc:
        print(f"blamelint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    reports = [_report_option(r) for r in args.report]
    resolver = ConfigResolver(explicit, tuple(args.enable), tuple(args.disable))
    excludes = tuple(g.strip() for arg in args.exclude for g in arg.split(",") if g.strip())
    sources, path_errors = collect(args.paths, excludes, not args.no_gitignore, args.stdin_filename)

    stdin_text: str | None = None
    stdin_error: FileResult | None = None
    stdin_source = next((s for s in sources if s.fs_path is None), None)
    if stdin_source is not None:
        try:
            stdin_text = read_source(stdin_source, max_bytes=args.max_bytes)
        except InputFileError as exc:
            stdin_error = FileResult(stdin_source.path, error=exc.error)
            sources.remove(stdin_source)

    try:
        configs = {s: resolver.for_path(s.fs_path) for s in sources}
    except ConfigError as exc:
        print(f"blamelint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    results = lint_all(
        sources, configs.__getitem__, default_jobs(args.jobs), progress_stream(len(sources), args.quiet), stdin_text,
        args.max_bytes,
    )
    results += [FileResult(e.path, error=e) for e in path_errors]
    if stdin_error is not None:
        results.append(stdin_error)
    results.sort(key=lambda r: r.path)
    if args.write_baseline:
        return _write_baseline(args.write_baseline, results, args.quiet)
    note = None
    if baseline is not None:
        results, hidden, stale = baseline.filter(results)
        note = baseline_note(args.baseline, hidden, stale)

    out_stream = sys.stdout
    run = Run(results, fail_on=args.fail_on, elapsed_ms=(time.perf_counter() - started) * 1000,
              color=args.format == "text" and not args.output and out_stream is not None and _use_color(args.color, out_stream),
              quiet=args.quiet, version=__version__)
    for r in run.errors:
        _say(f"blamelint: error: {r.error}")
    if not results:
        _say("blamelint: warning: no files to check under the given paths "
             "(looked for *.md, *.markdown, *.txt, *.yaml, *.yml)")
    files = [(fmt, path) for fmt, path in reports] + ([(args.format, args.output)] if args.output else [])
    for fmt, path in files:
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(render(fmt, dataclasses.replace(run, color=False)))
        except OSError as exc:
            print(f"blamelint: error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
    if args.output:
        if not args.quiet:
            print(f"blamelint: {run.summary()} Report written to {args.output}.", file=sys.stderr)
    elif write_stdout(render(args.format, run)) != EXIT_OK:
        return EXIT_ERROR
    if note and not args.quiet:
        print(note, file=sys.stderr)
    return _exit_status(results, run)


def _write_baseline(path: str, results: list[FileResult], quiet: bool) -> int:
    errors = [r for r in results if r.error is not None]
    for r in errors:
        print(f"blamelint: error: {r.error}", file=sys.stderr)
    try:
        count = write_baseline(path, results)
    except BaselineError as exc:
        print(f"blamelint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if not quiet:
        files = len(results) - len(errors)
        print(f"blamelint: recorded {count} finding{'s' if count != 1 else ''} of {files} "
              f"file{'s' if files != 1 else ''} in {path}.", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from .rules_cmd import list_rules

    out = io.StringIO()
    list_rules(out, args.format)
    return write_stdout(out.getvalue())


def cmd_explain(args: argparse.Namespace) -> int:
    from .rules_cmd import UnknownRule, explain

    out = io.StringIO()
    try:
        explain(args.rule, out)
    except UnknownRule as exc:
        _say(f"blamelint: error: {exc.args[0]}")
        return EXIT_ERROR
    return write_stdout(out.getvalue())


def serve_address(host: str | None, port: str | None, environ: dict[str, str] | None = None) -> tuple[str, int]:
    """Where `serve` listens. Loopback unless told otherwise: a developer's laptop
    should not expose the service; the Docker image sets BLAMELINT_HOST=0.0.0.0."""
    env = os.environ if environ is None else environ
    host = host or env.get("BLAMELINT_HOST") or "127.0.0.1"
    raw = port if port is not None else env.get("PORT") or "8080"
    source = "--port" if port is not None else "PORT"
    try:
        number = int(raw)
    except ValueError:
        raise _UsageError(f"blamelint serve: error: {source} must be a number from 1 to 65535, not {raw!r}") from None
    if not 1 <= number <= 65535:
        raise _UsageError(f"blamelint serve: error: {source} must be a number from 1 to 65535, not {raw!r}")
    return host, number


def cmd_serve(args: argparse.Namespace) -> int:
    host, port = serve_address(args.host, args.port)
    try:
        from ..web.serve import run
    except ImportError as exc:
        print(f"blamelint: error: the HTTP service is not available in this installation ({exc})", file=sys.stderr)
        return EXIT_ERROR
    run(host, port)
    return EXIT_OK


def cmd_lsp(args: argparse.Namespace) -> int:
    from ..lsp import main as lsp_main

    return lsp_main()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        handler = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "serve": cmd_serve,
                   "metrics": cmd_metrics, "lsp": cmd_lsp}[args.command]
        return handler(args)
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERROR
    except SystemExit as exc:  # --help and --version exit through argparse
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:
        print("blamelint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`blamelint check . | head`): the output is incomplete,
        # which CI must not read as "findings" (1); say nothing more.
        _silence_stdout()
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
