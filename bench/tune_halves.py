"""Two halves of ``real-tune`` for checking that a rule transfers.

A rule is developed on half ``a`` (plus sentences of one's own) and kept only if
it also gains on half ``b``, which was not read while writing it. The split is by
source, like the tune/test split: a source is in half ``b`` when the *second* byte
of the SHA-256 of its ``source`` field is odd (the first byte already chose
tune or test, so it cannot be reused), and every sentence of a source is in
the same half.

    python bench/eval_blame.py real-tune-a real-tune-b
    python bench/eval_blame.py real-tune-a --misses      # develop on A only
"""
from __future__ import annotations

import hashlib

HALVES = ("real-tune-a", "real-tune-b")


def half_of(source: str) -> str:
    """"a" or "b": the half of real-tune a source belongs to."""
    return "b" if hashlib.sha256(source.encode("utf-8")).digest()[1] % 2 else "a"


def tune_half(rows: list, half: str) -> list:
    """The rows of ``real-tune`` (``labelled.Row``) whose source is in ``half``."""
    return [r for r in rows if half_of(r.source) == half]
