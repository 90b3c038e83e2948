""""You" as the one who erred (rule 17), where no fault word says so: a reproach for a
habit ("you always forget to bump the version", "you never look at the canary before
promoting") and an act done over someone else's work ("you pushed over my draft on the
release branch", "you removed my notes from the shared folder").

"You" giving instructions or describing a tool ("you never need to restart it by
hand", "you can always roll back", "if you delete the branch, the pipeline stops")
is generic: a modal, a condition or a verb that is neither a fault nor a check left
undone keeps it out.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import Kind, classify
from .clauses import Clause
from .framing import negative_framing
from .hedged import attribution_words, told_past
from .lexicon import Lexicon, verb_lemma
from .recognizers import Detection, SentenceView

_DAMAGE = ("destructive", "breakage", "harm", "exchange")
_OTHERS = ("my", "our", "his", "her", "their", "everyone", "everybody", "someone", "somebody")


def _you(c: Clause) -> bool:
    return c.subject is not None and c.subject.lower_ == "you" and c.subject.dep_ == "nsubj"


def _generic(c: Clause) -> bool:
    """Instructions and how-it-works: a modal, a condition, a clause under "if"/"when"."""
    if c.modal or c.conditional or any(a.tag_ == "MD" for a in c.verb.children if a.dep_ == "aux"):
        return True
    return any(m.lower_ in ("if", "when", "whenever", "once", "unless") for m in c.verb.children if m.dep_ in ("mark", "advmod"))


def _habit(c: Clause, lex: Lexicon, words) -> list[Token]:
    """"you always forget to bump", "you never look at the canary": the habit adverb and the verb."""
    adverbs = [a for a in c.verb.children if a.dep_ in ("advmod", "neg") and a.lower_ in words["habit_adverbs"]]
    if not adverbs:
        return []
    never = any(a.lower_ == "never" for a in adverbs)
    a = c.action
    if not never and (lex.verbs["fault"].match(c.verb) or lex.verbs["fault"].match(a)):
        return [adverbs[0], c.verb]  # "you always forget to bump ..."
    if never and (lex.verbs["diligence"].match(a) or lex.verbs["response"].match(a)) and c.objects:
        return [adverbs[0], a]  # "you never look at the canary"
    return []


def _others_work(tok: Token, lex: Lexicon) -> bool:
    """"my draft", "everyone's changes", "Lena's branch": work that belongs to someone else."""
    return any(d.dep_ == "poss" and (d.lower_ in _OTHERS or classify(d, lex) in (Kind.PERSON, Kind.ROLE, Kind.TEAM))
               for d in tok.children)


def _over_others(c: Clause, lex: Lexicon, words) -> list[Token]:
    """An act done over someone else's work: destroying it, or pushing over it."""
    a = c.action
    if lex.verbs["recovery"].match(a) and not any(lex.verbs[k].match(a) for k in _DAMAGE):
        # "you reverted my fix without asking": undoing someone else's work, framed as
        # done the wrong way; a plain "you reverted my fix" can be the right call
        owned = [o for o in c.objects if _others_work(o, lex)]
        framed = negative_framing(c, lex) if owned else []
        return [a, owned[0], *framed[:1]] if framed else []
    if any(lex.verbs[k].match(a) for k in _DAMAGE) and any(_others_work(o, lex) for o in c.objects):
        return [a, *[o for o in c.objects if _others_work(o, lex)][:1]]  # "you removed my notes"
    if not (lex.verbs["causal"].match(a) or any(lex.verbs[k].match(a) for k in _DAMAGE)):
        return []
    for p in a.children:
        phrase = " ".join(t.lower_ for t in p.subtree if t.i <= p.i or t.dep_ == "prep" and t.head == p)
        if p.dep_ == "prep" and (p.lower_ in words["overriding_preps"] or phrase in words["overriding_preps"]):
            obj = next((o for o in p.children if o.dep_ == "pobj"), None)
            if obj is not None and _others_work(obj, lex):
                return [a, p, obj]  # "pushed over my draft"
    return []


def you_reproach(view: SentenceView) -> Detection | None:
    lex, words = view.lex, attribution_words()
    for c in view.clauses:
        if not _you(c) or c.verb.i in view.quoted or c.passive or _generic(c):
            continue
        habit = _habit(c, lex, words)
        over = [] if habit or not told_past(c.verb) or c.negated else _over_others(c, lex, words)
        found = habit or over
        if not found:
            continue
        # The clause rewrites drop a habit's "always" or "never" ("The canary is
        # looked at before promoting") and turn "over my work" into "over a work": these
        # detections carry no clause, so no rewrite is offered.
        clause = None if habit or any(t.dep_ == "prep" for t in over) else c
        said = " ".join(t.text for t in sorted(found, key=lambda t: t.i))
        return Detection(
            "blame.person-subject", "framing",
            f'"you ... {said}" reproaches a person for what they did ("{verb_lemma(c.action)}"); '
            "describe the step and what would have made it safe instead.",
            clause, found, c.subject,
        )
    return None
