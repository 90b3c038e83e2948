"""The learned blame scorer: a spaCy component that scores every sentence.

The classifier is a bag-of-words-and-bigrams ``textcat`` trained by
``bench/train_blame_model.py`` (config ``models/blame_textcat.cfg``) and
shipped in ``models/blame_textcat/``. The component runs in the NLP pass after
the parser and stores one probability of blame per sentence; checks read it as
``sent._.blame_score`` like any other parse attribute (``None`` when the
component is not in the pipeline).

The classifier reads the sentence through the parse (:func:`classifier_text`):
proper nouns become one placeholder, so "Kenji forgot" and "Ayesha forgot" are
the same evidence and a name seen in training carries no weight of its own; and
the model's config (``[blamelint] features``) may add the parse itself as tokens
(``blame_features.py``: who acts, with which verb, negated, under which modal).
Training texts are made by the same function.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from .resources import resource_path

LABEL = "BLAME"
PROPER_NOUN = "Xpropn"  # one alphabetic token the tokenizer keeps whole
# What the classifier reads: the words (proper nouns masked), the parse features,
# or both; fixed per trained model by its config's [blamelint] section.
FEATURES = ("words", "parse", "both")

if not Doc.has_extension("blame_scores"):
    Doc.set_extension("blame_scores", default=None)  # {sentence start token: probability}


def _span_score(span: Span) -> float | None:
    scores = span.doc._.blame_scores
    return None if scores is None else scores.get(span.start)


if not Span.has_extension("blame_score"):
    Span.set_extension("blame_score", getter=_span_score)


def classifier_text(sent: Span, features: str = "words") -> str:
    """What the classifier reads: the sentence's tokens, proper nouns replaced
    ("words"), the parse features of :mod:`lint_service.blame_features` ("parse"),
    or the one followed by the other ("both")."""
    if features not in FEATURES:
        raise ValueError(f"unknown classifier features {features!r}; known: {', '.join(FEATURES)}")
    parts = []
    if features in ("words", "both"):
        parts.append(" ".join(PROPER_NOUN if t.pos_ == "PROPN" else t.text for t in sent if not t.is_space))
    if features in ("parse", "both"):
        from .blame_features import parse_features  # the blame check's parse helpers, loaded only here
        from .checks.blame.lexicon import load_lexicon

        parts.append(" ".join(parse_features(sent, load_lexicon())))
    return " ".join(parts)


def model_features(config) -> str:
    """The features a trained model reads (``[blamelint] features``; "words" when absent)."""
    features = config.get("blamelint", {}).get("features", "words")
    if features not in FEATURES:
        raise ModelLoadError(f"unknown classifier features {features!r} in the model config; known: {', '.join(FEATURES)}")
    return features


class ModelLoadError(RuntimeError):
    """The shipped classifier is missing or unreadable."""


def load_classifier(model_dir: Path) -> Language:
    """A blank English pipeline holding only the trained ``textcat``."""
    try:
        config = util.load_config(model_dir / "config.cfg", interpolate=False)
        nlp = util.load_model_from_config(config, auto_fill=True, validate=True)
        # The weights only: the vocabulary's strings are not shipped (they would
        # list the words of the training sentences).
        nlp.get_pipe("textcat").from_disk(model_dir / "textcat", exclude=["vocab"])
    except (OSError, ValueError, KeyError) as exc:
        raise ModelLoadError(f"cannot load the blame classifier from {model_dir}: {exc}") from exc
    if LABEL not in nlp.get_pipe("textcat").labels:
        raise ModelLoadError(f"{model_dir}: the classifier has no {LABEL!r} label")
    return nlp


class BlameScorer:
    """Fills ``doc._.blame_scores`` with the classifier's probability per sentence."""

    def __init__(self, classifier: Language, features: str = "words") -> None:
        self.classifier = classifier
        self.features = features
        self.textcat = classifier.get_pipe("textcat")
        self.column = list(self.textcat.labels).index(LABEL)

    def score(self, texts: list[str]) -> list[float]:
        """The probability of blame for each text (see :func:`classifier_text`)."""
        docs = [self.classifier.make_doc(t) for t in texts]
        scores = [0.0] * len(docs)
        # Thinc's n-gram extraction fails on a doc without tokens: nothing to score.
        todo = [i for i, d in enumerate(docs) if len(d)]
        if todo:
            probs = self.textcat.model.ops.to_numpy(self.textcat.model.predict([docs[i] for i in todo]))
            for i, p in zip(todo, probs):
                scores[i] = float(p[self.column])
        return scores

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in util.minibatch(docs, size=batch_size):
            sents = [list(d.sents) if d.has_annotation("SENT_START") else [d[:]] for d in batch]
            scores = iter(self.score([classifier_text(s, self.features) for ss in sents for s in ss]))
            for d, ss in zip(batch, sents):
                d._.blame_scores = {s.start: next(scores) for s in ss}
                yield d


@Language.factory("blamelint_blame_score", default_config={"model": "blame_textcat"})
def make_blame_score(nlp: Language, name: str, model: str) -> BlameScorer:
    path = resource_path("models", model)
    classifier = load_classifier(path)
    return BlameScorer(classifier, model_features(classifier.config))
