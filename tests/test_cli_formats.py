"""Every output format is parseable and says the same thing, checked two ways:
formats on a hand-built run (findings with awkward characters, an error file),
and the real command over the shared corpora."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from lint_service.cli.formats import FORMAT_NAMES, Run, render
from lint_service.cli.format_github import escape_data, escape_property
from lint_service.cli.inputs import InputError
from lint_service.cli.runner import FileResult
from lint_service.findings import Finding, LineIndex, Report, summarize

SHARED = Path(__file__).resolve().parents[2] / "shared"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
CORPORA = [SHARED / "corpus" / "real", SHARED / "corpus" / "dev" / "docs"]

# One GitHub workflow command: ::kind props::message, nothing unescaped inside.
GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) file=[^,:\r\n]+(,line=\d+,col=\d+,endLine=\d+,endColumn=\d+)?,title=[^,:\r\n]+::[^\r\n]*$"
)


def _finding(text: str, needle: str, rule: str, severity: str, suggestions: list[str]) -> Finding:
    start = text.index(needle)
    end = start + len(needle)
    index = LineIndex(text)
    (line, col), (end_line, end_col) = index.position(start), index.position(end)
    return Finding(rule, rule.split(".")[0], severity, f"Message about {needle}: 100%, a,b.", start, end,
                   line, col, end_line, end_col, text[start:end], suggestions)


@pytest.fixture(scope="module")
def run() -> Run:
    text = "# Café outage\r\n\r\nÉmile forgot to renew the cert, 100%.\r\nThe root cause was human error.\r\n"
    findings = [
        _finding(text, "Émile forgot", "blame.person-subject", "warning", ["The certificate was not renewed"]),
        _finding(text, "human error", "blame.blame-noun", "error", ["a missing safeguard", ""]),
    ]
    report = Report(findings, summarize(findings) | {"elapsed_ms": 12.5})
    clean = Report([], summarize([]))
    return Run(
        [
            FileResult("docs/a b,c:d.md", text, report),
            FileResult("docs/bad.yaml", error=InputError("docs/bad.yaml", "invalid input: mapping values are not allowed")),
            FileResult("docs/clean.md", "All good.\n", clean),
        ],
        fail_on="warning", elapsed_ms=40.0, version="0.1.0",
    )


def test_text(run: Run) -> None:
    out = render("text", run).splitlines()
    assert out[0] == "docs/a b,c:d.md:3:1: warning blame.person-subject Message about Émile forgot: 100%, a,b."
    assert out[1] == "    suggestion: The certificate was not renewed"
    assert out[2].startswith("docs/a b,c:d.md:4:20: error blame.blame-noun ")
    assert out[4] == "    suggestion: (remove this sentence)"
    assert out[-1] == "2 problems (1 error, 1 warning, 0 info) in 1 of 2 files; 1 file could not be checked."
    assert "\x1b[" not in "\n".join(out)
    run.color = True
    try:
        assert "\x1b[33mwarning\x1b[0m" in render("text", run)
    finally:
        run.color = False


def test_json(run: Run) -> None:
    data = json.loads(render("json", run))
    assert [f["path"] for f in data["files"]] == ["docs/a b,c:d.md", "docs/bad.yaml", "docs/clean.md"]
    first = data["files"][0]["findings"][0]
    assert set(first) == {"rule", "category", "severity", "message", "start", "end", "line", "column",
                          "end_line", "end_column", "text", "suggestions"}
    assert data["files"][1] == {"path": "docs/bad.yaml", "findings": [], "error": "invalid input: mapping values are not allowed"}
    assert data["stats"]["total"] == 2 and data["stats"]["errors"] == 1
    assert data["stats"]["by_severity"] == {"error": 1, "warning": 1, "info": 0}


def _sarif_validator() -> jsonschema.protocols.Validator:
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"{SARIF_SCHEMA} is absent")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def test_sarif_validates_and_carries_fixes(run: Run) -> None:
    data = json.loads(render("sarif", run))
    errors = sorted(_sarif_validator().iter_errors(data), key=str)
    assert not errors, errors[0]
    sarif_run = data["runs"][0]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert {"blame.person-subject", "blame.blame-noun"} <= {r["id"] for r in rules}
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    first, second = sarif_run["results"]
    assert first["ruleId"] == "blame.person-subject" and rules[first["ruleIndex"]]["id"] == first["ruleId"]
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/a%20b%2Cc%3Ad.md"
    assert loc["region"] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 13,
                             "charOffset": 17, "charLength": 12}
    replacement = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "The certificate was not renewed"
    assert replacement["deletedRegion"] == loc["region"]
    assert second["level"] == "error" and len(second["fixes"]) == 2
    invocation = sarif_run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith("invalid input")


def test_github_escaping() -> None:
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_github(run: Run) -> None:
    lines = render("github", run).splitlines()
    commands, summary = lines[:-1], lines[-1]
    assert all(GITHUB_LINE.match(line) for line in commands), commands
    assert commands[0] == (
        "::warning file=docs/a b%2Cc%3Ad.md,line=3,col=1,endLine=3,endColumn=13,"
        "title=blamelint blame.person-subject::Message about Émile forgot: 100%25, a,b."
        "%0ASuggestion: The certificate was not renewed"
    )
    assert commands[1].startswith("::error file=docs/a b%2Cc%3Ad.md,line=4,col=20,")
    assert commands[2].startswith("::error file=docs/bad.yaml,title=blamelint%3A file not checked::invalid input")
    assert summary.startswith("blamelint: 2 problems")


def test_github_says_when_annotations_are_hidden(run: Run) -> None:
    report = run.results[0].report
    assert report is not None
    many = Run([FileResult(f"pm{i:02}.md", run.results[0].text, report) for i in range(11)])
    assert "at most 10 annotations" in render("github", many).splitlines()[-1]
    assert "at most 10" not in render("github", run)


def test_junit(run: Run) -> None:
    root = ET.fromstring(render("junit", run))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["docs/a b,c:d.md", "docs/bad.yaml", "docs/clean.md"]
    assert root.get("tests") == "3" and root.get("failures") == "1" and root.get("errors") == "1"
    failure = cases[0].find("failure")
    assert failure is not None and "blame.blame-noun" in (failure.text or "")
    assert cases[1].find("error") is not None
    assert cases[2].find("failure") is None and cases[2].find("error") is None


def test_junit_below_fail_on_is_not_a_failure(run: Run) -> None:
    lenient = Run(run.results, fail_on="never")
    root = ET.fromstring(render("junit", lenient))
    assert root.get("failures") == "0"
    out = root.find("testsuite/testcase/system-out")
    assert out is not None and "blame.person-subject" in (out.text or "")


def test_junit_survives_control_characters() -> None:
    text = "Bob\x0b broke it.\n"
    f = _finding(text, "Bob\x0b broke", "blame.person-subject", "warning", [])
    run = Run([FileResult("x\x01.md", text, Report([f], summarize([f])))])
    ET.fromstring(render("junit", run))


def test_rdjson_counts_bytes(run: Run) -> None:
    data = json.loads(render("rdjson", run))
    assert data["source"]["name"] == "blamelint"
    first, second, error = data["diagnostics"]
    # "Émile forgot" is 12 code points but 13 UTF-8 bytes.
    assert first["location"]["range"] == {"start": {"line": 3, "column": 1}, "end": {"line": 3, "column": 14}}
    assert first["suggestions"][0]["text"] == "The certificate was not renewed"
    assert first["code"]["value"] == "blame.person-subject" and first["severity"] == "WARNING"
    assert second["severity"] == "ERROR" and [s["text"] for s in second["suggestions"]] == ["a missing safeguard", ""]
    assert error["location"]["path"] == "docs/bad.yaml" and error["severity"] == "ERROR"


# --- the real command over the shared corpora --------------------------------------------


@pytest.fixture(scope="module")
def corpus_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One run over both corpora writing every format (--report), so all formats
    describe the very same findings."""
    present = [str(p) for p in CORPORA if p.is_dir()]
    if not present:
        pytest.skip("the shared corpora are absent")
    out = tmp_path_factory.mktemp("reports")
    reports = [f"--report={fmt}={out / fmt}" for fmt in FORMAT_NAMES if fmt != "json"]
    proc = subprocess.run(
        [sys.executable, "-m", "lint_service.cli.main", "check", "--format", "json", "--jobs", "2", *reports, *present],
        capture_output=True, text=True, timeout=900,
    )
    outputs = {fmt: (out / fmt).read_text(encoding="utf-8") for fmt in FORMAT_NAMES if fmt != "json"}
    outputs["json"] = proc.stdout
    outputs["returncode"] = str(proc.returncode)
    outputs["stderr"] = proc.stderr
    return outputs


def test_corpus_exit_code(corpus_outputs: dict[str, str]) -> None:
    data = json.loads(corpus_outputs["json"])
    stats = data["stats"]
    expected = 2 if stats["errors"] else (1 if stats["total"] - stats["by_severity"]["info"] else 0)
    assert int(corpus_outputs["returncode"]) == expected, corpus_outputs["stderr"]
    assert stats["files"] >= 40
    assert corpus_outputs["stderr"] == ""  # every published postmortem is readable and parses


def test_corpus_every_format_parses(corpus_outputs: dict[str, str]) -> None:
    data = json.loads(corpus_outputs["json"])
    total = data["stats"]["total"]
    sarif = json.loads(corpus_outputs["sarif"])
    errors = list(_sarif_validator().iter_errors(sarif))
    assert not errors, errors[0]
    assert len(sarif["runs"][0]["results"]) == total
    junit = ET.fromstring(corpus_outputs["junit"])
    assert int(junit.get("tests", "0")) == data["stats"]["files"]
    rdjson = json.loads(corpus_outputs["rdjson"])
    assert len(rdjson["diagnostics"]) == total + data["stats"]["errors"]
    github = corpus_outputs["github"].splitlines()
    assert len(github) == total + data["stats"]["errors"] + 1
    assert all(GITHUB_LINE.match(line) for line in github[:-1])
    assert github[-1].startswith("blamelint: ")
    text = corpus_outputs["text"].splitlines()
    assert f"{data['stats']['files'] - data['stats']['errors']} files" in text[-1]
    assert sum(1 for line in text if re.match(r"^\S.*:\d+:\d+: (error|warning|info) \S+ ", line)) == total


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_exit_status_does_not_depend_on_format(fmt: str, tmp_path: Path) -> None:
    """A folder with a blaming file and a broken one: exit 2 in every format, the good file still reported."""
    (tmp_path / "pm.md").write_text("John forgot to renew the certificate.\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("timeline: [unclosed\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "lint_service.cli.main", "check", "--format", fmt, str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert f"{tmp_path / 'broken.yaml'}: invalid input" in proc.stderr
    assert "pm.md" in proc.stdout and "blame.person-subject" in proc.stdout
    if fmt != "text":
        return  # --fail-on does not depend on the format; one more process is enough
    proc = subprocess.run([sys.executable, "-m", "lint_service.cli.main", "check", "--format", fmt,
                           "--fail-on", "error", str(tmp_path / "pm.md")], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "blame.person-subject" in proc.stdout
