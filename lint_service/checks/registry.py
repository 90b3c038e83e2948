"""The check registry: one place that knows every check and its rules' metadata.

A check is a function from a :class:`Context` to hits, registered with
``@check("rule.id", ...)`` for the rule ids it can report. Each rule's category,
default severity, description and explanation live in ``rules/checks.yaml``
(data, validated at load time), not in code.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from spacy.tokens import Doc

from ..document.model import Document, Prose
from ..findings import Hit
from ..resources import resource_dir
from ..rules import RuleFileError, load_rule_file


@dataclass(frozen=True)
class RuleInfo:
    id: str
    category: str
    severity: str
    description: str
    explanation: str
    example: str = ""
    rewrite: str = ""
    enabled: bool = True  # enabled unless the config says otherwise


@dataclass
class Context:
    """What a check sees: the document, its parses (computed once) and the config."""

    document: Document
    parses: list[tuple[Prose, Doc]]
    config: Any  # lint_service.config.Config
    cache: dict[str, Any] = field(default_factory=dict)  # per-lint scratch space shared by checks
    # Parses more text with the same (cached) pipeline; rewrites use it to verify
    # that a suggestion is itself free of blame.
    parse: Callable[[list[str]], list[Doc]] | None = None
    # The parses of the document's headings and titles (Document.headings): only the
    # blame check reads them.
    headings: list[tuple[Prose, Doc]] = field(default_factory=list)


CheckFn = Callable[[Context], Iterable[Hit]]
_CHECKS: list[tuple[tuple[str, ...], CheckFn]] = []


def check(*rule_ids: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check function that reports the given rule ids."""

    def register(fn: CheckFn) -> CheckFn:
        _CHECKS.append((rule_ids, fn))
        return fn

    return register


@functools.lru_cache(maxsize=1)
def rule_infos() -> dict[str, RuleInfo]:
    # rules/checks.yaml holds the blame rules; rules/checks-*.yaml the other checks'.
    infos: dict[str, RuleInfo] = {}
    for path in sorted(resource_dir("rules").glob("checks*.yaml")):
        for r in load_rule_file(path.stem, schema="checks")["rules"]:
            if r["id"] in infos:
                raise RuleFileError(path, None, f"rule {r['id']!r} is described twice")
            infos[r["id"]] = RuleInfo(**r)
    return infos


def registered_checks() -> list[tuple[tuple[str, ...], CheckFn]]:
    """All checks, importing the modules that define them on first use."""
    from . import load_builtin_checks

    load_builtin_checks()
    infos = rule_infos()
    for ids, fn in _CHECKS:
        for rid in ids:
            if rid not in infos:
                raise RuntimeError(f"check {fn.__module__}.{fn.__name__} reports {rid!r}, which rules/checks.yaml does not describe")
    return list(_CHECKS)
