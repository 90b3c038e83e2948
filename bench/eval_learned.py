"""The learned-component experiment: rules alone, the model alone, rules + model.

    python bench/eval_learned.py cv        # choose settings and threshold (never reads real-test)
    python bench/eval_learned.py final     # the shipped model on every set, and on ../shared/corpus/real
    python bench/eval_learned.py final --list-added   # print each finding the model adds on corpus/real

``cv``: every training row (real-tune by source, the synthetic sets and dev by
row) is put in one of five folds; for each fold a model is trained on the other
four with the config of ``models/blame_textcat.cfg`` plus a grid of overrides,
and scores the held-out fold. Rules + model means: a sentence the rules do not
flag, with a person-like mention (``checks/blame/learned.person_mention``),
scoring at least the threshold. ``final`` reads the shipped model through the
linter itself (``enable: [blame.learned]``); real-test is used here only.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from spacy.tokens import Doc  # noqa: E402

from labelled import CORPUS, Row, load_set  # noqa: E402
from train_blame_model import TRAIN_SETS, train_in_memory  # noqa: E402

from lint_service import Linter  # noqa: E402
from lint_service.blame_model import BlameScorer  # noqa: E402
from lint_service.checks.blame.learned import RULE, THRESHOLD, person_mention  # noqa: E402
from lint_service.checks.blame.lexicon import load_lexicon  # noqa: E402

FOLDS = 5
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
BOW, TENSOR = REPO / "models" / "blame_textcat.cfg", REPO / "models" / "blame_textcat_tensor.cfg"
GRID = {  # name: (config, overrides, times real-tune is repeated in training)
    "bow1": (BOW, {"components.textcat.model.ngram_size": 1}, 1),
    "bow2": (BOW, {}, 1),
    "bow2-real3": (BOW, {}, 3),
    "bow2-25ep": (BOW, {"training.max_epochs": 25}, 1),
    "bow3": (BOW, {"components.textcat.model.ngram_size": 3}, 1),
    "bow2-masked": (BOW, {}, 1),
    "bow1-masked": (BOW, {"components.textcat.model.ngram_size": 1}, 1),
    "bow2-real3-masked": (BOW, {}, 3),
    "bow2-25ep-masked": (BOW, {"training.max_epochs": 25}, 1),
    "tensor": (TENSOR, {}, 1),
    "tensor-real3": (TENSOR, {}, 3),
    "tensor-4ep": (TENSOR, {"training.max_epochs": 4, "training.dropout": 0.3}, 1),
    "tensor-bow1": (TENSOR, {"components.textcat.model.linear_model.ngram_size": 1}, 1),
}


@dataclass
class Item:
    """One labelled row as the rules and the net see it."""

    set: str
    row: Row
    fold: int
    rules: bool  # a blame finding from the rules alone
    sentences: list[Doc]  # its sentences as parsed (with the parse's doc.tensor)
    gated: list[bool]  # each sentence has a person-like mention
    masked: list[str]  # its sentences with proper nouns replaced by a placeholder


def masked_text(sent) -> str:
    return " ".join("Xpropn" if t.pos_ == "PROPN" else t.text for t in sent)


def fold_of(set_name: str, row: Row, index: int) -> int:
    key = row.source if set_name.startswith("real") else f"{set_name}:{index}"
    return hashlib.sha256(key.encode("utf-8")).digest()[1] % FOLDS


def prepare(linter: Linter, set_names: tuple[str, ...]) -> list[Item]:
    lex = load_lexicon()
    items = []
    for name in set_names:
        rows = load_set(name)
        if rows is None:
            print(f"{name}: skipped, its files are absent", file=sys.stderr)
            continue
        for i, row in enumerate(rows):
            flagged = any(f.category == "blame" for f in linter.lint(row.sentence, format="text").findings)
            sents = list(linter.parser.parse([row.sentence])[0].sents)
            items.append(Item(name, row, fold_of(name, row, i), flagged, [s.as_doc() for s in sents],
                              [person_mention(s, lex) is not None for s in sents], [masked_text(s) for s in sents]))
    return items


def prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int, int, int]:
    tp = sum(g and p for g, p in pairs)
    fp = sum(p and not g for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


def combined(item: Item, scores: list[float], threshold: float, gate: bool = True) -> bool:
    return item.rules or any(s >= threshold and (g or not gate) for s, g in zip(scores, item.gated))


def line(label: str, pairs: list[tuple[bool, bool]]) -> str:
    p, r, f, tp, fp, fn = prf(pairs)
    return f"  {label:34s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   tp {tp:3d} fp {fp:3d} fn {fn:3d}"


def cross_validate(items: list[Item], settings: list[str]) -> None:
    sets = sorted({it.set for it in items}, key=TRAIN_SETS.index)
    for name in settings:
        config, overrides, repeat = GRID[name]
        scores: dict[int, list[float]] = {}
        for k in range(FOLDS):
            masked = name.endswith("-masked")
            train = [Row(it.row.label, it.row.kind, " ".join(it.masked)) if masked else it.row
                     for it in items if it.fold != k for _ in range(repeat if it.set == "real-tune" else 1)]
            nlp = train_in_memory(train, overrides, config)
            scorer = BlameScorer(nlp)
            held = [(j, it) for j, it in enumerate(items) if it.fold == k]
            if masked:
                flat = scorer.score([nlp.make_doc(m) for _, it in held for m in it.masked])
            else:
                flat = scorer.score([s for _, it in held for s in it.sentences])
            pos = 0
            for j, it in held:
                scores[j] = flat[pos:pos + len(it.sentences)]
                pos += len(it.sentences)
        print(f"\n== {name}: {config.name} {overrides or ''}, real-tune x{repeat}, out-of-fold")
        for s in sets:
            idx = [j for j, it in enumerate(items) if it.set == s]
            gold = [items[j].row.label == "B" for j in idx]
            print(f" {s}")
            print(line("rules alone", [(g, items[j].rules) for g, j in zip(gold, idx)]))
            print(line("model alone (>= 0.5)", [(g, max(scores[j]) >= 0.5) for g, j in zip(gold, idx)]))
            for t in THRESHOLDS:
                print(line(f"rules + model, gated, t={t}", [(g, combined(items[j], scores[j], t)) for g, j in zip(gold, idx)]))
            print(line(f"rules + model, no gate, t={THRESHOLD}", [(g, combined(items[j], scores[j], THRESHOLD, False)) for g, j in zip(gold, idx)]))


def real_corpus_files() -> list[Path]:
    root = CORPUS / "real"
    return sorted(p for p in root.glob("*.md") if p.name != "MANIFEST.md") if root.is_dir() else []


def final(list_added: bool) -> None:
    rules = Linter()
    both = Linter(config={"enable": [RULE]})
    print("shipped model through the linter (enable: [blame.learned]); the training sets are in-sample")
    for name in ("real-tune", "real-test", "synthetic-1", "synthetic-2", "dev", "real-quotes"):
        rows = load_set(name)
        if rows is None:
            continue
        gold = [r.label == "B" for r in rows]
        flags = {}
        for tag, linter in (("rules alone", rules), ("rules + model", both)):
            flags[tag] = [any(f.category == "blame" for f in linter.lint(r.sentence, format="text").findings) for r in rows]
        alone = [max((s._.blame_score for s in both.parser.parse([r.sentence])[0].sents), default=0.0) >= 0.5 for r in rows]
        print(f" {name}{' (in training)' if name in TRAIN_SETS else ''}")
        for tag, fl in flags.items():
            print(line(tag, list(zip(gold, fl))))
        print(line("model alone (>= 0.5)", list(zip(gold, alone))))
    files = real_corpus_files()
    if not files:
        print("../shared/corpus/real absent: corpus counts skipped")
        return
    n_rules = n_both = words = 0
    added = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        a = [f for f in rules.lint(text, format="markdown").findings if f.category == "blame"]
        report = both.lint(text, format="markdown")
        b = [f for f in report.findings if f.category == "blame"]
        words += report.stats["words"]
        n_rules, n_both = n_rules + len(a), n_both + len(b)
        added += [(path.name, f) for f in b if f.rule == RULE]
    print(f"\n../shared/corpus/real: {len(files)} files, {words} words; blame findings: rules {n_rules}, "
          f"rules + model {n_both} ({len(added)} blame.learned)")
    if list_added:  # for reading against the guidelines; never copied into the repository
        for name, f in added:
            print(f"  {name}:{f.line}  {f.text}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("cv", "final"))
    ap.add_argument("--settings", nargs="+", default=list(GRID), choices=list(GRID))
    ap.add_argument("--list-added", action="store_true")
    args = ap.parse_args(argv)
    if args.mode == "cv":
        cross_validate(prepare(Linter(), TRAIN_SETS), args.settings)
    else:
        final(args.list_added)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
