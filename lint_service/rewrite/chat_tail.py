"""A trailing emoticon, emoji or chat tag ("... shouldn't have removed it :)", "... 😅",
"... (facepalm)"): the rewrite is made from the sentence without it.

The tail is the writer's tone, not a fact of the incident, and no strategy can read
past it: the parser takes ":)" for the sentence's last mark and a rebuilt clause ends
in half a smiley. The rewrite replaces the whole sentence, tail included, so a rewrite
of the copy without the tail is a rewrite of the original.
"""
from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Span

from .text import phrasing

# ":)", ":-(", ";P", ":D", "=/", "xD", "(:", "<3", "^^", "^_^", "o_O", "T_T" (not "8)" or
# "0.0": a list number and a figure)
_EMOTICON = re.compile(
    r"(?:[:;=][-'^o]?[()\[\]{}DPpOo03/\\|*@$]+|[xX]-?D+|[()\[\]/\\|][-']?[:;=]|<3+|\^[_.-]?\^|[oOT>][_.][oOT<])")


def _emoji(word: str) -> bool:
    # symbols (So) with their joiners, variation selectors and skin tones: "🤦‍♂️", "😅"
    return any(unicodedata.category(ch) == "So" for ch in word) and all(
        unicodedata.category(ch) in ("So", "Sk", "Mn", "Cf") or ch in "\u200d\ufe0f" for ch in word)


def _tag(word: str) -> bool:
    """``word`` is a chat tag in brackets, stars or colons ("(facepalm)", "*sigh*", ":shrug:")."""
    inner = re.fullmatch(r"\((.+)\)|\[(.+)\]|\*(.+)\*|:([a-z_+-]+):", word.lower())
    if inner is None:
        return False
    said = next(g for g in inner.groups() if g is not None).replace("_", " ").strip(" .!")
    return said in phrasing()["chat_tags"]


def _tail_start(text: str) -> int | None:
    """Where the trailing run of emoticons, emoji and chat tags starts in ``text``."""
    end = len(text.rstrip())
    start = None
    while end > 0:
        # a tag in brackets may hold a space ("(oh no)"); an emoticon or emoji never does
        bracket = re.search(r"(\([^()]{1,20}\)|\[[^\[\]]{1,20}\]|\*[^*]{1,20}\*)$", text[:end])
        word = bracket.group(1) if bracket else text[:end].rsplit(None, 1)[-1]
        if not (_EMOTICON.fullmatch(word) or _emoji(word) or _tag(word)):
            break
        end -= len(word)
        start = end
        end = len(text[:end].rstrip())
    return start


def without_chat_tail(sent: Span) -> str | None:
    """The sentence's text without its trailing emoticons, emoji and chat tags, ended
    with a full stop if they ended it, or None when it has none (or nothing else)."""
    text = sent.text
    start = _tail_start(text)
    if start is None:
        return None
    rest = text[:start].rstrip().rstrip(",;")
    if not any(ch.isalpha() for ch in rest):
        return None
    # the tail was the sentence's last mark: the rewrite ends as a sentence does
    return rest if rest.endswith((".", "!", "?", "…")) else rest + "."
