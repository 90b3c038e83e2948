"""Loading and validating the rule files in ``rules/``.

Every ``rules/NAME.yaml`` has a JSON Schema in ``rules/schema/NAME.json``. Files
are validated when loaded; a broken file raises :class:`RuleFileError` naming the
file, the line and the reason, so a typo in a rule file never turns into a
silent miss at lint time.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .resources import resource_dir


class RuleFileError(ValueError):
    """A rule or config file is malformed. ``str()`` gives ``file:line: reason``."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")


def _node_at(node: yaml.Node, path: list[Any]) -> yaml.Node:
    """The YAML node at a JSON path (as jsonschema reports it), as deep as it exists."""
    for key in path:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == key:
                    node = v
                    break
            else:
                return node
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return node
    return node


def _duplicate_key(node: yaml.Node) -> tuple[str, int, int] | None:
    """The first key said twice in one mapping (the YAML loader silently keeps the last,
    so the earlier entry would never be read): (key, its line, the first one's line)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for k, v in n.value:
                if isinstance(k, yaml.ScalarNode) and k.value != "<<":
                    if k.value in seen:
                        return k.value, k.start_mark.line + 1, seen[k.value]
                    seen[k.value] = k.start_mark.line + 1
                stack.append(v)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return None


def load_yaml_validated(path: Path, schema: dict[str, Any]) -> Any:
    """Load one YAML file and validate it against ``schema`` (errors name file and line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, None, f"cannot read file: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleFileError(path, mark.line + 1 if mark else None, f"invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    if node is None:
        raise RuleFileError(path, 1, "file is empty")
    if (dup := _duplicate_key(node)) is not None:
        raise RuleFileError(path, dup[1], f"key {dup[0]!r} given twice (first at line {dup[2]}); only the last would be read")
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "top level"
        target = _node_at(node, list(err.absolute_path))
        line = target.start_mark.line + 1
        if err.validator == "additionalProperties" and isinstance(target, yaml.MappingNode):
            # point at the unexpected key itself, not at the mapping that holds it
            allowed = set(err.schema.get("properties", {}))
            for key, _value in target.value:
                if key.value not in allowed:
                    line = key.start_mark.line + 1
                    break
        raise RuleFileError(path, line, f"{where}: {err.message}")
    return data


@functools.lru_cache(maxsize=None)
def _schema(schema_path: Path) -> dict[str, Any]:
    return json.loads(schema_path.read_text(encoding="utf-8"))


def load_rule_file(name: str, directory: Path | None = None, schema: str | None = None) -> Any:
    """Load ``rules/NAME.yaml`` validated against ``rules/schema/NAME.json``
    (or ``rules/schema/SCHEMA.json`` when several files share one schema)."""
    directory = directory or resource_dir("rules")
    path = directory / f"{name}.yaml"
    schema_path = resource_dir("rules") / "schema" / f"{schema or name}.json"
    if not path.is_file():
        raise RuleFileError(path, None, "rule file is missing")
    return load_yaml_validated(path, _schema(schema_path))


def load_all(directory: Path | None = None) -> dict[str, Any]:
    """Every rule file in the directory, by name. Used by tests and `blamelint rules --check`."""
    directory = directory or resource_dir("rules")
    return {
        p.stem: load_rule_file(p.stem, directory, schema="checks" if p.stem.startswith("checks") else None)
        for p in sorted(directory.glob("*.yaml"))
    }
