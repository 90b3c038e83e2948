"""Blame detection (work in progress)."""
from __future__ import annotations

from typing import Iterable

from ...findings import Hit
from ..registry import Context, check


@check("blame.person-subject")
def blame_check(ctx: Context) -> Iterable[Hit]:
    return []
