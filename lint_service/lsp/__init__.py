"""``blamelint lsp``: the Language Server Protocol surface (pygls on standard input/output).

Like the CLI and the HTTP service, it only translates a :class:`~lint_service.findings.Report`:
findings become diagnostics in the client's position units, suggestions become quick
fixes, and suppression comments are written in the document's own syntax.
"""
from __future__ import annotations


def main() -> int:
    """Run the server on standard input/output until the client exits it."""
    from .server import run_stdio

    run_stdio()
    return 0
