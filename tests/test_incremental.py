"""Incremental re-linting: an editor re-sends a document with one sentence changed.

Only the changed paragraph is parsed again, and the findings are exactly those of
a cold run by a fresh Linter (offsets of later findings included).
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from lint_service import Config, Linter
from shared_corpus import shared_path

FIXTURE = Path(__file__).resolve().parents[1] / "bench" / "data" / "postmortem-1500.md"

# (old sentence, new sentence): none of these adds or removes a blame finding, so the
# re-lint parses exactly one paragraph.
PLAIN_EDITS = {
    "summary-word": ("The change itself was small and reviewed.", "The change itself was small and well reviewed."),
    "impact-number": ("Three merchants with contractual uptime commitments received service credits.",
                      "Four merchants with contractual uptime commitments received service credits."),
    "timeline-entry": ("Lukas joins as scribe and starts the incident document.",
                       "Lukas joins as scribe and starts the shared incident document."),
    "action-item-cell": ("Add a ledger degradation scenario to the payments game day",
                         "Add a ledger degradation scenario to the next payments game day"),
}

# Edits that add, remove or move findings, and shift the offsets of every later one.
FINDING_EDITS = {
    **PLAIN_EDITS,
    "adds-blame": ("The incident is closed after two hours without new errors.",
                   "Wei forgot to close the incident for two hours."),
    "removes-blame": ("Lukas pushed the change without checking which regions used the override.",
                      "The change was applied without a check of which regions used the override."),
    "shifts-offsets": ("The change itself was small and reviewed.",
                       "The change itself was small, touched four lines of a file that nobody owned, and was reviewed."),
    "shrinks-offsets": ("The ledger service records every authorisation, capture and refund. ",
                        ""),
    "new-paragraph": ("## Detection\n", "## Detection\n\nKenji forgot to renew the certificate.\n\n"),
    "blame-word-changed": ("The reviewer should have caught the change to the default block.",
                           "The reviewer should have caught the edit to the default block."),
}


def findings(report) -> list[dict]:
    return [f.to_dict() for f in report.findings]


def edit(text: str, old: str, new: str) -> str:
    assert old in text, f"the fixture no longer contains {old!r}"
    return text.replace(old, new, 1)


@pytest.fixture(scope="module")
def text() -> str:
    return FIXTURE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def cold(text: str, config: Config | None = None, format: str | None = None) -> list[dict]:
    """A fresh Linter: its parse cache is empty, so nothing is reused."""
    return findings(Linter(config=config).lint(text, format=format))


@pytest.mark.parametrize("name", sorted(PLAIN_EDITS))
def test_relint_parses_only_the_changed_paragraph(linter: Linter, text: str, name: str) -> None:
    linter.lint(text)
    before = linter.parser.parsed_count
    linter.lint(text)
    assert linter.parser.parsed_count == before, "an unchanged document must not be parsed again"
    linter.lint(edit(text, *PLAIN_EDITS[name]))
    assert linter.parser.parsed_count - before == 1


def test_relint_with_new_blame_parses_the_paragraph_and_its_rewrites_only(linter: Linter, text: str, monkeypatch) -> None:
    linter.lint(text)
    prose_before = set(_prose_texts(linter, text))
    parsed: list[str] = []
    nlp = linter.parser.nlp

    class Recording:
        """The pipeline, recording what it is asked to parse."""

        def pipe(self, texts, **kwargs):
            texts = list(texts)
            parsed.extend(texts)
            return nlp.pipe(texts, **kwargs)

        def __call__(self, t):
            parsed.append(t)
            return nlp(t)

    monkeypatch.setattr(linter.parser, "nlp", Recording())
    new_text = edit(text, "The incident is closed after two hours without new errors.",
                    "Wei forgot to close the incident for two hours.")
    report = linter.lint(new_text)
    assert "Wei forgot to close the incident for two hours." in parsed
    assert not set(parsed) & prose_before, "unchanged paragraphs were parsed again"
    new = [f for f in report.findings if f.text == "Wei forgot to close the incident for two hours."]
    assert new and new[0].suggestions, "the new blame sentence needs a verified rewrite"


def _prose_texts(linter: Linter, text: str) -> list[str]:
    seen: list[list[str]] = []
    real = linter.parser.parse
    linter.parser.parse = lambda texts: seen.append(list(texts)) or real(seen[-1])  # type: ignore[method-assign]
    try:
        linter.lint(text)
    finally:
        del linter.parser.parse
    return seen[0]


@pytest.mark.parametrize("name", sorted(FINDING_EDITS))
def test_relint_findings_equal_a_cold_run(linter: Linter, text: str, name: str) -> None:
    linter.lint(text)  # the editor's previous request
    new_text = edit(text, *FINDING_EDITS[name])
    assert findings(linter.lint(new_text)) == cold(new_text)


def test_a_typing_session_matches_cold_runs_at_every_step(text: str) -> None:
    linter = Linter()
    current = text
    for old, new in (FINDING_EDITS["shifts-offsets"], FINDING_EDITS["adds-blame"],
                     FINDING_EDITS["removes-blame"], ("Wei forgot to close", "Wei did not close")):
        current = edit(current, old, new)
        assert findings(linter.lint(current)) == cold(current)
    shifted_from = current.index(FINDING_EDITS["shifts-offsets"][1])
    assert any(f["rule"].startswith("blame.") and f["start"] > shifted_from for f in findings(linter.lint(current))), \
        "the session should have blame findings after the edit that shifted offsets"


def test_the_same_paragraph_in_two_documents_gets_each_documents_rewrite() -> None:
    # The system-subject rewrite names the system the rest of the document talks
    # about most, so a cached paragraph must not carry one document's rewrite into another.
    blame = "Kenji forgot to renew the certificate."
    a = f"The deploy pipeline failed twice. The deploy pipeline was slow.\n\n{blame}\n"
    b = f"The alerting system was noisy. The alerting system paged nobody.\n\n{blame}\n"
    linter = Linter()
    for doc in (a, b, a):
        assert findings(linter.lint(doc)) == cold(doc)


def test_a_config_change_is_not_answered_from_the_cache(text: str) -> None:
    linter = Linter()
    linter.lint(text)
    for cfg in (Config.coerce({"disable": ["blame.person-subject"]}), Config.coerce({"systems": ["Lukas", "Wei"]}),
                Config.coerce({"enable": ["blame.we-subject"]})):
        other = copy.copy(linter)  # what the HTTP service does per request: same parser and cache
        other.config = cfg
        assert findings(other.lint(text)) == cold(text, cfg)
    assert findings(linter.lint(text)) == cold(text)


def test_dev_documents_linted_after_each_other_equal_cold_runs() -> None:
    linter = Linter()
    docs = sorted(p for p in shared_path("corpus", "dev", "docs").iterdir() if p.suffix in (".md", ".txt", ".yaml"))
    assert docs
    for path in docs + docs[::-1]:  # second pass: every paragraph and memo warm
        body = path.read_text(encoding="utf-8")
        fmt = "yaml" if path.suffix == ".yaml" else None
        assert findings(linter.lint(body, format=fmt)) == cold(body, format=fmt), path.name
