"""Marker-free blame and its near-misses: the same shapes, with and without the fault.

Each pair differs in the one slot the construction reads (what followed, when,
with what, where, who acted), so a rule tuned to a sentence fails one side.
"""
from __future__ import annotations

import pytest

from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def blame(linter: Linter, text: str) -> list[str]:
    return [f.rule for f in linter.lint(text, format="text").findings if f.category == "blame"]


PAIRS = [
    # a running job underneath the action
    ("Tomasz restarted the primary while the nightly backup was still running.",
     "Tomasz restarted the pods while the incident was still open."),
    # the environment the object came from
    ("Anouk reused the staging signing key in production.",
     "Anouk copied the production schema to staging for the load test."),
    # what the action was done with
    ("Bilal merged the change with the CI badge still red.",
     "Bilal merged the change with two approvals and a green build."),
    ("Mei applied the plan with a six-month-old state file.",
     "Mei applied the plan with the state file from the main branch."),
    # when the response came
    ("Hamid opened the error dashboard fifty minutes after the first page.",
     "Hamid opened the error dashboard two minutes after the first page."),
    # what followed the action
    ("Ruth rebased over the hotfix, and the fix vanished from main.",
     "Ruth rebased over the hotfix, but the tests stayed green."),
    # the process sanctioned it
    ("Sadia merged her own hotfix at midnight.",
     "Under the emergency-change policy, Sadia merged her own hotfix at midnight."),
    # singling a person out
    ("It was Lior who deleted the topic.",
     "It was Lior who spotted the problem first."),
    ("Everything was fine until Alessandro touched the load balancer.",
     "Until Tuesday, everything was fine."),
    # ironic or sincere praise
    ("Nice one, Gareth: the whole of Europe got 500s for an hour.",
     "Nice one, Gareth, the new dashboard is great."),
    # a person as the reason
    ("I'm the reason checkout was down for an hour.",
     "The expired certificate is the reason checkout was down for an hour."),
]


@pytest.mark.parametrize("blameful, blameless", PAIRS, ids=[p[0].split()[1] + "-" + str(i) for i, p in enumerate(PAIRS)])
def test_pair(linter: Linter, blameful: str, blameless: str) -> None:
    assert blame(linter, blameful), f"not flagged: {blameful}"
    assert not blame(linter, blameless), f"flagged: {blameless}"


@pytest.mark.parametrize("text", [
    "Siobhan deployed version 4.12.1 to production at 09:10.",
    "Noor ran the migration on the primary during the maintenance window.",
    "Ravi deleted the test namespace after the experiment finished.",
    "Lena took the old database offline after the migration completed.",
    "Priya acknowledged the page within a minute and started the rollback.",
    "Maya rotated the credentials with the security team's sign-off.",
    "Thanks to Ola, the rollback took five minutes.",
    "I thought so too, but they were sluggish and I was a bit worried.",
    "As far as I know it is only the canary pods, but I could be wrong.",
])
def test_neutral_sentences_stay_silent(linter: Linter, text: str) -> None:
    assert not blame(linter, text)
