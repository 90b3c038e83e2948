import pytest

from lint_service import Linter


@pytest.fixture(scope="module")
def linter():
    return Linter()


def missing(linter, text, fmt=None, config=None):
    lin = Linter(config=config) if config is not None else linter
    return [f for f in lin.lint(text, fmt).findings if f.rule == "structure.missing-section"]


FULL = "# PM\n## Overview\nx\n## Customer impact\nx\n## Timeline of events\nx\n## Contributing factors\nx\n## Follow-ups\nx\n## What we learned\nx\n"


def test_synonyms_satisfy_the_template(linter):
    assert missing(linter, FULL) == []


def test_missing_sections_are_named_each(linter):
    text = "# PM\n## Summary\nx\n## Timeline\nx\n## Root Cause Analysis\nx\n## Lessons learned\nx\n"
    found = missing(linter, text)
    assert {("Impact" in f.message, "Action items" in f.message) for f in found} == {(True, False), (False, True)}
    assert all(f.category == "structure" for f in found)


def test_fuzzy_headings(linter):
    text = FULL.replace("Follow-ups", "Action Itmes").replace("Contributing factors", "Root-cause")
    assert missing(linter, text) == []


def test_snippets_without_headings_are_not_checked(linter):
    assert missing(linter, "The deploy pipeline promoted a staging config.") == []


def test_yaml_report_requires_its_own_keys(linter):
    found = missing(linter, "incident: {id: x}\ntimeline: []\nroot_causes: []\n", "yaml")
    assert len(found) == 1 and "'action_items'" in found[0].message


def test_configured_sections(linter):
    text = "# PM\n## Summary\nx\n## Detection\nx\n"
    found = missing(linter, text, config={"required_sections": ["summary", "detection", "customer comms"]})
    assert len(found) == 1 and "Customer comms" in found[0].message
    assert missing(linter, text, config={"required_sections": ["summary"]}) == []
