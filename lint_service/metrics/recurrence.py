"""Recurring root causes: incidents whose cause matches an earlier incident's.

Causes are compared by meaning, not spelling: each is reduced through the parse to
its content lemmas (nouns, proper nouns, verbs, adjectives; no stop words), and two
causes match when the rapidfuzz token-set ratio of those lemmas reaches the
threshold in ``rules/milestones.yaml`` and they share enough lemmas. "The config
service accepted a pool size of 0" and "config service accepts pool sizes of zero
without validation" match; two causes that only share "the database" do not.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..rules import load_rule_file
from .incident import IncidentMetrics
from .milestones import ParseFn

_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


@dataclass(frozen=True)
class RecurrenceGroup:
    cause: str  # the earliest incident's wording of the shared cause
    shared: tuple[str, ...]  # content lemmas the matched causes share
    paths: tuple[str, ...]  # earliest first

    def to_dict(self) -> dict:
        return {"cause": self.cause, "shared_words": list(self.shared), "paths": list(self.paths)}


@dataclass(frozen=True)
class Recurrence:
    rate: float | None
    repeats: int
    groups: tuple[RecurrenceGroup, ...]

    def to_dict(self) -> dict:
        return {"rate": self.rate, "repeats": self.repeats, "groups": [g.to_dict() for g in self.groups]}


@functools.lru_cache(maxsize=1)
def _settings() -> tuple[float, int]:
    data = load_rule_file("milestones")["recurrence"]
    return float(data["threshold"]), int(data["min_shared"])


def cause_lemmas(causes: list[str], parse: ParseFn) -> list[frozenset[str]]:
    docs = parse(causes) if causes else []
    return [frozenset(t.lemma_.lower() for t in d if t.pos_ in _CONTENT and not t.is_stop and len(t.text) > 1) for d in docs]


def find_recurrence(incidents: list[IncidentMetrics], parse: ParseFn) -> Recurrence:
    """Groups of incidents sharing a cause, in date order (undated ones last, by path)."""
    if not incidents:
        return Recurrence(None, 0, ())
    threshold, min_shared = _settings()
    order = sorted(range(len(incidents)), key=lambda i: (incidents[i].date is None, incidents[i].date or "", incidents[i].path))
    flat = [(i, c) for i in order for c in incidents[i].root_causes]
    lemmas = cause_lemmas([c for _, c in flat], parse)
    keys = [(i, c, ls, " ".join(sorted(ls))) for (i, c), ls in zip(flat, lemmas) if ls]
    parent = {i: i for i in order}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    repeating: set[int] = set()
    best: dict[int, tuple[str, frozenset[str]]] = {}
    rank = {i: k for k, i in enumerate(order)}
    for a in range(len(keys)):
        ia, ca, la, ka = keys[a]
        for b in range(a + 1, len(keys)):
            ib, cb, lb, kb = keys[b]
            if ia == ib or rank[ib] <= rank[ia]:
                continue
            shared = la & lb
            if len(shared) < min_shared or fuzz.token_set_ratio(ka, kb) < threshold:
                continue
            repeating.add(ib)
            ra, rb = root(ia), root(ib)
            keep, drop = (ra, rb) if rank[ra] <= rank[rb] else (rb, ra)
            parent[drop] = keep
            if keep not in best:
                best[keep] = (ca if keep == ia else incidents[keep].root_causes[0], shared)
    members: dict[int, list[int]] = {}
    for i in order:
        members.setdefault(root(i), []).append(i)
    groups = []
    for r, ms in members.items():
        if len(ms) < 2:
            continue
        cause, shared = best.get(r, (incidents[r].root_causes[0], frozenset()))
        groups.append(RecurrenceGroup(cause, tuple(sorted(shared)), tuple(incidents[i].path for i in ms)))
    return Recurrence(round(len(repeating) / len(incidents), 3), len(repeating), tuple(groups))
