"""Template profiles (rules/templates/*.yaml): loading, validation, choosing one."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lint_service import Linter
from lint_service.config import Config, ConfigError
from lint_service.document import parse_document
from lint_service.document.templates import _load, action_item_columns, match_template, profiles
from lint_service.rules import RuleFileError

TEMPLATES = Path(__file__).resolve().parents[1] / "rules" / "templates"
SIX = ("summary", "impact", "timeline", "root causes", "action items", "lessons learned")


def doc(*headings: str):
    return parse_document("".join(f"## {h}\n\nText.\n\n" for h in headings), "markdown")


def test_the_profiles_load_with_the_default_first() -> None:
    table = profiles()
    assert list(table)[0] == "default"
    assert set(table) == {"default", "google-sre", "pagerduty", "atlassian", "etsy-morgue", "dfds", "azure-rca"}
    assert table["default"].required == SIX
    for p in table.values():
        assert p.required and p.title and p.action_items.layout


def test_profiles_say_how_action_items_are_written() -> None:
    sre = profiles()["google-sre"].action_items
    assert sre.layout == "table" and "bug" in sre.columns["ticket"] and "owner" in sre.columns["owner"]
    columns = action_item_columns()
    assert {"owner", "deadline", "ticket", "status"} <= set(columns)
    assert "due date" in columns["deadline"]


@pytest.mark.parametrize("headings, expected", [
    (("Summary", "Impact", "Root causes", "Trigger", "Resolution", "Detection", "Action items",
      "Lessons learned", "Where we got lucky", "Timeline"), "google-sre"),
    (("Overview", "What happened", "Contributing factors", "Resolution", "Impact", "Responders", "Timeline",
      "How'd we do?", "Action items", "Messaging"), "pagerduty"),
    (("Incident summary", "Leadup", "Fault", "Impact", "Detection", "Response", "Recovery", "Timeline",
      "Five whys", "Backlog check", "Recurrence", "Lessons learned", "Corrective actions"), "atlassian"),
    (("Summary", "Why surprised?", "Timeline", "Remediations"), "etsy-morgue"),
    (("Summary", "Timeline", "Contributing factors", "Action items", "Lessons learned", "Attendees", "Stats"), "dfds"),
    (("Date", "Summary of impact", "Customer impact", "Root cause and mitigation", "Next steps",
      "Provide feedback"), "azure-rca"),
    (SIX, "default"),
])
def test_best_matching_profile(headings: tuple[str, ...], expected: str) -> None:
    assert match_template(doc(*headings)).name == expected


def test_names_many_templates_share_do_not_pick_a_template() -> None:
    # One signature heading ("Trigger") and shared names ("Contributing factors", "What went well").
    assert match_template(doc("Summary", "Contributing factors", "What went well", "Trigger")).name == "default"
    assert match_template(doc("Summary", "Resolution and recovery", "Escalation")).name == "default"


def test_report_names_the_template() -> None:
    linter = Linter()
    assert linter.lint("## Leadup\n\nx\n\n## Fault\n\ny\n").stats["template"] == "atlassian"
    assert linter.lint("## Summary\n\nx\n").stats["template"] == "default"
    assert linter.lint("incident: {id: x}\ntimeline: []\n", "yaml").stats["template"] is None


def test_configured_template_decides_the_required_sections() -> None:
    text = "".join(f"## {h}\n\nText.\n\n" for h in SIX)
    assert [f for f in Linter().lint(text).findings if f.category == "structure"] == []
    atlassian = Linter(config={"template": "atlassian"}).lint(text)
    assert atlassian.stats["template"] == "atlassian"
    messages = " ".join(f.message for f in atlassian.findings if f.rule == "structure.missing-section")
    assert "Leadup" in messages and "Fault" in messages and "Impact" not in messages


def test_required_sections_override_the_template() -> None:
    text = "## Leadup\n\nx\n\n## Fault\n\ny\n"
    found = Linter(config={"required_sections": ["leadup"]}).lint(text).findings
    assert [f for f in found if f.category == "structure"] == []


@pytest.mark.parametrize("value", ["google", 3, ""])
def test_unknown_template_is_a_config_error(value: object) -> None:
    with pytest.raises(ConfigError, match="'template'.*expected one of default"):
        Config.from_mapping({"template": value})


def test_template_names_are_case_insensitive() -> None:
    assert Config.from_mapping({"template": "PagerDuty"}).template == "pagerduty"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "templates"
    shutil.copytree(TEMPLATES, target)
    return target


@pytest.mark.parametrize("name, old, new, message", [
    ("pagerduty", "{name: responders,", "{name: bystanders,", "'bystanders' is not a section"),  # unknown section
    ("atlassian", "layout: list", "layout: spreadsheet", "layout"),  # breaks the schema
    ("etsy-morgue", "name: etsy-morgue", "name: morgue", "must match the file name"),
])
def test_a_broken_profile_fails_with_its_file_and_line(tmp_path: Path, name: str, old: str, new: str,
                                                       message: str) -> None:
    from lint_service.document.sections import known_sections

    path = _copy(tmp_path) / f"{name}.yaml"
    text = path.read_text(encoding="utf-8").replace(old, new)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if new in ln)
    with pytest.raises(RuleFileError) as err:
        _load(path, known_sections())
    assert message in str(err.value) and str(path) in str(err.value)
    assert err.value.line == line


def _structure(text: str) -> list[str]:
    return [f.message for f in Linter().lint(text, "markdown").findings if f.rule == "structure.missing-section"]


def test_a_template_without_an_impact_section_does_not_ask_for_one() -> None:
    # DFDS's template writes the impact in the summary; an empty summary is a draft, not a missing section.
    dfds = "# Queue stall\n\n" + "".join(f"## {h}\n\nText.\n\n" for h in (
        "Summary", "Timeline", "Contributing factors", "Action items", "Lessons learned", "Attendees", "Stats"))
    assert _structure(dfds) == []
    # Near miss: the same sections without the template's signature are held to the default six.
    default = dfds.replace("## Attendees\n\nText.\n\n", "").replace("## Stats\n\nText.\n\n", "")
    assert [m for m in _structure(default) if "Impact" in m]


def test_a_template_whose_summary_of_impact_gives_the_window_needs_no_timeline() -> None:
    azure = "# Queue stall\n\n" + "".join(f"## {h}\n\nText.\n\n" for h in (
        "Summary of impact", "Customer impact", "Root cause and mitigation", "Next steps", "Provide feedback"))
    assert _structure(azure) == []
    # Near miss: one signature heading is no sign of the template; the default wants a timeline.
    near = azure.replace("Root cause and mitigation", "Root cause").replace("## Provide feedback\n\nText.\n\n", "")
    assert [m for m in _structure(near) if "Timeline" in m]
