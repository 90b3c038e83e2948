"""Coordinated actions and idioms: "misconfigured the firewall and blocked the range"
becomes one agentless half per verb; an idiom is rewritten from its rule data by
its gloss ("sat on the request for three weeks" -> "The request waited for three
weeks"), or, as one half of coordinated actions, says only how the other half was done.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from dataclasses import dataclass, replace

from .idiom_verb import idiom_as_verb
from .permitted import let_happen
from .went_ahead import went_ahead
from .writer_clause import writers_situation
from .ability import ability_half
from .reported import hedging_modal
from .candidate import PERSONAL_WORDS, Candidate, finish, np_text
from .person_clauses import them_half
from .clause import cut_short, is_present, verb_phrase_passive
from .people import replace_clause
from .text import phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def kept_modifiers(verb: Token, used: set[int], places: set[int] = frozenset()) -> str:
    """What a person's clause says besides the idiom: when, how often, until what (and
    ``places``, phrases of where the idiom's act was done)."""
    keep_preps = set(phrasing()["kept_prepositions"])
    kept: list[Token] = []
    for c in verb.children:
        if c.i in used:
            continue
        if any(t.lower_ in PERSONAL_WORDS or t.lower_.endswith("self") for t in c.subtree):
            continue  # "kept it to herself": the person's part of the idiom
        if (c.dep_ in ("advmod", "npadvmod") and c.lower_ not in phrasing()["dropped_adverbs"]) or (
            c.dep_ == "prep" and (c.lower_ in keep_preps or c.i in places)) or c.dep_ in ("advcl",):
            kept.extend(c.subtree)
    return span_text(kept)


def idiom_phrase(verb: Token, gloss: str, negate: bool = False) -> tuple[str, str] | None:
    """(thing, predicate) for an idiom clause: "sat on our request for three weeks" ->
    ("our request", "waited for three weeks"); None when the idiom has no rewrite."""
    data = phrasing()["idioms"].get(gloss)
    if not data or "thing" not in data:
        return None
    thing_preps = set(data.get("via", ["on", "of", "with", "through"]))
    thing: Token | None = None
    prep_used: Token | None = None
    # "made a pig's ear of X", "kicked the can down the road on X": the preposition
    # may hang off the idiom's own words rather than the verb
    # "went full/amod send/advcl on the reindex": a word of the idiom the parser read as a
    # verb of its own holds the preposition too
    idiom_words = set(gloss.lower().split())
    split = [c for c in verb.children if c.dep_ == "advcl" and c.lower_ in idiom_words]
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj", "prep", "acomp", "advmod", "oprd", "attr")] + split
    holders += [g for h in holders[1:] for g in h.children if g.dep_ in ("pobj",)]
    for c in (x for h in holders for x in h.children):
        if c.dep_ == "prep" and c.lower_ in thing_preps:
            thing = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            prep_used = c
            if thing is not None:
                break
    if thing is None and data.get("object", True):
        thing = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in data.get("not_objects", [])), None)
    if thing is None or thing.pos_ in ("PRON",) or thing.tag_ == "VBG" or cut_short(thing, ""):
        return None
    if any(t.lower_ in idiom_words and t.lower_ not in ("the", "a", "it") for t in thing.subtree if t.i > thing.i):
        return None  # "the release over/prep the wall": the idiom's own words hung on the thing
    if data.get("operation") and thing.lemma_.lower() not in phrasing()["operation_nouns"]:
        return None
    used = {verb.i} | {t.i for c in verb.children if c.dep_ in ("dobj", "obj", "prt", "nsubj", "aux", "neg", "acomp", "oprd", "attr", "dative")
                       or (c.dep_ == "prep" and c.lower_ not in set(phrasing()["kept_prepositions"])) for t in c.subtree}
    if prep_used is not None:
        used |= {t.i for t in prep_used.subtree}
    # "went ham": "ham" is the idiom, not a modifier
    used |= {t.i for t in verb.subtree if t.lower_ in idiom_words and t.i not in {x.i for x in thing.subtree}}
    used |= {t.i for w in split for t in w.children if t.dep_ in ("amod", "advmod", "dobj") and t.lower_ in idiom_words}
    plural = thing.tag_ in ("NNS", "NNPS")
    be = ("are" if plural else "is") if is_present(verb) else ("were" if plural else "was")
    # (rewrite31) "sat on the request for three weeks": the parser may hang the span of time
    # on the thing; after an idiom it is how long the idiom's state lasted, said after it
    units = set(phrasing()["time_span_units"])
    spans = [c for c in thing.children if c.dep_ == "prep" and c.lower_ in ("for", "over") and c.i == max(t.i for t in thing.subtree if not t.is_punct) - len(list(c.subtree)) + 1
             and (any(g.dep_ == "pobj" and g.lemma_.lower() in units and any(d.dep_ in ("nummod", "det") for d in g.children) for g in c.children)
                  # "left a landmine in the script for whoever came next": who it was left for
                  or c.lower_ == "for" and any(g.dep_ == "pcomp" and any(w.tag_ == "WP" for w in g.children) for g in c.children))]
    text = span_text([t for t in thing.subtree if t.i not in {x.i for c in spans for x in c.subtree}]) if spans else np_text(thing)
    # (rewrite31) "went to town with rm -rf in the wrong directory": a phrase of place with
    # none of the idiom's words is a fact of the act, said after it (it was lost before)
    keep_preps = set(phrasing()["kept_prepositions"])
    facts = [c for c in verb.children if c.dep_ == "prep" and c.lower_ not in keep_preps and c.i != getattr(prep_used, "i", -1) and c.i > verb.i
             and list(c.children) and not any(t.lower_ in idiom_words for t in c.subtree) and c.i not in {t.i for t in thing.subtree}]
    if any(t.lower_ in PERSONAL_WORDS for c in facts for t in c.subtree):
        return None
    used -= {t.i for c in facts for t in c.subtree}
    keep_preps_in = {c.i for c in facts}
    if data.get("subject"):
        # (rewrite31) "cut corners on X" -> "corners were cut on X": the idiom's own noun is
        # the subject, the thing stays where its preposition put it
        if prep_used is None:
            return None
        be = "are" if is_present(verb) else "were"
        kept = " ".join(x for x in (kept_modifiers(verb, used), *(kept_modifiers(w, used) for w in split)) if x)
        pred = data["thing"].replace("{be}", be).replace("{thing}", f"{prep_used.text} {text}")
        return data["subject"], " ".join(x for x in (pred, kept) if x)
    pred = data["thing"].replace("{be}", be)
    if is_present(verb):
        pred = pred.replace("slipped", "slips").replace("waited", "waits").replace("went", "goes")
    kept = " ".join(x for x in (kept_modifiers(verb, used, keep_preps_in), *(kept_modifiers(w, used) for w in split),
                                *(span_text(list(c.subtree)) for c in spans)) if x)
    return text, " ".join(x for x in (pred, kept) if x)


def _idiom(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """Idioms rewritten from their rule data; "dropped the ball on renewing X" restated
    as the omission it describes."""
    from ..checks.blame.framing import idiom_match

    c = det.clause
    if det.construction != "idiom" or c is None or c.subject is None:
        return []
    if len(_conjuncts(c.action)) > 1:  # "cut corners on X and skipped Y" (not ", and it shows")
        return coordinated(c, sent, False, set(), ctx.cache["blame.lexicon"])
    gloss = idiom_match(c, ctx.cache["blame.lexicon"]) or ""
    data = phrasing()["idioms"].get(gloss) or {}
    if "alone" in data and c.action is not c.verb and len(_conjuncts(c.verb)) > 1:
        # "tried to play the hero and patched X": the idiom was only how; the other act stays
        return coordinated(replace(c, action=c.verb, objects=[]), sent, False, set(), ctx.cache["blame.lexicon"])
    first = min(t.i for t in c.subject.subtree)
    # ", and it shows": a joined clause with its own subject stays as written
    own_clauses = {t.i for x in c.action.children if x.dep_ == "conj" and any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children)
                   for t in x.subtree}
    own_clauses |= {x.i for x in c.action.children if x.dep_ in ("cc", "punct") and own_clauses and x.i < min(own_clauses) and x.i > c.action.i
                    and not any(y.i < x.i and y.i > c.action.i and y.dep_ in ("cc",) for y in c.action.children if y != x)}
    last = max(t.i for t in c.action.subtree if not trailing_punct(t) and t.i not in own_clauses)
    if data.get("action") == "not-done":
        gerund = next((g for p in c.action.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if gerund is not None:
            obj = span_text([t for t in gerund.subtree if t.i > gerund.i])
            return [Candidate(finish(f"{np_text(c.subject)} did not {verb_lemma_of(gerund.text)} {obj}"), restated=True)]
    phrase = idiom_phrase(c.action, gloss)
    if phrase is None:
        return idiom_as_verb(det, sent, ctx)
    thing, pred = phrase
    return [Candidate(replace_clause(sent, first, last, f"{thing} {pred}"))]


def _conjuncts(verb: Token, pronoun: str | None = None, situations: bool = True) -> list[Token]:
    """``verb`` and the acts coordinated with it that share its subject; with ``pronoun``
    (the person's "I"), also those that say it again ("I deleted X and I forgot Y"), and
    without ``situations`` not those that are the writer's present situation ("and I
    can't start it now": writer_clause.writers_situation)."""
    out = [verb]
    for c in verb.children:
        subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass", "expl")]
        if c.dep_ == "conj" and c.pos_ == "VERB" if subjects else c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            if not subjects or (pronoun is not None and len(subjects) == 1 and subjects[0].dep_ == "nsubj"
                                and subjects[0].lower_ == pronoun and not list(subjects[0].children)
                                and (situations or not writers_situation(c, pronoun))):
                out.extend(_conjuncts(c, pronoun, situations))
    out.extend(x for x in _misattached(verb) if x not in out)
    return sorted(out, key=lambda t: t.i)


def _misattached(verb: Token) -> list[Token]:
    """(rewrite31) Acts the parser hung on the verb's "-ing" or "to" clause: "disabled the
    filter while troubleshooting/advcl and never turned/conj it back on", "disables the check
    to get/advcl the batch through and forgets/conj to re-enable it". A finite verb in the
    verb's own tense cannot be coordinated with a non-finite one; it is the verb's act."""
    past = verb.tag_ == "VBD"
    out = []
    for x in verb.children:
        if x.dep_ not in ("advcl", "xcomp") or x.tag_ not in ("VBG", "VB") or any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children):
            continue
        for y in x.children:
            finite = y.tag_ == "VBD" if past else y.tag_ in ("VBZ", "VBP")
            if y.dep_ == "conj" and y.pos_ == "VERB" and finite and verb.tag_ in ("VBD", "VBZ", "VBP") \
                    and not any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in y.children):
                out.append(y)
    return out


def repeated_subject(c: "Clause", situations: bool = True) -> str | None:
    """The person's pronoun when an act coordinated with the clause's says it again as
    its own subject ("I deleted the index and I forgot to rebuild it"), or None; without
    ``situations``, not counting the writer's present situation (``_conjuncts``)."""
    subj = c.subject
    if subj is None or subj.tag_ != "PRP" or subj.lower_ not in PERSONAL_WORDS or c.action is not c.verb:
        return None
    return subj.lower_ if len(_conjuncts(c.action, subj.lower_, situations)) > len(_conjuncts(c.action)) else None


def coordinated(c: "Clause", sent: Span, negate: bool, drop: set[str], lex: object) -> list[Candidate]:
    """"misconfigured the firewall and blocked the provider's range" -> "The firewall was
    misconfigured and the provider's range was blocked": every half keeps its own
    object and tense; a half that is only a judgement ("shot from the hip") goes, a
    half with no faithful passive makes the whole rewrite absent."""
    from ..checks.blame.framing import idiom_match

    # (rewrite31) a chat line that drops its "I" ("fat-fingered the policy and made X public"):
    # the acts start the sentence and are said the same way
    # (a past form the tagger read as a participle has an object: "Deleted/VBN the index")
    dropped_i = c.subject is None and c.verb.dep_ == "ROOT" and c.verb.i == c.verb.sent.start and (
        c.verb.tag_ == "VBD" or c.verb.tag_ == "VBN" and any(x.dep_ == "dobj" for x in c.verb.children)) \
        and not c.verb.sent.text.rstrip().endswith("?")
    if (c.subject is None and not dropped_i) or c.action is not c.verb and not negate:
        return []
    subject_ids = {t.i for t in c.subject.subtree} if c.subject is not None else set()
    start = min(subject_ids) if subject_ids else c.verb.i
    again = repeated_subject(c)
    verbs = _conjuncts(c.action, again)
    if len(verbs) < 2 and (c.objects or verb_lemma_of(c.action.text) not in phrasing()["implied_objects"]):
        return []  # one verb with an object is the clause passive's; without one, only a delivery verb
    lex_idioms = phrasing()["idioms"]
    # ", and that's why the parser crashes": a clause of its own joined to an act stays as
    # written, outside what is rewritten (cut into the act, it ran the words together)
    joined = {t.i for v in verbs for x in v.children if x.dep_ == "conj" and x not in verbs
              and any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in x.children) for t in x.subtree}
    pieces: list[tuple[Token, str, str, str]] = []  # (verb, joiner, subject, predicate)
    manner = ""
    for n, v in enumerate(verbs):
        # the conjunct's own words: not the next conjuncts, their "and", the shared subject
        nested = {t.i for x in v.children if x in verbs or x.dep_ == "cc" for t in x.subtree}
        nested |= {x.i for x in v.children if x.dep_ == "punct" and any(y.i > x.i for y in verbs if y.head == v)}
        nested |= subject_ids | joined
        # "... and I forgot to rebuild it": the person said again goes as the first time
        nested |= {t.i for x in v.children if again is not None and x.dep_ == "nsubj" and x.lower_ == again for t in x.subtree}
        nested |= {t.i for t in v.children if t.is_punct and t.i > verbs[-1].i and t.i == v.right_edge.i}  # the closing mark, not a comma inside the half
        # (rewrite31) a later act hung inside this half's clause, and the "and" before it
        nested |= {t.i for y in verbs if y.i > v.i and y.head != v and y in v.subtree
                   for t in [*y.subtree, *(x for x in y.head.children if x.dep_ in ("cc", "punct") and y.left_edge.i - 2 <= x.i < y.left_edge.i)]}
        # "Apparently someone force-pushed ...": words before the subject stay where they are
        own = [t for t in v.subtree if t.i not in nested and (t.i > start if subject_ids else t.i >= start)]
        later = [x for x in verbs if x.i > v.i]
        if later and any(t.i > min(y.left_edge.i for y in later) and not t.is_punct for t in own if t.i > v.i):
            # a word of this half hung past the next one (a crossed parse: "migrating X and
            # dropped Y: the one that ..." with "the one" read as migrating's object)
            return []
        cc = next((x for x in sent.doc[max(v.i - 3, sent.start): v.i] if x.dep_ == "cc"), None) if n else None
        joiner = "" if n == 0 else (("," if sent.doc[cc.i - 1].text == "," else "") + f" {cc.text} " if cc is not None else ", ")
        if n and _departed(v, lex):
            # "closed the alert and went to bed": the action was left with nobody on it
            pieces.append((v, joiner, "it", phrasing()["departure"]))
            continue
        gloss = idiom_match(_Slot(v), lex)
        if gloss is None and verb_lemma_of(v.text) in phrasing()["attempt_verbs"]:
            # "tried to play the hero": an attempt at an idiom is the idiom's ("alone") half
            aim = next((x for x in v.children if x.dep_ == "xcomp"), None)
            gloss = idiom_match(_Slot(aim), lex) if aim is not None else None
            gloss = gloss if gloss is not None and "alone" in (lex_idioms.get(gloss) or {}) else None
        if gloss is not None:
            data = lex_idioms.get(gloss) or {}
            if "alone" in data:
                manner = data["alone"] if data["alone"] != "drop" else manner
                continue
            phrase = idiom_phrase(v, gloss)
            if phrase is None:
                return []
            pieces.append((v, joiner, phrase[0], phrase[1]))
            continue
        if n and (ahead := went_ahead(v, own)) is not None and not any(t.lower_ in PERSONAL_WORDS for t in own):
            # (rewrite17) "misread the comment and went ahead with the deploy": the thing went ahead
            pieces.append((v, joiner, *ahead))
            continue
        if n and verb_lemma_of(v.text) in phrasing()["passive_permissions"] and (let := let_happen(v)) is not None \
                and not any(t.lower_ in PERSONAL_WORDS for t in v.subtree):
            # "... and let the queue back up overnight": what was let happen is the half
            pieces.append((v, joiner, *let))
            continue
        obj = next((x for x in v.children if x.dep_ in ("dobj", "obj")), None)
        if obj is not None and any(x.dep_ in ("npadvmod", "dobj") and x.left_edge.i == obj.right_edge.i + 1 and x.left_edge.lower_ in ("a", "an", "per")
                                   for x in v.children):
            return []  # (rewrite12) "fired 40k requests a second": the passive parts the rate from its object
        neg = negate and n == 0 or any(x.dep_ == "neg" or x.lower_ == "never" for x in v.children)
        # "... and forgot to re-enable it": the act that did not happen is the half
        undone = next((x for x in v.children if x.dep_ == "xcomp" and x.tag_ == "VB" and not any(
            s.dep_ in ("nsubj", "nsubjpass") for s in x.children)), None) if n and verb_lemma_of(v.text) in phrasing()["unchecked"]["not_done_verbs"] else None
        if undone is not None and not neg:
            phrase = verb_phrase_passive(undone, [t for t in undone.subtree if t.i in {x.i for x in own}], True, drop, present=is_present(v))
        elif n and (able := ability_half(v, own, drop)) is not None:
            # (rewrite19) "... and now I can't start the service": what the writer could no
            # longer do is said of the thing, its modal and negation kept
            phrase = able
        elif n and any(a.dep_ == "aux" and a.tag_ == "MD" for a in v.children) and hedging_modal(v) is None:
            return []  # "... and now I will restart it": the passive would drop the modal, the tense with it
        else:  # (rewrite10) "... and never switched them back on": the first act's things
            phrase = verb_phrase_passive(v, own, neg, drop) or (them_half(v, own, neg, next(
                (o for o in verbs[0].children if o.dep_ in ("dobj", "obj")), None)) if n else None)
        if phrase is None:
            return []
        subject, pred = phrase
        pieces.append((v, joiner, subject, pred))
    if not pieces:
        return []
    parts: list[str] = []
    for n, (v, joiner, subject, pred) in enumerate(pieces):
        if n == 0:
            joiner = ""
        elif not joiner.strip(", "):
            # "wrote X, tested it, and ran it": a comma inside a list stays one
            joiner = ", " if joiner.strip() == "," and n < len(pieces) - 1 else " and "
        if n == 0 and manner:
            pred = _with_manner(pred, manner)
        # "turned off the alert and never turned it back on": "it" is the first object,
        # unless the first half says that object never came to be ("did not request a review")
        if n and subject.lower() in ("it", "them") and not pieces[0][3].split(" ")[1:2] == ["not"]:
            number = {"was": "it", "is": "it", "were": "them", "are": "them"}.get(pieces[0][3].split(" ")[0])
            if number is not None and number != subject.lower():
                # (rewrite12) "copied the credentials into the harness and ran it": "it" is not the first half's thing
                return []
            be = "is" if is_present(v) else "was"
            if _shares_auxiliary(pred, pieces[:n]):
                # "was written, tested and run": one auxiliary for the one object's acts
                pred = pred.split(" ", 1)[1]
            parts.append(f"{joiner}{pred.replace('{be}', be)}")
        else:
            parts.append(f"{joiner}{subject} {pred}")
    first = start
    last = max(t.i for v in verbs for t in v.subtree if not trailing_punct(t) and t.i not in joined)
    while joined and last > first and (sent.doc[last].dep_ == "cc" or sent.doc[last].is_punct):
        last -= 1  # the ", and" before the joined clause is its own
    return [Candidate(replace_clause(sent, first, last, "".join(parts)))]


def _shares_auxiliary(pred: str, before: list[tuple[Token, str, str, str]]) -> bool:
    """A later act on the first half's object can lean on its auxiliary: both are plain
    passives in the same tense ("was tested" after "was written"), with no negation or
    adverb between auxiliary and participle, and every half so far about that object."""
    def plain(p: str) -> bool:
        words = p.split(" ")
        return words[0] in ("{be}", "was", "is", "were", "are") and len(words) > 1 and words[1] not in ("not", "never", "being", "been", "then")
    first_verb = before[0][0]
    return plain(pred) and plain(before[0][3]) and all(
        plain(p) and (k == 0 or s.lower() in ("it", "them")) and is_present(v) == is_present(first_verb)
        for k, (v, _j, s, p) in enumerate(before))


def from_first_act(c: "Clause", sent: Span, drop: set[str], lex: object) -> list[Candidate]:
    """Coordinated acts rewritten from the first, whose subject they share, when the
    detection found a later one."""
    head, v = c.subject.head, c.verb
    if c.subject.dep_ == "conj" or any(x.dep_ in ("conj", "cc") for x in c.subject.children):
        return []  # "A co-worker and I": half a subject
    while v.dep_ == "conj" and v != head and not any(x.dep_ in ("nsubj", "nsubjpass") for x in v.children):
        v = v.head
    if v != head or c.action is not c.verb or c.modal or c.negated or c.conditional:
        return []
    objects = [x for x in head.children if x.dep_ in ("dobj", "obj")]
    return coordinated(replace(c, verb=head, action=head, objects=objects), sent, False, drop, lex)


def _departed(v: Token, lex: object) -> bool:
    """"logged off", "went to bed", "went back to sleep", with nothing else said in the half.
    A departure that says where to or for how long ("left on holiday", "left for a
    week-long offsite") is an absence, not the action left with nobody on it: no rewrite."""
    lemma = verb_lemma_of(v.text)
    places = phrasing()["departure_places"]
    before = v.doc[v.i - 1] if v.i > 0 else None
    if before is not None and before.pos_ in ("NOUN", "PROPN"):
        return False  # "... and two weeks of scans vanished": the noun before it is its subject, misparsed
    if lemma == "go":
        return any(t.lower_ in places for t in v.subtree)
    elsewhere = any(c.dep_ == "prep" and not any(g.lower_ in places for g in c.subtree) for c in v.children)
    return lex.verbs["departure"].match(v) and not elsewhere and not any(
        c.dep_ in ("dobj", "obj") or c.like_num for c in v.subtree if c != v)


def _with_manner(pred: str, manner: str) -> str:
    words = pred.split(" ")
    at = next((i for i, w in enumerate(words) if w.endswith(("ed", "en")) and i > 0), len(words) - 1)
    return " ".join(words[: at + 1] + [manner] + words[at + 1 :])


@dataclass
class _Slot:
    """The one slot idiom matching reads (``clause.action``), for a conjunct verb."""

    action: Token
