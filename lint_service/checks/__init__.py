"""Built-in checks. Every module in this package (and in ``blame/``) registers its
checks with ``@check`` when imported; ``load_builtin_checks`` imports them all."""
from __future__ import annotations

import importlib
import pkgutil

_SUBPACKAGES = ("lint_service.checks", "lint_service.checks.blame")


def load_builtin_checks() -> None:
    for package_name in _SUBPACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            if not info.name.startswith("_") and info.name != "registry":
                importlib.import_module(f"{package_name}.{info.name}")
