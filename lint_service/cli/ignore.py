"""Which paths a folder walk skips: ``--exclude`` globs and ``.gitignore``.

Inside a git work tree git itself answers (``git check-ignore --stdin``), so
nested ``.gitignore`` files, ``.git/info/exclude``, the global excludes file and
"tracked files are never ignored" all behave exactly as in git. Outside a work
tree a small matcher reads the ``.gitignore`` files it meets during the walk;
it understands the common patterns (``*``, ``?``, ``[...]``, ``**``, leading
``/``, trailing ``/``, ``!`` negation, ``#`` comments).
"""
from __future__ import annotations

import fnmatch
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# Folders no one wants linted; skipped during a walk like a .gitignore entry would be.
DEFAULT_EXCLUDES = (".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__")


@dataclass
class ExcludeGlobs:
    """``--exclude`` globs. A glob matches a path when it matches the whole path
    (as given on the command line, POSIX separators), its file name, or any of
    its parent folders; so ``templates``, ``*.txt`` and ``docs/old/*`` all work."""

    patterns: tuple[str, ...] = ()

    def matches(self, path: str) -> bool:
        if not self.patterns:
            return False
        posix = PurePosixPath(path.replace(os.sep, "/"))
        candidates = {str(posix), posix.name}
        for parent in posix.parents:
            if str(parent) not in (".", "/"):
                candidates.add(str(parent))
                candidates.add(parent.name)
        # Also try the path without a leading "./" so "./docs/x.md" matches "docs/*".
        candidates |= {c[2:] for c in candidates if c.startswith("./")}
        return any(fnmatch.fnmatchcase(c, p.rstrip("/")) for p in self.patterns for c in candidates)


def git_toplevel(directory: Path) -> Path | None:
    """The root of the git work tree holding ``directory``, or None."""
    try:
        proc = subprocess.run(
            ["git", "-C", str(directory), "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None  # git not installed: use the fallback matcher
    if proc.returncode != 0 or not proc.stdout.strip():
        return None
    return Path(proc.stdout.strip())


def git_ignored(toplevel: Path, paths: list[Path]) -> set[Path]:
    """The subset of ``paths`` (absolute, inside ``toplevel``) that git ignores."""
    if not paths:
        return set()
    rel = [os.path.relpath(p, toplevel) for p in paths]
    payload = "\0".join(rel) + "\0"
    proc = subprocess.run(
        ["git", "-C", str(toplevel), "check-ignore", "--stdin", "-z"],
        input=payload.encode("utf-8", "surrogateescape"), capture_output=True, timeout=120, check=False,
    )
    # check-ignore exits 1 when nothing is ignored; anything else above 1 is a real failure.
    if proc.returncode > 1:
        raise OSError(f"git check-ignore failed in {toplevel}: {proc.stderr.decode(errors='replace').strip()}")
    ignored = set(proc.stdout.decode("utf-8", "surrogateescape").split("\0"))
    # check-ignore echoes each ignored path exactly as it was given.
    return {p for p, r in zip(paths, rel, strict=True) if r in ignored}


@dataclass
class _Pattern:
    regex: re.Pattern[str]
    negate: bool
    dir_only: bool


def _translate(pattern: str) -> str:
    """A gitignore glob (already stripped of ``!``, leading and trailing ``/``) as a regex."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == len(pattern):
            out.append("/.*")
            i += 3
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = pattern[i + 1 : j].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = j + 1
        elif c == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def parse_gitignore(text: str) -> list[_Pattern]:
    patterns = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        if negate:
            line = line[1:]
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        # A pattern with a slash (other than a trailing one) is anchored to its .gitignore's folder.
        anchored = "/" in line
        body = _translate(line.lstrip("/"))
        regex = re.compile(("" if anchored else "(?:.*/)?") + body + "$")
        patterns.append(_Pattern(regex, negate, dir_only))
    return patterns


@dataclass
class GitignoreMatcher:
    """Fallback .gitignore matcher for folders outside a git work tree."""

    # (folder the .gitignore is in, its patterns), outermost first.
    layers: list[tuple[Path, list[_Pattern]]] = field(default_factory=list)

    def load(self, directory: Path) -> None:
        gi = directory / ".gitignore"
        if gi.is_file():
            try:
                self.layers.append((directory, parse_gitignore(gi.read_text(encoding="utf-8", errors="replace"))))
            except OSError:
                pass  # an unreadable .gitignore ignores nothing, as in git

    def ignored(self, path: Path, is_dir: bool) -> bool:
        verdict = False
        for base, patterns in self.layers:
            try:
                rel = path.relative_to(base).as_posix()
            except ValueError:
                continue
            for p in patterns:
                if p.dir_only and not is_dir:
                    continue
                if p.regex.match(rel):
                    verdict = not p.negate  # the last matching pattern wins
        return verdict
