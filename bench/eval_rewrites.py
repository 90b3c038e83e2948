"""How often blame findings come with a rewrite, and how good the rewrites are.

    python bench/eval_rewrites.py                           # offered rate per labelled set
    python bench/eval_rewrites.py --missing dev             # findings of a set with no rewrite
    python bench/eval_rewrites.py --sample 240 --sheet /tmp/rewrite-sheet.tsv
    python bench/eval_rewrites.py --grades tests/data/rewrite_grades/grades.tsv
    python bench/eval_rewrites.py --grades tests/data/rewrite_grades/grades.tsv --list poor
    python bench/eval_rewrites.py --strip /tmp/rewrite-sheet.tsv -o tests/data/rewrite_grades/grades.tsv
    python bench/eval_rewrites.py --ungraded --sheet /tmp/rewrite-sheet.tsv --seed 17   # every rewrite not yet graded
    python bench/eval_rewrites.py dev synthetic-1 --missing --why            # with the refused candidates

Offered rate: of the sentences of a set (bench/labelled.py) that get a ``blame.*``
finding when linted as plain text, the share whose finding carries at least one
suggestion. The real-quotes set is also linted in its documents, where rewrites
know their section (``real-quotes@doc``), and so are the planted postmortems of the
dev corpus (``dev-docs``) and the 41 real postmortems (``real-docs``: every blame
finding in them, labelled or not).

The grading sheet (``--sheet``) holds the original sentences and their rewrites, so
it lives outside the repository (the real sets are other people's words). It is a
stratified sample with a fixed seed: each set contributes in proportion to its
rewrites, with a floor so that small sets are represented. A grader fills in the
``grade`` (good / acceptable / poor / wrong) and ``reason`` columns; ``--strip``
keeps only id, grade and reason, which is what ``tests/data/rewrite_grades/`` holds.
An id is ``set|reference|hash of the original|hash of the rewrite``: the reference is
the source URL or file span for the real sets and the row number otherwise, so a
grade joins to the rewrite blamelint offers today only while both texts are the
same; ``--grades`` lists rewrites that changed since grading as ungraded.

``--list GRADE`` prints the graded rows of that grade that are still offered, each
with the grader's reason beside today's original and rewrite, to group faults by
construction.

``--ungraded`` puts on the sheet every rewrite offered today whose id the grades file
(``--grades``, by default tests/data/rewrite_grades/grades.tsv) does not grade, once
each, shuffled with ``--seed``: the next blind round after a change.

``--why`` logs every candidate the verifier refused, with its reasons, to see why a
finding has no rewrite; it only runs on sets that may be read (never the held-out ones).

The held-out sets (``real-test``, ``synthetic-4``), the blame check's check sets
(``labelled.CHECK_ONLY``) and the rewrite check set ``blind-b`` are
reported, never tuned on: ``--missing`` and ``--list`` never print
their text (``--list`` only counts their rows) and ``--why`` refuses them. Develop
rewrites on ``blind-a``, ``blind-c`` and ``blind-d`` (the last two are the blame check's
check sets, but rewrite development sets since grading round 8: readable here only);
keep a change when ``blind-b``'s ``--grades`` line holds.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import logging
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from labelled import CHECK_ONLY, CORPUS, DATA, HELD_OUT, SET_NAMES, load_set, read_tsv  # noqa: E402
from lint_service import Linter  # noqa: E402

GRADES = ("good", "acceptable", "poor", "wrong")
SHEET_COLUMNS = ("id", "set", "section", "rule", "original", "rewrite", "grade", "reason")
SEED = 11
GRADES_FILE = REPO / "tests" / "data" / "rewrite_grades" / "grades.tsv"
FLOOR = 12  # rewrites sampled from each set at least (when it has that many)
# blind-b is the set a rewrite change is checked on by its figures alone (from round 7),
# whatever the blame check's own check sets are
REWRITE_CHECK = ("blind-b",)
# The blame check's check sets blind-c and blind-d were graded blind once (round 8) and
# are rewrite development sets from then on: their rewrites may be read here, while the
# blame check (bench/eval_blame.py) still keeps their misses back.
REWRITE_DEV = ("blind-c", "blind-d")
# Sets whose rewrites, misses and refused candidates are never printed: the held-out
# sets, the blame check's check sets (but the rewrite development ones) and the rewrite
# check set.
NOT_READ = tuple(s for s in dict.fromkeys(HELD_OUT + CHECK_ONLY + REWRITE_CHECK) if s not in REWRITE_DEV)


def digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def ref_key(ref: str) -> str:
    """How a grade names its source: row numbers and file spans as they are, URLs hashed."""
    return "url:" + digest(ref) if "://" in ref else ref


@dataclass(frozen=True)
class Rewrite:
    set: str
    ref: str  # source URL, file span, or row number: never the text
    section: str
    rule: str
    original: str
    applied: str  # the original with the suggestion applied to the finding's span

    @property
    def id(self) -> str:
        # A source URL's path often is a headline: keep only its hash, like the texts'.
        return f"{self.set}|{ref_key(self.ref)}|{digest(self.original)}|{digest(self.applied)}"


@dataclass
class SetResult:
    name: str
    flagged: int = 0
    offered: int = 0
    missing: list[tuple[str, str]] | None = None  # (rule, sentence)

    @property
    def rate(self) -> float:
        return self.offered / self.flagged if self.flagged else 1.0


# What the sheet shows for an empty suggestion, the removal of a sentence that only says
# whose fault it was (counted as offered): a grader judges the deletion, not an empty cell.
REMOVED = "(sentence removed)"


def _applied(sentence: str, start: int, end: int, suggestion: str) -> str:
    """The sentence as it reads with ``suggestion`` applied, or the removal marker."""
    applied = sentence[:start] + suggestion + sentence[end:]
    return REMOVED if not suggestion and not applied.strip() else applied


def _ref(name: str, index: int, source: str) -> str:
    return source if source and name.startswith("real") else f"row{index}"


def sentence_rewrites(linter: Linter, name: str, rows: list) -> tuple[SetResult, list[Rewrite]]:
    res, out = SetResult(name, missing=[]), []
    for index, row in enumerate(rows):
        if row.label != "B":
            continue
        why = logging.getLogger("lint_service.rewrite")
        if why.isEnabledFor(logging.DEBUG):
            # (rewrite28) --why: each sentence before the candidates of its findings, and
            # whether it was offered after them (the log names every candidate, kept or not)
            why.debug("== [%s] %s", name, row.sentence)
        findings = [f for f in linter.lint(row.sentence, format="text").findings if f.category == "blame"]
        if not findings:
            continue
        res.flagged += 1
        f = findings[0]
        if why.isEnabledFor(logging.DEBUG):
            why.debug("== %s: %s", f.rule, "offered" if f.suggestions else "MISSING")
        if f.suggestions:
            res.offered += 1
        else:
            res.missing.append((f.rule, row.sentence))
        for s in f.suggestions:
            applied = _applied(row.sentence, f.start, f.end, s)
            out.append(Rewrite(name, _ref(name, index, row.source), "", f.rule, row.sentence, applied))
    return res, out


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around a finding, as the reader of the document sees it."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, len(text) if b == -1 else b


def document_rewrites(linter: Linter) -> tuple[SetResult, list[Rewrite]] | None:
    """Real-quotes B rows linted inside their documents: the rewrites know their section."""
    root = CORPUS / "real"
    labels = DATA / "real_corpus_labels.tsv"
    if not root.is_dir() or not labels.is_file():
        return None
    wanted: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for label, name, start, end in read_tsv(labels):
        if label == "B":
            wanted[name].append((int(start), int(end)))
    res, out = SetResult("real-quotes@doc", missing=[]), []
    for name, spans in sorted(wanted.items()):
        text = (root / name).read_text(encoding="utf-8")
        linter_report = linter.lint(text, format="markdown")
        findings = [f for f in linter_report.findings if f.category == "blame"]
        for start, end in spans:
            hit = next((f for f in findings if f.start < end and start < f.end), None)
            if hit is None:
                continue
            _count_in_document(res, out, linter, text, hit, f"{name}:{start}-{end}")
    return res, out


def whole_document_rewrites(linter: Linter, name: str, root: Path) -> tuple[SetResult, list[Rewrite]] | None:
    """Every blame finding of the Markdown documents under ``root``, in context: the
    rewrites of timeline entries and analysis sections as a reader meets them."""
    if not root.is_dir():
        return None
    res, out = SetResult(name, missing=[]), []
    for path in sorted(root.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for hit in (f for f in linter.lint(text, format="markdown").findings if f.category == "blame"):
            _count_in_document(res, out, linter, text, hit, f"{path.name}:{hit.start}-{hit.end}")
    return res, out


def _count_in_document(res: SetResult, out: list[Rewrite], linter: Linter, text: str, hit, ref: str) -> None:
    """Count one blame finding of a document and keep its rewrites as the sentence reads applied."""
    res.flagged += 1
    if hit.suggestions:
        res.offered += 1
    else:
        res.missing.append((hit.rule, hit.text))
    section = _section_of(linter, text, hit.start)
    a, b = _sentence_bounds(text, hit.start, hit.end)
    if "" in hit.suggestions:  # a removal's span takes its line break: the line is the one it starts on
        b = _sentence_bounds(text, hit.start, hit.start)[1]
    for s in hit.suggestions:
        applied = text[a : hit.start] + s + text[hit.end : b] if s else \
            " ".join(p for p in (text[a : hit.start].strip(), REMOVED, text[min(hit.end, b) : b].strip()) if p)
        out.append(Rewrite(res.name, ref, section, hit.rule, text[a:b].strip(), applied.strip()))


def _section_of(linter: Linter, text: str, offset: int) -> str:
    """The canonical name (or title) of the section holding ``offset``."""
    from lint_service.document import parse_document

    if _DOC.get("text") is not text:
        _DOC.update(text=text, doc=parse_document(text, "markdown"))
    best = ""
    for sec in _DOC["doc"].sections:
        if sec.start <= offset and (sec.body_end == -1 or offset < sec.body_end):
            best = sec.canonical or sec.title
    return best


_DOC: dict[str, object] = {}


def _once(rewrites: list[Rewrite]) -> list[Rewrite]:
    """The same sentence linted alone and in its document is graded once."""
    seen: set[tuple[str, str]] = set()
    out = []
    for rw in rewrites:
        key = (" ".join(rw.original.split()), " ".join(rw.applied.split()))
        if key not in seen:
            seen.add(key)
            out.append(rw)
    return out


def ungraded(rewrites: list[Rewrite], grades: dict[str, tuple[str, str]], seed: int) -> list[Rewrite]:
    """Every rewrite offered today that no grade covers, once each, shuffled with ``seed``."""
    rows = sorted((rw for rw in _once(rewrites) if rw.id not in grades), key=lambda r: r.id)
    random.Random(seed).shuffle(rows)
    return rows


def sample(rewrites: list[Rewrite], n: int, seed: int = SEED) -> list[Rewrite]:
    """A stratified sample: each set in proportion to its rewrites, at least FLOOR."""
    by_set: dict[str, list[Rewrite]] = defaultdict(list)
    for rw in _once(rewrites):
        by_set[rw.set].append(rw)
    total = sum(len(v) for v in by_set.values())
    rng = random.Random(seed)
    picked: list[Rewrite] = []
    for name in sorted(by_set):
        pool = sorted(by_set[name], key=lambda r: r.id)
        want = min(len(pool), max(FLOOR, round(n * len(pool) / total)))
        picked.extend(rng.sample(pool, want))
    return picked


def write_sheet(rows: list[Rewrite], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(SHEET_COLUMNS)
        for rw in rows:
            w.writerow((rw.id, rw.set, rw.section, rw.rule, _one_line(rw.original), _one_line(rw.applied), "", ""))


def _one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def read_grades(path: Path) -> dict[str, tuple[str, str]]:
    """id -> (grade, reason) from a grades file or a filled-in sheet; bad grades are errors."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
    out = {}
    for line, row in enumerate(rows, start=2):
        grade = (row.get("grade") or "").strip().lower()
        if not grade:
            continue
        if grade not in GRADES:
            raise SystemExit(f"{path}:{line}: grade {grade!r} is not one of {', '.join(GRADES)}")
        out[row["id"]] = (grade, (row.get("reason") or "").strip())
    return out


def strip_sheet(sheet: Path, out: Path) -> int:
    grades = read_grades(sheet)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(("id", "grade", "reason"))
        for key, (grade, reason) in grades.items():
            w.writerow((key, grade, _one_line(reason)))
    print(f"{len(grades)} grades written to {out}")
    return 0


def list_grade(rewrites: list[Rewrite], grades: dict[str, tuple[str, str]], grade: str) -> None:
    """The graded rows of one grade still offered: reason, original, rewrite (sets not read: a count)."""
    seen: set[str] = set()
    held_back: Counter = Counter()
    print(f"\nrows graded {grade}:")
    for rw in sorted(rewrites, key=lambda r: (r.set, r.rule, r.id)):
        g = grades.get(rw.id)
        if g is None or g[0] != grade or rw.id in seen:
            continue
        seen.add(rw.id)
        if rw.set in NOT_READ:
            held_back[rw.set] += 1  # neither its text nor a reason quoting it is read while tuning
            continue
        print(f"[{rw.set}] {rw.rule} {rw.section or '-'} :: {g[1]}")
        print(f"    < {_one_line(rw.original)}\n    > {_one_line(rw.applied)}")
    for name, n in sorted(held_back.items()):
        print(f"({n} {name} rows of this grade not shown)")


def report_grades(rewrites: list[Rewrite], grades: dict[str, tuple[str, str]]) -> None:
    current = {rw.id: rw for rw in rewrites}
    joined = [(current[k], g) for k, (g, _reason) in grades.items() if k in current]
    changed = [k for k in grades if k not in current]
    per_set: dict[str, Counter] = defaultdict(Counter)
    for rw, g in joined:
        per_set[rw.set][g] += 1
        per_set["all"][g] += 1
    print(f"\n{'set':16s} " + " ".join(f"{g:>14s}" for g in GRADES) + "   n")
    for name in sorted(per_set, key=lambda s: (s == "all", s)):
        c = per_set[name]
        n = sum(c.values())
        print(f"{name:16s} " + " ".join(f"{c[g]:4d} ({100 * c[g] / n:5.1f}%)" for g in GRADES) + f" {n:4d}")
    print(f"\n{len(changed)} graded rewrites are no longer offered as graded (ungraded now):")
    for k in changed:
        print(f"  {k}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=list(SET_NAMES), help=f"set names ({', '.join(SET_NAMES)})")
    ap.add_argument("--missing", action="store_true",
                    help=f"list findings that got no rewrite (never for {', '.join(NOT_READ)})")
    ap.add_argument("--sample", type=int, default=0, help="rewrites to put on the grading sheet")
    ap.add_argument("--sheet", type=Path, help="where to write the grading sheet (outside the repository)")
    ap.add_argument("--grades", type=Path, help="a grades file (or filled-in sheet) to join and count")
    ap.add_argument("--list", choices=GRADES, action="append", default=[],
                    help="with --grades: print the rows of this grade with their reasons (repeatable)")
    ap.add_argument("--strip", type=Path, help="a filled-in sheet to turn into a grades file (-o)")
    ap.add_argument("-o", "--output", type=Path, help="the grades file --strip writes")
    ap.add_argument("--no-docs", action="store_true", help="skip linting the real documents whole")
    ap.add_argument("--ungraded", action="store_true",
                    help="with --sheet: every rewrite the grades file (--grades, default the repository's) does not grade")
    ap.add_argument("--seed", type=int, default=SEED, help="the shuffle of --ungraded and the draw of --sample")
    ap.add_argument("--why", action="store_true", help="log the candidates the verifier refused (readable sets only)")
    args = ap.parse_args(argv)
    if args.strip:
        if not args.output:
            ap.error("--strip needs -o FILE")
        return strip_sheet(args.strip, args.output)
    if unknown := [name for name in args.sets if name not in SET_NAMES]:
        # the document sets (real-quotes@doc, dev-docs, real-docs) come with the sentence
        # set they are read from: name that one
        ap.error(f"unknown set {unknown[0]!r}; known: {', '.join(SET_NAMES)} "
                 "(real-quotes also reports real-quotes@doc and real-docs; dev also dev-docs)")
    if (args.sample or args.ungraded) and not args.sheet:
        ap.error("--sample and --ungraded need --sheet FILE")
    if args.why:
        if held := [name for name in args.sets if name in NOT_READ]:
            ap.error(f"--why prints candidates of every sentence: name the sets, without {', '.join(held)}")
        import logging

        logging.basicConfig(format="    %(message)s")
        logging.getLogger("lint_service.rewrite").setLevel(logging.DEBUG)
    linter = Linter()
    results, rewrites = [], []
    for name in args.sets:
        rows = load_set(name)
        if rows is None:
            print(f"{name:16s} skipped: its files are absent (../shared not found)")
            continue
        res, rws = sentence_rewrites(linter, name, rows)
        results.append(res)
        rewrites.extend(rws)
    if not args.no_docs:
        for name, fn in (("real-quotes", document_rewrites),
                         ("dev", lambda lin: whole_document_rewrites(lin, "dev-docs", CORPUS / "dev" / "docs")),
                         ("real-quotes", lambda lin: whole_document_rewrites(lin, "real-docs", CORPUS / "real"))):
            if name in args.sets and (docs := fn(linter)) is not None:
                results.append(docs[0])
                rewrites.extend(docs[1])
    print(f"{'set':16s} {'flagged':>7s} {'offered':>7s}   rate")
    for res in results:
        print(f"{res.name:16s} {res.flagged:7d} {res.offered:7d}  {100 * res.rate:5.1f}%")
    if args.missing:
        for res in results:
            if res.name in NOT_READ:
                continue
            for rule, sentence in res.missing or []:
                print(f"  [{res.name}] {rule:24s} {sentence}")
    if args.ungraded:
        rows = ungraded(rewrites, read_grades(args.grades or GRADES_FILE), args.seed)
        write_sheet(rows, args.sheet)
        print(f"\n{len(rows)} ungraded rewrites (shuffled, seed {args.seed}) into {args.sheet}: "
              + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r.set for r in rows).items())))
    if args.sample:
        picked = sample(rewrites, args.sample, args.seed)
        write_sheet(picked, args.sheet)
        print(f"\n{len(picked)} rewrites sampled (seed {args.seed}) into {args.sheet}: "
              + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r.set for r in picked).items())))
    if args.grades and not args.ungraded:
        grades = read_grades(args.grades)
        report_grades(rewrites, grades)
        for grade in args.list:
            list_grade(rewrites, grades, grade)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
