"""blamelint's own spaCy components: repairs of known small-model failures.

They are registered with ``@Language.factory`` and added by ``models/pipeline.cfg``.
"""
from __future__ import annotations

from lemminflect import getAllLemmas, getLemma
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


class CompoundRepair:
    """Re-attach plural noun modifiers the parser split off their head.

    The small model reads "wiped the customers table" as a dative "customers" plus
    an object "table", and "skipped the payments alert" as an object "payments"
    plus a predicate "alert". Both are one noun phrase with a plural modifier;
    the repair makes the modifier a compound of the real head, which takes the
    determiner and the object role.
    """

    _OBJECT_DEPS = ("dobj", "dative")
    _SPLIT_DEPS = ("dobj", "oprd", "npadvmod", "attr", "ccomp", "advcl", "xcomp")

    def __call__(self, doc: Doc) -> Doc:
        for i in range(len(doc) - 1):
            mod, head = doc[i], doc[i + 1]
            if mod.tag_ not in ("NNS", "NNPS") or mod.dep_ not in self._OBJECT_DEPS or mod.whitespace_ == "":
                continue
            # "deleted the payments alert": "alert" hung on "payments" as a trailing modifier
            trailing = head.head == mod and head.dep_ in ("amod", "acl")
            split = head.head == mod.head and head.dep_ in self._SPLIT_DEPS
            if not (trailing or split) or not head.is_alpha:
                continue
            if any(c.dep_ == "det" for c in head.children) or not any(c.dep_ == "det" for c in mod.children):
                continue
            childless = all(c.dep_ in ("prep", "punct") for c in head.children)
            noun_like = head.tag_ in ("NN", "NNP") or (
                head.tag_ in ("JJ", "VB", "VBP", "VBZ") and childless and "NOUN" in getAllLemmas(head.lower_)
            )
            if head.dep_ in ("ccomp", "advcl", "xcomp") and any(c.dep_ not in ("prep", "punct") for c in head.children):
                continue  # a real clause, not a stray noun
            if not noun_like or any(c.i > mod.i and c != head for c in mod.children):
                continue
            verb = mod.head
            for c in list(head.children):  # "alert by mistake": the phrase belonged to the verb
                if c.dep_ == "prep" and split:
                    c.head = verb
            dets = [c for c in mod.children if c.dep_ in ("det", "amod", "compound", "nummod", "poss") and c.i < mod.i]
            head.head = verb
            head.dep_ = "dobj"
            mod.head = head
            mod.dep_ = "compound"
            for d in dets:
                d.head = head
        return doc


@Language.factory("blamelint_compound_repair")
def make_compound_repair(nlp: Language, name: str) -> CompoundRepair:
    return CompoundRepair()


@Language.factory("blamelint_hyphen_merge")
def make_hyphen_merge(nlp: Language, name: str) -> HyphenMerge:
    return HyphenMerge()


@Language.factory("blamelint_hyphen_lemma")
def make_hyphen_lemma(nlp: Language, name: str) -> HyphenLemma:
    return HyphenLemma()
