"""Which configuration applies to an open document, and the server's own settings.

A document's configuration is the ``.blamelint.yaml`` or ``pyproject.toml``
``[tool.blamelint]`` found upward from its folder (``lint_service.config``, as the
CLI does), with the editor's settings (``initializationOptions`` or
``workspace/didChangeConfiguration``, under a ``blamelint`` key) added on top.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..config import CONFIG_FILES, Config, ConfigError, find_config_file, load_config_file

# languageId (what editors send) -> blamelint's format; other languages are ignored.
LANGUAGE_FORMATS = {
    "markdown": "markdown", "md": "markdown",
    "yaml": "yaml", "yml": "yaml",
    "plaintext": "text", "text": "text", "txt": "text",
}
DEFAULT_DEBOUNCE_MS = 250
DEFAULT_RULE_DOCS = "https://github.com/blamelint/blamelint/blob/main/docs/rules.md#{anchor}"
# Keys of the editor's settings that are the server's, not the linter's.
_SERVER_KEYS = {"debounceMs": "debounce_ms", "debounce_ms": "debounce_ms", "ruleDocsUrl": "rule_docs", "rule_docs_url": "rule_docs"}
_ADDITIVE = ("enable", "disable", "severity", "systems", "people")


@dataclass(frozen=True)
class ServerSettings:
    """The editor's settings, validated: the linter overrides and the server's own."""

    overrides: Config | None = None  # keys the editor set, as a Config (None: none)
    keys: frozenset[str] = frozenset()  # which Config keys the editor set
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    rule_docs: str = DEFAULT_RULE_DOCS

    @classmethod
    def from_client(cls, raw: Any) -> "ServerSettings":
        """Read ``{"blamelint": {...}}`` (or the inner mapping); ConfigError naming the key if invalid."""
        if raw is None:
            return cls()
        if isinstance(raw, Mapping) and "blamelint" in raw:
            raw = raw["blamelint"]
        if not isinstance(raw, Mapping):
            raise ConfigError("editor settings: 'blamelint' must be a mapping of keys to values")
        linter_keys: dict[str, Any] = {}
        server: dict[str, Any] = {}
        for key, value in raw.items():
            if key in _SERVER_KEYS:
                server[_SERVER_KEYS[key]] = value
            else:
                linter_keys[key] = value
        if "pipeline" in {str(k).replace("-", "_") for k in linter_keys}:
            raise ConfigError("editor settings: 'pipeline' is read from .blamelint.yaml only (the server loads it once)")
        overrides = Config.from_mapping(linter_keys, source="editor settings") if linter_keys else None
        debounce = server.get("debounce_ms", DEFAULT_DEBOUNCE_MS)
        if isinstance(debounce, bool) or not isinstance(debounce, int) or not 0 <= debounce <= 10_000:
            raise ConfigError("editor settings: 'debounceMs' must be a whole number of milliseconds from 0 to 10000")
        docs = server.get("rule_docs", DEFAULT_RULE_DOCS)
        if not isinstance(docs, str) or "{" not in docs:
            raise ConfigError("editor settings: 'ruleDocsUrl' must be a URL template with {rule} or {anchor}")
        keys = frozenset(str(k).replace("-", "_") for k in linter_keys)
        return cls(overrides, keys, debounce, docs)

    def apply(self, base: Config) -> Config:
        """``base`` (the project's file) with the editor's settings added on top."""
        if self.overrides is None:
            return base
        changes = {}
        for key in self.keys:
            value = getattr(self.overrides, key)
            changes[key] = getattr(base, key) + value if key in _ADDITIVE else value
        return dataclasses.replace(base, source=f"{base.source} + editor settings", **changes)

    def rule_href(self, rule: str) -> str:
        return self.rule_docs.format(rule=rule, anchor=rule.replace(".", ""))


# The files a project's configuration can live in (pyproject.toml when it has [tool.blamelint]).
WATCHED_CONFIG_NAMES = (*CONFIG_FILES, "pyproject.toml")


@dataclass
class ConfigFinder:
    """The project configuration for a document path, re-read when the file changes."""

    _loaded: dict[tuple[Path, int, int], Config] = field(default_factory=dict)

    def for_path(self, path: str | None) -> Config:
        if not path:
            return Config()
        found = find_config_file(Path(path).parent)
        if found is None:
            return Config()
        stat = found.stat()
        key = (found, stat.st_mtime_ns, stat.st_size)  # a rewrite within the clock's tick changes the size
        if key not in self._loaded:
            self._loaded = {k: v for k, v in self._loaded.items() if k[0] != found}
            self._loaded[key] = load_config_file(found)
        return self._loaded[key]

    def forget(self) -> None:
        """Drop what was read: the editor said a configuration file changed."""
        self._loaded.clear()
