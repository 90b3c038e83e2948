"""Rewriting one clause: its object as the new subject, and the agentless,
system-subject and counterfactual variants (the range it replaces: clause_range.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .absolute_with import state_left_behind
from .adverbial_relative import adverbial_relative, split_time_span, told_content
from ..checks.blame.agents import is_english_word
from .aspect import perfected, with_adverbs
from .colon_aside import colon_aside
from .extraposed import extraposed
from .superlative_scope import scoped_by_superlative
from .manner import manner_of_act
from .reported import hedging_modal, participle_destination
from .text import code_opener, inflect, is_present, participle_of, phrasing, quoted_after, span_text, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause

_PRONOUN_OBJECTS = {"it": "it", "this": "this", "that": "that"}
# "told everyone the rollback had worked" -> "everyone was told ...": who was told can be
# the subject of a verb of telling; of any other verb ("ignored everyone") an outcome misfits
_TOLD_PRONOUNS = {"everyone", "everybody"}
_REFLEXIVES = {"myself", "himself", "herself", "themselves", "themself", "yourself"}


def _verb_chain(clause: "Clause") -> set[int]:
    ids = {clause.verb.i, clause.action.i}
    for v in (clause.verb, clause.action):
        for c in v.children:
            if c.dep_ in ("aux", "auxpass", "neg", "prt") or (c.dep_ == "advmod" and c.lower_ in ("never", "not")):
                ids.add(c.i)
    return ids


# "on" and "of" usually belong to the noun ("the expiry date on the certificate").
_MOVABLE_PREPS = {"to", "into", "onto", "against", "at", "from", "in", "over", "across", "via", "through"}


_STATE_VERBS = {"leave", "keep", "make", "get", "set"}


def _object_parts(obj: Token) -> tuple[str, str] | None:
    """The object as a new subject, and its trailing place phrases, which read better
    after the passive verb: ("the schema change", "to the orders database")."""
    if obj.lower_ in phrasing()["apology_words"]:
        return None  # "restarted the wrong pod lol/dobj": the chat word is no head of the object
    if any(c.dep_ == "cc" and c.lower_ == "but" for c in obj.children):
        return None  # "renew the domain but/cc forgot/conj": a clause the parser joined to the noun
    if obj.lower_ in phrasing()["state_complements"] and verb_lemma_of(obj.head.text) in _STATE_VERBS and obj.i > obj.left_edge.i + 1:
        # (rewrite31) "made the audit bucket public/dobj": the parser read the state as the
        # head of a compound; the thing is the words before it, the state follows the verb
        return span_text([t for t in obj.subtree if t.i < obj.i]), obj.text
    if obj.pos_ == "PRON" and obj.lower_ not in _PRONOUN_OBJECTS and not (
            obj.lower_ in _TOLD_PRONOUNS and verb_lemma_of(obj.head.text) in phrasing()["telling_verbs"]):
        return None
    # "cut 4,000 customers in Leeds off the network": when the verb's particle follows
    # the object, a place phrase moved behind the verb would stand between the verb and
    # it ("were cut in Leeds off the network"), so it stays with its noun
    verb_phrase_next = any(c.i == obj.right_edge.i + 1 and (c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in phrasing()["verb_particles"]))
                           for c in obj.head.children)
    moved = [c for c in obj.children if c.i > obj.i and (
        (c.dep_ == "prep" and c.lower_ in _MOVABLE_PREPS and not verb_phrase_next and not _locates_object(c, obj.head)
         and not scoped_by_superlative(obj))  # (rewrite30) "the largest table in the warehouse"
        # "installed the expired certificate on the new load balancer", "tested the migration
        # on a copy": after a verb of putting or trying, "on" says where it was done
        or (c.dep_ == "prep" and c.lower_ == "on" and not verb_phrase_next and verb_lemma_of(obj.head.text) in phrasing()["on_place_verbs"])
        or manner_of_act(c)  # "the previous version by mistake": how it was done, after the verb
        or (c.dep_ in ("cc", "conj", "advmod") and any(t.lower_ in ("instead", "rather") for t in obj.subtree if t.i > obj.i))
        or (c.dep_ == "relcl" and c.doc[c.left_edge.i - 1].text == ",")  # ", which logged out every user"
        or adverbial_relative(c, obj)  # (rewrite29) "typed live where the form said test"
        or split_time_span(c, obj)  # (rewrite29) "skipped the drill for the third week | running"
        # "left X enabled (in production)": the state belongs after the verb; elsewhere a
        # trailing modifier stays with its noun ("the missing connection close")
        or (c.dep_ in ("amod", "acl") and c.tag_ in ("VBN", "JJ") and obj.head.lemma_ in _STATE_VERBS)
        or _purpose(c)
        or (c.dep_ == "prep" and c.lower_ == "with" and _with_follows_verb(c, obj.head))
        or extraposed(obj, c)  # "a bug was pushed that made ..."
        or colon_aside(c)  # (rewrite19) "one of the replicas: the one that serves search"
    )]
    # "didn't tell the head of support about the change": what they were told about follows
    # "told", wherever the parser hung it in the recipient's phrase
    if verb_lemma_of(obj.head.text) in phrasing()["telling_verbs"]:
        moved += [d for d in obj.subtree if d.dep_ == "prep" and d.lower_ == "about" and d not in moved]
        moved += [d for d in obj.children if told_content(d) and d not in moved]  # (rewrite29) "told the on-call | that X"
    moved += participle_destination(obj)  # "a change meant for the lab | to the live core"
    # (rewrite28) "deleted the tag and/cc now the page is broken/conj": an "and" the parser hung
    # on the object, with no conjunct of the object's, joins the next clause: it follows the verb
    moved += [c for c in obj.children if c.dep_ == "cc" and c.i == obj.right_edge.i and not any(x.dep_ == "conj" for x in obj.children)]
    moved_ids = {t.i for m in moved for t in m.subtree}
    moved_ids |= {c.i for c in obj.children if c.dep_ == "punct" and c.i > obj.i and moved_ids and c.i < max(moved_ids)}
    # the comma that opens a moved ", which ..." goes with it, wherever the parser hung it
    moved_ids |= {t.i for t in obj.subtree if t.text == "," and t.i + 1 in moved_ids}
    # "input the command code "rm -rf /"": the quoted string names the object and moves
    # with it, never stranded after the verb
    rest = quoted_after(obj)
    # (a bracket or quote opened inside a part moved after the verb closes there too)
    opened_in_tail = bool(rest) and any(t.i in moved_ids and t.text in ('(', '"', "“", "`") for t in obj.subtree)
    head = [t for t in obj.subtree if t.i not in moved_ids] + ([] if opened_in_tail else rest)
    tail = [t for t in obj.subtree if t.i in moved_ids] + (rest if opened_in_tail else [])
    if (opener := code_opener(obj)) is not None:
        head = [opener] + head  # (rewrite31) "`orders_archive`" moves whole
    if len(head) > 1 and head[-1].is_quote and head[-2].text == ",":
        return None  # "typed a “bad command,” a spokesman said": the comma is the sentence's, mid-way
    # "the prod namespace, not the staging one, was deleted": fronted, the aside is closed before the verb
    close = "," if _open_aside(obj) and head and head[-1].i == obj.right_edge.i else ""
    return span_text(head) + close, span_text(tail)


def _locates_object(prep: Token, verb: Token) -> bool:
    """"skipped the migration step in the upgrade guide": after a verb of passing over or
    attending to a thing, "in" says where the thing is and stays with its noun."""
    # (a phrase that carries a clause, "in the sponsors file, which blanked the site", goes
    # after the verb as before: kept in the subject, the clause would come before the verb)
    return prep.lower_ == "in" and verb_lemma_of(verb.text) in phrasing()["located_object_verbs"] \
        and not any(t.dep_ in ("relcl", "acl") for t in prep.subtree)


def _with_follows_verb(prep: Token, verb: Token) -> bool:
    """A "with" phrase the parser hung on the object that belongs to the act: the
    material of verbs like overwrite ("with last month's copy"), or an absolute phrase
    with its own predicate ("with two tests still failing", "with the badge still red")."""
    if verb_lemma_of(verb.text) in phrasing()["with_complement_verbs"] or verb.lemma_ in phrasing()["with_complement_verbs"]:
        return True
    if any(c.dep_ == "pcomp" and c.tag_ in ("VBG", "VBN") for c in prep.children):
        return True
    after = prep.doc[prep.right_edge.i + 1] if prep.right_edge.i + 1 < len(prep.doc) else None
    # "with the CI badge still red": the predicate is parsed as the verb's own clause
    return after is not None and any(t.dep_ == "advcl" and t.head == verb and t.pos_ == "ADJ" and t.left_edge.i == after.i
                                      for t in verb.children) or state_left_behind(prep, verb)


def _purpose(c: Token) -> bool:
    """"removed the only replica to free up some disk space": a "to" clause with an object
    of its own says why the act was done, so it follows the passive verb; one without
    ("the first thing to check") is the noun's own relative and stays with it."""
    return c.dep_ in ("acl", "relcl", "advcl") and c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
        and any(o.dep_ in ("dobj", "obj", "ccomp") for o in c.children)


def _object_text(obj: Token) -> str | None:
    parts = _object_parts(obj)
    return None if parts is None else " ".join(p for p in parts if p)


def _plural(obj: Token) -> bool:
    if code_opener(obj) is not None and not obj.is_alpha:
        return False  # (rewrite31) "`billing_events`": one identifier names one thing
    coordinated = any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in obj.children) and any(c.dep_ == "conj" for c in obj.children)
    # "two of the three members", "all of the replicas": the count heads the phrase, the
    # plural noun after "of" decides the agreement
    partitive = obj.tag_ in ("CD", "DT", "PDT", "JJ") and obj.lower_ not in ("one", "1", "each", "either", "neither") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.tag_ in ("NNS", "NNPS") for g in c.children) for c in obj.children)
    # "deleted three" is a count; "released 8.5.3" names one version
    counted = (obj.tag_ in ("NNS", "NNPS") and obj.lower_ not in phrasing()["mass_nouns"]) or (obj.tag_ == "CD" and obj.lower_ not in ("one", "1") and (obj.is_digit or obj.is_alpha)
                                                                                            # (rewrite29) "typed 500 where the form said 50": a value, one
                                                                                            and not any(adverbial_relative(c, obj) for c in obj.children))
    return counted or coordinated or partitive


def _present(clause: "Clause") -> bool:
    """Present tense, read off the words rather than the tags: the small model tags
    some past forms as present ("I forgot/VBP", "overwrote/VBP")."""
    return is_present(clause.verb)


def _rest(clause: "Clause", own: list[Token], obj: Token | None, drop: set[str], span: tuple[int, int]) -> tuple[str, str]:
    """Words of the clause around the verb, minus subject, object, verb chain and judgement
    adverbs: (adverbs before the verb, everything after it), within ``span``."""
    skip = _verb_chain(clause)
    if clause.subject is not None:
        skip |= {t.i for t in clause.subject.subtree}
    if obj is not None:
        skip |= {t.i for t in obj.subtree} | {t.i for t in quoted_after(obj)}
        skip |= {t.i for t in (code_opener(obj),) if t is not None}
    skip |= {c.i for c in clause.action.children if c.dep_ == "aux" and c.lower_ == "to"}
    lo, hi = span
    # "installed the array itself": the reflexive was the person
    inside = [t for t in own if lo <= t.i <= hi and t.i not in skip and t.lower_ not in drop and t.lower_ not in _REFLEXIVES | {"itself"}]
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
    return any(cut_short(obj, clause.action_lemma) for obj in clause.objects)


def cut_short(obj: Token, lemma: str) -> bool:
    """An object the parser cut short ("winged the database | failover")."""
    nxt = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
    return nxt is not None and nxt.head != obj and (
        nxt.pos_ in ("NOUN", "PROPN")
        or (nxt.pos_ == "ADV" and nxt.is_alpha and not is_english_word(nxt.lower_))
        or (nxt.pos_ == "ADJ" and nxt.dep_ in ("advcl", "ccomp", "xcomp"))
        or (nxt.pos_ == "ADJ" and nxt.dep_ == "oprd" and lemma not in ("leave", "keep", "make", "set", "get"))
        # "the Kafka | upgrade/VB": a bare verb right after a noun is the noun's head word
        or (nxt.tag_ == "VB" and nxt.dep_ != "aux" and not any(c.lower_ == "to" for c in nxt.children))
        # "ran VACUUM | FULL": a second object of the same verb is the rest of one name
        or (nxt.dep_ == obj.dep_ and nxt.head == obj.head)
    )


def passive_variants(clause: "Clause", own: list[Token], negate: bool, drop: set[str], span: tuple[int, int]) -> list[str]:
    """Agentless versions of the clause: "the TLS certificate was not renewed"."""
    if not clause.objects or _shares_subject_conj(clause):
        return []
    obj = clause.objects[0]
    parts = _object_parts(obj)
    if not parts or not parts[0]:
        return []
    obj_text, moved = parts
    if len(obj_text.split()) > phrasing()["max_fronted_words"]:
        return []  # "A purchase order which was meant to ... was mistyped": the verb comes too late to read
    lemma = clause.action_lemma
    particle = next((c.text for c in clause.action.children if c.dep_ == "prt"), "")
    before, after = _rest(clause, own, obj, drop, span)
    after = " ".join(x for x in (moved, after) if x)
    plural = _plural(obj)
    be = ("are" if plural else "is") if _present(clause) else ("were" if plural else "was")
    vbn = participle_of(clause.action)
    outcome = outcome_phrase(lemma, particle, obj) or outcome_phrase(verb_lemma_of(clause.action.text), particle, obj)
    if outcome and not negate:  # "went unanswered" reads better than "was ignored"
        subject, rest = obj_text, after
        if not outcome.startswith("{be}"):
            # an outcome has no verb for a place phrase to follow: "the alert on the logging
            # cluster went unanswered", not "went unanswered on the logging cluster"
            near = _beside(clause.action, obj)
            if moved.split(" ")[0].lower() in ("to", "into", "onto"):
                # "the handover to the night shift went wrong", never "went wrong to the night shift"
                subject, rest = f"{obj_text} {moved}", _rest(clause, own, obj, drop, span)[1]
            elif near and not moved:
                subject = " ".join((obj_text, span_text([t for p in near for t in p.subtree])))
                skip = {t.i for p in near for t in p.subtree}
                rest = span_text([t for t in own if t.i not in skip and t.i > clause.action.i and span[0] <= t.i <= span[1]
                                  and t.i not in {x.i for x in obj.subtree} and t.i not in _verb_chain(clause)
                                  and t.lower_ not in drop and t.lower_ not in _REFLEXIVES | {"itself"}])
        said = perfected(outcome, clause.action, plural) or _tensed(outcome, _present(clause), plural).replace("{be}", be)
        return [" ".join(x for x in (subject, said, _unsaid(rest, outcome)) if x)]
    if particle and particle.lower() in vbn.lower().split():
        particle = ""  # "put together in a hurry": the phrase has the particle already
    return [" ".join(x for x in (obj_text, with_adverbs(_perfect(clause.verb, plural, be, negate), before, negate), vbn, particle, after) if x)]


def _beside(verb: Token, obj: Token) -> list[Token]:
    """Place phrases the parser hung on the verb right after its object ("ignored the alert
    | on the logging cluster", "the warnings | from the capacity review"): the object's."""
    out: list[Token] = []
    at = obj.right_edge.i + 1
    for c in sorted((c for c in verb.children if c.dep_ == "prep" and c.i > obj.i), key=lambda c: c.i):
        if c.i != at or c.lower_ not in ("on", "from", "to") or not any(g.dep_ == "pobj" and any(d.dep_ == "det" for d in g.children) for g in c.children):
            break
        out.append(c)
        at = c.right_edge.i + 1
    return out


def _perfect(verb: Token, plural: bool, be: str, negate: bool, words: list[Token] | None = None) -> str:
    """The passive auxiliaries, keeping the perfect: "had entered" -> "had been entered",
    "has not renewed" -> "has not been renewed"; otherwise ``be`` (and "not")."""
    have = next((a.lower_ for a in verb.children if a.dep_ == "aux" and a.lemma_ == "have" and a.i < verb.i), None)
    # "never tested" -> "was never tested": the frequency is the writer's, "not" would lose it
    no = "never" if any(c.lower_ == "never" and c.dep_ in ("neg", "advmod") for c in verb.children) else "not"
    if have is None:
        # "was tidying the buckets" -> "were being tidied": the progressive is the writer's
        # aspect; "were tidied" would finish what was still going on
        # (only when the "was" is the phrase's own: "My mistake was deleting X" is no progressive,
        # its "was" left outside ``words``)
        if verb.tag_ == "VBG" and any(a.dep_ == "aux" and a.lemma_ == "be" and a.i < verb.i and (words is None or a in words)
                                      for a in verb.children):
            be = f"{be} being"
            return f"{be.split()[0]} {no} being" if negate else be
        return f"{be} {no}" if negate else be
    if modal := hedging_modal(verb):  # "may have reversed" -> "may have been reversed" (rewrite/reported.py)
        return f"{modal} {no} have been" if negate else f"{modal} have been"
    head = "had" if have in ("had", "'d") else ("have" if plural else "has")
    return f"{head} {no} been" if negate else f"{head} been"


def _unsaid(rest: str, outcome: str) -> str:
    """``rest`` without a first word the outcome phrase says already ("bodged it together"
    -> "put together in a hurry", not "... in a hurry together")."""
    head, _, tail = rest.partition(" ")
    return tail if head and head.lower() in outcome.lower().split() else rest


def outcome_phrase(lemma: str, particle: str, obj: Token | None) -> str | None:
    """The outcome a fault verb reads better as ("went unanswered"), fitted to its object:
    only what can be answered goes unanswered."""
    rw = phrasing()
    said = f"{lemma} {particle}".strip()
    outcome = rw["outcome_phrases"].get(said) or rw["outcome_phrases"].get(lemma)
    thing = obj.lemma_.lower() if obj is not None else None
    for fit in rw["fitted_outcomes"] if outcome and thing else ():
        if (said in fit["verbs"] or lemma in fit["verbs"]) and (
                thing in fit["only"] if "only" in fit else thing not in fit["unless"]):
            return fit["outcome"]
    return outcome


def system_variant(clause: "Clause", own: list[Token], drop: set[str], system: str, span: tuple[int, int]) -> str | None:
    """An omission as what the system did not ensure: "Nothing in the release process
    ensured that the certificate was renewed". (Acts get no "<system> allowed X to be
    done": it names a subject the sentence never did.)"""
    if not clause.objects or _shares_subject_conj(clause) or (parts := _object_parts(clause.objects[0])) is None:
        return None
    obj_text, moved = parts
    particle = next((c.text for c in clause.action.children if c.dep_ == "prt"), "")
    _, after = _rest(clause, own, clause.objects[0], drop, span)
    after = " ".join(x for x in (moved, after) if x)
    vbn = participle_of(clause.action)
    be = "were" if _plural(clause.objects[0]) else "was"
    return " ".join(x for x in ("nothing in", system, "ensured that", obj_text, be, vbn, particle, after) if x)


def verb_phrase_passive(verb: Token, own: list[Token], negate: bool, drop: set[str], obj_text: str | None = None,
                        present: bool | None = None) -> tuple[str, str] | None:
    """One verb phrase of a person's, as (new subject, agentless passive predicate):
    "misconfigured the firewall" -> ("the firewall", "was misconfigured"). ``own`` are
    the phrase's tokens (the verb's subtree without other conjuncts); ``obj_text``
    stands in when the verb has no object of its own."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    split = _split_head(verb, obj) if obj is not None else None
    if split is not None:
        # "fat-fingered the CIDR/dobj block/dobj": one object the parser cut in two
        subject, moved, plural = f"{span_text(list(obj.subtree))} {split.text}", "", split.tag_ in ("NNS", "NNPS")
        skip = {t.i for t in obj.subtree} | {split.i}
    elif obj is not None:
        parts = _object_parts(obj) if not cut_short(obj, verb_lemma_of(verb.text)) else None
        if parts is None or not parts[0]:
            return None
        subject, moved = parts
        skip = {t.i for t in obj.subtree} | {t.i for t in quoted_after(obj)}
        if len(subject.split()) > phrasing()["max_fronted_words"]:
            return None
        plural = _plural(obj)
        skip |= {t.i for t in (code_opener(obj),) if t is not None}  # (rewrite31) the code span's opening backtick
    elif obj_text or (verb.dep_ in ("ROOT", "conj", "parataxis") and (obj_text := phrasing()["implied_objects"].get(verb_lemma_of(verb.text)))):
        # "merged without waiting for CI": what a merge or deploy acts on is a change
        subject, moved, plural, skip = obj_text, "", False, set()
    else:
        return None
    chain = {verb.i} | {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt", "nsubj") or c.lower_ in ("never", "not")}
    particle = next((c.text for c in verb.children if c.dep_ == "prt"), "")
    # "merged it themselves": the reflexive was the person
    inside = [t for t in own if t.i not in skip | chain and t.lower_ not in drop and t.lower_ not in _REFLEXIVES]
    before = span_text([t for t in inside if t.i < verb.i and t.dep_ == "advmod" and t.tag_ != "WRB"])
    after = " ".join(x for x in (moved, span_text([t for t in inside if t.i > verb.i])) if x)
    now = is_present(verb) if present is None else present
    be = ("are" if plural else "is") if now else ("were" if plural else "was")
    lemma = verb_lemma_of(verb.text)
    outcome = outcome_phrase(lemma, particle, obj)
    if outcome and not negate:
        return subject, " ".join(x for x in (_tensed(outcome, now, plural).replace("{be}", be), _unsaid(after, outcome)) if x)
    if particle and particle.lower() in participle_of(verb).lower().split():
        particle = ""
    return subject, " ".join(x for x in (_perfect(verb, plural, be, negate, own), before, participle_of(verb), particle, after) if x)


def _open_aside(obj: Token) -> bool:
    """``obj`` ends in an appositive set off by a comma ("the primary, the one in eu-west-1"):
    after the object it needed no closing comma; fronted as a subject it does."""
    aside = next((c for c in obj.children if c.dep_ == "appos" and c.i > obj.i), None)
    if aside is None or aside.right_edge.i != obj.right_edge.i or any(t.pos_ == "PRON" for t in aside.subtree):
        return False  # ("the bucket, not me": a person set beside the thing is refused, rewrite/garbled.py)
    comma = next((c for c in obj.children if c.text == "," and obj.i < c.i < aside.left_edge.i), None)
    return comma is not None and all(obj.doc[i].head == obj for i in range(comma.i, aside.left_edge.i))


def _split_head(verb: Token, obj: Token) -> Token | None:
    """The bare noun right after a determiner-led object that the parser made a second
    object of the same verb ("the CIDR | block"), or None."""
    nxt = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
    if nxt is None or nxt.head != verb or nxt.dep_ not in ("dobj", "obj") or nxt.tag_ not in ("NN", "NNS") or list(nxt.children):
        return None
    if not any(t.dep_ == "det" for t in obj.children) or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    return nxt


def _tensed(outcome: str, present: bool, plural: bool) -> str:
    """"went unanswered" in a present-tense timeline entry: "goes unanswered"."""
    head, _, rest = outcome.partition(" ")
    if not present or head.startswith("{"):
        return outcome
    return " ".join(x for x in (inflect(verb_lemma_of(head), "VBP" if plural else "VBZ"), rest) if x)
