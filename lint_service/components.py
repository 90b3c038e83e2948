"""blamelint's own spaCy components: repairs of known small-model failures.

They are registered with ``@Language.factory`` and added by ``models/pipeline.cfg``.
"""
from __future__ import annotations

from lemminflect import getLemma
from spacy.language import Language
from spacy.tokens import Doc


def _hyphen_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges like ``force - pushed`` written without spaces (``force-pushed``)."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    while i < n - 2:
        j = i
        while (
            j + 2 < n
            and doc[j + 1].text == "-"
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and doc[j].is_alpha
            and doc[j + 2].is_alpha
        ):
            j += 2
        if j > i:
            runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return runs


class HyphenMerge:
    """Keep hyphenated words whole before tagging.

    The English tokenizer splits ``force-pushed`` into three tokens and the small
    model then tags ``force`` as a noun and loses the verb; merged, the tagger sees
    one word with a verb suffix and tags it as the verb it is.
    """

    def __call__(self, doc: Doc) -> Doc:
        runs = _hyphen_runs(doc)
        if runs:
            with doc.retokenize() as retok:
                for start, end in runs:
                    retok.merge(doc[start:end])
        return doc


class HyphenLemma:
    """Lemmatise hyphenated words by their last part (``force-pushed`` -> ``force-push``)."""

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if "-" in tok.text and tok.is_alpha is False and tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
                head, _, last = tok.text.rpartition("-")
                if not head or not last.isalpha():
                    continue
                upos = "VERB" if tok.tag_.startswith("VB") else tok.pos_
                lemmas = getLemma(last.lower(), upos=upos) if upos in ("VERB", "NOUN", "ADJ") else ()
                if lemmas:
                    tok.lemma_ = f"{head.lower()}-{lemmas[0]}"
        return doc


@Language.factory("blamelint_hyphen_merge")
def make_hyphen_merge(nlp: Language, name: str) -> HyphenMerge:
    return HyphenMerge()


@Language.factory("blamelint_hyphen_lemma")
def make_hyphen_lemma(nlp: Language, name: str) -> HyphenLemma:
    return HyphenLemma()
