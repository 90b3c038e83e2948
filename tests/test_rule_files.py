"""Rule files: every file in rules/ validates against its schema, and a broken copy
(wrong type, unknown key, bad YAML, empty, missing) raises RuleFileError naming
the file and the line of the problem, so a typo never becomes a silent miss."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from lint_service.rules import RuleFileError, load_all, load_rule_file, load_yaml_validated

RULES = Path(__file__).resolve().parents[1] / "rules"
RULE_FILES = sorted(p.stem for p in RULES.glob("*.yaml"))


def schema_name(name: str) -> str:
    return "checks" if name.startswith("checks") else name


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def test_rule_files_exist() -> None:
    assert {"checks", "verbs", "agents", "framing", "blame_terms", "rewrites"} <= set(RULE_FILES)


@pytest.mark.parametrize("name", RULE_FILES)
def test_rule_file_validates(name: str) -> None:
    schema_path = RULES / "schema" / f"{schema_name(name)}.json"
    assert schema_path.is_file(), f"rules/{name}.yaml has no schema"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = load_rule_file(name, schema=schema_name(name) if name.startswith("checks") else None)
    assert data, f"rules/{name}.yaml is empty"


def test_load_all_validates_every_file() -> None:
    assert set(load_all()) == set(RULE_FILES)


# Schemas shared by the files of a folder of rules/ (one YAML per template profile).
SCHEMA_FOLDERS = {"template": "templates"}


@pytest.mark.parametrize("name", sorted(p.stem for p in (RULES / "schema").glob("*.json")))
def test_every_schema_has_a_rule_file(name: str) -> None:
    folder = SCHEMA_FOLDERS.get(name)
    assert any(schema_name(f) == name for f in RULE_FILES) or (folder and any((RULES / folder).glob("*.yaml")))


def test_rule_ids_are_unique_and_cover_the_blame_engine() -> None:
    from lint_service.checks.blame.engine import BLAME_RULES

    ids = [r["id"] for name in RULE_FILES if name.startswith("checks") for r in load_rule_file(name, schema="checks")["rules"]]
    assert len(ids) == len(set(ids)), "duplicate rule id"
    assert set(BLAME_RULES) <= set(ids)
    assert all(i.startswith("blame.") for i in BLAME_RULES)


# ---------------------------------------------------------------- broken copies


def load(name: str, directory: Path):
    return load_rule_file(name, directory=directory, schema=schema_name(name) if name.startswith("checks") else None)


def replace_line(path: Path, pattern: str, new: str) -> int:
    """Replace the first line matching ``pattern``; return its 1-based number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if re.search(pattern, line):
            lines[i] = new + "\n"
            path.write_text("".join(lines), encoding="utf-8")
            return i + 1
    raise AssertionError(f"{pattern!r} not in {path}")


def assert_names_file_and_line(exc: RuleFileError, path: Path, line: int) -> None:
    assert exc.path == str(path)
    assert exc.line == line, f"reported line {exc.line}, problem on line {line}: {exc}"
    assert str(exc).startswith(f"{path}:{line}: "), str(exc)


WRONG_TYPES = [
    pytest.param("checks", r"^    severity: warning", "    severity: 7", id="checks-severity-number"),
    pytest.param("checks", r"^    severity: warning", "    severity: critical", id="checks-severity-enum"),
    pytest.param("checks-document", r"^    severity: ", "    severity: [warning]", id="checks-document-severity-list"),
    pytest.param("verbs", r"^  - forget$", "  - {lemma: forget}", id="verbs-item-mapping"),
    pytest.param("agents", r"^  self: ", "  self: 12", id="agents-number"),
    pytest.param("blame_terms", r"^error_modifiers:", "error_modifiers: 3", id="blame-terms-number"),
    pytest.param("framing", r"^mistake_phrases:", "mistake_phrases: true", id="framing-bool"),
    pytest.param("rewrites", r"^blame_noun_replacement:", "blame_noun_replacement: [a, b]", id="rewrites-list"),
    pytest.param("sections", r"^fuzzy_threshold:", "fuzzy_threshold: high", id="sections-string"),
]


@pytest.mark.parametrize(("name", "pattern", "new"), WRONG_TYPES)
def test_wrong_type_names_file_and_line(rules_copy: Path, name: str, pattern: str, new: str) -> None:
    path = rules_copy / f"{name}.yaml"
    line = replace_line(path, pattern, new)
    with pytest.raises(RuleFileError) as info:
        load(name, rules_copy)
    assert_names_file_and_line(info.value, path, line)


def test_a_key_given_twice_names_file_and_line(rules_copy: Path) -> None:
    # YAML keeps the last of two equal keys, so the first list would silently never be read
    path = rules_copy / "rewrites.yaml"
    line = replace_line(path, r"^blame_noun_replacement:", "blame_noun_replacement: a thing\nblame_noun_replacement: a thing") + 1
    with pytest.raises(RuleFileError) as info:
        load("rewrites", rules_copy)
    assert_names_file_and_line(info.value, path, line)
    assert "given twice" in str(info.value) and f"line {line - 1}" in str(info.value)


def test_the_same_key_in_two_mappings_is_no_duplicate(rules_copy: Path) -> None:
    # near miss: "verbs" under two different entries of one file is two keys, not one twice
    load("rewrites", rules_copy)


def test_unknown_key_in_a_rule_names_file_and_line(rules_copy: Path) -> None:
    path = rules_copy / "checks.yaml"
    line = replace_line(path, r"^    severity: warning", "    severity: warning\n    severty: warning") + 1
    with pytest.raises(RuleFileError) as info:
        load("checks", rules_copy)
    # Reported at the entry that holds the unknown key (its "- id:" line, a few lines up); the message names the key.
    assert info.value.path == str(path)
    assert info.value.line is not None and line - 4 <= info.value.line <= line, str(info.value)
    assert "severty" in str(info.value)


@pytest.mark.parametrize("name", [n for n in RULE_FILES])
def test_unknown_top_level_key_names_file_and_key(rules_copy: Path, name: str) -> None:
    path = rules_copy / f"{name}.yaml"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\nzz_unknown_key: 1\n")
    with pytest.raises(RuleFileError) as info:
        load(name, rules_copy)
    assert info.value.path == str(path)
    assert info.value.line is not None
    assert "zz_unknown_key" in str(info.value)


def test_unknown_top_level_key_is_reported_at_its_line(rules_copy: Path) -> None:
    path = rules_copy / "verbs.yaml"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\nzz_unknown_key: 1\n")
    line = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(RuleFileError) as info:
        load("verbs", rules_copy)
    assert_names_file_and_line(info.value, path, line)


@pytest.mark.parametrize("name", RULE_FILES)
def test_bad_yaml_names_file_and_line(rules_copy: Path, name: str) -> None:
    path = rules_copy / f"{name}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # A tab cannot start a token in YAML; put it after the first top-level key so it is mid-file.
    at = next(i for i, l in enumerate(lines) if re.match(r"^[a-z_]+:", l)) + 1
    lines.insert(at, "\tbroken: [\n")
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load(name, rules_copy)
    assert info.value.path == str(path)
    assert "invalid YAML" in info.value.reason
    assert info.value.line == at + 1, str(info.value)


def test_empty_rule_file(rules_copy: Path) -> None:
    path = rules_copy / "framing.yaml"
    path.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load("framing", rules_copy)
    assert_names_file_and_line(info.value, path, 1)


def test_missing_rule_file(rules_copy: Path) -> None:
    (rules_copy / "verbs.yaml").unlink()
    with pytest.raises(RuleFileError) as info:
        load("verbs", rules_copy)
    assert info.value.path == str(rules_copy / "verbs.yaml")
    assert "missing" in str(info.value)


def test_undecodable_rule_file(rules_copy: Path) -> None:
    path = rules_copy / "agents.yaml"
    path.write_bytes(b"pronouns: \xff\xfe\n")
    with pytest.raises(RuleFileError) as info:
        load("agents", rules_copy)
    assert str(path) in str(info.value)


def test_load_yaml_validated_directly(tmp_path: Path) -> None:
    path = tmp_path / "thing.yaml"
    path.write_text("items:\n  - 1\n  - two\n", encoding="utf-8")
    schema = {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "integer"}}}}
    with pytest.raises(RuleFileError) as info:
        load_yaml_validated(path, schema)
    assert_names_file_and_line(info.value, path, 3)
    assert "'two'" in str(info.value)


def test_rule_file_error_is_a_value_error() -> None:
    assert issubclass(RuleFileError, ValueError)
