"""The YAML postmortem report format of SPEC.md.

    incident: {...}
    timeline: [{time: "08:02", event: "..."}]
    root_causes: ["..."]
    action_items: [{description: "...", owner: "...", deadline: "..."}]
    summary / impact / lessons_learned: optional strings or lists of strings

Values are read from the node tree of ``yaml.compose`` (safe-loader
resolution), never from a constructed object, so every string keeps its span
in the YAML source and findings point at it. Unquoted ``08:02`` stays the text
"08:02" instead of YAML 1.1's base-60 integer.

Hostile input is refused before composing: an event pass (iterative, linear)
rejects documents nested deeper than ``MAX_DEPTH``, and documents whose aliases
would expand to more than ``MAX_EXPANDED`` nodes (the "billion laughs" shape) —
sizes are added up per anchor, so the check itself never expands anything.
"""
from __future__ import annotations

import bisect

import yaml

from .builder import add_action_item, add_timeline_entry
from .item_forms import status_of
from .model import Document, Field, Prose, Section, TimelineEntry
from .suppress import hash_suppressions
from .timestamps import find_timestamp, leading_timestamp

MAX_DEPTH = 64
MAX_ALIASES = 1000
MAX_EXPANDED = 200_000  # nodes the document would have with every alias expanded
REQUIRED = ["incident", "timeline", "root causes", "action items"]
_KEYS = {
    "incident": "incident", "timeline": "timeline", "root_causes": "root causes", "action_items": "action items",
    "summary": "summary", "impact": "impact", "lessons_learned": "lessons learned",
}
_TIME_KEYS = ("time", "timestamp", "at", "when", "datetime", "date")
_EVENT_KEYS = ("event", "description", "what", "text", "summary", "note")
_DESC_KEYS = ("description", "action", "title", "task", "summary", "item")
_OWNER_KEYS = ("owner", "owners", "assignee", "assigned_to", "responsible")
_DEADLINE_KEYS = ("deadline", "due", "due_date", "due_by", "by", "target_date", "eta")
_STATUS_KEYS = ("status", "state", "done", "completed")
_TICKET_KEYS = ("ticket", "issue", "jira", "link", "url", "tracker")
_PRIORITY_KEYS = ("priority", "prio")
_TIMEZONE_KEYS = ("timezone", "time_zone", "tz")


class YamlReportError(ValueError):
    """The text is not a readable YAML report; the message names line and column."""


def _where(mark: yaml.Mark | None) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "an unknown position"


def _precheck(text: str) -> None:
    aliases = 0
    sizes: dict[str, int] = {}  # anchor -> expanded node count
    stack: list[list] = [[None, 0]]  # open collections: [anchor, expanded size so far]

    def add(n: int, mark: yaml.Mark) -> None:
        stack[-1][1] += n
        if sum(frame[1] for frame in stack) > MAX_EXPANDED:
            raise YamlReportError(
                f"YAML aliases at {_where(mark)} would expand to more than {MAX_EXPANDED} values; "
                "refusing it, as alias chains can grow exponentially"
            )

    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                stack.append([event.anchor, 0])
                if len(stack) - 1 > MAX_DEPTH:
                    raise YamlReportError(
                        f"YAML nested more than {MAX_DEPTH} levels deep at {_where(event.start_mark)}; "
                        "a postmortem report never needs that"
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                anchor, size = stack.pop()
                if anchor is not None:
                    sizes[anchor] = size + 1
                add(size + 1, event.start_mark)
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                add(1, event.start_mark)
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise YamlReportError(
                        f"YAML uses more than {MAX_ALIASES} aliases (at {_where(event.start_mark)}); "
                        "a postmortem report never needs that"
                    )
                add(sizes.get(event.anchor, 1), event.start_mark)
    except yaml.MarkedYAMLError as exc:
        raise YamlReportError(f"invalid YAML at {_where(exc.problem_mark)}: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise YamlReportError(f"invalid YAML: {exc}") from exc


def _compose(text: str) -> yaml.Node | None:
    _precheck(text)
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise YamlReportError(f"invalid YAML at {_where(exc.problem_mark)}: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise YamlReportError(f"invalid YAML: {exc}") from exc


def _get(node: yaml.MappingNode, names: tuple[str, ...]) -> tuple[yaml.Node, yaml.Node] | None:
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value.lower() in names:
            return key, value
    return None


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.doc = Document(text=text, format="yaml", required_sections=list(REQUIRED))
        self.scalar_spans: list[tuple[int, int]] = []
        self.timezone: str | None = None  # "incident: {timezone: UTC}" or a top-level "timezone:"

    def span(self, node: yaml.Node) -> tuple[int, int]:
        s, e = node.start_mark.index, node.end_mark.index
        while e > s and self.text[e - 1] in " \t\r\n":
            e -= 1
        return s, e

    def prose(self, node: yaml.Node, section: str | None) -> Prose | None:
        """The string value of a scalar as prose, offsets into the YAML source."""
        if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
            return None
        value = node.value
        s, e = node.start_mark.index, node.end_mark.index
        self.scalar_spans.append((s, e))
        body = s + 1 if node.style in ("'", '"') else s
        if self.text.startswith(value, body):
            return Prose.verbatim(value, body, "yaml-string", section)
        # Escapes, folding and block scalars: place each character where it was typed.
        offs: list[int] = []
        cur = body
        for ch in value:
            target = " " if ch == "\n" else ch
            p = self.text.find(target, cur, min(e, cur + 40)) if not ch.isspace() else -1
            if p == -1 and ch.isspace():
                p = cur if cur < e else -1
            if p != -1:
                offs.append(p)
                cur = p + 1
            else:
                offs.append(min(cur, max(e - 1, s)))
        return Prose(value, offs, "yaml-string", section)

    def field(self, key: yaml.Node, value: yaml.Node) -> Field:
        if isinstance(value, yaml.ScalarNode):
            self.scalar_spans.append((value.start_mark.index, value.end_mark.index))
            s, e = self.span(value)
            if value.value.strip():
                if value.style in ("'", '"'):
                    s, e = s + 1, e - 1
                return Field(value.value, s, e)
            # Empty or null: point at "key: value" so the finding has a visible span.
            return Field("", key.start_mark.index, max(e, key.end_mark.index))
        s, e = self.span(value)
        return Field(self.text[s:e], s, e)

    def strings(self, node: yaml.Node, section: str) -> None:
        """Prose from a string, a list of strings or a mapping of strings."""
        if isinstance(node, yaml.ScalarNode):
            p = self.prose(node, section)
            if p:
                self.doc.prose.append(p)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                if isinstance(item, yaml.MappingNode):
                    kv = _get(item, _DESC_KEYS + _EVENT_KEYS)
                    if kv:
                        self.strings(kv[1], section)
                elif isinstance(item, yaml.ScalarNode):
                    self.strings(item, section)
        elif isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                if isinstance(value, yaml.ScalarNode):
                    self.strings(value, section)

    def timeline(self, node: yaml.Node) -> None:
        if not isinstance(node, yaml.SequenceNode):
            return
        for item in node.value:
            start, end = self.span(item)
            if isinstance(item, yaml.ScalarNode):
                p = self.prose(item, "timeline") or Prose("", [], "yaml-string", "timeline")
                add_timeline_entry(self.doc, p, start, end, kind="yaml", day=None)
                continue
            if not isinstance(item, yaml.MappingNode):
                continue
            time_kv = _get(item, _TIME_KEYS)
            event_kv = _get(item, _EVENT_KEYS)
            event = self.prose(event_kv[1], "timeline") if event_kv else None
            if time_kv is None and event is not None:
                # No time key: a time written at the start of the event text still counts.
                if leading_timestamp(event.text) is not None:
                    add_timeline_entry(self.doc, event, start, end, kind="yaml", day=None, timezone=self.timezone)
                    continue
            time = self.field(*time_kv) if time_kv else None
            text = event.text if event else ""
            ts = find_timestamp(time.value) if time is not None else None
            zone_kv = _get(item, _TIMEZONE_KEYS)
            zone = (zone_kv[1].value.strip() if zone_kv and isinstance(zone_kv[1], yaml.ScalarNode) else None) \
                or (ts.timezone if ts else None) or self.timezone
            self.doc.timeline.append(TimelineEntry(start, end, text, time, structured=True, kind="yaml",
                                                   day=ts.date if ts else None, timezone=zone or None))
            if event is not None:
                event.kind = "timeline"
                self.doc.prose.append(event)

    def action_items(self, node: yaml.Node) -> None:
        if not isinstance(node, yaml.SequenceNode):
            return
        for item in node.value:
            start, end = self.span(item)
            if isinstance(item, yaml.ScalarNode):
                p = self.prose(item, "action items") or Prose("", [], "yaml-string", "action items")
                add_action_item(self.doc, p, start, end, kind="yaml")
                continue
            if not isinstance(item, yaml.MappingNode):
                continue
            desc_kv = _get(item, _DESC_KEYS)
            owner_kv = _get(item, _OWNER_KEYS)
            deadline_kv = _get(item, _DEADLINE_KEYS)
            prose = (self.prose(desc_kv[1], "action items") if desc_kv else None) or Prose("", [], "yaml-string", "action items")
            owner = self.field(*owner_kv) if owner_kv else None
            deadline = self.field(*deadline_kv) if deadline_kv else None
            status = self.optional(item, _STATUS_KEYS)
            said = None
            if status is not None:
                # "status: done", or "done: true" / "completed: yes" (YAML booleans as written)
                said = status_of(status.value) or ({"true": "done", "yes": "done", "false": "open", "no": "open"}
                                                   .get(status.value.strip().lower()))
            add_action_item(self.doc, prose, start, end, kind="yaml", owner=owner, deadline=deadline, structured=True,
                            done=None if said is None else said == "done",
                            status_field=status if said is not None else None,
                            ticket=self.optional(item, _TICKET_KEYS), priority=self.optional(item, _PRIORITY_KEYS))

    def optional(self, item: yaml.MappingNode, names: tuple[str, ...]) -> Field | None:
        """A scalar field of an item when it is there and not empty."""
        kv = _get(item, names)
        if kv is None or not isinstance(kv[1], yaml.ScalarNode) or not kv[1].value.strip():
            return None
        return self.field(*kv)


def parse_yaml_report(text: str) -> Document:
    root = _compose(text)
    if root is None:
        raise YamlReportError("the YAML report is empty (line 1, column 1): expected incident, timeline, root_causes and action_items")
    if not isinstance(root, yaml.MappingNode):
        raise YamlReportError(
            f"a YAML postmortem report is a mapping with incident, timeline, root_causes and action_items, "
            f"but line {root.start_mark.line + 1}, column {root.start_mark.column + 1} starts a {root.id}"
        )
    r = _Reader(text)
    for holder in [root] + [v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "incident"
                            and isinstance(v, yaml.MappingNode)]:
        for key, value in holder.value:
            # The incident's labelled facts ("severity", "started_at", ...), for the metrics.
            if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode) and value.value.strip():
                r.doc.fields.setdefault(key.value.strip().lower().replace(" ", "_").replace("-", "_"), r.field(key, value))
                if key.value.strip().lower() == "title":  # the report's headline
                    title = r.prose(value, None)
                    if title is not None:
                        title.kind = "heading"
                        r.doc.headings.append(title)
        zone = _get(holder, _TIMEZONE_KEYS)
        if zone is not None and isinstance(zone[1], yaml.ScalarNode) and zone[1].value.strip():
            r.timezone = zone[1].value.strip()
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        canonical = _KEYS.get(key.value.strip().lower())
        if canonical is None:
            continue  # fields beyond the report's are allowed and ignored
        r.doc.sections.append(Section(key.value, canonical, key.start_mark.index, key.end_mark.index, 1,
                                      body_end=value.end_mark.index))
        if canonical == "timeline":
            r.timeline(value)
        elif canonical == "action items":
            r.action_items(value)
        elif canonical != "incident":
            r.strings(value, canonical)
    r.doc.prose.sort(key=lambda p: p.offsets[0] if p.offsets else 0)
    r.doc.suppressions = hash_suppressions(text, _outside(text, r.scalar_spans))
    return r.doc


def _outside(text: str, spans: list[tuple[int, int]]):
    """A predicate: is (line, column) outside every string value (so "#" starts a comment)?"""
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    spans = sorted(spans)
    begins = [s for s, _ in spans]

    def check(line: int, column: int) -> bool:
        offset = starts[line] + column
        k = bisect.bisect_right(begins, offset) - 1
        return k < 0 or not (spans[k][0] <= offset < spans[k][1])

    return check
