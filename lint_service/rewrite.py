"""System-subject rewrites for blame findings.

Checks decide *what* is wrong; this module decides *how to say it*. Each
construction has a strategy that edits the parsed sentence: passivise the
action without its agent ("The TLS certificate was not renewed"), put a system
named in the document in subject position ("Nothing in the release process
ensured that..."), drop the "by <person>" agent, or replace a possessive or a
blame noun. Every candidate is parsed again and kept only if it is free of
blame, so an applied suggestion never produces a new finding.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from lemminflect import getInflection
from spacy.tokens import Span, Token

from .rules import load_rule_file
from .checks.blame.agents import is_english_word

if TYPE_CHECKING:  # imported lazily at run time to avoid an import cycle
    from .checks.blame.clauses import Clause
    from .checks.blame.recognizers import Detection
    from .checks.registry import Context

_EDGE_DEPS = ("mark", "cc", "punct", "advmod", "prep")  # may open a clause without belonging to it
_PRONOUN_OBJECTS = {"it": "it", "this": "this", "that": "that"}
_NOT_DONE = {"fail", "forget", "neglect", "omit", "refuse", "decline", "bother", "care", "trouble"}


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
        parts.append(text + (tok.whitespace_ or ("" if text == tok.text else " ")))
    return tidy("".join(parts))


def tidy(text: str) -> str:
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    text = re.sub(r" +([,.;:!?])(?=\s|$)", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"^[,;:]\s*", "", text)
    text = re.sub(r"\s+'s\b", "'s", text)
    return text[:1].upper() + text[1:] if text else text


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


def _verb_chain(clause: "Clause") -> set[int]:
    ids = {clause.verb.i, clause.action.i}
    for v in (clause.verb, clause.action):
        for c in v.children:
            if c.dep_ in ("aux", "auxpass", "neg", "prt") or (c.dep_ == "advmod" and c.lower_ in ("never", "not")):
                ids.add(c.i)
    return ids


def _clause_range(clause: "Clause", own: list[Token]) -> tuple[int, int]:
    """First and last token index the rewrite replaces: from the subject (or an
    inverted "Had") to the end of the clause's own words and its object."""
    doc = clause.verb.doc
    subj = clause.subject
    if subj is not None and subj.i < clause.verb.i:
        first = min(t.i for t in subj.subtree)
        had = [c for c in clause.verb.children if c.dep_ == "aux" and c.lower_ == "had" and c.i < first]
        if had:
            first = had[0].i
    else:
        first = min(t.i for t in own)
        while doc[first].dep_ in ("mark", "cc", "punct") or doc[first].tag_ == "WRB":
            first += 1
    covered = {t.i for t in own} | {t.i for o in clause.objects for t in o.subtree}
    last = max(i for i in covered)
    # stop before an embedded clause with its own subject (", and we lost ...")
    for i in range(clause.action.i + 1, last + 1):
        if i not in covered:
            last = i - 1
            break
    while last > first and doc[last].is_punct:
        last -= 1
    return first, last


# "on" and "of" usually belong to the noun ("the expiry date on the certificate").
_MOVABLE_PREPS = {"to", "into", "onto", "against", "at", "from", "in", "over", "across", "via", "through"}


def _object_parts(obj: Token) -> tuple[str, str] | None:
    """The object as a new subject, and its trailing place phrases, which read better
    after the passive verb: ("the schema change", "to the orders database")."""
    if obj.pos_ == "PRON" and obj.lower_ not in _PRONOUN_OBJECTS:
        return None
    moved = [c for c in obj.children if c.i > obj.i and (
        (c.dep_ == "prep" and c.lower_ in _MOVABLE_PREPS)
        or (c.dep_ in ("cc", "conj", "advmod") and any(t.lower_ in ("instead", "rather") for t in obj.subtree if t.i > obj.i))
        or (c.dep_ == "relcl" and c.doc[c.left_edge.i - 1].text == ",")  # ", which logged out every user"
        or (c.dep_ in ("amod", "acl") and c.tag_ in ("VBN", "JJ"))  # "left X enabled (in production)"
    )]
    moved_ids = {t.i for m in moved for t in m.subtree}
    moved_ids |= {c.i for c in obj.children if c.dep_ == "punct" and c.i > obj.i and moved_ids and c.i < max(moved_ids)}
    head = [t for t in obj.subtree if t.i not in moved_ids]
    tail = [t for t in obj.subtree if t.i in moved_ids]
    return span_text(head), span_text(tail)


def _object_text(obj: Token) -> str | None:
    parts = _object_parts(obj)
    return None if parts is None else " ".join(p for p in parts if p)


def _plural(obj: Token) -> bool:
    coordinated = any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in obj.children) and any(c.dep_ == "conj" for c in obj.children)
    return obj.tag_ in ("NNS", "NNPS") or coordinated


def _present(clause: "Clause") -> bool:
    """Present tense, read off the words rather than the tags: the small model tags
    some past forms as present ("I forgot/VBP", "overwrote/VBP")."""
    words = [clause.verb] + [c for c in clause.verb.children if c.dep_ == "aux"]
    for w in words:
        low = w.lower_
        if low in ("did", "was", "were", "had") or low in getInflection(verb_lemma_of(low), "VBD"):
            return False
    return any(w.tag_ in ("VBZ", "VBP") for w in words)


def _rest(clause: "Clause", own: list[Token], obj: Token | None, drop: set[str], span: tuple[int, int]) -> tuple[str, str]:
    """Words of the clause around the verb, minus subject, object, verb chain and judgement
    adverbs: (adverbs before the verb, everything after it), within ``span``."""
    skip = _verb_chain(clause)
    if clause.subject is not None:
        skip |= {t.i for t in clause.subject.subtree}
    if obj is not None:
        skip |= {t.i for t in obj.subtree}
    skip |= {c.i for c in clause.action.children if c.dep_ == "aux" and c.lower_ == "to"}
    lo, hi = span
    inside = [t for t in own if lo <= t.i <= hi and t.i not in skip and t.lower_ not in drop]
    before = [t for t in inside if t.i < clause.action.i and t.dep_ == "advmod" and t.tag_ != "WRB"]
    after = [t for t in inside if t.i > clause.action.i]
    return span_text(before), span_text(after)


def _shares_subject_conj(clause: "Clause") -> bool:
    """"skipped the approval step and merged to main": a passive of the first verb
    alone would make the second one's subject wrong. Also refuses objects the
    parser cut short ("winged the database | failover")."""
    for v in (clause.verb, clause.action, *[c for c in clause.action.children if c.dep_ in ("xcomp", "advcl")]):
        if any(c.dep_ == "conj" and c.pos_ == "VERB" and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for c in v.children):
            return True
    for obj in clause.objects:
        nxt = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
        if nxt is not None and nxt.head != obj and (
            nxt.pos_ in ("NOUN", "PROPN")
            or (nxt.pos_ == "ADV" and nxt.is_alpha and not is_english_word(nxt.lower_))
            or (nxt.pos_ == "ADJ" and nxt.dep_ in ("advcl", "ccomp", "xcomp"))
            or (nxt.pos_ == "ADJ" and nxt.dep_ == "oprd" and clause.action_lemma not in ("leave", "keep", "make", "set", "get"))
        ):
            return True
    return False


def _participle(clause: "Clause") -> str:
    """The past participle, keeping a hyphenated prefix as written ("YOLO-merged")."""
    text = clause.action.text
    if "-" in text:
        prefix, _, last = text.rpartition("-")
        return f"{prefix}-{inflect(verb_lemma_of(last), 'VBN')}"
    return inflect(clause.action_lemma, "VBN")


def verb_lemma_of(word: str) -> str:
    from lemminflect import getLemma

    found = getLemma(word.lower(), upos="VERB")
    return found[0] if found else word.lower()


# ---------------------------------------------------------------- strategies


def passive_variants(clause: "Clause", own: list[Token], negate: bool, drop: set[str], span: tuple[int, int]) -> list[str]:
    """Agentless versions of the clause: "the TLS certificate was not renewed"."""
    if not clause.objects or _shares_subject_conj(clause):
        return []
    obj = clause.objects[0]
    parts = _object_parts(obj)
    if not parts or not parts[0]:
        return []
    obj_text, moved = parts
    lemma = clause.action_lemma
    particle = next((c.text for c in clause.action.children if c.dep_ == "prt"), "")
    before, after = _rest(clause, own, obj, drop, span)
    after = " ".join(x for x in (moved, after) if x)
    plural = _plural(obj)
    be = ("are" if plural else "is") if _present(clause) else ("were" if plural else "was")
    vbn = _participle(clause)
    outcome = phrasing()["outcome_phrases"].get(f"{lemma} {particle}".strip()) or phrasing()["outcome_phrases"].get(lemma)
    if outcome and not negate:  # "went unanswered" reads better than "was ignored"
        return [" ".join(x for x in (obj_text, outcome.replace("{be}", be), after) if x)]
    return [" ".join(x for x in (obj_text, be, "not" if negate else "", before, vbn, particle, after) if x)]


def system_variant(clause: "Clause", own: list[Token], negate: bool, drop: set[str], system: str, span: tuple[int, int]) -> str | None:
    if not clause.objects or _shares_subject_conj(clause) or (parts := _object_parts(clause.objects[0])) is None:
        return None
    obj_text, moved = parts
    particle = next((c.text for c in clause.action.children if c.dep_ == "prt"), "")
    _, after = _rest(clause, own, clause.objects[0], drop, span)
    after = " ".join(x for x in (moved, after) if x)
    vbn = _participle(clause)
    plural = _plural(clause.objects[0])
    if negate:
        be = "were" if plural else "was"
        return " ".join(x for x in ("nothing in", system, "ensured that", obj_text, be, vbn, particle, after) if x)
    return " ".join(x for x in (system, "allowed", obj_text, "to be", vbn, particle, after) if x)


def counterfactual_variants(clause: "Clause", own: list[Token], drop: set[str], span: tuple[int, int]) -> list[str]:
    obj = clause.objects[0] if clause.objects else None
    before, after = _rest(clause, own, obj, drop, span)
    vbn = inflect(clause.action_lemma, "VBN")
    neg = "not " if clause.negated else ""
    if obj is None:
        # "Had the reviewer looked at the diff" -> "Had the diff been looked at"
        prep = next((c for c in clause.action.children if c.dep_ == "prep" and c.i == clause.action.i + 1), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None or not clause.conditional:
            if clause.modal:
                return [" ".join(x for x in ("nothing required", inflect(clause.action_lemma, "VBG"), after) if x)]
            return []
        obj, after = pobj, span_text([t for t in own if pobj.i < t.i <= span[1] and t.i not in {x.i for x in pobj.subtree}])
        vbn = f"{vbn} {prep.text}"
    parts = _object_parts(obj)
    if parts is None:
        return []
    obj_text, moved = parts
    after = " ".join(x for x in (moved, after) if x)
    if clause.conditional:
        inverted = clause.subject is not None and any(c.dep_ == "aux" and c.lower_ == "had" and c.i < clause.subject.i for c in clause.verb.children)
        if inverted:
            return [" ".join(x for x in ("had", obj_text, neg + "been", vbn, after) if x)]
        return [" ".join(x for x in (obj_text, "had", neg + "been", vbn, after) if x)]
    be = "were" if _plural(obj) else "was"
    return [
        " ".join(x for x in (obj_text, be, "not", vbn, after) if x),
        " ".join(x for x in ("nothing required", inflect(clause.action_lemma, "VBG"), obj_text, after) if x),
    ]


def document_system(ctx: "Context", sent: Span) -> str:
    """The system the rest of the document talks about most ("the deploy pipeline")."""
    if "rewrite.systems" not in ctx.cache:
        heads = set(phrasing()["system_heads"])
        found: list[tuple[Span, str]] = []
        for _prose, doc in ctx.parses:
            for chunk in doc.noun_chunks:
                root = chunk.root
                if root.lemma_.lower() in heads and chunk[0].lower_ == "the" and 2 <= len(chunk) <= 4 and root.tag_ == "NN":
                    found.append((chunk, "the " + chunk[1:].text.lower()))
        ctx.cache["rewrite.systems"] = found
    counts = Counter(name for chunk, name in ctx.cache["rewrite.systems"] if chunk.doc is not sent.doc or not (sent.start <= chunk.start < sent.end))
    return counts.most_common(1)[0][0] if counts else phrasing()["default_system"]


def candidates(det: "Detection", sent: Span, ctx: "Context") -> list[str]:
    """Rewritten sentences for one detection, before verification."""
    from .checks.blame.framing import clause_tokens

    lex = ctx.cache["blame.lexicon"]
    drop = set(lex.terms["judgement_adverbs"])
    rw = phrasing()
    c = det.clause
    out: list[str] = []
    if det.construction == "passive-agent" and c is not None and c.agent is not None:
        by = c.agent.head
        # "copied to his personal laptop by Dariusz": the pronoun still points at him
        pronouns = {t.i: "a" for t in sent if t.lower_ in ("his", "her", "their") and t.dep_ == "poss" and t.i not in {x.i for x in by.subtree}}
        return [render(sent, pronouns, {t.i for t in by.subtree})]
    if det.construction == "person-cause" and det.target is not None:
        lead = det.evidence[0]
        cut = {t.i for t in lead.subtree} | {t.i for t in det.evidence[1].subtree}
        nxt = max(cut) + 1
        if nxt < sent.end and sent.doc[nxt].text == ",":
            cut.add(nxt)
        return [render(sent, {}, cut)]
    if det.construction == "possessive" and det.target is not None and det.target.lower_ not in ("mine", "his", "hers", "theirs", "yours"):
        owner, noun = det.target, det.evidence[1]
        cut = {t.i for t in owner.subtree} | {t.i for t in det.evidence[2:]}
        repl = rw["possessed_nouns"].get(noun.lemma_.lower())
        if repl:
            cut |= {noun.i}
            first = min(t.i for t in owner.subtree)
            return [render(sent, {first: repl}, cut - {first})]
        first = min(t.i for t in owner.subtree)
        return [render(sent, {first: "the"}, cut - {first})]
    if det.construction == "blame-noun" and len(det.evidence) == 2 and det.evidence[1].lemma_.lower() in lex.terms["error_heads"]:
        mod, noun = det.evidence
        if det.target is not None or any(t.lower_ in ("by", "who") for t in noun.subtree):
            return []  # "a user error by the admin, who ...": no faithful rewrite without the person
        np = [t for t in noun.subtree if t.i <= noun.i]
        first = min(t.i for t in np)
        return [render(sent, {first: rw["blame_noun_replacement"]}, {t.i for t in np} - {first})]
    if det.construction == "blame-noun" and det.target is not None and det.evidence[0].head.lemma_ == "be":
        # "It was Kwame's fault that the queue backed up" -> "The queue backed up"
        clause = next((c2 for c2 in det.evidence[0].children if c2.dep_ in ("ccomp", "relcl", "acl")), None) or next(
            (c2 for c2 in det.evidence[0].head.children if c2.dep_ in ("ccomp",)), None)
        if clause is not None:
            body = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
            return [tidy(span_text(body)) + "."]
        return []
    if det.construction == "judgement":
        return _judgement_variants(det, sent, rw)
    if c is not None and det.construction == "delay":
        return _delay_variants(c, sent)
    if c is not None and det.construction == "permissive":
        return _permissive_variants(c, sent)
    if c is None or det.construction in ("directive", "idiom", "self-approval", "blame-noun"):
        return []
    if c.subject is not None and c.subject.lower_ in ("who", "that", "which"):
        return []  # the relative clause's antecedent stays; a passive would orphan it
    if c.modal in ("must", "might", "may", "could", "would") and det.construction == "counterfactual":
        return []  # "I must have clicked the wrong link" is a guess, not a should
    own = clause_tokens(c)
    first, last = _clause_range(c, own)
    span = (first, last)
    # "forgot to renew", "failed to test": the action did not happen
    negate = det.construction == "omission" or (c.action is not c.verb and c.lemma in _NOT_DONE)
    if det.construction == "counterfactual":
        variants = counterfactual_variants(c, own, drop, span)
    else:
        variants = passive_variants(c, own, negate, drop, span)
        # "The deploy pipeline allowed X to be pushed without review" suits actions a
        # safeguard could have stopped, not lapses like "ignored" or "messed up".
        if det.construction != "fault" or negate:
            sys_v = system_variant(c, own, negate, drop, document_system(ctx, sent), span)
            if sys_v:
                variants.append(sys_v)
    for v in variants:
        out.append(render(sent, {first: v}, set(range(first + 1, last + 1))))
    return out


def _delay_variants(c: "Clause", sent: Span) -> list[str]:
    """"Ravi took two hours to notice the alert" -> "It took two hours to notice the alert"."""
    if c.lemma != "take" or c.subject is None:
        return []
    if c.subject.lower_ == "it":
        person = next((o for o in c.verb.children if o.dep_ in ("dobj", "dative")), None)
        return [render(sent, {}, {t.i for t in person.subtree})] if person is not None else []
    first = min(t.i for t in c.subject.subtree)
    return [render(sent, {first: "it"}, {t.i for t in c.subject.subtree} - {first})]


def _permissive_variants(c: "Clause", sent: Span) -> list[str]:
    """"Bo let the disk fill up" -> "The disk filled up"; "allowed the certificate to expire"
    -> "The certificate expired"."""
    outcome = next((x for x in c.action.children if x.dep_ in ("ccomp", "xcomp")), None)
    if outcome is None or c.subject is None:
        return []
    thing = next((s for s in outcome.children if s.dep_ == "nsubj"), None) or (c.objects[0] if c.objects else None)
    if thing is None:
        return []
    rest = [t for t in outcome.subtree if t.i > outcome.i and t.dep_ != "punct" or (t.dep_ == "punct" and t.i < max(x.i for x in outcome.subtree))]
    rest = [t for t in rest if t.i not in {x.i for x in thing.subtree}]
    text = " ".join(x for x in (span_text(list(thing.subtree)), inflect(verb_lemma_of(outcome.text), "VBD"), span_text(rest)) if x)
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in outcome.subtree if not t.is_punct)
    return [render(sent, {first: text}, set(range(first + 1, last + 1)))]


def _judgement_variants(det: "Detection", sent: Span, rw: dict[str, Any]) -> list[str]:
    word = det.evidence[0]
    low = word.lower_
    if word.dep_ in ("advmod",):  # "handled the rollout sloppily" -> "handled the rollout"
        return [render(sent, {}, {word.i})]
    if word.dep_ == "amod" and len(det.evidence) == 2 and det.evidence[1].dep_ in ("nsubj", "nsubjpass"):
        head = det.evidence[1]  # "A more careful engineer would have spotted" -> "An automated check would have ..."
        np = [t for t in head.subtree if t.i <= head.i]
        first = min(t.i for t in np)
        return [render(sent, {first: rw["ideal_person_replacement"]}, {t.i for t in np} - {first})]
    if low in rw["judgement_neutral"]:
        cut = {t.i for p in word.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree}
        if cut:  # "was reckless of Farid" -> "was risky"
            return [render(sent, {word.i: rw["judgement_neutral"][low]}, cut)]
    return []


def _balanced(text: str) -> bool:
    """Brackets and double quotes pair up: a rewrite never cuts a parenthesis in two."""
    depth = 0
    for ch in text:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0 and text.count('"') % 2 == 0


def suggest(det: "Detection", sent: Span, ctx: "Context") -> list[str]:
    """Verified rewrites of ``sent``: each parses again without any blame finding."""
    from .checks.blame.engine import detect

    lex = ctx.cache["blame.lexicon"]
    original_end = sent.text.rstrip()[-1:] if sent.text.rstrip()[-1:] in ".!?" else ""
    results: list[str] = []
    pending = [(det, sent)]
    for _round in range(2):  # a rewrite may uncover a second construction ("carelessly ... without testing")
        nxt = []
        for d, s in pending:
            for cand in candidates(d, s, ctx):
                if original_end and not cand.endswith(("." , "!", "?")):
                    cand += original_end
                if cand == s.text.strip() or ctx.parse is None or not _balanced(cand):
                    continue
                parsed = ctx.parse([cand])[0]
                sents = list(parsed.sents)
                leftover = [x for x in (detect(ps, lex) for ps in sents) if x is not None]
                if not leftover:
                    results.append(cand)
                elif len(sents) == 1 and _round == 0 and d.construction in ("judgement", "possessive", "person-cause"):
                    nxt.append((leftover[0], sents[0]))
        pending = nxt
        if results:
            break
    return list(dict.fromkeys(results))[:3]
