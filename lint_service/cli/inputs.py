"""What `blamelint check` lints: expanding paths into files and reading them.

Folders are walked (sorted, so output order never depends on the file system),
keeping files with a postmortem extension and skipping ``--exclude`` globs and
git-ignored paths. Files named explicitly are always linted (whatever their
extension) unless an ``--exclude`` glob matches them: that is what pre-commit
and editors expect when they pass a file.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .ignore import DEFAULT_EXCLUDES, ExcludeGlobs, GitignoreMatcher, git_ignored, git_toplevel

EXTENSIONS = (".md", ".markdown", ".txt", ".yaml", ".yml")
STDIN = "-"
_EXT_FORMAT = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".yaml": "yaml", ".yml": "yaml"}


@dataclass(frozen=True)
class Source:
    """One thing to lint. ``path`` is how the user sees it (as given, joined with the
    walked parts); ``fs_path`` is None for standard input."""

    path: str
    fs_path: Path | None


@dataclass(frozen=True)
class InputError:
    """A path that could not be linted, and why (printed as ``path: reason``)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _walk(root: Path, shown: str, excludes: ExcludeGlobs, gitignore: bool) -> list[Source]:
    """Breadth-first walk so git is asked once per depth, not once per file."""
    top = git_toplevel(root) if gitignore else None
    fallback = GitignoreMatcher() if gitignore and top is None else None
    found: list[Source] = []
    level = [(root, shown)]
    while level:
        dirs: list[tuple[Path, str]] = []
        files: list[tuple[Path, str]] = []
        for directory, display in level:
            if fallback is not None:
                fallback.load(directory)
            try:
                entries = sorted(os.scandir(directory), key=lambda e: e.name)
            except OSError:
                continue  # vanished or unreadable folder: nothing to lint in it
            for entry in entries:
                child, child_display = Path(entry.path), os.path.normpath(os.path.join(display, entry.name))
                if excludes.matches(child_display):
                    continue
                is_dir = entry.is_dir(follow_symlinks=False)
                if is_dir and entry.name not in DEFAULT_EXCLUDES:
                    dirs.append((child, child_display))
                elif not is_dir and entry.name.lower().endswith(EXTENSIONS):
                    # A dangling symlink is kept: reading it reports the broken link.
                    files.append((child, child_display))
        if top is not None:
            ignored = git_ignored(top, [p for p, _ in dirs + files])
        elif fallback is not None:
            ignored = {p for p, _ in dirs if fallback.ignored(p, True)} | {p for p, _ in files if fallback.ignored(p, False)}
        else:
            ignored = set()
        found.extend(Source(d, p) for p, d in files if p not in ignored)
        level = [(p, d) for p, d in dirs if p not in ignored]
    return found


def collect(
    paths: list[str], exclude: tuple[str, ...] = (), gitignore: bool = True, stdin_filename: str | None = None
) -> tuple[list[Source], list[InputError]]:
    """Expand command-line paths into sources (sorted by path, no duplicates) and errors.
    Standard input is shown as ``stdin_filename`` when given, else as ``-``."""
    excludes = ExcludeGlobs(exclude)
    sources: list[Source] = []
    errors: list[InputError] = []
    for arg in paths:
        if arg == STDIN:
            sources.append(Source(stdin_filename or STDIN, None))
            continue
        path = Path(arg)
        if path.is_dir():
            sources.extend(_walk(path, os.path.normpath(arg), excludes, gitignore))
        elif path.exists() or path.is_symlink():
            if not excludes.matches(arg):
                sources.append(Source(os.path.normpath(arg), path))
        else:
            errors.append(InputError(arg, "no such file or folder"))
    seen: set[object] = set()
    unique: list[Source] = []
    for s in sources:
        key = s.fs_path.absolute() if s.fs_path is not None else STDIN
        if key not in seen:
            seen.add(key)
            unique.append(s)
    unique.sort(key=lambda s: s.path)
    return unique, errors


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a leading BOM dropped); newlines are kept as they are so that
    offsets and columns match what an editor shows for the file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); save the file as UTF-8"
        ) from None


class InputFileError(Exception):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.error = InputError(path, reason)


DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def read_source(source: Source, stdin: BinaryIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of ``source``; raises :class:`InputFileError` with a reason a user can act on.

    Only regular files are read: a FIFO, socket or device named ``*.md`` would block
    or never end. Files over ``max_bytes`` are refused before they are read.
    """
    if source.fs_path is None:
        return decode(_read_stdin(source.path, stdin, max_bytes), source.path)
    path = source.fs_path
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not wait for one; the
        # descriptor is checked (fstat) before anything is read from it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file"
        raise InputFileError(source.path, reason) from None
    except IsADirectoryError:
        raise InputFileError(source.path, "is a folder") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket
            raise InputFileError(source.path, "not a regular file (a socket); skipped") from None
        raise InputFileError(source.path, f"cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise InputFileError(source.path, "is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(source.path, f"not a regular file ({_kind(info.st_mode)}); skipped")
        if info.st_size > max_bytes:
            raise InputFileError(source.path, _too_big(info.st_size, max_bytes))
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputFileError(source.path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # it grew while we looked
        raise InputFileError(source.path, _too_big(len(data), max_bytes))
    return decode(data, source.path)


def _read_stdin(shown: str, stdin: BinaryIO | None, max_bytes: int) -> bytes:
    stream = stdin
    if stream is None:
        if sys.stdin is None:  # the process was started with standard input closed
            raise InputFileError(shown, "standard input is closed")
        stream = sys.stdin.buffer
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # EBADF, or a closed file object
        raise InputFileError(shown, f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}") from None
    if len(data) > max_bytes:
        raise InputFileError(shown, _too_big(None, max_bytes))
    return data


def _too_big(size: int | None, max_bytes: int) -> str:
    what = f"{size:,} bytes" if size is not None else "more than that"
    return f"larger than --max-bytes ({max_bytes:,} bytes): {what}; skipped"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def detect_format(text: str, path: str | None) -> str | None:
    """The document format, by the shared detector when present, else by extension."""
    try:
        from lint_service.document import detect_format as shared_detect
    except ImportError:  # an older core without the detector
        pass
    else:
        return shared_detect(text, path=path)
    if path:
        return _EXT_FORMAT.get(os.path.splitext(path)[1].lower())
    return None
