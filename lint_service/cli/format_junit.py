"""``junit``: JUnit XML, one testcase per file, for CI systems that chart test results.

A file fails when it has findings at or above ``--fail-on`` (the same rule as
the exit status); the failure lists every finding of the file. A file that
could not be read is an ``<error>``.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..findings import suggestion_label
from .formats import TOOL_NAME, Run

# XML 1.0 cannot carry most control characters, even escaped; documents may contain them.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(s: str) -> str:
    return _INVALID_XML.sub("\ufffd", s)


def format_run(run: Run) -> str:
    suite = ET.Element("testsuite", name=TOOL_NAME)
    failures = errors = 0
    for r in run.results:
        case = ET.SubElement(suite, "testcase", classname=TOOL_NAME, name=_clean(r.path), file=_clean(r.path))
        if r.error is not None:
            errors += 1
            err = ET.SubElement(case, "error", type="invalid-input", message=_clean(r.error.reason))
            err.text = _clean(str(r.error))
            continue
        assert r.report is not None
        if r.report.stats.get("elapsed_ms") is not None:
            case.set("time", f"{r.report.stats['elapsed_ms'] / 1000:.3f}")
        findings = r.report.findings
        if not findings:
            continue
        body = []
        for f in findings:
            body.append(f"{r.path}:{f.line}:{f.column}: {f.severity} {f.rule} {' '.join(f.message.split())}")
            body.extend(f"    suggestion: {suggestion_label(s)}" for s in f.suggestions)
        text = _clean("\n".join(body))
        if any(run.fails(f) for f in findings):
            failures += 1
            first = next(f for f in findings if run.fails(f))
            message = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}, first: {first.rule}"
            node = ET.SubElement(case, "failure", type=first.rule, message=_clean(message))
            node.text = text
        else:
            ET.SubElement(case, "system-out").text = text
    tests = len(run.results)
    attrs = {"tests": str(tests), "failures": str(failures), "errors": str(errors), "time": f"{run.elapsed_ms / 1000:.3f}"}
    for k, v in attrs.items():
        suite.set(k, v)
    root = ET.Element("testsuites", {"name": TOOL_NAME, **attrs})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
