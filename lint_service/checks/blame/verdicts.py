"""Blame said with verbs of blame, punishment and apology.

"The failures were blamed on a contractor", "Engineer blamed for outage", "whoever
merged that should be fired", "the dev deserves a written warning", "Sorry all, I
ran the migration twice and duplicated the invoices" (rules 12-14 and 9).
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, Kind, classify
from .assertions import made_by
from .clauses import Clause
from .fragments import first_word, past_form
from .lexicon import verb_lemma
from .misfortune import suffered
from .punishment import punishment_recipients
from .senses import no_fault_sense
from .recognizers import Detection, SentenceView, _fault_reason, _negated_sentence, _who


def _blameable(tok: Token | None, view: SentenceView) -> bool:
    return tok is not None and tok.i not in view.quoted and classify(tok, view.lex) in BLAMEABLE


def _error_noun(tok: Token, view: SentenceView) -> bool:
    """"human error", "operator error": blaming one is blaming people."""
    terms = view.lex.terms
    return tok.lemma_.lower() in terms["error_heads"] and any(
        c.dep_ in ("amod", "compound") and c.lower_ in terms["error_modifiers"] for c in tok.children)


def _persons_error(tok: Token, view: SentenceView) -> bool:
    """'blamed the outage on "a mistake made by one of our engineers"': an error said to
    be a person's."""
    terms = view.lex.terms
    return tok.lemma_.lower() in terms["blame_nouns"] | terms["error_heads"] and made_by(tok, view.lex) is not None


def _meta_governed(tok: Token, view: SentenceView) -> bool:
    """"we avoid blaming the operator", "stop blaming people": talk about blame."""
    lex = view.lex
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and anc is not tok and (verb_lemma(anc) in lex.verbs["meta"] or verb_lemma(anc) in lex.terms["blame_stoppers"]):
            return True
        if any(c.dep_ == "neg" for c in anc.children) or any(c.lower_ in ("never", "not") for c in anc.children if c.dep_ in ("advmod", "neg")):
            return True
    return False


def blame_verb(view: SentenceView) -> Detection | None:
    """Someone blames a person: "blamed it on an employee", "blaming engineers working
    for the carrier", "Engineer blamed for outage", "is blaming human error"."""
    for tok in view.sent:
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ != "VBN" or verb_lemma(tok) != "blame" or tok.i in view.quoted:
            continue
        if _meta_governed(tok, view) or _negated_sentence(tok):
            continue
        if tok.dep_ in ("csubj", "nsubj") or any(a.tag_ == "MD" for x in [tok, *tok.ancestors] for a in x.children if a.dep_ == "aux"):
            continue  # "Blaming Kofi would miss the point": blame considered, not laid
        if any(a.lower_ == "to" and a.dep_ == "aux" for a in tok.children):
            continue  # "It is tempting to blame the operator"
        if any(x.dep_ == "conj" and any(cc.lower_ == "but" for cc in tok.children if cc.dep_ == "cc") for x in tok.children):
            continue  # "The press blamed an engineer, but the report found a firmware bug": blame contradicted
        targets = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        targets += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for o in p.children if o.dep_ == "pobj"]
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        if tok.tag_ in ("VBN", "VBD") and not passive and tok.dep_ in ("acl", "ROOT") and any(
                p.lower_ == "for" for p in tok.children if p.dep_ == "prep"):
            # a headline or reduced relative: "Engineer blamed for outage", "the intern blamed for the email"
            targets.append(next((c for c in tok.children if c.dep_ == "nsubj"), tok.head if tok.dep_ == "acl" else None))
        for t in targets:
            if t is not None and (_blameable(t, view) or _error_noun(t, view) or _persons_error(t, view)):
                return Detection("blame.blame-noun", "blame-verb",
                                 f'"{tok.text}" puts the failure on "{_who(t)}"; describe what the system allowed instead.',
                                 None, [tok, t], t)
    return None


def _verb_phrases(verb: Token) -> set[str]:
    """The verb's lemma, alone and with the particle or bare verb right after it
    ("fired", "let go", "laid off")."""
    lemma = verb_lemma(verb)
    return {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "xcomp", "advmod") and c.i == verb.i + 1}


def _punished(c: Clause, view: SentenceView) -> Token | None:
    """The person a clause punishes, if it does."""
    terms = view.lex.terms
    # said in hindsight ("should never have been given") or now ("should not be allowed near ... again")
    obliged = c.modal in ("should", "ought", "could") or any(a.dep_ == "aux" and a.lower_ in ("should", "must", "ought") for a in c.verb.children)
    if c.negated and c.passive and obliged and verb_lemma(c.verb) in terms["entrust_verbs"] and _blameable(c.subject, view):
        # "should never have been given root", "should not have been allowed near prod":
        # hindsight withdrawing trust from a person is a verdict on them
        granted = {t.lemma_.lower() for x in c.verb.children if x.dep_ in ("dobj", "prep", "xcomp", "dative") for t in x.subtree}
        return c.subject if granted & (terms["privilege_nouns"] | view.lex.framing["valuable_objects"]) else None
    if c.negated:
        return None
    if c.passive and _verb_phrases(c.verb) & terms["punishment_verbs"] and (
            _blameable(c.subject, view) or (c.subject is not None and c.subject.lower_ == "you")):
        return c.subject  # "should be fired", "will be disciplined", "you're fired"
    if not c.passive and _verb_phrases(c.verb) & terms["punishment_verbs"]:
        # (not "Would you fire someone who deletes a bucket?": a case put, of anyone)
        target = next((o for o in c.objects if _blameable(o, view) and not any(
            d.dep_ == "det" and d.lower_ in ("a", "an", "any") for d in o.children)), None)
        if target is not None and not (view.sent[-1].text == "?" and c.verb.tag_ in ("VB", "VBP")):
            return target  # "the railway fired two employees for tampering with the wires"
    if c.passive and verb_lemma(c.verb) == "hold" and _blameable(c.subject, view) and any(
            x.lower_ in ("accountable", "responsible", "liable") for x in c.verb.children if x.dep_ in ("oprd", "acomp", "xcomp")):
        return c.subject  # "needs to be held accountable"
    headline = c.verb.tag_ in ("VBD", "VBN") and not c.objects and not any(x.dep_ in ("aux", "prt") for x in c.verb.children)
    # a headline's noun with the participle hung on it ("Depot clerk suspended after ...")
    # names the one punished as its subject would
    punished = c.subject if c.subject is not None else (
        c.verb.head if c.verb.dep_ == "acl" and c.verb.tag_ == "VBN" and c.verb.head.dep_ == "ROOT" else None)
    if headline and _verb_phrases(c.verb) & terms["punishment_verbs"] and _blameable(punished, view):
        return punished  # "Engineer fired after outage"
    lemma = verb_lemma(c.action)
    if lemma in terms["accounting_verbs"] and any(p.dep_ == "prep" and p.lower_ == "for" for p in c.action.children) and _blameable(c.subject, view) \
            and (c.action is not c.verb or any(a.dep_ == "aux" and a.lower_ in ("must", "should", "will", "shall") for a in c.verb.children)):
        return c.subject  # "will have to answer for the outage", "must pay for this"
    if lemma == "roll" and c.subject is not None and c.subject.lower_ == "heads" and not list(c.subject.children) \
            and not any(x.dep_ == "prt" for x in c.action.children) and not c.negated:
        return c.verb  # "heads are going to roll for this": punishment for someone
    if lemma in ("deserve", "get", "receive", "face", "earn") and _blameable(c.subject, view):
        if any(o.lemma_.lower() in terms["punishment_nouns"] for o in c.objects):
            return c.subject  # "deserves a written warning", "should face disciplinary action"
    if lemma in ("lose", "forfeit") and _blameable(c.subject, view) and any(
            a.lower_ in ("should", "must", "ought", "will", "deserves") for a in c.verb.children if a.dep_ == "aux"):
        if any(t.lemma_.lower() in terms["privilege_nouns"] for o in c.objects for t in o.subtree):
            return c.subject  # "should lose their deploy rights"
    return None


def verdict(view: SentenceView) -> Detection | None:
    """Punishment aimed at a person (rule 14)."""
    for c in view.clauses:
        if c.verb.i in view.quoted and not c.passive:
            continue
        who = _punished(c, view)
        if who is not None:
            return Detection("blame.judgement", "verdict",
                             f'Punishing "{_who(who)}" ("{c.verb.text}") treats a person as the cause; say what would stop the failure recurring instead.',
                             c, [c.verb], who)
    terms = view.lex.terms
    for tok in view.sent:  # "punishment of 21 employees", "disciplinary action against the engineer"
        if tok.lemma_.lower() in terms["punishment_nouns"] and tok.pos_ == "NOUN" and tok.i not in view.quoted and not _negated_sentence(tok):
            named = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "for", "against") for o in p.children if o.dep_ == "pobj"]
            for who in (o for o in named + punishment_recipients(tok, view.lex) if _blameable(o, view)):
                if who is not None:
                    return Detection("blame.judgement", "verdict",
                                     f'"{tok.text} ... {who.text}" treats a person as the cause; say what would stop the failure recurring instead.',
                                     None, [tok, who], who)
    return None


def _apology_word(view: SentenceView) -> bool:
    markers = view.lex.terms["apology_markers"]
    return any(t.lower_ in markers or t.lemma_.lower() in markers for t in view.sent)


def _apologising(view: SentenceView) -> bool:
    return _apology_word(view) or _remorse(view)


def _remorse(view: SentenceView) -> bool:
    """The writer's remorse said as a feeling: "I feel awful about ...", "I'm
    embarrassed to say ...", "I feel bad that ...": an apology without its word."""
    remorse = view.lex.terms["remorse_adjectives"]
    for t in view.sent:
        if t.dep_ == "acomp" and t.lower_ in remorse and t.head.lemma_ in ("feel", "be"):
            if any(s.dep_ == "nsubj" and classify(s, view.lex) == Kind.SELF for s in t.head.children):
                return True
    return False


def apology(view: SentenceView) -> Detection | None:
    """Self-blame in chat: an apology with the writer's own harmful act ("Apologies, I
    ran the migration twice and duplicated the invoices", "sorry for breaking the build",
    "Left the feature flag on in prod again, apologies"); not an apology for lateness."""
    if not _apologising(view):
        return None
    lex = view.lex
    harmful = ("breakage", "destructive", "fault", "causal", "harm")
    for tok in view.sent:  # "sorry for causing this", "apologies for breaking the build"
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in ("for", "about", "over") and any(lex.verbs[k].match(tok) for k in harmful) \
                and not lex.verbs["recovery"].match(tok) and not any(c.dep_ == "nsubj" for c in tok.children):
            return Detection("blame.person-subject", "apology", f'"{tok.head.text} {tok.text}" apologises for causing the failure; describe what the system let happen instead.',
                             None, [tok], None)
    for tok in view.sent:  # "sorry for the blunder in yesterday's release": the writer owns the mistake
        if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "about") and tok.lemma_.lower() in lex.terms["blame_nouns"] \
                and tok.head.head.lower_ in lex.terms["apology_markers"] and tok.i not in view.quoted \
                and all(p.lower_ in ("my", "our") for p in tok.children if p.dep_ == "poss"):
            return Detection("blame.person-subject", "apology", f'"{tok.head.head.text} {tok.head.text} ... {tok.text}" blames yourself for the failure; describe what the system let happen instead.',
                             None, [tok], None)
    for c in view.clauses:
        self_act = c.subject_kind == Kind.SELF or (c.subject is None and c.verb.i == first_word(view.sent).i and past_form(c.verb))
        if not self_act or c.negated or c.modal or c.passive or c.verb.i in view.quoted:
            continue
        if lex.verbs["recovery"].match(c.action) and not lex.verbs["fault"].match(c.action):
            continue
        acted = any(lex.verbs[k].match(c.action) for k in harmful)
        damaging = c.subject_kind == Kind.SELF and any(lex.verbs[k].match(c.action) for k in ("breakage", "destructive", "fault")) \
            and not no_fault_sense(c, lex) and not suffered(c, lex)  # "Sorry I'm late, what did I miss?", "sorry, missed the standup"
        reason = _fault_reason(c, lex)
        if reason is not None and not _apology_word(view):
            continue  # remorse beside a fault the person recognizer reads ("I feel terrible; I caused ..."): its reading, its rewrite
        if reason is not None or damaging or (acted and _harm_follows(c, view)):
            return Detection("blame.person-subject", "apology",
                             f'"{c.verb.text}" with an apology blames yourself for the failure; describe what the system let happen instead.',
                             c, [c.verb], c.subject)
    return None


def _harm_follows(c: Clause, view: SentenceView) -> bool:
    """The act is joined to a harmful one: "ran the migration twice and duplicated the invoices"."""
    lex = view.lex
    for x in c.verb.children:
        if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX") and any(lex.verbs[k].match(x) for k in ("breakage", "destructive", "harm", "fault")):
            return True
    return False
