"""Matching headings to the canonical sections of a postmortem.

Real documents name the same section in many ways ("Follow-ups", "Corrective
actions", "Next steps"); the names live in ``rules/sections.yaml`` and headings
are matched exactly, by prefix ("Timeline of events") or fuzzily with rapidfuzz
("Action Itmes").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..rules import load_rule_file

_PARENS = re.compile(r"\([^)]{0,200}\)|\[[^\]]{0,200}\]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NUMBERING = re.compile(r"^(?:\d{1,2}|[ivx]{1,4}|[a-h])(?:\s|$)")


@dataclass(frozen=True)
class SectionTable:
    synonyms: dict[str, str]  # normalised synonym -> canonical name
    required: tuple[str, ...]
    threshold: float


def normalize(title: str) -> str:
    """Lower case, no parenthesised remarks, punctuation or leading numbering."""
    t = _PARENS.sub(" ", title.lower().replace("&", " and "))
    t = _NON_WORD.sub(" ", t).strip()
    t = _NUMBERING.sub("", t).strip()
    return t


@functools.lru_cache(maxsize=1)
def section_table() -> SectionTable:
    data = load_rule_file("sections")
    synonyms: dict[str, str] = {}
    required: list[str] = []
    for entry in data["sections"]:
        synonyms[normalize(entry["name"])] = entry["name"]
        for s in entry["synonyms"]:
            synonyms[normalize(s)] = entry["name"]
        if entry.get("required", False):
            required.append(entry["name"])
    return SectionTable(synonyms, tuple(required), float(data.get("fuzzy_threshold", 85)))


def canonical_section(title: str, extra: tuple[str, ...] = ()) -> str | None:
    """The canonical section a heading names, or None.

    ``extra`` holds section names from the configuration that the rule file
    does not know; they match themselves (exactly, by prefix or fuzzily).
    """
    t = normalize(title)
    if not t:
        return None
    table = section_table()
    candidates = dict(table.synonyms)
    for name in extra:
        candidates.setdefault(normalize(name), name)
    if t in candidates:
        return candidates[t]
    # "Timeline of events", "Root cause of the outage": the longest synonym the heading starts with.
    best = ""
    for syn in candidates:
        if len(syn) > len(best) and t.startswith(syn + " "):
            best = syn
    if best:
        return candidates[best]
    match = process.extractOne(t, list(candidates), scorer=fuzz.ratio, score_cutoff=table.threshold)
    if match:
        return candidates[match[0]]
    # A misspelt first words followed by more ("Action Itmes for Q3").
    words = t.split()
    for syn in sorted(candidates, key=len, reverse=True):
        n = len(syn.split())
        if len(words) > n and fuzz.ratio(" ".join(words[:n]), syn) >= table.threshold:
            return candidates[syn]
    return None


def required_default() -> tuple[str, ...]:
    return section_table().required
