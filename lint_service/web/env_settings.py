"""Numeric settings read from the environment by the server processes, checked the
same way everywhere: a bad value stops the server at start with a message naming
the variable, never a traceback in a worker."""
from __future__ import annotations

import os
from typing import Mapping


def env_number(name: str, default: float, unit: str, *, maximum: float | None = None,
               environ: Mapping[str, str] | None = None) -> float:
    """``$name`` as a positive number of ``unit`` (at most ``maximum``), or ``default`` when unset."""
    env = os.environ if environ is None else environ
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SystemExit(f"blamelint: {name} must be a number of {unit}, not {raw!r}") from None
    if value <= 0 or (maximum is not None and value > maximum):
        bound = f"between 0 and {maximum:g} {unit}" if maximum is not None else "more than 0"
        raise SystemExit(f"blamelint: {name} must be {bound}, not {raw!r}")
    return value
