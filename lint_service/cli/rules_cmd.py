"""`blamelint rules` and `blamelint explain RULE`: the rule catalogue for humans and scripts."""
from __future__ import annotations

import difflib
import json
import textwrap
from typing import Any, TextIO

from ..config import Config


class UnknownRule(LookupError):
    pass


def _infos() -> dict[str, Any]:
    from ..checks.registry import rule_infos

    return rule_infos()


def list_rules(out: TextIO, fmt: str = "text") -> None:
    infos = _infos()
    if fmt == "json":
        rows = [
            {"id": i.id, "category": i.category, "severity": i.severity, "enabled": i.enabled,
             "description": i.description}
            for i in infos.values()
        ]
        out.write(json.dumps({"rules": rows}, indent=2, ensure_ascii=False) + "\n")
        return
    width = max((len(i) for i in infos), default=4)
    out.write(f"{'RULE':<{width}}  {'CATEGORY':<12}  {'SEVERITY':<8}  DESCRIPTION\n")
    for i in infos.values():
        note = "" if i.enabled else " (off by default)"
        out.write(f"{i.id:<{width}}  {i.category:<12}  {i.severity:<8}  {i.description}{note}\n")
    out.write(f"\n{len(infos)} rules. `blamelint explain RULE` shows why a rule exists, with an example.\n")


def find_rule(rule: str) -> Any:
    infos = _infos()
    if rule in infos:
        return infos[rule]
    close = difflib.get_close_matches(rule, list(infos), n=3, cutoff=0.5)
    # A bare name ("possessive") is the rule of that name in whichever category.
    suffix = [rid for rid in infos if rid.split(".", 1)[-1] == rule]
    hint = suffix or close
    raise UnknownRule(
        f"unknown rule {rule!r}" + (f"; did you mean {', '.join(hint)}?" if hint else "")
        + " (`blamelint rules` lists them all)"
    )


def explain(rule: str, out: TextIO, width: int = 78) -> None:
    """Print the rule's story, then lint its example for real and show the result."""
    info = find_rule(rule)

    def para(label: str, text: str) -> None:
        out.write(f"{label}\n{textwrap.fill(' '.join(text.split()), width, initial_indent='  ', subsequent_indent='  ')}\n\n")

    out.write(f"{info.id}  ({info.category}, {info.severity}{'' if info.enabled else ', off by default'})\n\n")
    para("What it reports:", info.description)
    para("Why:", info.explanation)
    if info.example:
        para("Example:", info.example)
    if info.rewrite:
        para("Rewrite:", info.rewrite)
    if not info.example:
        return
    from .runner import linter_for

    # The rule may be off by default: turn every rule on (one config, so one
    # loaded pipeline serves every explain in a process).
    report = linter_for(Config(enable=tuple(_infos()))).lint(info.example)
    mine = [f for f in report.findings if f.rule == info.id]
    out.write("What blamelint reports on the example:\n")
    if not mine:
        out.write("  (nothing for this rule yet: the check does not flag its own example)\n")
    for f in mine:
        out.write(f"  {f.line}:{f.column}: {f.severity} {f.rule} {f.message}\n")
        out.write(f"    flagged: \u201c{f.text}\u201d\n")
        for s in f.suggestions:
            rewritten = info.example[: f.start] + s + info.example[f.end :]
            out.write(f"    suggestion: \u201c{s}\u201d\n    gives: {rewritten}\n")
