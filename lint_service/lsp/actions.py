"""Code actions: a quick fix per suggestion, "disable RULE for this line", and
"apply all blame rewrites in this file". Every edit replaces a finding's own span
(or inserts a suppression comment); nothing here decides what is wrong."""
from __future__ import annotations

from typing import Callable, Sequence

from lsprotocol import types

from ..findings import REMOVAL_LABEL, Finding, Report
from .diagnostics import to_diagnostic
from .positions import PositionMap
from .suppression import disable_insertion

FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.blamelint"


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and \
        (b.start.line, b.start.character) <= (a.end.line, a.end.character)


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    # context.only lists kinds or their prefixes ("source" asks for source.fixAll.blamelint)
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def code_actions(
    uri: str, text: str, fmt: str, report: Report, positions: PositionMap, request: types.Range,
    only: Sequence[str] | None, rule_href: Callable[[str], str],
) -> list[types.CodeAction]:
    actions: list[types.CodeAction] = []
    in_range = [f for f in report.findings if _overlaps(positions.range(f.start, f.end), request)]
    if _wants(only, types.CodeActionKind.QuickFix.value):
        for f in in_range:
            diag = to_diagnostic(f, positions, rule_href)
            actions.extend(_replacements(uri, f, diag, positions))
            disable = _disable(uri, text, fmt, f, diag, positions)
            if disable is not None:
                actions.append(disable)
    all_kind = None
    if _wants(only, FIX_ALL_KIND):
        all_kind = FIX_ALL_KIND
    elif _wants(only, types.CodeActionKind.QuickFix.value) and any(_is_rewrite(f) for f in in_range):
        all_kind = types.CodeActionKind.QuickFix.value
    if all_kind is not None:
        fix_all = apply_all_rewrites(uri, report, positions, all_kind)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def _is_rewrite(f: Finding) -> bool:
    return f.category == "blame" and bool(f.suggestions)


def _replacements(uri: str, f: Finding, diag: types.Diagnostic, positions: PositionMap) -> list[types.CodeAction]:
    rng = positions.range(f.start, f.end)
    return [
        types.CodeAction(
            title=f"Replace with “{s}”" if s else REMOVAL_LABEL,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diag],
            is_preferred=i == 0,
            edit=_edit(uri, [types.TextEdit(range=rng, new_text=s)]),
        )
        for i, s in enumerate(f.suggestions)
    ]


def _disable(uri: str, text: str, fmt: str, f: Finding, diag: types.Diagnostic, positions: PositionMap) -> types.CodeAction | None:
    insertion = disable_insertion(text, fmt, f, positions)
    if insertion is None:
        return None
    at, insert = insertion
    point = positions.position(at)
    return types.CodeAction(
        title=f"Disable {f.rule} for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        edit=_edit(uri, [types.TextEdit(range=types.Range(start=point, end=point), new_text=insert)]),
    )


def apply_all_rewrites(uri: str, report: Report, positions: PositionMap, kind: str) -> types.CodeAction | None:
    """Every blame finding replaced by its first suggestion (overlapping ones: the first wins)."""
    edits: list[types.TextEdit] = []
    last_end = -1
    for f in report.findings:  # sorted by start
        if not _is_rewrite(f) or f.start < last_end:
            continue
        edits.append(types.TextEdit(range=positions.range(f.start, f.end), new_text=f.suggestions[0]))
        last_end = f.end
    if not edits:
        return None
    return types.CodeAction(
        title=f"Apply all blame rewrites in this file ({len(edits)})",
        kind=kind,
        edit=_edit(uri, edits),
    )
