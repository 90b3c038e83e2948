"""Linter configuration: which rules run, their severities, template, sections and allow-lists.

A config comes from a mapping (``Linter(config={...})``), a ``.blamelint.yaml``
file or ``[tool.blamelint]`` in ``pyproject.toml``. Unknown keys and bad values
raise :class:`ConfigError` naming the key, never pass silently.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

import yaml

from .findings import SEVERITIES

CONFIG_FILES = (".blamelint.yaml", ".blamelint.yml")


class ConfigError(ValueError):
    """The configuration is invalid; the message names the source and the key."""


@dataclass(frozen=True)
class Config:
    pipeline: str | None = None  # installed spaCy package; None: models/pipeline.cfg's base
    enable: tuple[str, ...] = ()  # rule ids or prefixes ("blame.") to turn on (default-off rules)
    disable: tuple[str, ...] = ()  # rule ids or prefixes to turn off
    severity: tuple[tuple[str, str], ...] = ()  # (rule id or prefix, severity)
    # None: the template profile's (``template``, else the best-matching profile).
    required_sections: tuple[str, ...] | None = None
    template: str | None = None  # a profile of rules/templates/ ("google-sre", ...); None: best match
    systems: tuple[str, ...] = ()  # names that are systems or bots, never people
    people: tuple[str, ...] = ()  # names that are people
    source: str = "<config>"

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None, source: str = "<config>") -> "Config":
        if data is None:
            return cls(source=source)
        if not isinstance(data, Mapping):
            raise ConfigError(f"{source}: the configuration must be a mapping of keys to values")
        known = {f.name for f in fields(cls)} - {"source"}
        values: dict[str, Any] = {"source": source}
        for key, value in data.items():
            key_norm = str(key).replace("-", "_")
            if key_norm not in known:
                raise ConfigError(f"{source}: unknown key {key!r} (known keys: {', '.join(sorted(known))})")
            values[key_norm] = _coerce(key_norm, value, source)
        return cls(**values)

    @classmethod
    def coerce(cls, config: "Config | Mapping[str, Any] | None") -> "Config":
        if isinstance(config, Config):
            return config
        return cls.from_mapping(config)

    def is_enabled(self, rule: str, default: bool) -> bool:
        def matches(patterns: tuple[str, ...]) -> int:
            best = -1
            for p in patterns:
                if rule == p or (p.endswith(".") and rule.startswith(p)) or rule.startswith(p + "."):
                    best = max(best, len(p))
            return best

        on, off = matches(self.enable), matches(self.disable)
        if on < 0 and off < 0:
            return default
        return on > off  # the more specific entry wins

    def severity_for(self, rule: str, default: str) -> str:
        best, chosen = -1, default
        for pattern, sev in self.severity:
            if (rule == pattern or rule.startswith(pattern.rstrip(".") + ".")) and len(pattern) > best:
                best, chosen = len(pattern), sev
        return chosen


def _known_rule(pattern: str) -> bool:
    """A rule id or a prefix ("blame", "blame.", "timeline.*") of at least one known rule."""
    from .checks.registry import rule_infos  # late: the registry loads rule files

    p = pattern.rstrip("*").rstrip(".")
    return any(r == p or r.startswith(p + ".") for r in rule_infos())


def _rule_list(key: str, value: Any, source: str) -> tuple[str, ...]:
    rules = _str_list(key, value, source)
    for r in rules:
        if not _known_rule(r):
            raise ConfigError(f"{source}: {key!r} names {r!r}, which is not a rule id or prefix (see `blamelint rules`)")
    return rules


def _str_list(key: str, value: Any, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{source}: {key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _coerce(key: str, value: Any, source: str) -> Any:
    if key == "pipeline":
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ConfigError(f"{source}: 'pipeline' must be the name of an installed spaCy package")
        return value
    if key == "severity":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{source}: 'severity' must map rule ids to one of {', '.join(SEVERITIES)}")
        out = []
        for rule, sev in value.items():
            if not isinstance(rule, str) or not _known_rule(rule):
                raise ConfigError(f"{source}: 'severity' names {rule!r}, which is not a rule id or prefix")
            if sev not in SEVERITIES:
                raise ConfigError(f"{source}: severity of {rule!r} is {sev!r}; expected one of {', '.join(SEVERITIES)}")
            out.append((str(rule), sev))
        return tuple(out)
    if key == "template":
        return _template(value, source)
    if key == "required_sections":
        if value == [] or value == ():
            return ()
        return tuple(s.lower() for s in _str_list(key, value, source))
    if key in ("enable", "disable"):
        return _rule_list(key, value, source)
    return _str_list(key, value, source)


def _template(value: Any, source: str) -> str | None:
    from .document.templates import profiles  # late: loads the profile files

    if value is None:
        return None
    known = list(profiles())
    if not isinstance(value, str) or value.strip().lower() not in known:
        raise ConfigError(f"{source}: 'template' is {value!r}; expected one of {', '.join(known)}")
    return value.strip().lower()


def load_config_file(path: str | Path) -> Config:
    """A Config from ``.blamelint.yaml`` or from ``[tool.blamelint]`` in ``pyproject.toml``."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration file: {exc}") from exc
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
        section = data.get("tool", {}).get("blamelint")
        if section is None:
            raise ConfigError(f"{path}: has no [tool.blamelint] table")
        return Config.from_mapping(section, source=f"{path} [tool.blamelint]")
    try:
        data = yaml.safe_load(raw)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        raise ConfigError(f"{path}: invalid YAML at {where}: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from exc
    return Config.from_mapping(data, source=str(path))


def find_config_file(path: str | Path) -> Path | None:
    """The nearest ``.blamelint.yaml`` or ``pyproject.toml`` with ``[tool.blamelint]``,
    looking in the linted file's folder and then upward."""
    start = Path(path).resolve()
    folder = start if start.is_dir() else start.parent
    for d in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = d / name
            if candidate.is_file():
                return candidate
        pyproject = d / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue  # someone else's broken pyproject is not our configuration
            if "blamelint" in data.get("tool", {}):
                return pyproject
    return None


def discover_config(path: str | Path) -> Config:
    """The configuration that applies to a linted file (defaults when there is none)."""
    found = find_config_file(path)
    return load_config_file(found) if found is not None else Config()
