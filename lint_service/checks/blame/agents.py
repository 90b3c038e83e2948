"""Who is acting: tell people, roles, pronouns and teams from systems and outsiders.

The small English model's entity labels are unreliable for this (it tags some
given names as places and some products as people), so the decision combines the
parse (head noun, determiners, compounds, relative clauses), capitalisation, a
name-vs-word test (is the lowercase form an English word?), ``@handles`` and the
allow-lists of ``rules/agents.yaml`` and the user's config.
"""
from __future__ import annotations

import re
from enum import Enum

from lemminflect import getAllInflections, getAllLemmas
from spacy.tokens import Token

from .compound_roles import compound_role
from .dictionary import hazard_compound, is_english_word  # noqa: F401 - is_english_word is imported from here too
from .lexicon import Lexicon, is_mis_verb
from .person_cues import used_of_person
from .second_person import generic_you


class Kind(str, Enum):
    PERSON = "person"  # a named individual
    ROLE = "role"  # "the on-call engineer"
    TEAM = "team"  # "the QA team", "Ops"
    PRONOUN = "pronoun"  # he, she, they
    SELF = "self"  # I, me: self-blame
    WE = "we"  # the team speaking
    INDEFINITE = "indefinite"  # nobody, anyone
    THIRD_PARTY = "third-party"  # attackers, customers, users
    SYSTEM = "system"
    NONE = "none"


# Kinds a blame rule reports when they are the agent of a fault.
BLAMEABLE = frozenset({Kind.PERSON, Kind.ROLE, Kind.TEAM, Kind.PRONOUN, Kind.SELF})

_HANDLE = re.compile(r"^@[\w.-]+$")
_NAME_SHAPE = re.compile(r"^(?:[A-Z][a-z\u00C0-\u024F'’]+)(?:-[A-Z]?[a-z\u00C0-\u024F'’]+)*$|^(?:Mc|Mac|O'|De|La|Le|Di|Da|Van)[A-Z][a-z\u00C0-\u024F]+$")


def _has_system_modifier(tok: Token, lex: Lexicon) -> bool:
    return any(c.dep_ in ("compound", "nmod", "amod") and c.lower_ in lex.systems for c in tok.children)


def looks_like_name(tok: Token, lex: Lexicon) -> bool:
    """A capitalised token that is a person's name rather than a product or a word."""
    text = tok.text
    low = text.lower()
    if low in lex.people:
        return True
    if low in lex.systems or not _NAME_SHAPE.match(text) or (low.endswith("bot") and len(low) > 4):
        return False
    if hazard_compound(low, lex):
        return False  # "Heatwave causes blackout": a word the dictionary lacks, not a name
    if tok.i == tok.sent.start and tok.pos_ not in ("PROPN",) and is_english_word(low):
        return False  # a sentence-initial ordinary word ("Connections dropped")
    if is_english_word(low) and low not in lex.agents["names_that_are_words"] and headline_case(tok.sent):
        return False  # "Cable Cut Blamed for Outage": a headline capitalises every word
    if is_english_word(low) and low not in lex.agents["names_that_are_words"]:
        # "Consul", "Vault", "Sentry": products named with English words. Names
        # such as "Amir" that are also rare words are tagged as proper nouns
        # and used without a determiner; accept those.
        has_det = any(c.dep_ == "det" for c in tok.children)
        return tok.tag_ == "NNP" and not has_det
    # Not an English word and shaped like a name: the tag does not matter (the small
    # model tags unfamiliar names as adverbs, adjectives or verbs).
    return tok.pos_ != "PRON"


def headline_case(sent) -> bool:
    """Most words capitalised: a headline or title, where capitals say nothing about names."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 4 and sum(1 for t in words if t.is_title or t.is_upper) >= 0.7 * len(words)


# classify() is asked about the same few tokens many times per sentence (the clause
# builder for every subject and agent, then recognizers and rewrites again), and each
# answer walks children, heads and the sentence: the kinds are memoised on the Doc, for
# the lexicon they were worked out with (held here, so a new lexicon never reads them).
_KINDS = "blamelint.kinds"


def classify(tok: Token, lex: Lexicon) -> Kind:
    """The kind of referent the noun phrase headed by ``tok`` names."""
    memo = tok.doc.user_data.get(_KINDS)
    if memo is None or memo[0] is not lex:
        memo = tok.doc.user_data[_KINDS] = (lex, {})
    kinds = memo[1]
    kind = kinds.get(tok.i)
    if kind is None:
        kind = kinds[tok.i] = _classify(tok, lex)
    return kind


def _classify(tok: Token, lex: Lexicon) -> Kind:
    low = tok.lower_
    pron = lex.agents["pronouns"]
    if low in ("who", "that", "whom") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
        antecedent = classify(tok.head.head, lex)
        # "the one who turned off the alert"; but "peers who sent invalid blocks"
        # are whatever their noun says they are
        return Kind.PERSON if low == "who" and antecedent == Kind.NONE else antecedent
    if low in pron["self"]:
        return Kind.SELF
    if low in pron["team"]:
        return Kind.WE
    if low in ("everyone", "everybody") and any(c.dep_ in ("acl", "relcl") and not _present_habit(c) for c in tok.children):
        return Kind.TEAM  # "everyone involved in this screwup": the people of this incident, not people in general
    if low in pron["indefinite"] or (low == "one" and any(c.lower_ == "no" for c in tok.children)):
        return Kind.INDEFINITE
    if any(c.dep_ == "det" and c.lower_ in ("no", "every", "any") for c in tok.children):
        return Kind.INDEFINITE
    if low in pron["second_person"]:
        # "Why didn't you try this volume?" asks a question of the organisation
        asks = tok.sent[0].lower_ in ("why", "how", "what", "q") and tok.sent[-1].text == "?"
        if asks and tok.sent[0].lower_ == "why" and any(a.lower_ in ("would", "'d") and a.dep_ == "aux" for a in tok.head.children):
            return Kind.PRONOUN  # "Why would you run that on prod?": a reproach for what was done, not a question
        return Kind.PRONOUN if _past_act(tok) and not asks and not generic_you(tok) else Kind.INDEFINITE
    if low == "whoever" or (tok.dep_ in ("csubj", "csubjpass") and any(c.lower_ == "whoever" and c.dep_ == "nsubj" for c in tok.children)):
        # "Whoever merged that migration should be fired": one unknown person who did
        # something; "whoever is on call pages the DBA" is anyone
        verb = tok if tok.dep_ in ("csubj", "csubjpass") else tok.head
        return Kind.PRONOUN if verb.tag_ == "VBD" else Kind.INDEFINITE
    if low in pron["third_person"]:
        # "since the intruder sat in the middle ..., they might have read ...":
        # a pronoun after an outsider and no person in the sentence refers to the outsider
        # (a group pronoun only: "someone" and "he" name a new individual, who may be a
        # company's own engineer)
        before = [t for t in tok.sent if t.i < tok.i and t.pos_ in ("NOUN", "PROPN")] if low in ("they", "them") else []
        kinds = {classify(t, lex) for t in before if t.lower_ not in pron["third_person"]}
        if Kind.THIRD_PARTY in kinds and not kinds & {Kind.PERSON, Kind.ROLE, Kind.TEAM}:
            return Kind.THIRD_PARTY
        # "we raised the limits for the core pods, so they have room even if ...": a group
        # pronoun whose nearest plural before it is a thing, with no one else to point at
        plural = next((t for t in reversed(before) if t.tag_ in ("NNS", "NNPS") and t.lower_ not in pron["third_person"]), None)
        # (not the doer of a change, a fault or a destruction: "because they deleted them" names people)
        acts = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        if plural is not None and classify(plural, lex) == Kind.SYSTEM and kinds <= {Kind.SYSTEM, Kind.NONE} and not (
                acts is not None and any(lex.verbs[k].match(acts) for k in ("fault", "destructive", "breakage", "causal", "disable", "batch", "harm"))):
            return Kind.SYSTEM
        return Kind.PRONOUN
    if _HANDLE.match(tok.text):
        return Kind.TEAM if "team" in low else Kind.PERSON
    lemma = tok.lemma_.lower()
    if low in ("one", "some", "two", "three", "several", "many", "each", "both", "either") or tok.like_num:
        # "one of its engineers", "two of the contractors": whoever the partitive names
        part = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None)
        if part is not None:
            kind = classify(part, lex)
            return Kind.INDEFINITE if kind == Kind.WE else kind
        if low == "one" and tok.pos_ in ("NOUN", "PRON") and any(c.dep_ == "det" and c.lower_ == "some" for c in tok.children):
            return Kind.PRONOUN  # "some one deleted my branch": "someone" written apart
    if (lemma in lex.agents["proxy_nouns"] or low in lex.agents["proxy_nouns"]) and (owner := _proxy_owner(tok, lex)) is not None:
        return owner  # "your login ran TRUNCATE", "his account deleted the bucket": the person acting through it
    if _organisation(tok, lex):
        return Kind.THIRD_PARTY  # "Citigroup accidentally wired ...": a company, not a responder
    if low in lex.systems or _has_system_modifier(tok, lex):
        return Kind.SYSTEM
    if lemma in lex.agents["team_heads"] or low in lex.agents["team_heads"] or _named_team(tok, lex):
        return Kind.TEAM
    if lemma in lex.agents["roles"] or low in lex.agents["roles"] or low in lex.terms["sarcastic_nouns"] or _role_shaped(tok, lex) or _prefixed_role(tok, lex) or compound_role(tok, lex):
        if generic_plural(tok):
            return Kind.INDEFINITE  # "Operators will always make mistakes": no one in particular
        # "one enterprise customer's admin": someone else's staff, not a responder
        # (a company's own engineers are responders: "one of Amazon's engineers")
        if any(c.dep_ == "poss" and classify(c, lex) == Kind.THIRD_PARTY and not _organisation(c, lex) for c in tok.children):
            return Kind.THIRD_PARTY
        if any(c.dep_ == "amod" and c.lower_ in lex.agents["organisation_modifiers"] for c in tok.children):
            return Kind.THIRD_PARTY  # "the regional transmission operator": a body that runs a grid, not a responder
        return Kind.ROLE
    if lemma in lex.agents["third_parties"] or low in lex.agents["third_parties"]:
        return Kind.THIRD_PARTY
    if (
        low in lex.agents["team_names"]
        and tok.pos_ in ("PROPN", "NOUN")
        # "Ops", and a team named by a capitalised word before its kind ("Payments engineering")
        and (tok.is_title or tok.is_upper or tok.pos_ == "PROPN" or _named_function(tok, lex))
        and (tok.is_upper or not any(c.dep_ == "det" for c in tok.children))  # "Ops", "the SOC"
    ):
        return Kind.TEAM
    if (low in lex.agents["ambiguous_roles"] or lemma in lex.agents["ambiguous_roles"]) and _human_cue(tok, lex):
        return Kind.INDEFINITE if generic_plural(tok) else Kind.ROLE
    if looks_like_name(tok, lex):
        return Kind.PERSON
    for c in tok.children:  # "The night-shift dispatcher" parsed as a noun and its apposition
        if c.dep_ == "appos" and c.i == tok.i + 1 and (c.lemma_.lower() in lex.agents["roles"] or _role_shaped(c, lex)):
            return Kind.ROLE
        # (a headline drops the article: "Man who wiped the archive speaks out")
        if c.dep_ == "relcl" and tok.tag_ == "NN" and (tok.i == tok.sent.start or any(
                d.dep_ == "det" and d.lower_ in ("a", "an", "the", "that", "this") for d in tok.children)) and any(
                w.lower_ == "who" and w.dep_ in ("nsubj", "nsubjpass") for w in c.children):
            # "a signaller who set the points", whatever the noun: "who" is said of people
            # ("peers who sent invalid blocks" stay what their noun says: a plural class)
            return Kind.ROLE
    if used_of_person(tok, lex):  # "the packer forgot to seal the crate", lowercase "ops said ..."
        if generic_plural(tok):
            return Kind.INDEFINITE
        return Kind.TEAM if low in lex.agents["team_names"] or low in lex.agents["team_functions"] else Kind.ROLE
    return Kind.SYSTEM if tok.pos_ in ("NOUN", "PROPN") else Kind.NONE


def _proxy_owner(tok: Token, lex: Lexicon) -> Kind | None:
    """The kind of the person whose account, login or commit ``tok`` is, when it acts:
    "your login ran TRUNCATE", "his login pushed", "@kaito commit 4f1e2a broke ...".
    One that something happens to ("your account was suspended") is only a thing."""
    if tok.dep_ not in ("nsubj", "pobj") or (tok.dep_ == "pobj" and tok.head.dep_ != "agent"):
        return None
    for c in tok.children:
        if c.dep_ == "poss" and c.tag_ == "PRP$":
            person = c.morph.get("Person")
            if "1" in person:
                return Kind.WE if "Plur" in c.morph.get("Number") else Kind.SELF
            if "2" in person:  # "your login ran TRUNCATE": you, when the account did something
                return Kind.PRONOUN if _past_act(tok) else None
            return Kind.PRONOUN if c.lower_ in ("his", "her", "their") else None
        if c.dep_ in ("poss", "compound") and c.i < tok.i and c.pos_ in ("PROPN", "NOUN", "X", "PUNCT", "SYM"):
            kind = classify(c, lex)
            if kind in (Kind.PERSON, Kind.ROLE):
                return kind
    return None


def _organisation(tok: Token, lex: Lexicon) -> bool:
    """A company by name ("Amazon", "Citigroup", "Initechgroup")."""
    low = tok.lower_
    if low in lex.agents["organisations"] and (tok.pos_ == "PROPN" or tok.is_title or tok.is_upper):
        return True
    if (tok.is_title or tok.is_upper) and low in lex.agents["organisation_heads"] and any(
            c.dep_ == "compound" and c.i < tok.i and (c.is_title or c.is_upper) for c in tok.children):
        return True  # "Tesco Bank", "Acme Airlines", "Initech Holdings": a name ending in a company word
    return tok.pos_ == "PROPN" and low.endswith(tuple(lex.agents["organisation_suffixes"])) and low not in lex.agents["organisation_suffixes"]


def _past_act(tok: Token) -> bool:
    """"you dropped the table", "you didn't push the tag", "updated by you": "you" as
    someone who did something, not the generic reader ("you can find it in the wiki")."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if _habit(verb):
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _had_if(verb, auxes):
        return True
    if any(a.tag_ == "MD" for a in auxes):
        return any(a.lower_ in ("have", "'ve") for a in auxes)  # "you should have checked": hindsight about a past act
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBP" and verb.lower_ not in getAllLemmas(verb.lower_).get("VERB", ()))  # "forgot/VBP"
    return past or any(a.lower_ in ("did", "had", "have", "'ve", "was", "were") for a in auxes) or (
        verb.tag_ == "VBN" and tok.dep_ == "pobj")


def _had_if(verb: Token, auxes: list[Token]) -> bool:
    """"If you'd read the guide", "if you'd tested it": the "'d" of a condition is "had"
    when a past participle follows (the tagger may call it "would"); "if you'd like to
    help" is a wish."""
    if not any(a.lower_ == "'d" for a in auxes) or not any(m.dep_ == "mark" and m.lower_ == "if" for m in verb.children):
        return False
    lemma = verb.lemma_.lower()
    return verb.tag_ == "VBN" or verb.lower_ in getAllInflections(lemma, upos="VERB").get("VBN", ())


_HABIT = ("keep", "stop", "quit")


def _habit(verb: Token) -> bool:
    """"you keep merging without CI", "you need to stop rebasing the release branch",
    "can you stop force-pushing": an act the person keeps doing (a gerund under
    "keep" or "stop"), not "you keep the config in git"."""
    if verb.lemma_ not in _HABIT:
        verb = next((x for x in verb.children if x.dep_ == "xcomp" and x.lemma_ in ("stop", "quit")), verb)
    return verb.lemma_ in _HABIT and any(x.dep_ == "xcomp" and x.tag_ == "VBG" for x in verb.children)


def _present_habit(verb: Token) -> bool:
    """"everyone who runs migrations by hand", "reviewers ... can miss": a present or
    modal verb says what people do in general, not what someone did."""
    auxes = [a for a in verb.children if a.dep_ == "aux"]
    if any(a.lower_ in ("have", "'ve") for a in auxes):
        return False  # "should have caught", "who has touched": hindsight or a past act
    return verb.tag_ in ("VBP", "VBZ") or any(a.tag_ == "MD" for a in auxes)


def _tendency(verb: Token) -> bool:
    """A modal of what tends to happen, not of hindsight: "will sometimes pick", "can miss"."""
    auxes = [a for a in verb.children if a.dep_ == "aux"]
    return any(a.lower_ in ("will", "would", "can", "may", "'ll") for a in auxes) and not any(a.lower_ in ("have", "'ve") for a in auxes)


def generic_plural(tok: Token) -> bool:
    """A bare plural subject of a present or modal verb: "operators will always make
    mistakes", "engineers make mistakes" (rule 16), not "engineers pushed the change";
    or "a/an" and a role under a modal of tendency ("a tired engineer will miss things")."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    if tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        # "a tired engineer will miss things", "an operator can type the wrong host":
        # anyone of the kind, under a modal of what tends to happen (not "might have")
        return _tendency(verb)
    if tok.tag_ != "NNS":
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return False
    if any(c.dep_ == "amod" for c in tok.children) and not _tendency(verb):
        return False  # "new hires push ...": a described group; "busy nurses will ..." is anyone so placed
    if verb.tag_ == "VB" and any(a.tag_ == "TO" for a in verb.children if a.dep_ == "aux") and verb.dep_ in ("ccomp", "xcomp"):
        # "You can't expect reviewers to catch ...": an infinitive has no tense of its
        # own; the verb it completes says whether this is about people in general
        verb = verb.head
    return _present_habit(verb)


def _named_function(tok: Token, lex: Lexicon) -> bool:
    """"Payments engineering", "Checkout support": a people-only team word after the
    capitalised word that names the team (a sentence's first word counts too)."""
    return tok.lower_ in lex.agents["team_functions"] and any(
        c.dep_ == "compound" and c.i == tok.i - 1 and (c.is_title or c.is_upper) for c in tok.children)


def _named_team(tok: Token, lex: Lexicon) -> bool:
    """"Team C", "Team Blue": a team named by letter or word after the team noun."""
    return tok.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.i < tok.i and c.lemma_.lower() in lex.agents["team_heads"] and c.is_title for c in tok.children)


def role_noun(tok: Token, lex: Lexicon) -> bool:
    """A role word whatever its tag ("Technician/JJ error"): in the lexicon or agentive."""
    return tok.lower_ in lex.agents["roles"] or tok.lemma_.lower() in lex.agents["roles"] or _agentive(tok, lex)


def _role_shaped(tok: Token, lex: Lexicon) -> bool:
    """A noun with an agentive ending ("electrician", "analyst", "trainee", "workmen")."""
    return tok.pos_ == "NOUN" and _agentive(tok, lex)


def _prefixed_role(tok: Token, lex: Lexicon) -> bool:
    """"a co-maintainer", "the ex-contractor": a role word after a prefix of standing."""
    prefix, _, rest = tok.lower_.partition("-")
    if not rest or prefix not in lex.agents["role_prefixes"]:
        return False
    return rest in lex.agents["roles"] or (rest.endswith("s") and rest[:-1] in lex.agents["roles"])


def _agentive(tok: Token, lex: Lexicon) -> bool:
    low = tok.lower_
    if not tok.is_alpha or len(low) < 6 or low in lex.agents["role_suffix_exceptions"]:
        return False
    lemma = tok.lemma_.lower()
    if lemma in lex.agents["role_suffix_exceptions"]:
        return False
    # a real derivation ("salespeople", "spokesperson"), not the bare word ("people")
    return any((low.endswith(suf) and low != suf) or (lemma.endswith(suf) and lemma != suf) for suf in lex.agents["role_suffixes"])


def _human_cue(tok: Token, lex: Lexicon) -> bool:
    """"a contract worker", "the support agent who ...", "workers apparently cut ...":
    an ambiguous role noun used of people."""
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and (c.lower_ in lex.agents["human_modifiers"] or c.lemma_.lower() in lex.agents["roles"]
                                                         or c.lower_ in lex.agents["team_names"]):
            return True
        if c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") for w in c.children):
            return True
        if c.dep_ == "prep" and any(o.lower_ in lex.agents["human_modifiers"] for o in c.children if o.dep_ == "pobj"):
            return True  # "the worker on shift"
        if c.dep_ == "prep" and c.lower_ in ("at", "from") and c.i == tok.i + 1 and not any(
                m.dep_ in ("compound", "nmod") for m in tok.children):
            return True  # "a worker at the data centre", "workers from the contractor": a workplace
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in lex.terms["blame_nouns"] | lex.terms["error_heads"]:
        return True  # "a worker's mistake"
    if tok.dep_ == "nsubj" and is_mis_verb(tok.head) and not any(c.dep_ in ("compound", "nmod") for c in tok.children):
        return True  # "the driver misjudged the braking distance" (not "the network driver mishandled ...")
    # a plural without article doing something in news prose ("workers cut the cables")
    return tok.tag_ == "NNS" and tok.dep_ == "nsubj" and not any(c.dep_ in ("det", "compound", "poss") for c in tok.children)


def refers_to_thing(verb: Token) -> bool:
    """True when the clause refers back to its subject with "its" ("Consul lost its
    quorum"); an "its" inside an embedded clause with its own subject does not count."""
    skip: set[int] = set()
    own_subject: set[int] = set()
    for c in verb.subtree:
        # any embedded clause with a subject of its own, however deep ("withdrew the routes
        # that announced its DNS servers": "its" is the routes' owner's, not the subject's)
        if c is not verb and c.dep_ in ("relcl", "ccomp", "advcl", "acl", "conj", "xcomp") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            skip.update(t.i for t in c.subtree)
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):  # "one of its engineers misconfigured ...": the owner's staff
            own_subject.update(t.i for t in c.subtree)
    for t in verb.subtree:
        if t.lower_ != "its" or t.i in own_subject:
            continue
        # "..., because its Slack token had expired": the embedded subject's "its"
        # points back at the main subject; an object's ("hold its lock") need not.
        if t.i not in skip or (t.head.dep_ in ("nsubj", "nsubjpass")):
            return True
    return False
