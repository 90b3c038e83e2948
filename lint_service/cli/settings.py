"""Configuration for the command line: ``--config PATH`` or discovery per file.

``lint_service.config`` owns the file formats; when it offers ``load_config_file``
and ``discover_config`` they are used, so the CLI, the library and editors agree.
Until then a ``.blamelint.yaml`` or a ``pyproject.toml`` ``[tool.blamelint]``
table is read here with the same ``Config.from_mapping`` validation.
"""
from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any

import yaml

from .. import config as config_module
from ..config import Config, ConfigError


def _read_mapping(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        return data.get("tool", {}).get("blamelint")
    try:
        return yaml.safe_load(raw.decode("utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}") from None


def load_config(path: str | Path) -> Config:
    """The config in ``path`` (``.blamelint.yaml`` or ``pyproject.toml``); ConfigError if invalid."""
    path = Path(path)
    shared = getattr(config_module, "load_config_file", None)
    if shared is not None:
        return Config.coerce(shared(path))
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    return Config.from_mapping(_read_mapping(path), source=str(path))


def discover(start: Path) -> Config:
    """The config that applies to a file at ``start`` (upward search), or the default."""
    shared = getattr(config_module, "discover_config", None)
    if shared is None:
        return Config()
    found = shared(start)
    if found is None:
        return Config()
    if isinstance(found, (str, Path)):  # a discovered file path rather than a Config
        return load_config(found)
    return Config.coerce(found)


@dataclasses.dataclass
class ConfigResolver:
    """Gives each linted file its Config: the ``--config`` one, or the discovered one,
    with the command line's ``--enable``/``--disable`` applied on top."""

    explicit: Config | None = None
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    _cache: dict[Path, Config] = dataclasses.field(default_factory=dict)

    def for_path(self, path: Path | None) -> Config:
        if self.explicit is not None:
            base = self.explicit
        else:
            folder = (path.parent if path is not None else Path.cwd()).absolute()
            if folder not in self._cache:
                self._cache[folder] = discover(folder)
            base = self._cache[folder]
        if not (self.enable or self.disable):
            return base
        # Command-line rules come last and are the most specific wish: the
        # disable list loses against a later --enable of the same rule.
        return dataclasses.replace(
            base,
            enable=base.enable + self.enable,
            disable=tuple(d for d in base.disable if d not in self.enable) + self.disable,
        )
