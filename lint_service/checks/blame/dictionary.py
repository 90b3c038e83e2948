"""What the dictionary (lemminflect's word list) knows: whether a word is English, and
whether a capitalised word it lacks is a closed compound of a hazard ("Heatwave",
"Mudslide") rather than a name."""
from __future__ import annotations

import functools

from lemminflect import getAllLemmas

from .lexicon import Lexicon


@functools.lru_cache(maxsize=16384)
def is_english_word(word: str) -> bool:
    return bool(getAllLemmas(word.lower()))


def hazard_compound(low: str, lex: Lexicon) -> bool:
    """A closed compound of a dictionary word and a hazard or event head ("heatwave",
    "mudslide", "brownout") that the dictionary itself lacks."""
    if is_english_word(low):
        return False
    return any(low.endswith(h) and len(low) - len(h) >= 3 and is_english_word(low[: len(low) - len(h)])
               for h in lex.agents["hazard_compound_heads"])
