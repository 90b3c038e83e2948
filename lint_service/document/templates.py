"""Template profiles: which sections a postmortem template requires and how its
action items are written (``rules/templates/*.yaml``, one file per profile).

``template:`` in the configuration picks a profile; without it the profile whose
signature headings the document uses most is chosen (the default profile unless
another one fits clearly better), and the report says which in ``stats.template``.
YAML reports are judged by their own keys and have no profile.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..resources import resource_dir
from ..rules import RuleFileError, load_rule_file
from .model import Document

DEFAULT_TEMPLATE = "default"


@dataclass(frozen=True)
class ProfileSection:
    name: str  # canonical section name (rules/sections.yaml)
    required: bool
    headings: tuple[str, ...] = ()  # the names this template gives the section


@dataclass(frozen=True)
class ActionItemStyle:
    """How a template writes its action items: data for the action-item reader."""

    layout: str  # table | list | checklist | fields
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> header names
    done_values: tuple[str, ...] = ()
    priority_values: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    sections: tuple[ProfileSection, ...]
    action_items: ActionItemStyle
    fields: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()  # headings that tell this template from the others
    source: str = ""
    path: str = ""

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.sections if s.required)

    @property
    def section_names(self) -> frozenset[str]:
        return frozenset(s.name for s in self.sections)


def _templates_dir() -> Path:
    return resource_dir("rules") / "templates"


def _line_of(path: Path, key: str, index: int | None = None) -> int | None:
    """The line of top-level ``key`` (or of item ``index`` under it) in a profile file."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        for k, value in node.value:
            if k.value == key:
                return (value if index is None else value.value[index]).start_mark.line + 1
    except (OSError, yaml.YAMLError, AttributeError, IndexError):
        pass
    return None


def _load(path: Path, known: frozenset[str]) -> Profile:
    data = load_rule_file(path.stem, directory=path.parent, schema="template")
    if data["name"] != path.stem:
        raise RuleFileError(path, _line_of(path, "name"), f"name {data['name']!r} must match the file name {path.stem!r}")
    sections = []
    for k, s in enumerate(data["sections"]):
        if s["name"] not in known:
            raise RuleFileError(path, _line_of(path, "sections", k),
                                f"sections/{k}/name: {s['name']!r} is not a section of rules/sections.yaml")
        sections.append(ProfileSection(s["name"], s["required"], tuple(s.get("headings", ()))))
    ai = data["action_items"]
    style = ActionItemStyle(
        ai["layout"], {role: tuple(names) for role, names in ai.get("columns", {}).items()},
        tuple(ai.get("done_values", ())), tuple(ai.get("priority_values", ())), tuple(ai.get("types", ())),
    )
    return Profile(data["name"], data["title"], tuple(sections), style, tuple(data.get("fields", ())),
                   tuple(data.get("signature", ())), data.get("source", ""), str(path))


@functools.lru_cache(maxsize=1)
def profiles() -> dict[str, Profile]:
    """Every profile by name, the default first."""
    from .sections import known_sections

    known = known_sections()
    paths = sorted(_templates_dir().glob("*.yaml"))
    if not any(p.stem == DEFAULT_TEMPLATE for p in paths):
        raise RuleFileError(_templates_dir() / f"{DEFAULT_TEMPLATE}.yaml", None, "the default profile is missing")
    loaded = [_load(p, known) for p in paths]
    loaded.sort(key=lambda p: (p.name != DEFAULT_TEMPLATE, p.name))
    return {p.name: p for p in loaded}


def profile_synonyms() -> list[tuple[str, str]]:
    """(heading name, canonical section) from every profile, for heading recognition."""
    return [(h, s.name) for p in profiles().values() for s in p.sections for h in s.headings]


def action_item_columns() -> dict[str, tuple[str, ...]]:
    """Header names of each action-item column role, over every profile."""
    out: dict[str, list[str]] = {}
    for p in profiles().values():
        for role, names in p.action_items.columns.items():
            out.setdefault(role, [])
            out[role].extend(n for n in names if n not in out[role])
    return {role: tuple(names) for role, names in out.items()}


def _signature_in(title: str, signature: frozenset[str]) -> set[str]:
    """The signature names a heading uses, in its own words ("Backlog check",
    "Resolution and recovery"): a synonym ("Escalation" for the response) is no
    sign of the template."""
    from .sections import normalize, split_heading

    found: set[str] = set()
    for part in (normalize(title), *split_heading(title)):
        found |= {n for n in signature if part == n or part.startswith(n + " ")}
    return found


def match_template(doc: Document) -> Profile:
    """The profile whose signature headings the document uses most ("Leadup",
    "Fault", "Backlog check" for Atlassian; "How'd we do" for PagerDuty).

    Another profile than the default is chosen only when at least
    ``template_min_headings`` of its signature headings appear: names many
    templates share ("Timeline", "Contributing factors") say nothing.
    """
    from .sections import normalize, section_table

    table = profiles()
    default = table[DEFAULT_TEMPLATE]
    best, best_score = default, 0
    for p in table.values():
        signature = frozenset(normalize(n) for n in p.signature)
        if p is default or not signature:
            continue
        used: set[str] = set()
        for s in doc.sections:
            used |= _signature_in(s.title, signature)
        if len(used) > best_score:
            best, best_score = p, len(used)
    return best if best_score >= section_table().template_min_headings else default


def template_for(doc: Document, name: str | None = None) -> Profile | None:
    """The profile ``doc`` is checked against: the configured one, else the best match.
    None for YAML reports, which are judged by their own keys."""
    if doc.format == "yaml":
        return None
    if name is not None:
        table = profiles()
        if name not in table:
            raise ValueError(f"unknown template {name!r}: expected one of {', '.join(table)}")
        return table[name]
    return match_template(doc)
