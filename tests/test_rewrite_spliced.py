"""One person's act rewritten on its own, with what follows it kept (issue 11, branch
rewrite12, lint_service/rewrite/spliced.py): a consequence said as a further act of
the same person ("... and took two racks offline"), a clause of its own after a
semicolon, a dash or, for a question, a comma ("...; reads stalled for 4 minutes",
"... — is there any way to undo it?"), and a belief participle the parser read as the
object ("dropped the table thinking it was the copy"), and the writer's verdict
around the act ("knew better and ... anyway, which was poor judgement"); and two acts
joined by "and" with the blamed one second.

Every sentence here was written for this file. Each shape has a true positive and a
near miss where the rewrite must be absent.
"""
from __future__ import annotations

import pytest
from test_rewrite_constructions import linter, r, suggestions  # noqa: F401  (the shared fixture and helpers)

from lint_service import Linter
from rewrite_support import applied

REWRITTEN = [
    # the first act passive, the consequence verb keeps its words after "which" ...
    r("The storage team botched the kernel upgrade and took two racks offline.",
      "The kernel upgrade went wrong, which took two racks offline.", "consequence-which"),
    # ... or after "; this" when the act ends in a noun "which" would attach to
    r("Late on Friday I patched the wrong VLAN on the access switch and cut 300 desks on the third floor off the network.",
      "Late on Friday the wrong VLAN was patched on the access switch; this cut 300 desks on the third floor off the network.",
      "consequence-this-after-noun"),
    # a clause of its own after a semicolon stays as written
    r("09:40 Ayla (the on-call) restarted the wrong database; reads stalled for 4 minutes.",
      "09:40 The wrong database was restarted; reads stalled for 4 minutes.", "clause-after-semicolon-parenthesis"),
    # the writer's question stays when it names nobody
    r("I truncated the audit table by mistake — is there any way to undo it?",
      "The audit table was truncated by mistake — is there any way to undo it?", "question-after-dash"),
    r("I wiped the wrong volume; is there any way to recover it?",
      "The wrong volume was wiped; is there any way to recover it?", "question-after-semicolon"),
    # a belief participle the parser read as the object gets its comma back, then says
    # what the object was taken for (rewrite/belief_comma.py)
    r("Sunil dropped the orders table thinking it was the staging copy.",
      "The orders table was dropped, mistaken for the staging copy.", "belief-without-comma"),
    r("I accidentally formatted the team's build volume thinking it was my scratch disk.",
      "The team's build volume was accidentally formatted, mistaken for a scratch disk.", "belief-without-comma-possessive"),
    # the writer's verdict around the act goes: a closing "which was <verdict>", and
    # "knew better and ... anyway" (rewrite/verdict_clause.py)
    r("Mira ran the reindex at noon, which was a poor call.", "The reindex was run at noon.", "closing-verdict-phrase"),
    r("Oskar knew better and restarted the broker during the sale anyway, which was poor judgement.",
      "The broker was restarted during the sale.", "knew-better-anyway-verdict"),
    # a judgement verb as rule data allows ("mishandled" like "botched"), never "was mishandled"
    r("The billing team mishandled the ledger cutover and locked out every reseller.",
      "The ledger cutover went wrong and every reseller was locked out.", "judged-act-outcome"),
    # two acts joined by "and", the blamed one second: said half by half from the first
    r("Kemal opened the admin console and accidentally deleted the audit bucket.",
      "The admin console was opened and the audit bucket was accidentally deleted.", "second-act-from-first"),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITTEN)
def test_rewritten(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in applied(linter, sentence)


REFUSED = [
    # a second act a person also does on purpose is not the first act's consequence
    r("The storage team botched the kernel upgrade and deleted the old snapshots.", "which deleted", "act-not-consequence"),
    r("Late on Friday I patched the wrong VLAN on the access switch and moved 300 desks on the third floor off the network.",
      "which moved", "moved-not-consequence"),
    # "them" in the consequence has nothing left to point at
    r("The storage team botched the kernel upgrade and took them offline.", "took them", "consequence-pronoun"),
    # the kept question or clause would still name the writer or the person
    r("I wiped the wrong volume; how do I recover it?", "recover it", "question-names-writer"),
    r("I truncated the audit table by mistake — can we undo it?", "undo it", "question-names-team"),
    r("Jun pushed the bad config; he never told anyone.", "told anyone", "clause-names-person"),
    # a belief about the person's own whereabouts says nothing about the object
    r("Sunil dropped the orders table thinking he was on staging.", "mistaken", "belief-about-person"),
    # the pronoun is not the object's: "it" for several tables
    r("Sunil dropped the orders tables thinking it was staging.", "mistaken", "belief-pronoun-disagrees"),
    # a closing "which" clause that states a fact is kept, not dropped as a verdict
    r("Mira ran the reindex at noon, which was the quietest hour.", "was run at noon.", "closing-fact-kept"),
    # "knew better" with no verdict and no "anyway": the knowing may be the point, not dropped
    r("Mira knew better and ran the reindex at noon.", "The reindex was run at noon.", "knew-better-alone"),
    # "it" is not the first half's things: a plural object cannot be what "it" points at
    r("Kemal copied the root passwords into the test script and then accidentally ran it against the live cluster.", "run against",
      "it-not-first-object"),
    # a rate parted from its object by the passive ("were fired a second") would change what it counts
    r("Kemal copied the staging token into the soak test and then mistakenly fired 40k requests a second at the primary.",
      "fired a second", "rate-parted-from-object"),
]


@pytest.mark.parametrize(("sentence", "absent"), REFUSED)
def test_refused(linter: Linter, sentence: str, absent: str) -> None:
    assert not any(absent in s for s in suggestions(linter, sentence))
