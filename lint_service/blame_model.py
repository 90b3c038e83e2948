"""The learned blame scorer: a spaCy component that scores every sentence.

The classifier is a bag-of-words ``textcat`` trained by
``bench/train_blame_model.py`` (config ``models/blame_textcat.cfg``) and shipped
in ``models/blame_textcat/``. The component runs in the NLP pass after the
parser and stores one probability of blame per sentence; checks read it as
``sent._.blame_score`` like any other parse attribute (``None`` when the
component is not in the pipeline). The classifier reads each sentence as a
Doc of its own (``Span.as_doc``), with the token vectors the base pipeline's
``tok2vec`` left in ``doc.tensor`` (``blamelint.DocTensor.v1``), so it costs
no second encoder. A classifier trained on another base pipeline's vectors
would read noise: the component then scores nothing and says so once.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import blame_layers  # noqa: F401  (registers blamelint.DocTensor.v1)
from .resources import resource_path

log = logging.getLogger(__name__)

LABEL = "BLAME"

if not Doc.has_extension("blame_scores"):
    Doc.set_extension("blame_scores", default=None)  # {sentence start token: probability}


def _span_score(span: Span) -> float | None:
    scores = span.doc._.blame_scores
    return None if scores is None else scores.get(span.start)


if not Span.has_extension("blame_score"):
    Span.set_extension("blame_score", getter=_span_score)


class ModelLoadError(RuntimeError):
    """The shipped classifier is missing or unreadable."""


def trained_on(model_dir: Path) -> str | None:
    """The base pipeline whose ``tok2vec`` the classifier was trained on, if any."""
    config = util.load_config(model_dir / "config.cfg", interpolate=False)
    return config["components"].get("tok2vec", {}).get("source")


def load_classifier(model_dir: Path) -> Language:
    """A blank English pipeline holding only the trained ``textcat`` (the base
    ``tok2vec`` it was trained over is the parse's own, not loaded again)."""
    try:
        config = util.load_config(model_dir / "config.cfg", interpolate=False)
        config["nlp"]["pipeline"] = ["textcat"]
        config["components"] = {"textcat": config["components"]["textcat"]}
        config["training"].update(frozen_components=[], annotating_components=[])
        nlp = util.load_model_from_config(config, auto_fill=True, validate=True)
        nlp.get_pipe("textcat").from_disk(model_dir / "textcat", exclude=["vocab"])
    except (OSError, ValueError, KeyError) as exc:
        raise ModelLoadError(f"cannot load the blame classifier from {model_dir}: {exc}") from exc
    if LABEL not in nlp.get_pipe("textcat").labels:
        raise ModelLoadError(f"{model_dir}: the classifier has no {LABEL!r} label")
    return nlp


class BlameScorer:
    """Fills ``doc._.blame_scores`` with the classifier's probability per sentence."""

    def __init__(self, classifier: Language, active: bool = True) -> None:
        self.classifier = classifier
        self.textcat = classifier.get_pipe("textcat")
        self.column = list(self.textcat.labels).index(LABEL)
        self.active = active  # False: the base pipeline is not the one it was trained on

    def score(self, sents: list[Doc]) -> list[float]:
        """The probability of blame for each sentence, given as a Doc of its own
        carrying the base pipeline's ``doc.tensor``."""
        if not sents:
            return []
        probs = self.textcat.model.predict(sents)
        return [float(p[self.column]) for p in self.textcat.model.ops.to_numpy(probs)]

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in util.minibatch(docs, size=batch_size):
            if not self.active:
                yield from batch
                continue
            sents = [list(d.sents) if d.has_annotation("SENT_START") else [d[:]] for d in batch]
            flat = [s for ss in sents for s in ss if len(s)]
            scores = iter(self.score([s.as_doc() for s in flat]))
            for d, ss in zip(batch, sents):
                d._.blame_scores = {s.start: next(scores) for s in ss if len(s)}
                yield d


@Language.factory("blamelint_blame_score", default_config={"model": "blame_textcat"})
def make_blame_score(nlp: Language, name: str, model: str) -> BlameScorer:
    model_dir = resource_path("models", model)
    base, running = trained_on(model_dir), f"{nlp.lang}_{nlp.meta.get('name', '')}"
    active = base is None or base == running
    if not active:
        log.warning("the learned blame scorer was trained on %s's vectors, not %s's: blame.learned is inactive", base, running)
    return BlameScorer(load_classifier(model_dir), active)

