"""The facade: parse the document, run spaCy once, run the checks, filter, report."""
from __future__ import annotations

import time
from typing import Any, Mapping

from .budget import check_deadline, time_budget
from .checks.registry import Context, registered_checks, rule_infos
from .config import Config
from .document import parse_document
from .document.done_work import mark_reported_work
from .document.sections import is_section_name
from .document.templates import template_for
from .filters import to_findings
from .findings import Hit, Report, summarize
from .nlp import DEFAULT_CACHE_BYTES, Parser, load_pipeline, read_pipeline_spec
from .repairs import repair


class Linter:
    """Loads the pipeline and rules once; lints many documents.

    >>> linter = Linter()
    >>> report = linter.lint("Kenji forgot to renew the certificate.")
    """

    def __init__(
        self,
        config: Config | Mapping[str, Any] | None = None,
        *,
        cache_size: int = 4096,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
    ) -> None:
        self.config = Config.coerce(config)
        self.infos = rule_infos()
        self.checks = registered_checks()
        spec = read_pipeline_spec(
            base=self.config.pipeline, rule_enabled=lambda rule: self.config.is_enabled(rule, self.infos[rule].enabled)
        )
        self.parser = Parser(load_pipeline(spec), cache_size=cache_size, cache_bytes=cache_bytes)

    def lint(
        self, text: str, format: str | None = None, *, budget: float | None = None, max_findings: int | None = None
    ) -> Report:
        """Lint ``text``.

        ``budget``: seconds the lint may take; past it :class:`~lint_service.budget.LintTimeout`
        (a BaseException) is raised. ``max_findings``: keep the first N findings (by
        start); the report is then ``truncated`` and ``stats["total"]`` counts all.
        """
        if not isinstance(text, str):
            raise ValueError(f"text must be a str, not {type(text).__name__}")
        if max_findings is not None and max_findings < 0:
            raise ValueError(f"max_findings must be 0 or more, not {max_findings}")
        with time_budget(budget):
            return self._lint(text, format, max_findings)

    def _lint(self, text: str, format: str | None, max_findings: int | None) -> Report:
        started = time.perf_counter()
        document = parse_document(text, format)
        profile = template_for(document, self.config.template)
        document.template = profile.name if profile is not None else None
        check_deadline()
        prose = repair(document.prose, text if document.format == "markdown" else None)
        # A heading that is only a section's name says nothing of anyone: not parsed (the
        # template's fifteen or so names would cost a cold lint about a tenth of the parse)
        heads = repair([h for h in document.headings if not is_section_name(h.text)])
        docs = self.parser.parse([p.text for p in prose] + [h.text for h in heads])
        ctx = Context(document, list(zip(prose, docs)), self.config, parse=self.parser.parse,
                      headings=list(zip(heads, docs[len(prose):])))
        mark_reported_work(document, ctx.parses)  # "We enabled ...": done, known only from the parse
        hits: list[Hit] = []
        for _rule_ids, fn in self.checks:
            check_deadline()
            hits.extend(fn(ctx))
        findings = to_findings(hits, document, self.infos, self.config)
        stats = summarize(findings)
        truncated = max_findings is not None and len(findings) > max_findings
        if truncated:
            findings = findings[:max_findings]
            stats["returned"] = len(findings)
        stats.update(
            format=document.format,
            template=document.template,
            characters=len(text),
            words=sum(1 for _, d in ctx.parses for t in d if t.is_alpha),
            elapsed_ms=round((time.perf_counter() - started) * 1000, 2),
        )
        return Report(findings=findings, stats=stats, truncated=truncated, sentences=_sentence_spans(ctx.parses))


def _sentence_spans(parses: list) -> list[tuple[int, int]]:
    """Each parsed sentence's span in the original text."""
    spans = [
        prose.original_span(sent.start_char, sent.end_char)
        for prose, doc in parses
        for sent in doc.sents
        if sent.end_char > sent.start_char
    ]
    return sorted(set(spans))


_DEFAULT: Linter | None = None


def default_linter() -> Linter:
    """A process-wide linter with the default config (the loaded pipeline is shared)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Linter()
    return _DEFAULT


def lint(text: str, format: str | None = None) -> Report:
    """Lint ``text`` with the default configuration."""
    return default_linter().lint(text, format=format)
