"""blamelint: a linter for blameless postmortems.

    from lint_service import lint, Linter
    report = lint(text)             # format detected
    report.findings                 # [Finding, ...] sorted by start
"""
from __future__ import annotations

from .config import Config, ConfigError
from .findings import Finding, Report
from .linter import Linter, lint

__version__ = "0.1.0"

__all__ = ["Config", "ConfigError", "Finding", "Linter", "Report", "lint", "__version__"]
