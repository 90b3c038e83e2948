"""bench/why_blame.py names the recognizer that fires on a sentence, or says none does."""
from __future__ import annotations

import importlib.util

from blame_support import REPO


def _why():
    spec = importlib.util.spec_from_file_location("why_blame", REPO / "bench" / "why_blame.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_names_the_recognizer_and_the_quiet_case() -> None:
    why = _why()
    fired = why.explain("Ilse forgot to renew the signing certificate.")
    assert any("FIRES" in line and "blame.person-subject" in line for line in fired)
    quiet = why.explain("The renewal job skipped the signing certificate.", show_parse=True)
    assert quiet[-1].strip() == "no recognizer fires"
    assert "/nsubj/" in quiet[1]
