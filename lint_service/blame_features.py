"""The parse as words for the learned blame scorer.

A bag-of-words classifier cannot see syntax, so the parse is written out as
tokens it can count: for every clause whose actor is person-like
(``checks/blame/learned.actors``), who acts (``ACTOR_self``, ``ACTOR_role``), what
they do (``VERB_delete``, the verb classes of ``rules/blame_verbs.yaml`` as
``VCLASS_fault``), and how (``NEG``, ``MODAL_should``, ``ADV_accidentally``,
``OBJ_MOD_wrong``, ``CLAUSE_sub``, ``CLAUSE_purpose``, ``QUOTED`` for a clause the
sentence mentions rather than asserts). What the other clauses say happened
follows as ``EFFECT_<verb class>`` ("... and checkout went down"). A sentence
without a person-like actor reads ``NOACTOR``. "Kenji deleted the wrong bucket" and "we paged Kenji about the
bucket" share most of their words but none of these tokens.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .checks.blame.clauses import Clause, clauses
from .checks.blame.learned import actors
from .checks.blame.lexicon import Lexicon, verb_lemma
from .checks.blame.quotes import quoted_tokens
from .checks.blame.recognizers import SentenceView

NO_ACTOR = "NOACTOR"
# Dependency labels of a clause that is not the sentence's main assertion.
_SUBORDINATE = ("advcl", "ccomp", "xcomp", "relcl", "acl", "csubj", "pcomp")
# Verb classes (rules/verbs.yaml) that say something went wrong, whoever the subject.
_EFFECTS = ("fault", "harm", "breakage", "outcome", "cessation")


def _lemma(tok: Token) -> str:
    # one token per feature: the classifier's tokenizer would split "set-up"
    return "".join(ch for ch in tok.lemma_.lower() if ch.isalnum())


def _clause_place(c: Clause) -> str:
    node = c.verb
    while node.dep_ == "conj" and node.head is not node:  # "X and deleted": the first conjunct's place
        node = node.head
    if node.dep_ in ("advcl", "xcomp", "acl") and node is c.action and any(a.dep_ == "aux" and a.lower_ == "to" for a in node.children):
        return "CLAUSE_purpose"  # "flipped the switch to shed load": why, not what went wrong
    return "CLAUSE_sub" if node.dep_ in _SUBORDINATE else "CLAUSE_main"


def _verb_features(c: Clause, lex: Lexicon) -> list[str]:
    out = [f"VERB_{_lemma(c.action)}"]
    if c.action is not c.verb:
        out.append(f"CTRL_{verb_lemma(c.verb)}")  # "failed to renew": the control verb
    out += [f"VCLASS_{name}" for name, verbs in lex.verbs.items() if verbs.match(c.action) or verbs.match(c.verb)]
    if c.passive:
        out.append("PASSIVE")
    if c.negated:
        out.append("NEG")
    if c.modal:
        out.append(f"MODAL_{c.modal}")
    if c.conditional:
        out.append("COND")
    out += [f"ADV_{_lemma(a)}" for v in {c.verb, c.action} for a in v.children if a.dep_ == "advmod" and a.pos_ == "ADV"]
    out += [f"OBJ_MOD_{_lemma(m)}" for o in c.objects for m in o.children if m.dep_ == "amod"]
    out.append(_clause_place(c))
    return out


def parse_features(sent: Span, lex: Lexicon) -> list[str]:
    """The sentence's person-like actors and their clauses, as classifier tokens."""
    view = SentenceView(sent, clauses(sent, lex), quoted_tokens(sent, lex), lex)
    out: list[str] = []
    acting: set[int] = set()
    for who, kind, clause in actors(view):
        out.append(f"ACTOR_{kind.value.replace('-', '')}")
        if who.i in view.quoted:
            out.append("QUOTED")
        if clause is None:  # the possessor of an act noun: "Leo's commit"
            out += ["POSS", f"NOUN_{_lemma(who.head)}"]
        else:
            acting.add(clause.verb.i)
            out += _verb_features(clause, lex)
    if not out:
        return [NO_ACTOR]
    effects = {name for c in view.clauses if c.verb.i not in acting
               for name in _EFFECTS if lex.verbs[name].match(c.action) and not c.negated}
    return out + [f"EFFECT_{name}" for name in sorted(effects)]
