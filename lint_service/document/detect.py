"""Which format a document is in: by file extension, then by content."""
from __future__ import annotations

import re
from pathlib import PurePath

EXTENSIONS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown", ".mdx": "markdown",
    ".txt": "text", ".text": "text",
    ".yaml": "yaml", ".yml": "yaml",
}
_YAML_REPORT_KEY = re.compile(r"^(?:incident|timeline|root_causes|action_items)[ \t]*:", re.MULTILINE)
_MARKDOWN_SIGNS = re.compile(
    r"^(?:#{1,6}[ \t]+\S|```|~~~|\|.*\|[ \t]*$|[ \t]{0,3}(?:={3,}|-{3,})[ \t]*$|<!--|>[ \t])"
    r"|\[[^\]\n]{1,200}\]\([^)\n]{1,500}\)|\*\*[^*\n]{1,200}\*\*|`[^`\n]{1,200}`",
    re.MULTILINE,
)


def detect_format(text: str, path: str | PurePath | None = None) -> str:
    """"markdown", "text" or "yaml": the file extension decides, else the content."""
    if path is not None:
        fmt = EXTENSIONS.get(PurePath(str(path)).suffix.lower())
        if fmt:
            return fmt
    return detect_content(text)


def detect_content(text: str) -> str:
    head = text[:200_000]
    if len(_YAML_REPORT_KEY.findall(head)) >= 2:
        return "yaml"
    if _MARKDOWN_SIGNS.search(head):
        return "markdown"
    return "text"
