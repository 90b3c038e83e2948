"""Train the learned blame scorer shipped in ``models/blame_textcat/``.

    python bench/train_blame_model.py                      # the shipped model
    python bench/train_blame_model.py --out /tmp/m --sets dev synthetic-1 synthetic-2 synthetic-3 \
        real-tune blind-a blind-b issue10 --features both --ngram 1   # round 4's candidate (not shipped)
    python bench/train_blame_model.py --out /tmp/m --limit 40   # a tiny run (tests)
    python bench/train_blame_model.py --out /tmp/m --features both --ngram 1   # a variant, to measure

Writes ``.spacy`` DocBins of the training sets (every set of
``bench/labelled.py`` but five: never the held-out ``real-test`` and
``synthetic-4``, never the check sets ``blind-c`` and ``blind-d``, and not
``real-quotes``, whose documents are the corpus the false positives are counted
on; plus ``issue10``, the sentences written for the rules of issue 10,
``tests/data/blame_sentences_issue10.tsv``, and ``issue10b``, its second round in
incident-chat, issue-comment and news styles, ``..._issue10b.tsv``) into a temporary
directory, runs ``spacy train models/blame_textcat.cfg`` with a fixed seed, and
keeps only what the scorer loads: the config and the classifier's weights (no
vocabulary strings, so no word of the quoted sentences is copied into the
repository). The DocBins hold the quoted text and are deleted afterwards.
"""
from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from labelled import CHECK_ONLY, DATA, HELD_OUT, SET_NAMES, Row, load_path, load_set  # noqa: E402

CONFIG = REPO / "models" / "blame_textcat.cfg"
OUT = REPO / "models" / "blame_textcat"
# Held-out and check sets are read once, after the choice; real-quotes' documents are
# where added false positives are counted. The development cross-author sets (blind-a,
# blind-b) are trained on from round 4. real2-tune and real3-tune are left out: their text
# lives outside the repository and ../shared, so a retrain could not be reproduced from them.
FORBIDDEN = frozenset({*HELD_OUT, *CHECK_ONLY, "real-quotes", "real2-tune", "real3-tune"})
# Labelled sentences outside bench/labelled.py's sets that may be trained on.
EXTRA_SETS = {"issue10": DATA / "blame_sentences_issue10.tsv",
              "issue10b": DATA / "blame_sentences_issue10b.tsv",
              "issue10c": DATA / "blame_sentences_issue10c.tsv",
              "issue10d": DATA / "blame_sentences_issue10d.tsv",
              # round 6's negatives in the styles of real documents (victims, chat, bot
              # output, credit, investigation, recovery, paging, owned action items),
              # each with B twins that differ in the blame only
              "issue10h": DATA / "blame_sentences_issue10h.tsv"}
# Every labelled set but the forbidden ones, so a set added to bench/labelled.py is used.
TRAIN_SETS = tuple(n for n in SET_NAMES if n not in FORBIDDEN) + tuple(EXTRA_SETS)
# What the shipped weights were trained on (round 3): the default, so that they stay
# reproducible byte for byte. Round 4's candidate, trained with blind-a and blind-b as
# well (every TRAIN_SETS entry), was not shipped (models/README.md). Sets added after
# round 3 (issue10b, issue10c/issue10d of round 5, and issue10h of round 6) are left out of
# the default for the same reason.
NOT_SHIPPED = ("blind-a", "blind-b", "issue10b", "issue10c", "issue10d", "issue10h")
SHIPPED_SETS = tuple(n for n in TRAIN_SETS if n not in NOT_SHIPPED)


def load_training_set(name: str) -> list[Row] | None:
    """A set of bench/labelled.py or of EXTRA_SETS; None when its files are absent."""
    if name in EXTRA_SETS:
        return load_path(EXTRA_SETS[name]) if EXTRA_SETS[name].is_file() else None
    return load_set(name)


LABELS = ("BLAME", "OK")


def training_rows(sets: tuple[str, ...] = TRAIN_SETS, repeat: dict[str, int] | None = None) -> list[Row]:
    """The labelled rows of ``sets``; a set in ``repeat`` is included that many times."""
    bad = FORBIDDEN.intersection(sets)
    if bad:
        raise ValueError(f"never train on {', '.join(sorted(bad))}")
    rows: list[Row] = []
    for name in sets:
        loaded = load_training_set(name)
        if loaded is None:
            print(f"note: {name} skipped, its files are absent", file=sys.stderr)
            continue
        rows.extend(loaded * (repeat or {}).get(name, 1))
    return rows


def config_features() -> str:
    """The features the config trains on (``[blamelint] features``)."""
    from spacy import util

    from lint_service.blame_model import model_features

    return model_features(util.load_config(CONFIG, interpolate=False))


def classifier_texts(sentences: list[str], features: str = "words") -> list[str]:
    """Each sentence as the scorer will read it: parsed by blamelint's pipeline
    (without the scorer itself), then ``classifier_text`` with ``features``."""
    from lint_service.blame_model import classifier_text
    from lint_service.nlp import load_pipeline, read_pipeline_spec

    docs = load_pipeline(read_pipeline_spec()).pipe(sentences, batch_size=64)  # no rule on: no scorer
    return [" ".join(classifier_text(s, features) for s in doc.sents) for doc in docs]


def write_docbin(rows: list[Row], path: Path, texts: list[str] | None = None) -> None:
    """``rows`` as a DocBin of ``texts`` (default: their sentences as written)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    db = DocBin(store_user_data=False)
    for row, text in zip(rows, texts or [r.sentence for r in rows]):
        doc = nlp.make_doc(text)
        doc.cats = {"BLAME": float(row.label == "B"), "OK": float(row.label != "B")}
        db.add(doc)
    db.to_disk(path)


def write_corpus(rows: list[Row], texts: list[str], folder: Path) -> tuple[Path, Path]:
    """train.spacy and dev.spacy in ``folder``. The dev file only shows progress:
    the last model is kept, the number of epochs having been chosen by
    cross-validation."""
    n = max(1, len(rows) // 10)
    write_docbin(rows, folder / "train.spacy", texts)
    write_docbin(rows[:n], folder / "dev.spacy", texts[:n])
    return folder / "train.spacy", folder / "dev.spacy"


def train_in_memory(rows: list[Row], texts: list[str], overrides: dict | None = None):
    """Train on ``rows`` (read as ``texts``) with the shipped config plus
    ``overrides``; the trained ``Language``. Used by ``bench/eval_learned.py cv``."""
    from spacy import util
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop

    with tempfile.TemporaryDirectory() as tmp:
        train_path, dev_path = write_corpus(rows, texts, Path(tmp))
        settings = {"paths.train": str(train_path), "paths.dev": str(dev_path), **(overrides or {})}
        config = util.load_config(CONFIG, overrides=settings, interpolate=False)
        nlp = init_nlp(config)
        nlp, _ = train_loop(nlp, None, stdout=io.StringIO(), stderr=io.StringIO())
        return nlp


def save_scorer(model_dir: Path, out: Path) -> None:
    """Copy what ``lint_service.blame_model`` loads: config.cfg and textcat/."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    from spacy import util

    config = util.load_config(model_dir / "config.cfg", interpolate=False)
    config["paths"].update(train=None, dev=None)  # the temporary DocBins are gone
    config.to_disk(out / "config.cfg")
    shutil.copytree(model_dir / "textcat", out / "textcat")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT, help="where the scorer is written (default: models/blame_textcat)")
    ap.add_argument("--sets", nargs="+", default=list(SHIPPED_SETS), choices=sorted(set(TRAIN_SETS)),
                    help="labelled sets to train on (default: the shipped model's, SHIPPED_SETS; never real-test, "
                         "synthetic-4, blind-c, blind-d or real-quotes)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N rows (a quick end-to-end run)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--features", choices=("words", "parse", "both"),
                    help="what the model reads (default: the config's [blamelint] features)")
    ap.add_argument("--ngram", type=int, help="n-gram size (default: the config's)")
    args = ap.parse_args(argv)
    rows = training_rows(tuple(args.sets))
    if args.limit:
        rows = rows[: args.limit]
    if not rows:
        print("error: no training rows (are the labelled sets present?)", file=sys.stderr)
        return 2
    features = args.features or config_features()
    texts = classifier_texts([r.sentence for r in rows], features)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        train_path, dev_path = write_corpus(rows, texts, tmp_path)
        cmd = [
            sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(tmp_path / "out"),
            "--paths.train", str(train_path), "--paths.dev", str(dev_path),
            "--system.seed", str(args.seed), "--blamelint.features", features,
        ]
        if args.ngram:
            cmd += ["--components.textcat.model.ngram_size", str(args.ngram)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stdout + done.stderr, file=sys.stderr)
            return 1
        save_scorer(tmp_path / "out" / "model-last", args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    b = sum(r.label == "B" for r in rows)
    print(f"trained on {len(rows)} sentences ({b} B, {len(rows) - b} N); wrote {args.out} ({size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
