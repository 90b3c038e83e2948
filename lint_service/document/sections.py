"""Matching headings to the canonical sections of a postmortem.

Real documents name the same section in many ways ("Follow-ups", "Corrective
actions", "Next steps"); the names live in ``rules/sections.yaml`` (and in the
template profiles, ``rules/templates/*.yaml``) and headings are matched
exactly, by prefix ("Timeline of events") or fuzzily with rapidfuzz ("Action
Itmes"). A heading that joins names ("Resolution and recovery") satisfies each.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..resources import resource_dir
from ..rules import RuleFileError, load_rule_file

_PARENS = re.compile(r"\([^)]{0,200}\)|\[[^\]]{0,200}\]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NUMBERING = re.compile(r"^(?:\d{1,2}|[ivx]{1,4}|[a-h])(?:\s|$)")
# Where a heading joins two names: "Resolution and recovery", "Root cause & trigger",
# "Detection / response", "Impact, detection".
_JOIN = re.compile(r"\s(?:and|plus)\s")
_JOIN_MARKS = re.compile(r"[&/,+;]")


@dataclass(frozen=True)
class SectionTable:
    synonyms: dict[str, str]  # normalised synonym -> canonical name
    exact: dict[str, str]  # names that match only a whole heading
    why: dict[str, str]  # canonical name -> why a missing one matters
    threshold: float
    lead_summary_min_words: int
    no_headings_min_blocks: int
    no_headings_min_words: int
    template_min_headings: int
    combined: dict[str, tuple[str, ...]]  # normalised heading -> every section it names

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.synonyms.values()) | frozenset(self.exact.values())


def normalize(title: str) -> str:
    """Lower case, no parenthesised remarks, punctuation or leading numbering."""
    t = _PARENS.sub(" ", title.lower().replace("&", " and "))
    t = _NON_WORD.sub(" ", t).strip()
    t = _NUMBERING.sub("", t).strip()
    return t


@functools.lru_cache(maxsize=1)
def section_table() -> SectionTable:
    from .templates import profile_synonyms  # late: profiles validate their names against this table

    data = load_rule_file("sections")
    synonyms: dict[str, str] = {}
    exact: dict[str, str] = {}
    why: dict[str, str] = {}
    for entry in data["sections"]:
        synonyms[normalize(entry["name"])] = entry["name"]
        for s in entry["synonyms"]:
            synonyms[normalize(s)] = entry["name"]
        for s in entry.get("exact", ()):
            exact[normalize(s)] = entry["name"]
        if "why" in entry:
            why[entry["name"]] = entry["why"]
    for syn, name in profile_synonyms():
        synonyms.setdefault(normalize(syn), name)
    known = {entry["name"] for entry in data["sections"]}
    combined: dict[str, tuple[str, ...]] = {}
    for k, entry in enumerate(data.get("combined", ())):
        unknown = [n for n in entry["sections"] if n not in known]
        if unknown:
            raise RuleFileError(resource_dir("rules") / "sections.yaml", None,
                                f"combined[{k}] ({entry['heading']!r}) names unknown sections: {', '.join(unknown)}")
        combined[normalize(entry["heading"])] = tuple(entry["sections"])
    return SectionTable(
        synonyms, exact, why, float(data.get("fuzzy_threshold", 85)),
        int(data.get("lead_summary_min_words", 15)),
        int(data.get("no_headings_min_blocks", 3)), int(data.get("no_headings_min_words", 60)),
        int(data.get("template_min_headings", 2)), combined,
    )


def known_sections() -> frozenset[str]:
    """Every canonical section name of ``rules/sections.yaml``."""
    data = load_rule_file("sections")
    return frozenset(entry["name"] for entry in data["sections"])


def _match(t: str, candidates: dict[str, str], exact: dict[str, str], fuzzy: float | None) -> str | None:
    if t in exact:
        return exact[t]
    if t in candidates:
        return candidates[t]
    # "Timeline of events", "Root cause of the outage": the longest synonym the heading starts with.
    best = ""
    for syn in candidates:
        if len(syn) > len(best) and t.startswith(syn + " "):
            best = syn
    if best:
        return candidates[best]
    if fuzzy is None:
        return None
    match = process.extractOne(t, list(candidates), scorer=fuzz.ratio, score_cutoff=fuzzy)
    if match:
        return candidates[match[0]]
    # A misspelt first words followed by more ("Action Itmes for Q3").
    words = t.split()
    for syn in sorted(candidates, key=len, reverse=True):
        n = len(syn.split())
        if len(words) > n and fuzz.ratio(" ".join(words[:n]), syn) >= fuzzy:
            return candidates[syn]
    return None


@functools.lru_cache(maxsize=4096)
def section_names(title: str, extra: tuple[str, ...] = (), strict: bool = False) -> tuple[str, ...]:
    """Every canonical section a heading names, the whole heading's first.

    ``extra`` holds section names from the configuration that the rule file does
    not know; they match themselves. ``strict`` turns fuzzy matching off (for
    bold labels, where a near miss is more often a sentence than a typo).
    """
    t = normalize(title)
    if not t:
        return ()
    table = section_table()
    candidates = dict(table.synonyms)
    for name in extra:
        candidates.setdefault(normalize(name), name)
    names: list[str] = []
    whole = _match(t, candidates, table.exact, None if strict else table.threshold)
    if whole:
        names.append(whole)
    for part in split_heading(title):
        # Parts match exactly or by prefix only: "Corrective" alone is no section.
        name = _match(part, candidates, table.exact, None)
        if name and name not in names:
            names.append(name)
    for name in _combined(t, table.combined):
        if name not in names:
            names.append(name)
    return tuple(names)


def _combined(t: str, combined: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The sections a heading combines by its own name ("Issue summary": the summary
    and the impact), matched whole or as the heading's first words."""
    for heading, names in combined.items():
        if t == heading or t.startswith(heading + " "):
            return names
    return ()


def split_heading(title: str) -> list[str]:
    """The normalised parts of a heading that joins names ("Resolution and recovery"),
    or [] when it names one thing."""
    bare = _PARENS.sub(" ", title.lower())
    parts = [normalize(p) for chunk in _JOIN_MARKS.split(bare) for p in _JOIN.split(f" {chunk} ")]
    parts = [p for p in parts if p]
    return parts if len(parts) > 1 else []


def is_section_name(title: str) -> bool:
    """The heading is only a section's name ("Root causes", "What went wrong"), word for word."""
    return normalize(title) in section_table().synonyms


def canonical_section(title: str, extra: tuple[str, ...] = ()) -> str | None:
    """The canonical section a heading names, or None."""
    names = section_names(title, extra)
    return names[0] if names else None


def section_why(name: str) -> str | None:
    """Why a missing section matters (the end of structure.missing-section's message)."""
    return section_table().why.get(name)
