"""Every labelled sentence set blamelint is measured on, loaded one way.

Sets (name: where the sentences come from):

- ``dev``: ``../shared/corpus/dev/sentences.tsv`` (written for the corpus).
- ``synthetic-1``, ``synthetic-2``: ``tests/data/blame_sentences*.tsv`` (written by
  the team's helpers from the guidelines, blind to the rules).
- ``synthetic-3``: ``tests/data/blame_sentences_3.tsv`` (written for issue 10 in the
  styles real writing shows: chat, issue comments, news prose, headlines, five whys).
- ``synthetic-4``: ``tests/data/blame_sentences_4.tsv`` (240 sentences written for
  issue 10 by a helper who read only the guidelines and skimmed real documents for
  their styles, never the rules or the other sets; eight styles, 15 B and 15 N each).
  It is held out like ``real-test``: report it, never tune on it.
- ``real-quotes``: sentences of the 41 published postmortems in
  ``../shared/corpus/real``. The repository keeps only labels and references
  (``tests/data/real_corpus_labels.tsv``: file and character span); the text is
  read from ``../shared`` and its Markdown markup dropped (:func:`normalise`).
- ``real-tune``, ``real-test``: ``../shared/corpus/real_sentences/sentences.tsv``
  (quotes from public incident writing), split by source. A source belongs to the
  test half when the first byte of the SHA-256 of its ``source`` field is odd
  (:func:`split_of`); every sentence of a source is in the same half. Tune rules on
  ``real-tune`` only; ``real-test`` is reported, never read sentence by sentence.
- ``real-tune-a``, ``real-tune-b``: ``real-tune`` split again by source
  (``bench/tune_halves.py``): develop on A, check on B before keeping a rule.
- ``real2-tune``, ``real2-test``: a second real set, collected on 2026-12-02 by two
  helpers who never saw the code, from public GitHub issue threads and stored web pages
  (other sources than ``real_sentences``), labelled from the guidelines alone. The
  repository keeps its labels and references (``tests/data/real2_labels.tsv``: label,
  kind, source URL, hash of the sentence); the text lives outside it, in
  ``../collected/*/sentences.tsv`` (or ``$BLAMELINT_COLLECTED``), and rows whose text
  is absent are left out. Split by source like ``real_sentences`` (:func:`split_of`);
  ``real2-test`` is held out.
- ``real3-tune``, ``real3-test``: a third real set, collected on 2026-12-04 by two
  helpers who never saw the code (one from GitHub issue and pull-request threads and
  repository incident reports, one from stored web pages: news, blog postmortems, forum
  confessions, status pages), 861 sentences from 173 sources none of the other sets uses,
  every person-subject sentence of a passage taken, labelled from the guidelines alone.
  Kept like real2 (``tests/data/real3_labels.tsv``; text in ``../collected/real3-*/``);
  split by source; ``real3-test`` is held out.
- ``blind-a``, ``blind-b``: ``tests/data/blame_sentences_29_check.tsv`` and
  ``..._30_check.tsv``, written from the guidelines alone by two helpers who never
  saw the code, each on their own (the cross-author check). Both are development
  sets from the second cross-author round on (B was check-only in the first).
- ``blind-c``, ``blind-d``: ``..._31_check.tsv`` and ``..._32_check.tsv``, by two
  more such writers (C: internal postmortems and incident chat; D: news, blogs and
  forums, half outside software). Check-only (``CHECK_ONLY``): their aggregate and
  per-kind figures are read, never their misses, and they are never trained on.
- ``blind-e``: ``..._33_check.tsv``, written on 2026-12-03 by a fifth such writer in the
  voices of real writing (issue and PR comments, incident chat, forum anecdotes, news
  prose and headlines in and outside software, postmortem prose), with near misses for
  N. Check-only like C and D: first read before that session's changes were merged.

``../shared`` is found beside the repository, or at ``$BLAMELINT_SHARED``. Sets
whose files are absent load as None, so callers can skip them with a reason.
"""
from __future__ import annotations

import bisect
import csv
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from tune_halves import HALVES, tune_half

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BLAMELINT_SHARED") or REPO.parent / "shared")
CORPUS = SHARED / "corpus"
COLLECTED = Path(os.environ.get("BLAMELINT_COLLECTED") or REPO.parent / "collected")
DATA = REPO / "tests" / "data"

SET_NAMES = ("dev", "synthetic-1", "synthetic-2", "synthetic-3", "synthetic-4", "real-quotes", "real-tune", "real-test",
             "real2-tune", "real2-test", "real3-tune", "real3-test", "blind-a", "blind-b", "blind-c", "blind-d", "blind-e")
# Collected sets: their labels file in tests/data; their text in ../collected.
COLLECTED_LABELS = {"real2-tune": "real2_labels.tsv", "real2-test": "real2_labels.tsv",
                    "real3-tune": "real3_labels.tsv", "real3-test": "real3_labels.tsv"}
# Sets measured but never tuned on: their misses are not listed by the benches or tests.
HELD_OUT = ("real-test", "synthetic-4", "real2-test", "real3-test")
# Sets a rule is checked on before it is kept: figures only, never their misses, and
# never trained on.
CHECK_ONLY = ("blind-c", "blind-d", "blind-e")
BLIND_FILES = {"blind-a": "blame_sentences_29_check.tsv", "blind-b": "blame_sentences_30_check.tsv",
               "blind-c": "blame_sentences_31_check.tsv", "blind-d": "blame_sentences_32_check.tsv",
               "blind-e": "blame_sentences_33_check.tsv"}


@dataclass(frozen=True)
class Row:
    label: str  # "B" or "N"
    kind: str
    sentence: str
    source: str = ""  # a URL, or "file:start-end" for real-quotes


def read_tsv(path: Path) -> list[tuple[str, ...]]:
    """Rows of a header-first TSV file, read with quoting off (quotes are literal)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [tuple(r) for r in rows[1:] if r]


def split_of(source: str) -> str:
    """"tune" or "test": the fixed half a real_sentences source belongs to."""
    return "test" if hashlib.sha256(source.encode("utf-8")).digest()[0] % 2 else "tune"


_LINK = re.compile(r"\[([^\]\n]*)\](?:\([^)\s]*\)|\[[^\]\n]*\])?")
_FOOTNOTE = re.compile(r"\[\^[^\]\n]*\]")
_TIME_IN_BRACKETS = re.compile(r"[\d:?\s]+")


def normalise(text: str) -> tuple[str, list[int]]:
    """Markdown text as a reader sees it, one space for each run of white space, and
    for each character of the result its offset in ``text``.

    Links keep their text, footnote marks, emphasis, backticks, angle brackets and
    block-quote marks go; a bracketed time ("[09:12]") stays as written.
    """
    out: list[str] = []
    where: list[int] = []
    i, n, line_start = 0, len(text), True
    while i < n:
        c = text[i]
        if c == "[":
            m = _FOOTNOTE.match(text, i)
            if m:
                i = m.end()
                continue
            m = _LINK.match(text, i)
            if m and not (m.end() == m.end(1) + 1 and _TIME_IN_BRACKETS.fullmatch(m.group(1))):
                for j in range(m.start(1), m.end(1)):
                    if text[j] not in "*_`":
                        out.append(text[j])
                        where.append(j)
                i, line_start = m.end(), False
                continue
        if line_start and c in "> ":
            i += 1
            continue
        if c in "*`<>":
            i += 1
            continue
        if text.startswith("__", i):
            i += 2
            continue
        if c.isspace():
            line_start = line_start or c == "\n"
            if out and out[-1] != " ":
                out.append(" ")
                where.append(i)
            i += 1
            continue
        line_start = False
        out.append(c)
        where.append(i)
        i += 1
    return "".join(out), where


def _real_quotes() -> list[Row] | None:
    root = CORPUS / "real"
    if not root.is_dir():
        return None
    cache: dict[str, tuple[str, list[int]]] = {}
    rows = []
    for label, name, start, end in read_tsv(DATA / "real_corpus_labels.tsv"):
        if name not in cache:
            cache[name] = normalise((root / name).read_text(encoding="utf-8"))
        text, where = cache[name]
        a, b = bisect.bisect_left(where, int(start)), bisect.bisect_left(where, int(end))
        rows.append(Row(label, "real-quote", text[a:b].strip(), f"{name}:{start}-{end}"))
    return rows


def _real_sentences(half: str) -> list[Row] | None:
    path = CORPUS / "real_sentences" / "sentences.tsv"
    if not path.is_file():
        return None
    return [Row(r[0], r[1], r[3], r[2]) for r in read_tsv(path) if len(r) >= 4 and split_of(r[2]) == half]


def sentence_key(sentence: str) -> str:
    """The reference the repository keeps for a quoted sentence: the first 12 hex
    digits of the SHA-256 of its whitespace-normalised text."""
    return hashlib.sha256(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:12]


def _collected(labels_file: str, half: str) -> list[Row] | None:
    """A collected set's rows of one half: its labels in the repository, its text beside it."""
    labels = DATA / labels_file
    texts: dict[tuple[str, str], tuple[str, str]] = {}
    for path in sorted(COLLECTED.glob("*/sentences.tsv")):
        for r in read_tsv(path):  # label, kind, source, sentence, note
            if len(r) >= 4:
                texts.setdefault((r[2], sentence_key(r[3])), (r[2], r[3]))
    if not texts or not labels.is_file():
        return None
    rows = [(label, kind, texts.get((source, key))) for label, kind, source, key in read_tsv(labels)]
    if not any(found is not None for _, _, found in rows):
        return None  # ../collected holds other collections, not this one's sentences
    return [Row(label, kind, found[1], found[0]) for label, kind, found in rows
            if found is not None and split_of(found[0]) == half]


def _three_columns(path: Path) -> list[Row] | None:
    if not path.is_file():
        return None
    return [Row(r[0].strip(), r[1].strip(), r[2]) for r in read_tsv(path) if len(r) >= 3]


def load_set(name: str) -> list[Row] | None:
    """The rows of a named set, or None when its files are absent."""
    if name == "dev":
        return _three_columns(CORPUS / "dev" / "sentences.tsv")
    if name == "synthetic-1":
        return _three_columns(DATA / "blame_sentences.tsv")
    if name == "synthetic-2":
        return _three_columns(DATA / "blame_sentences_2.tsv")
    if name == "synthetic-3":
        return _three_columns(DATA / "blame_sentences_3.tsv")
    if name == "synthetic-4":
        return _three_columns(DATA / "blame_sentences_4.tsv")
    if name in BLIND_FILES:
        return _three_columns(DATA / BLIND_FILES[name])
    if name == "real-quotes":
        return _real_quotes()
    if name in HALVES:  # real-tune-a, real-tune-b (bench/tune_halves.py)
        rows = _real_sentences("tune")
        return None if rows is None else tune_half(rows, name[-1])
    if name in COLLECTED_LABELS:
        return _collected(COLLECTED_LABELS[name], name.split("-")[1])
    if name in ("real-tune", "real-test"):
        return _real_sentences(name.split("-")[1])
    raise KeyError(f"unknown labelled set {name!r}; known: {', '.join(SET_NAMES)}")


def load_path(path: Path) -> list[Row]:
    """A TSV file of one's own: label, kind, sentence (or label, kind, source, sentence)."""
    rows = read_tsv(path)
    if rows and len(rows[0]) >= 4:
        return [Row(r[0], r[1], r[3], r[2]) for r in rows]
    return [Row(r[0].strip(), r[1].strip(), r[2]) for r in rows if len(r) >= 3]
