"""People acting for the recovery or suffering the incident, read from the parse, with
the blaming sentence of the same shape beside each (tests of away.py, misfortune.py,
intent.deliberate, harm_told.averts_harm, agents' group pronoun after a thing, and the
concession and obligation checks of framing.py). Every sentence here was written for
this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


# (blaming sentence, near miss of the same shape that must stay silent)
PAIRS = [
    # a bad word on what is taken out, or on where something is moved away from
    ("Ines took the wrong host out of the pool.", "Ines took the failing host out of the pool and opened a ticket."),
    ("Tomas moved the nightly export to peak traffic.",
     "Tomas moved the nightly export to an earlier slot to keep it clear of peak traffic."),
    ("Tomas ran the migration at peak traffic.", "Tomas drained the queue away from the unhealthy shard."),
    # taken down on purpose, or by decision, for the recovery or to protect the rest
    ("Mira deliberately took the replica offline to speed up the upgrade.",
     "Mira deliberately took the replica offline to force a failover, as planned."),
    ("The duty manager decided to take the storefront offline to save time.",
     "The duty manager decided to take the storefront offline for five minutes to protect the orders."),
    ("Kofi deliberately left the debug flag on to save time.",
     "Kofi purposely left the debug flag on for the beta tenants to gather traces."),
    # the remedy done by hand
    ("Lena applied the config change by hand on the two remaining nodes.",
     "Lena applied the hotfix by hand on the two remaining nodes."),
    # what people lost: their time, their own things lost to something else
    ("The DBA lost three hours of writes.",
     "Four interns lost a morning of training because their laptops were never imaged."),
    ("The partner teams lost their reports when Arjun truncated the warehouse.",
     "The partner teams lost their reports for the week when the warehouse was rebuilt."),
    ("sorry, i missed the page, was asleep", "sorry, i missed the first half of the bridge, what did we decide?"),
    # a purpose that averts harm is not a shortcut
    ("Ravi switched off the checks to avoid the review queue.",
     "The responder is moving slowly to avoid any further data loss."),
    # "they" after a plural thing and no one else is the thing, unless it did a change
    ("We scaled the ingest pods, but they pushed a bad config anyway.",
     "We raised the CPU limits for the ingest workers, so they keep up even if traffic doubles."),
    # a concession about what the work cost is not a warning gone past
    ("Although it was risky, I rebuilt the search index during the sale.",
     "Although it was tedious, I rebuilt the search index shard by shard."),
    # an alternative one had to take was not one's choice
    ("I routed traffic through the old proxy instead of the new gateway.",
     "I had to route traffic through the old proxy instead of the new gateway."),
]


@pytest.mark.parametrize(("positive", "near_miss"), PAIRS)
def test_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


# Parser slips read through: an ambiguous role noun doing what only a person does, and a
# passive whose participle the tagger read as an adjective under "was".
SLIP_PAIRS = [
    ("Maybe the driver misjudged the braking distance in the rain.", "The GPU driver misread the register."),
    ("The safety interlock was overridden by the operator.", "The interlock was overridden by design."),
]


@pytest.mark.parametrize(("positive", "near_miss"), SLIP_PAIRS)
def test_parser_slip_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
