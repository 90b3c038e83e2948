from pathlib import Path

import pytest

from lint_service import Config, ConfigError, Linter
from lint_service.config import discover_config, find_config_file, load_config_file


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_config_file(tmp_path):
    cfg = load_config_file(write(tmp_path / ".blamelint.yaml", """
disable: [timeline.out-of-order]
severity: {action-item.missing-deadline: info, structure: error}
required_sections: [summary, timeline]
systems: [Jenkins, dependabot]
people: [Kim]
"""))
    assert not cfg.is_enabled("timeline.out-of-order", True)
    assert cfg.severity_for("action-item.missing-deadline", "warning") == "info"
    assert cfg.severity_for("structure.missing-section", "warning") == "error"
    assert cfg.required_sections == ("summary", "timeline")
    assert cfg.systems == ("Jenkins", "dependabot") and cfg.people == ("Kim",)


def test_pyproject_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.blamelint]\ndisable = ["blame.we-subject"]\n')
    assert load_config_file(path).disable == ("blame.we-subject",)


def test_discovery_walks_up_and_prefers_the_nearest(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.blamelint]\npeople = ["Outer"]\n')
    write(tmp_path / "team" / ".blamelint.yaml", "people: [Inner]\n")
    doc = write(tmp_path / "team" / "pm" / "2024" / "incident.md", "# x\n")
    assert discover_config(doc).people == ("Inner",)
    other = write(tmp_path / "other" / "incident.md", "# x\n")
    assert discover_config(other).people == ("Outer",)


def test_pyproject_without_table_is_skipped_in_discovery(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    doc = write(tmp_path / "a.md", "# x\n")
    assert find_config_file(doc) is None or find_config_file(doc).parent != tmp_path
    with pytest.raises(ConfigError, match=r"no \[tool.blamelint\] table"):
        load_config_file(tmp_path / "pyproject.toml")


@pytest.mark.parametrize("text,key", [
    ("colour: red\n", "'colour'"),
    ("disable: [no.such-rule]\n", "'disable'"),
    ("enable: 5\n", "'enable'"),
    ("severity: {timeline.missing-timestamp: loud}\n", "severity"),
    ("severity: [error]\n", "'severity'"),
    ("severity: {nope: error}\n", "'severity'"),
    ("required_sections: [summary, 3]\n", "'required_sections'"),
    ("people: [\"\"]\n", "'people'"),
    ("pipeline: 3\n", "'pipeline'"),
    ("- just a list\n", "mapping"),
])
def test_bad_keys_and_values_name_the_key(tmp_path, text, key):
    path = write(tmp_path / ".blamelint.yaml", text)
    with pytest.raises(ConfigError) as err:
        load_config_file(path)
    assert key in str(err.value) and str(path) in str(err.value)


def test_broken_yaml_names_the_line(tmp_path):
    path = write(tmp_path / ".blamelint.yaml", "disable: [a\nseverity: x\n")
    with pytest.raises(ConfigError, match=r"line \d+, column \d+"):
        load_config_file(path)


def test_broken_toml(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.blamelint\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config_file(path)


def test_config_changes_what_the_linter_reports():
    text = "## Timeline\n\n- 11:08 a\n- 11:07 b\n- no time\n"
    default = {f.rule for f in Linter().lint(text).findings}
    assert {"timeline.out-of-order", "timeline.missing-timestamp"} <= default
    quiet = Linter(config=Config.from_mapping({"disable": ["timeline.out-of-order"],
                                               "severity": {"timeline": "error"}}))
    found = [f for f in quiet.lint(text).findings if f.category == "timeline"]
    assert [f.rule for f in found] == ["timeline.missing-timestamp"] and found[0].severity == "error"
