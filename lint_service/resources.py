"""Where the data directories (rules/, models/) are, installed or in a checkout."""
from __future__ import annotations

import importlib
from pathlib import Path

_PACKAGES = {"rules": "lint_service.rules_data", "models": "lint_service.models_data"}


def resource_dir(kind: str) -> Path:
    """The ``rules`` or ``models`` directory shipped with the package."""
    # In a source checkout (or an editable install) the top-level folder is used;
    # an installed wheel carries the same files as package data.
    checkout = Path(__file__).resolve().parent.parent / kind
    if checkout.is_dir():
        return checkout
    # rules/ and models/ install as namespace packages: resources.files() gives a
    # MultiplexedPath there, so take the package's directory itself.
    package = importlib.import_module(_PACKAGES[kind])
    return Path(next(iter(package.__path__)))


def resource_path(kind: str, name: str) -> Path:
    return resource_dir(kind) / name
