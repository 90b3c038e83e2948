"""Where the outside material (``../shared``: corpora, schemas) is, for the tests that read it.

It is found beside the repository, or at ``$BLAMELINT_SHARED`` (as ``bench/labelled.py``
finds it). A clone with nothing beside it has no such folder: those tests skip and say why.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("BLAMELINT_SHARED") or Path(__file__).resolve().parents[2] / "shared")


def shared_path(*parts: str) -> Path:
    """``../shared/<parts>``, or skip the calling test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)}, which is not beside this clone (set BLAMELINT_SHARED to its folder)")
    return path
