"""Write docs/rules.md, one section per rule, from the rule metadata in rules/checks*.yaml.

    python bench/rules_doc.py          # rewrite docs/rules.md
    python bench/rules_doc.py --check  # exit 1 if docs/rules.md is out of date

The language server links each diagnostic to its rule's section here
(``codeDescription.href``); tests/test_lsp_parts.py fails when the page is stale.
"""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
PAGE = REPO / "docs" / "rules.md"


def render() -> str:
    from lint_service.checks.registry import rule_infos

    out = ["# blamelint rules", "",
           "Generated from `rules/checks*.yaml` by `python bench/rules_doc.py`; "
           "`blamelint explain RULE` prints the same and lints the example.", ""]
    for info in rule_infos().values():
        state = "" if info.enabled else ", off by default"
        out += [f"## {info.id}", "", f"*{info.category}, {info.severity}{state}*", ""]
        for label, text in (("What it reports", info.description), ("Why", info.explanation),
                            ("Example", info.example), ("Rewrite", info.rewrite)):
            if text:
                out += textwrap.wrap(f"**{label}:** {' '.join(text.split())}", 100, break_on_hyphens=False) + [""]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    page = render()
    if "--check" in argv:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != page:
            print("docs/rules.md is out of date: run python bench/rules_doc.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
