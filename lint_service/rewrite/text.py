"""Text tools for rewrites: phrasing data, rendering edited sentences, inflection."""
from __future__ import annotations

import functools
import re
from typing import Any

from lemminflect import getAllLemmas, getInflection, getLemma
from spacy.tokens import Span, Token

from ..rules import load_rule_file


@functools.lru_cache(maxsize=1)
def phrasing() -> dict[str, Any]:
    return load_rule_file("rewrites")


# ---------------------------------------------------------------- rendering


def render(sent: Span, replace: dict[int, str], delete: set[int]) -> str:
    """The sentence with tokens replaced or deleted, tidied into normal prose."""
    parts: list[str] = []
    for tok in sent:
        if tok.i in delete:
            if parts and tok.whitespace_ == "" and parts[-1].endswith(" "):
                continue
            continue
        text = replace.get(tok.i, tok.text)
        if parts and tok.i - 1 in delete and tok.doc[tok.i - 1].whitespace_ == "" and _closing(tok):
            # "made a bad commit...": the mark was written onto the word the rewrite moved,
            # and stays onto what now comes before it ("was just made...", not "made ...")
            parts[-1] = parts[-1].rstrip(" ")
        parts.append(text + (tok.whitespace_ or ("" if text == tok.text else " ")))
    return tidy("".join(parts))


def _closing(tok: Token) -> bool:
    """Punctuation that hangs onto the word before it (a full stop, an ellipsis, a comma)."""
    return tok.is_punct and tok.text[:1] in ".,;:!?…"


def continuing(sent: Span, texts: list[str]) -> list[str]:
    """``texts`` with a first letter the writer had in lower case kept lower when ``sent``
    goes on from words on the same line that end no sentence ("... what you did but you
    broke the build": the parser's second sentence is a clause of the first). A name or
    "I" keeps its capital: only a word the original has in lower case is lowered."""
    doc = sent.doc
    before = doc.text[: sent.start_char].rsplit("\n", 1)[-1].rstrip()
    if not sent.text[:1].islower() or not before or before[-1] in ".!?:;":
        return texts
    lower = {t.text for t in sent if t.text.islower()}
    # "no idea what you touched but you broke the cluster": the person the rewrite took
    # out of this clause is still the doer of the clause before it (blind round 14: wrong)
    said_before = {w.lower() for w in re.findall(r"[A-Za-z']+", before)}
    if any(t.tag_ == "PRP" and t.lower_ in said_before and t.lower_ not in ("it", "we", "us") and
           all(t.lower_ not in text.lower().split() for text in texts) for t in sent):
        return []
    out = []
    for text in texts:
        first = text.split(" ", 1)[0]
        out.append(first.lower() + text[len(first):] if first[:1].isupper() and first.lower() in lower else text)
    return out


def tidy(text: str) -> str:
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    text = re.sub(r" +([,.;:!?])(?=\s|$|['\"”’)])", r"\1", text)  # also before a closing quote
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"^[,;:]\s*", "", text)
    text = re.sub(r"\s+'s\b", "'s", text)
    text = _snug_quotes(text)
    if any(ch.isdigit() for ch in text.split(" ", 1)[0]):
        return text  # (rewrite19) "v2.1.0 was published": an identifier keeps its case, as a number does
    return text[:1].upper() + text[1:] if text else text


def _snug_quotes(text: str) -> str:
    """Straight double quotes hug what they quote: the odd ones open, the even ones close,
    so a rebuilt sentence's 'to zero "to be safe ".' reads 'to zero "to be safe".'."""
    if text.count('"') % 2:
        return text  # unbalanced: no telling which is which
    out: list[str] = []
    opening = True
    for piece in re.split(r'(")', text):
        if piece == '"':
            if not opening and out:
                out[-1] = out[-1].rstrip()
            out.append(piece)
            opening = not opening
        else:
            out.append(piece.lstrip() if not opening and out and out[-1] == '"' else piece)
    return "".join(out)


def inflect(lemma: str, tag: str) -> str:
    forms = getInflection(lemma, tag)
    if forms:
        return forms[0]
    head, sep, last = lemma.rpartition("-")
    if sep and (forms := getInflection(last, tag)):
        return f"{head}-{forms[0]}"
    return lemma


def span_text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i)).strip()


# ---------------------------------------------------------------- clause pieces


_QUOTES = {'"': '"', "“": "”", "`": "`"}


def code_opener(obj: Token) -> Token | None:
    """(rewrite31) The opening backtick of a code span the object is ("dropped
    `orders_archive`"), which the parser hangs on the verb while the closing one stays in
    the object's subtree: it moves with the object."""
    edge = obj.left_edge.i
    if edge == 0 or obj.right_edge.text != "`":
        return None
    opener = obj.doc[edge - 1]
    inside = sum(t.text == "`" for t in obj.subtree)
    return opener if opener.text == "`" and opener.head == obj.head and inside % 2 else None


def quoted_after(obj: Token) -> list[Token]:
    """The rest of a quoted string that names a noun object ("the command "rm -rf /"", "the
    flag `--force`"): the quote right after it, or one the parser let open inside its
    subtree, up to the closing quote of the same sentence; [] when there is none."""
    if obj.pos_ not in ("NOUN", "PROPN"):
        return []
    doc, edge = obj.doc, obj.right_edge.i
    inside = [t for t in obj.subtree if t.text in _QUOTES or t.text in _QUOTES.values()]
    opened = [t for t in obj.subtree if t.text == "("]
    if len(opened) > sum(t.text == ")" for t in obj.subtree):
        # "a bug that made checkout fail (due to a typo)": the parser hangs the closing
        # bracket on the verb; the bracket is the object's and moves with it whole
        end = next((t.i for t in doc[edge + 1 : obj.sent.end] if t.text == ")"), None)
        return list(doc[edge + 1 : end + 1]) if end is not None and not inside else []
    if len(inside) % 2:
        start = inside[-1].i
        opening = inside[-1].text
    elif edge + 1 < obj.sent.end and doc[edge + 1].text in _QUOTES:
        start = edge + 1
        opening = doc[start].text
    elif edge + 1 < obj.sent.end and _number_of_name(obj, doc[edge + 1]):
        return [doc[edge + 1]]  # (rewrite30) "published version 2.3.0": the number the parser hung on the verb
    else:
        return []
    end = next((t.i for t in doc[start + 1 : obj.sent.end] if t.text == _QUOTES.get(opening, opening)), None)
    # "typed a “bad command.”": a full stop set inside the quote that closes the sentence is
    # the sentence's, not the command's; fronted with the object it would stop the sentence there
    final = end is not None and all(t.is_punct for t in doc[end : obj.sent.end])
    return [t for t in doc[start : end + 1] if t.i > edge and not (final and t.i == end - 1 and t.text in (".", "!", "?"))] if end is not None else []


def _number_of_name(obj: Token, nxt: Token) -> bool:
    """(rewrite30) A number right after a singular noun object that the parser hung on the
    verb, with nothing of its own: the rest of the thing's name ("version 2.3.0", "ticket
    4471"), not a count of what follows ("3 times")."""
    return nxt.tag_ == "CD" and nxt.head == obj.head and nxt.dep_ not in ("nummod", "quantmod", "dobj") \
        and not list(nxt.children) and obj.tag_ in ("NN", "NNP")


def sentence_end(text: str) -> str:
    """The mark that ends ``text``, also inside a closing quote ("... a “bad command.”")."""
    last = text.rstrip().rstrip('"”’')[-1:]
    return last if last in ".!?" else ""


def ends_sentence(text: str) -> bool:
    return text.rstrip('"”’').endswith((".", "!", "?", ":"))


def opens_bracket(span: Span) -> bool:
    """``span`` leaves a bracket open: the ")" after it closes one of its own."""
    return sum(t.text == "(" for t in span) > sum(t.text == ")" for t in span)


# Asked of the same few verbs by many strategies and checks of every candidate, and
# lemminflect guesses an unknown word's lemma slowly: a word's answer is kept.
@functools.lru_cache(maxsize=16384)
def verb_lemma_of(word: str) -> str:
    low = word.lower()
    found = getLemma(low, upos="VERB")
    lemma = found[0] if found else low
    # an unknown verb whose doubled consonant was taken for the suffix's ("steamrolled"
    # -> "steamrol"): the word keeps both letters
    if lemma != low and not getAllLemmas(lemma) and low.startswith(lemma + lemma[-1:]) and low.endswith(("ed", "ing")):
        return lemma + lemma[-1]
    # "typoed" -> "typo", not "typoe": an unknown stem ending in a vowel took "-ed" whole
    if lemma != low and not getAllLemmas(lemma) and low.endswith("ed") and lemma == low[:-1] and low[-3:-2] in ("a", "i", "o", "u"):
        return low[:-2]
    return lemma


# ---------------------------------------------------------------- strategies


def balanced(text: str) -> bool:
    """Brackets and double quotes pair up: a rewrite never cuts a parenthesis in two."""
    depth = 0
    for ch in text:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0 and text.count('"') % 2 == 0



def trailing_punct(tok: Token) -> bool:
    """Punctuation that closes a phrase ("," or "."), not a word the tagger calls
    punctuation: the "%" of "1%" is the object of "of", and a clause range that ended
    before it would say it twice ("instead of 1% %")."""
    return tok.is_punct and tok.dep_ == "punct"


def participle_of(verb: Token) -> str:
    """The past participle of ``verb``, keeping a hyphenated prefix ("pre-warmed") unless
    it only carries judgement ("YOLO-merged" -> "merged")."""
    text = verb.text
    if "-" in text:
        prefix, _, last = text.rpartition("-")
        if prefix.lower() in phrasing()["judgement_prefixes"]:
            return inflect(verb_lemma_of(last), "VBN")
        return f"{prefix}-{inflect(verb_lemma_of(last), 'VBN')}"
    lemma = verb_lemma_of(text)
    if verb.tag_ in ("VBD", "VBN") and text.lower().endswith("ed") and inflect(lemma, "VBD") == inflect(lemma, "VBN"):
        return text.lower()  # the writer's spelling of a regular form ("mislabelled", not "mislabeled")
    return inflect(lemma, "VBN")


def is_present(verb: Token) -> bool:
    words = [verb] + [c for c in verb.children if c.dep_ == "aux"]
    for w in words:
        low = w.lower_
        if low in ("did", "was", "were", "had") or low in getInflection(verb_lemma_of(low), "VBD"):
            return False
    return any(w.tag_ in ("VBZ", "VBP") for w in words)
