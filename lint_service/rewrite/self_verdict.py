"""The writer's verdict on themselves beside the act: what only says who is at fault,
sorry or careless goes, and the act it judged is kept and rewritten in a further round.

Two shapes, both read from the parse:

- a *part* of the sentence, between clause marks, that owns, apologises, confesses or
  judges and says nothing else ("I want to own this one: I deleted the cache keys",
  "Restored the wrong snapshot, my fault, restoring the right one now", "I reindexed
  the cluster, and I take full responsibility for the downtime"): it goes when another
  part states an act of its own;
- a self-judgement *joined to the act* ("I was a fool and ran the purge on prod", "I was
  reckless to deploy on a freeze day", "I was careless with the glob and it deleted
  every log file"): the act is said on its own ("I ran the purge on prod"; "The glob
  deleted every log file": the pronoun takes back the thing the judgement was about).

A verdict with no act ("I was careless, and I am sorry") has nothing factual left and
gets no candidate. The words are rule data (rules/rewrites.yaml ``self_verdict``, the
blame lexicon's judgement and remorse words, the apology and confession words).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import SEPARATORS, Candidate, finish
from .text import inflect, is_present, phrasing, render, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_WRITER = frozenset({"i", "we"})
_CONTENT = ("NOUN", "PROPN", "VERB", "ADJ", "NUM", "INTJ")
_SUBJECTS = ("nsubj", "nsubjpass")


def self_verdict(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """The sentence without the writer's verdict on themselves, restated for a further round."""
    words = _words(ctx)
    cut = _verdict_parts(sent, words)
    joined = _joined_act(sent, words) or _confessed(sent, words)
    if cut is None or (not cut and joined is None):
        return []
    replace: dict[int, str] = {}
    if joined is not None:
        cut |= joined[0]
        replace = joined[1]
    if any(t.i not in cut and t.lower_ in words["apologies"] for t in sent):
        return []  # an apology left in another part is the apology strategy's (rewrite/restate.py)
    first = next((t for t in sent if t.i not in cut and not t.is_punct), None)
    if first is not None and first.lower_ == "so" and first.i > sent.start and first.dep_ in ("cc", "advmod", "mark"):
        cut.add(first.i)  # (rewrite30) "I was careless, so I deleted X": the consequence's "so" goes with the verdict
    for i in sorted(cut):
        # the space that stood after the cut words, when the word before them had none
        # ("migration, my fault, deleted" -> "migration deleted")
        if i - 1 >= sent.start and i - 1 not in cut and not sent.doc[i - 1].whitespace_ and i not in replace:
            replace[i] = ""
    text = render(sent, replace, cut - set(replace)).strip().lstrip(",;:—–- ").strip()
    if len(text.split()) < 3:
        return []
    return [Candidate(finish(text[0].upper() + text[1:]), restated=True, gone=frozenset(cut))]


def _verdict_parts(sent: Span, words: dict[str, frozenset[str]]) -> set[int] | None:
    """The tokens of the parts that only own, apologise or judge, with their marks; an
    empty set when there are none, None when nothing factual would be left."""
    parts = _parts(sent)
    verdicts = [k for k, part in enumerate(parts) if len(parts) > 1 and _verdict_part(part, words)]
    if not verdicts:
        return set()
    if 0 not in verdicts and parts[0][0].tag_ == "UH" and not any(t.pos_ in ("VERB", "AUX") for t in parts[0]):
        verdicts.insert(0, 0)  # "Hi all, I owe you an explanation: ...": the greeting opened the verdict
    rest = [part for k, part in enumerate(parts) if k not in verdicts]
    if all(_bare_apology(parts[k], words) for k in verdicts):
        return None  # a bare "sorry", "sorry everyone" is the apology strategy's (rewrite/restate.py)
    if not rest or not any(_states_act(part) for part in rest):
        return None  # "I was careless, and I am sorry": a verdict with no act says nothing to keep
    cut: set[int] = set()
    for k in verdicts:
        part = parts[k]
        cut |= {t.i for t in part}
        # the mark before it goes with it; a leading part (or a run of them from the start)
        # takes the mark after it instead
        leading = all(j in verdicts for j in range(k + 1))
        marks = [part[-1].i + 1] if leading else [part[0].i - 1]
        if not leading and k + 1 < len(parts) and _one_clause(parts[k - 1], parts[k + 1]):
            marks.append(part[-1].i + 1)  # "The migration, my fault, deleted ...": set inside a clause, both commas go
        cut |= {m for m in marks if sent.start <= m < sent.end and _is_mark(sent.doc[m])}
    if _leading_mark(sent, cut):
        return None
    first = next((t for t in sent if t.i not in cut), None)
    if first is not None and first.dep_ == "cc" and 0 in verdicts:
        cut.add(first.i)  # "Not my proudest moment, but I deleted ...": the "but" went with the verdict
    return cut


_INSIDE_A_CLAUSE = ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "aux", "auxpass", "det", "amod", "compound", "acomp", "attr")


def _one_clause(before: list[Token], after: list[Token]) -> bool:
    """The parts on either side of a dropped one belong to one clause (a subject and its
    verb, a verb and its object): the part stood inside it, between two commas."""
    left, right = {t.i for t in before}, {t.i for t in after}
    return any((t.head.i in right and t.dep_ in _INSIDE_A_CLAUSE) for t in before) or any(
        (t.head.i in left and t.dep_ in _INSIDE_A_CLAUSE) for t in after)


def _words(ctx: "Context") -> dict[str, frozenset[str]]:
    rw = phrasing()
    sv = rw["self_verdict"]
    lex = ctx.cache["blame.lexicon"]
    judging = frozenset(lex.terms.get("judgement_adjectives", ())) | frozenset(lex.terms.get("remorse_adjectives", ())) \
        | frozenset(lex.terms.get("sarcastic_nouns", ()))
    said = frozenset(sv["owning_verbs"]) | frozenset(sv["owning_nouns"]) | judging \
        | frozenset(rw["apology_words"]) | frozenset(rw["confession_words"])
    return {"said": said, "frames": frozenset(sv["frames"]), "judging": judging, "owning": frozenset(sv["owning_verbs"]),
            "taking": frozenset(sv["taking_verbs"]), "nouns": frozenset(sv["owning_nouns"]),
            "apologies": frozenset(rw["apology_words"]), "writing": frozenset(sv["writing_verbs"]),
            "remorse": frozenset(lex.terms.get("remorse_adjectives", ()))}


def _is_mark(tok: Token) -> bool:
    """A clause mark: a comma, colon, semicolon or dash, or a hyphen spaced as one."""
    return tok.text in (",",) + SEPARATORS or (tok.text == "-" and bool(tok.whitespace_) and tok.i > 0
                                               and bool(tok.doc[tok.i - 1].whitespace_))


def _leading_mark(sent: Span, cut: set[int]) -> bool:
    """The kept text would begin with a mark other than a comma (nothing stood before it)."""
    first = next((t for t in sent if t.i not in cut), None)
    return first is not None and _is_mark(first) and first.text != ","


def _parts(sent: Span) -> list[list[Token]]:
    """The sentence split at its clause marks, marks and the final stop left out."""
    parts: list[list[Token]] = [[]]
    for t in sent:
        if _is_mark(t):
            parts.append([])
        elif not (t.is_punct and t.i == sent.end - 1):
            parts[-1].append(t)
    return [p for p in parts if p]


def _verdict_part(part: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """``part`` only owns, apologises, confesses or judges: every content word is a
    verdict's ("my bad", "I want to own this one", "Not my finest hour", "me again"),
    or it is the clause of an owning verb with the writer as its subject ("and I take
    full responsibility for the downtime")."""
    body = [t for t in part if not (t.dep_ == "cc" and t.i == part[0].i)]
    if any((t.like_num and t.lower_ not in words["nouns"]) or t.pos_ == "PROPN" for t in body):
        return False  # a time, a count or a name is a fact of its own
    content = [t for t in body if t.pos_ in _CONTENT and not (t.pos_ == "AUX")]
    said = words["said"]
    if content and all(t.lemma_.lower() in said | words["frames"] or t.lower_ in said for t in content) \
            and any(t.lemma_.lower() in said or t.lower_ in said for t in content):
        return True
    if all(t.lemma_.lower() in words["frames"] for t in content) and any(t.lower_ in ("me", "mine") for t in body) \
            and not any(t.dep_ == "neg" or t.lower_ == "not" for t in body):
        return True  # "That was me", "me again", "turns out it was me" (not "not me": a denial)
    inside = {x.i for x in part}
    lead = next((v for v in body if v.tag_ == "VBG" and v.lemma_.lower() in words["owning"] | words["writing"]
                 and (v.head == v or v.head.i not in inside)), None)
    if lead is not None and part is not None and lead.i == body[0].i and not any(c.dep_ in _SUBJECTS for c in lead.children):
        return True  # "Admitting it here before the audit does", "Posting this so others can learn from it": the writer's frame
    for v in body:
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in _WRITER or not all(t.i in inside for t in v.subtree if not t.is_punct):
            continue
        lemma = v.lemma_.lower()
        # "I own this one", "I owe you an explanation": owning a fault, not a thing ("I own
        # the billing service") nor an act ("I own up to deleting the queue")
        owned = [c for c in v.children if c.dep_ not in ("nsubj", "advmod", "aux", "punct", "cc", "dative", "neg")]
        if lemma in words["owning"] and all(c.dep_ == "dobj" and (c.pos_ in ("PRON", "DET") or c.lemma_.lower() in words["nouns"])
                                            for c in owned):
            return True
        if lemma in words["taking"] and any(o.dep_ == "dobj" and o.lemma_.lower() in words["nouns"] for o in v.children):
            return True
        # "I was sloppy with the rollout plan": a judgement of the writer with only what it
        # was about; the act it judged is another part's
        judged = next((c for c in v.children if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words["judging"]), None)
        # (a feeling about something, "terrible about the outage", names a consequence: it stays)
        felt = judged is not None and judged.lemma_.lower() in words["remorse"] and any(c.dep_ == "prep" for c in judged.children)
        if lemma in ("be", "feel") and judged is not None and not felt \
                and not any(t.pos_ == "VERB" and t.i != v.i for t in part) and not any(c.dep_ == "neg" for c in v.children):
            return True
    return False


def _bare_apology(part: list[Token], words: dict[str, frozenset[str]]) -> bool:
    content = [t for t in part if t.pos_ in _CONTENT]
    return bool(content) and all(t.lower_ in words["apologies"] for t in content)


def unsaid_doer(cand: Span) -> str | None:
    """A rewrite whose main verb still has no subject ("Typo'd the bucket policy ..."): the
    writer's act with the writer only left unsaid, not an event. (Checked by the verifier.)"""
    root = cand.root
    # ((rewrite31) "Misconfigured/NNP the cache": a capitalised past the tagger read as a name, its object says it is a verb)
    if root.pos_ not in ("VERB", "PROPN") or root.i != cand.start or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children) \
            or not any(c.dep_ == "dobj" for c in root.children):
        return None
    # the tagger reads a sentence-initial past as an imperative ("Restored/VB the snapshot"):
    # the form tells them apart ("Check the log" is a directive, left to its own checks)
    low, lemma = root.lower_, root.lemma_.lower()
    past = inflect(lemma, "VBD").lower()
    return root.text if (low == past and low != lemma) or low.endswith(("ed", "'d")) else None


STATUS = "the writer's status"


def status_apart(cand: Span, orig_sent: Span | None = None) -> str | None:
    """The candidate with its trailing status fragment set apart by a semicolon, the way a
    status note is written ("The login page broke; rolling back"), so it no longer reads
    as the new subject's act (verify.py reports it; repair.py applies this). When the
    doer was someone the writer wrote about, the "-ing" is no status note but what their
    act did ("a technician mis-set the router, sending traffic ..."): it is said of the act
    ("..., which sent traffic ..."), since a semicolon before a participle reads as an error."""
    status = status_of_new_subject(cand, orig_sent if orig_sent is not None else cand)
    if status is None:
        return None
    tok = next(t for t in cand if t.text == status and t.tag_ == "VBG")
    comma = cand.doc[tok.left_edge.i - 1]
    text = cand.doc.text
    # (a result acts on something and is not placed in time: "..., rolling back now" is
    # the writer's note even after a named doer)
    result = any(c.dep_ == "dobj" for c in tok.children) and not any(c.dep_ == "advmod" for c in tok.children)
    if orig_sent is not None and result and _someone_else_did(orig_sent):
        said = inflect(verb_lemma_of(tok.text), "VBZ" if is_present(cand.root) else "VBD")
        return (text[: tok.idx] + "which " + said + text[tok.idx + len(tok.text):]).strip()
    return (text[: comma.idx] + ";" + text[comma.idx + 1 :]).strip()


def _someone_else_did(sent: Span) -> bool:
    """The original's doer is a person written about, not the writer: a subject that is
    neither the writer nor missing (a chat line's "pushed X, reverting" is the writer's)."""
    subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.lower_ not in _WRITER and s.pos_ in ("NOUN", "PROPN") for s in subjects)


def status_of_new_subject(cand: Span, orig_sent: Span) -> str | None:
    """A trailing status fragment of the writer's ("..., reverting now") after an active
    clause with a new subject: "The staging build broke, reverting" says the build is
    reverting. (rewrite29) After a passive too, when the act was the writer's: "The
    migration was run twice, cleaning up the duplicates now" reads as the migration
    cleaning up (blind round 19: poor)."""
    root = cand.root
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return None
    passive = any(c.dep_ == "auxpass" for c in root.children)
    if passive and _someone_else_did(orig_sent):
        return None  # "The operator confirmed X, accidentally triggering Y": what their act did, not a note
    written = {t.lower_ for t in orig_sent if t.tag_ == "VBG"}
    for t in root.children:
        if t.tag_ == "VBG" and t.i > root.i and t.lower_ in written and t.dep_ in ("advcl", "xcomp", "conj", "dep", "npadvmod") \
                and cand.doc[t.left_edge.i - 1].text == "," and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children):
            # after a passive only a note placed in the writer's present ("..., reverting now"):
            # "The cache was restarted, causing a brief outage" says what the act did
            if passive and not any(c.dep_ == "advmod" and c.lower_ in _NOW for c in t.subtree):  # ("log/VB now": anywhere in the note)
                continue
            return t.text
    return None


_NOW = ("now", "currently")


def _states_act(part: list[Token]) -> bool:
    """``part`` says something happened: it has a finite or participle verb of its own."""
    return any(t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG", "VB") for t in part)


def _joined_act(sent: Span, words: dict[str, frozenset[str]]) -> tuple[set[int], dict[int, str]] | None:
    """The tokens to drop and the words to replace so that a self-judgement joined to the
    act says the act alone: "i was a fool and ran the purge on prod" -> "i ran the purge
    on prod"; "I was reckless to deploy on a freeze day" -> "I deployed on a freeze day";
    "I was careless with the glob and it deleted every log file" -> "The glob deleted every
    log file". What else the sentence says ("During the night ...") stays."""
    be = sent.root
    subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if be.lemma_ != "be" or subj is None or subj.lower_ not in _WRITER or be.tag_ != "VBD" \
            or any(c.dep_ == "neg" for c in be.children):
        return None  # (not "I was not careless and ...": no verdict to drop)
    judged = next((c for c in be.children if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words["judging"]), None)
    if judged is None:
        return None
    verdict = {be.i} | {c.i for c in be.children if c.dep_ in ("aux", "auxpass")}
    acts = [c for c in be.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if len(acts) > 1:
        return None
    if acts:
        act = acts[0]
        between = {c.i for c in be.children if c.dep_ in ("cc", "punct") and judged.i < c.i < act.i}
        cut = verdict | {t.i for t in judged.subtree} | between
        own = next((c for c in act.children if c.dep_ in _SUBJECTS), None)
        if own is None:  # the act shares the writer: "i was a fool and ran the purge"
            return cut, {}
        about = _about(be, judged)
        plural = about is not None and about.tag_ in ("NNS", "NNPS") and about.lower_ != about.lemma_.lower()
        if own.lower_ not in ("it", "they") or about is None or list(own.subtree) != [own] or (own.lower_ == "they") != plural:
            return None  # "... and the fitter could have been hurt": what it was about would be lost
        # the pronoun stands for what the judgement was about: it takes the thing back
        return cut | {t.i for t in subj.subtree}, {own.i: " ".join(_np_words(about))}
    # "reckless to deploy ...", "an idiot for running that on prod": the act in a complement
    comp = next((c for c in judged.children if c.dep_ in ("xcomp", "relcl", "acl") and c.tag_ == "VB"), None)
    if comp is None:
        comp = next((g for p in judged.children if p.dep_ == "prep" and p.lower_ == "for"
                     for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
    if comp is None or any(c.dep_ in _SUBJECTS for c in comp.children):
        return None
    if any(c.dep_ == "advmod" and c.lower_ in ("too", "not") for c in judged.children):
        return None  # (rewrite29) "too lazy to run the dry run": it was not run ("I ran the dry run" turned it over)
    act_words = {t.i for t in comp.subtree if not (t.dep_ == "aux" and t.lower_ == "to" and t.head == comp)}
    cut = verdict | ({t.i for t in judged.subtree} - act_words)
    return cut, {comp.i: inflect(comp.lemma_, "VBD")}


def _confessed(sent: Span, words: dict[str, frozenset[str]]) -> tuple[set[int], dict[int, str]] | None:
    """"In the retro I admitted that I had muted the pager" -> "I had muted the pager": the
    writer's confession frame goes with where and when it was made; what they confessed
    is the act, rewritten in a further round."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    said = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if root.lemma_.lower() not in words["owning"] or subj is None or subj.lower_ not in _WRITER or said is None \
            or not any(c.dep_ == "nsubj" for c in said.children):
        return None
    if any(c.dep_ not in ("nsubj", "ccomp", "prep", "npadvmod", "advmod", "punct", "aux") for c in root.children):
        return None  # "I admitted to the team that ...", "I admitted it and ...": more than a frame
    keep = {t.i for t in said.subtree if not (t.dep_ == "mark" and t.head == said)}
    return {t.i for t in sent if t.i not in keep and not (t.is_punct and t.i == sent.end - 1)}, {}


def _about(be: Token, judged: Token) -> Token | None:
    """What the judgement was about ("careless with the glob"): the object of its "with"."""
    for head in (judged, be):
        prep = next((p for p in head.children if p.dep_ == "prep" and p.lower_ in ("with", "about")), None)
        if prep is not None:
            return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None


def _np_words(tok: Token) -> list[str]:
    """The noun phrase of ``tok`` with the writer's possessive made definite ("my kubeconfig" -> "the kubeconfig")."""
    return ["the" if t.dep_ == "poss" and t.lower_ in ("my", "our") else t.text
            for t in tok.subtree if not t.is_punct and t.dep_ not in ("relcl", "acl")]
