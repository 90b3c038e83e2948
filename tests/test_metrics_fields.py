"""The incident's fields as metrics read them (``incident_field``): YAML report keys,
front matter, bold labels and "Label <time>" list items, each with the exact span of
its value, whichever label the document used."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from metrics_samples import FIELDS_YAML, INFERRED, MARKERS

from lint_service.document import parse_document
from lint_service.document.incident_fields import field_labels, incident_field

KEYS = sorted(set(field_labels().values()))


def values(text: str, fmt: str | None = None) -> dict[str, str]:
    doc = parse_document(text, fmt)
    for f in doc.fields.values():
        assert text[f.start:f.end] == f.value
    found = {k: incident_field(doc, k) for k in KEYS}
    return {k: f.value for k, f in found.items() if f is not None}


def test_yaml_incident_keys() -> None:
    v = values(FIELDS_YAML)
    assert v["id"] == "INC-2024-0610" and v["severity"] == "critical"
    assert v["started_at"] == "2024-06-10 14:05" and v["resolved_at"] == "2024-06-10 15:30"
    assert v["title"] == "Login failures after certificate rotation"


def test_front_matter_keys() -> None:
    v = values(INFERRED)
    assert (v["id"], v["severity"], v["title"]) == ("INC-2024-0502", "SEV-2", "Search outage")


def test_bold_labels_one_per_line() -> None:
    v = values(MARKERS)
    assert (v["severity"], v["date"]) == ("SEV-1", "2024-03-11")


def test_time_label_list_items() -> None:
    text = "# Incident\n\n- **Key events**\n  - First detected 2024-01-02 11:57\n  - Incident declared 2024-01-02 12:10\n" \
           "  - Repaired: 2024-01-02 13:59\n  - Resolved 2024-01-02 14:38\n"
    v = values(text)
    assert v["detected_at"] == "2024-01-02 11:57"
    assert v["mitigated_at"] == "2024-01-02 13:59" and v["resolved_at"] == "2024-01-02 14:38"
    assert "started_at" not in v  # "Incident declared" is not a milestone label


def test_near_misses_are_not_fields() -> None:
    text = "# Title\n\nWe **detected** the problem late.\n\n- Resolved the ticket queue backlog\n\n**Note** no colon here\n"
    v = values(text)
    assert set(v) == {"title"}


def test_labels_in_code_are_not_fields() -> None:
    text = "# T\n\n```\n**Severity:** SEV-1\n```\n\n`**Detected:** 10:00`\n"
    assert "severity" not in values(text) and "detected_at" not in values(text)


_VALUE = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters=" -:."),
                 min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(max_examples=60, deadline=None)
@given(prefix=st.text(alphabet="ab \n", max_size=30), value=_VALUE, label=st.sampled_from(["Severity", "Detected", "Date", "Incident ID"]))
def test_bold_label_offsets(prefix: str, value: str, label: str) -> None:
    text = f"# T\n\n{prefix.strip()}\n\n**{label}:** {value}\n"
    doc = parse_document(text, "markdown")
    assert doc.fields, text
    for f in doc.fields.values():
        assert text[f.start:f.end] == f.value


@settings(max_examples=40, deadline=None)
@given(value=_VALUE, quoted=st.booleans())
def test_yaml_field_offsets(value: str, quoted: bool) -> None:
    shown = f'"{value}"' if quoted else value
    text = f"incident:\n  id: {shown}\n  severity: high\ntimeline: []\n"
    try:
        doc = parse_document(text, "yaml")
    except ValueError:
        return  # not valid YAML for this value: nothing to check
    f = doc.fields.get("id")
    if f is not None:
        assert text[f.start:f.end] == f.value
