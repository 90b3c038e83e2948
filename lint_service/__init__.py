"""blamelint: a linter for blameless postmortems.

    from lint_service import lint, Linter
    report = lint(text)             # format detected
    report.findings                 # [Finding, ...] sorted by start
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Config", "ConfigError", "Finding", "Linter", "Report", "lint", "__version__"]

if TYPE_CHECKING:
    from .config import Config, ConfigError
    from .findings import Finding, Report
    from .linter import Linter, lint

# Imported on first use, so `blamelint --version` and `--help` do not pay for spaCy.
_LAZY = {
    "Config": "config", "ConfigError": "config", "Finding": "findings", "Report": "findings",
    "Linter": "linter", "lint": "linter",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
