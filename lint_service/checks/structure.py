"""structure.missing-section and structure.no-headings: the template's sections are there.

Which sections are required comes from, in order: the document's own format
(YAML reports: their keys), ``required_sections`` in the configuration, the
template profile (``template:``, else the best match; ``Document.template``).
A heading counts for every section it names ("Resolution and recovery"), and
text before the first section heading is the summary when there is enough of it.
"""
from __future__ import annotations

from typing import Iterable

from ..document.model import Document
from ..document.sections import canonical_section, normalize, section_names, section_table, section_why
from ..document.templates import DEFAULT_TEMPLATE, profiles
from ..findings import Hit
from ._entries import first_line_span
from .section_evidence import satisfied, where_looked
from .registry import Context, check

_YAML_KEYS = {"root causes": "root_causes", "action items": "action_items", "lessons learned": "lessons_learned"}
_PAIR_WHY = "so nothing records what the team learned or what will change to prevent a repeat"
_YAML_WHY = {"incident": "so the report has no incident id, title or severity"}


def _first_line(doc: Document) -> tuple[int, int]:
    text = doc.text
    start = len(text) - len(text.lstrip())
    return first_line_span(text, start, len(text))


def _title(doc: Document) -> int | None:
    """Index of the document's title: a first heading shallower than every other one."""
    secs = doc.sections
    if secs and all(s.level > secs[0].level for s in secs[1:]):
        return 0
    return None


def lead_summary(doc: Document) -> tuple[int, int] | None:
    """The first line of the text before the first section heading (after the title)
    when it summarises: blog-style reports open with paragraphs that tell the story."""
    title = _title(doc)
    body = [s for k, s in enumerate(doc.sections) if k != title]
    first = body[0].start if body else len(doc.text)
    after = doc.sections[title].end if title is not None else 0
    needed = section_table().lead_summary_min_words
    for p in doc.prose:
        if p.offsets and after <= p.offsets[0] < first and p.kind in ("paragraph", "list-item") \
                and len(p.text.split()) >= needed:
            return first_line_span(doc.text, p.offsets[0], p.offsets[-1] + 1)
    return None


def required_sections(ctx: Context) -> list[str]:
    doc = ctx.document
    if doc.required_sections is not None:
        return list(doc.required_sections)
    if ctx.config.required_sections is not None:
        return list(ctx.config.required_sections)
    return list(profiles()[doc.template or DEFAULT_TEMPLATE].required)


def present_sections(doc: Document, required: list[str]) -> dict[str, tuple[int, int]]:
    """Each section the document has, with the span of the heading that gives it."""
    present: dict[str, tuple[int, int]] = {}
    for s in doc.sections:
        names = {*section_names(s.title), normalize(s.title)}
        names |= {n for n in required if n in section_names(s.title, (n,))}
        for n in names:
            if n:
                present.setdefault(n, (s.start, s.end))
    lead = lead_summary(doc) if doc.format != "yaml" and "summary" not in present else None
    if lead is not None:
        present["summary"] = lead
    return present


def _strict(ctx: Context) -> bool:
    """A configured template or section list is held to the letter: every section a heading."""
    doc = ctx.document
    return doc.format == "yaml" or doc.required_sections is not None \
        or ctx.config.required_sections is not None or getattr(ctx.config, "template", None) is not None


def stated_without_heading(ctx: Context, required: list[str], present: dict[str, tuple[int, int]]) -> set[str]:
    """The missing sections whose content the document carries in another form."""
    if _strict(ctx):
        return set()
    doc = ctx.document
    missing = [canonical_section(n) or n for n in required]
    out = {n for n in missing if n not in present and satisfied(doc, n, ctx.parses)}
    # Lessons and actions are one forward-looking pair: a list of what will change
    # holds the lessons it follows from ("Corrective actions"), and when both are
    # absent one finding names the pair (see missing_sections).
    if "lessons learned" in missing and "lessons learned" not in present \
            and ("action items" in present or "action items" in out):
        out.add("lessons learned")
    return out


def _not_a_postmortem(doc: Document) -> bool:
    """A Markdown document with headings none of which is a postmortem section (an index, a README)."""
    return doc.format == "markdown" and bool(doc.sections) \
        and not any(section_names(s.title) for s in doc.sections)


def _anchors(doc: Document, required: list[str], present: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Where each missing section is reported: the heading of the template section it
    should follow (else the one it should precede, else the document's first line).

    Each missing section gets its own span, because findings with equal rule and
    span are merged downstream.
    """
    top = (doc.sections[0].start, doc.sections[0].end) if doc.sections and doc.format != "yaml" else _first_line(doc)
    used: set[tuple[int, int]] = set()
    out: dict[str, tuple[int, int]] = {}
    order = [canonical_section(n) or n for n in required]
    for k, name in enumerate(order):
        if name in present:
            continue
        before = [present[n] for n in reversed(order[:k]) if n in present]
        after = [present[n] for n in order[k + 1:] if n in present]
        candidates = before + after + [top] + sorted(set(present.values()))
        span = next((c for c in candidates if c not in used), top)
        used.add(span)
        out[name] = span
    return out


def _names(items: list[str], conjunction: str = "or") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def _why(name: str, yaml: bool) -> str:
    return (_YAML_WHY.get(name) if yaml else None) or section_why(name) or "which this team's template requires"


@check("structure.missing-section")
def missing_sections(ctx: Context) -> Iterable[Hit]:
    doc = ctx.document
    if doc.format != "yaml" and not doc.sections:
        return []  # structure.no-headings speaks for a document without headings
    required = required_sections(ctx)
    present = present_sections(doc, required)
    if _not_a_postmortem(doc) and not _strict(ctx):
        if not _is_postmortem_length(doc, _STORY_KINDS):
            return []  # an index or a table of links: nothing a review would walk through
        start, end = doc.sections[0].start, doc.sections[0].end
        listed = _names([n.capitalize() for n in required], "and")
        return [Hit("structure.missing-section", start, end,
                    f"None of this document's headings is a postmortem section; if it is a postmortem, "
                    f"give it the sections a review walks through: {listed}.")]
    stated = stated_without_heading(ctx, required, present)
    required = [n for n in required if (canonical_section(n) or n) not in stated]
    anchors = _anchors(doc, required, present)
    if not _strict(ctx) and {"action items", "lessons learned"} <= anchors.keys():
        anchors["lessons learned"] = anchors["action items"]
    by_span: dict[tuple[int, int], list[str]] = {}
    for name in required:
        canonical = canonical_section(name) or name
        if canonical in anchors and canonical not in by_span.get(anchors[canonical], []):
            by_span.setdefault(anchors[canonical], []).append(canonical)
    hits = []
    for (start, end), names in by_span.items():
        why = _why(names[0], doc.format == "yaml") if len(names) == 1 else \
            _PAIR_WHY if set(names) == {"action items", "lessons learned"} else \
            "so the review is missing parts of the template it walks through"
        if doc.format == "yaml":
            keys = [f"'{_YAML_KEYS.get(n, n)}'" for n in names]
            message = f"The report has no {_names(keys)} key, {why}."
        else:
            message = f"The postmortem has no {_names([n.capitalize() for n in names])} section, {why}."
            looked = where_looked(names[0]) if len(names) == 1 and not _strict(ctx) else None
            if looked:
                message = f"The postmortem has no {names[0].capitalize()} section, and {looked}, {why}."
        hits.append(Hit("structure.missing-section", start, end, message))
    return hits


# Blocks that tell a story; a table's cells are data (an index, a list of links).
_STORY_KINDS = ("paragraph", "list-item", "timeline", "action-item")


def _is_postmortem_length(doc: Document, kinds: tuple[str, ...] | None = None) -> bool:
    """Enough text, timeline entries and action items to be a postmortem rather than a
    snippet; with ``kinds``, counting only blocks of those kinds."""
    table = section_table()
    blocks = [p for p in doc.prose if p.text.strip() and (kinds is None or p.kind in kinds)]
    entries = len(doc.timeline) + len(doc.action_items)
    words = sum(len(p.text.split()) for p in blocks)
    return len(blocks) + entries >= table.no_headings_min_blocks and words >= table.no_headings_min_words


@check("structure.no-headings")
def no_headings(ctx: Context) -> Iterable[Hit]:
    """One finding for a whole postmortem written without headings. Short text (a
    sentence typed into the web form or an editor) is a snippet, not a document."""
    doc = ctx.document
    if doc.format == "yaml" or doc.sections or not _is_postmortem_length(doc):
        return []
    required = [n.capitalize() for n in required_sections(ctx)]
    listed = _names(required, "and") if required else "the sections of your template"
    # The first line of prose, past any comment or front matter above it.
    starts = [p.offsets[0] for p in doc.prose if p.offsets and p.text.strip()]
    start, end = first_line_span(doc.text, min(starts), len(doc.text)) if starts else _first_line(doc)
    message = (f"The postmortem has no headings, so the review cannot find its parts; "
               f"add a heading for each section: {listed}.")
    return [Hit("structure.no-headings", start, end, message)]
