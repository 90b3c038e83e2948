"""Incident metrics from postmortem Documents: milestones, times, action items, recurrence.

>>> from lint_service.metrics import MetricsBuilder
>>> builder = MetricsBuilder()                  # loads the pipeline once
>>> report = builder.build([("pm.md", text)])   # a MetricsReport; .to_dict() is SPEC.md's JSON
>>> report = builder.build([("pm.md", text, "markdown")])  # with the format known
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable

from ..document import parse_document
from ..nlp import Parser, load_pipeline, read_pipeline_spec
from .incident import IncidentMetrics, OpenItem, incident_metrics
from .milestones import KINDS, Milestone, ParseFn
from .recurrence import Recurrence, find_recurrence
from .report import TIMES, Distribution, MetricsReport, percentile


class MetricsBuilder:
    """Turns (path, text) pairs into a MetricsReport with one spaCy pipeline."""

    def __init__(self, parse: ParseFn | None = None, pipeline: str | None = None) -> None:
        if parse is None:
            parse = Parser(load_pipeline(read_pipeline_spec(base=pipeline)), cache_size=2048).parse
        self.parse = parse

    def incident(self, path: str, text: str, as_of: dt.date, format: str | None = None) -> IncidentMetrics:
        """One incident; raises ValueError when the text is not a readable document."""
        return incident_metrics(parse_document(text, format), path, self.parse, as_of)

    def build(self, sources: Iterable[tuple[str, str] | tuple[str, str, str | None]], as_of: dt.date | None = None,
              progress: Callable[[int], None] | None = None, errors: list[str] | None = None) -> MetricsReport:
        as_of = as_of or dt.date.today()
        incidents: list[IncidentMetrics] = []
        errors = list(errors or [])
        for n, (path, text, *fmt) in enumerate(sources, 1):
            try:
                incidents.append(self.incident(path, text, as_of, fmt[0] if fmt else None))
            except ValueError as exc:
                errors.append(f"{path}: {exc}")
            if progress is not None:
                progress(n)
        return MetricsReport(incidents, find_recurrence(incidents, self.parse), as_of, errors)


__all__ = ["KINDS", "TIMES", "Distribution", "IncidentMetrics", "MetricsBuilder", "MetricsReport", "Milestone",
           "OpenItem", "Recurrence", "find_recurrence", "percentile"]
