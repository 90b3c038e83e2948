"""Postmortems written for the metrics tests (and the docs screenshot): every kind of
milestone source, and a generator of a varied set with recurring causes."""
from __future__ import annotations

import random

MARKERS = """# INC-2024-0311: Checkout errors after a cache change

**Severity:** SEV-1
**Date:** 2024-03-11

## Timeline (all times UTC)

- 08:02 Cache TTL change deployed to the checkout service.
- 08:07 Checkout requests start failing with 502 errors. **OUTAGE BEGINS**
- 08:20 Error-rate alert fired and the on-call engineer was paged.
- 08:31 The cache change was rolled back. **OUTAGE MITIGATED**
- 08:49 Checkout success rate back to normal. **INCIDENT ENDS**

## Root causes

- The cache TTL of zero made every request miss the cache and overload the database.

## Action items

- [x] Validate cache TTL values in the deploy pipeline (owner: @mira, due 2024-03-20)
- [ ] Alert on database connection saturation (owner: @sam, due 2024-04-01)
- [ ] Load-test checkout with a cold cache (owner: @lee, due 2099-01-01)
"""

INFERRED = """---
id: INC-2024-0502
severity: SEV-2
---
# Search outage

## Timeline

### 2024-05-02

- 23:40 The nightly index rebuild started.
- 23:52 Search requests began timing out for every customer.
- 23:58 The latency alert fired and the on-call engineer acknowledged the page.

### 2024-05-03

- 00:10 A PR to roll back the index schema was opened.
- 00:25 The old index was restored from the snapshot.
- 00:40 Search latency fully restored for all regions.

## Root causes

- The rebuild job deleted the live index before the new one was ready.

## Action items

- Build the new index beside the live one and swap aliases (owner: search-team, due 2024-06-01)
"""

FIELDS_YAML = """incident:
  id: INC-2024-0610
  title: "Login failures after certificate rotation"
  severity: critical
  started_at: "2024-06-10 14:05"
  detected_at: "2024-06-10 14:12"
  mitigated_at: "2024-06-10 14:40"
  resolved_at: "2024-06-10 15:30"
timeline:
  - {time: "14:05", event: "Certificate rotation completed on the login service."}
  - {time: "14:12", event: "Login error alert fired."}
root_causes:
  - "The certificate rotation job did not reload the login service."
action_items:
  - {description: "Reload services after certificate rotation", owner: "@ops", deadline: "2024-06-20"}
  - {description: "Alert when a served certificate differs from the stored one", owner: "", deadline: ""}
"""

NO_TIMELINE = """# Billing delay

## Summary

Invoices were sent a day late.

## Root causes

- The billing queue consumer was scaled to zero during a migration.
"""

BAD_TIME = """# Queue backlog

## Timeline

- 09:00 Queue depth alert fired for the orders queue.
- 9:7x Consumers were restarted.
- 09:30 Queue depth back to normal.
"""

_CAUSES = [
    "The config service accepted a connection pool size of zero without validation.",
    "The certificate renewal job failed silently and nothing alerted on expiry.",
    "The deploy pipeline promoted the build to production without a canary stage.",
    "A database migration locked the orders table during peak traffic.",
    "Disk space on the log volume ran out because log rotation was disabled.",
    "The load balancer health check pointed at a path the new release removed.",
    "A feature flag default flipped to on for every tenant at once.",
    "The DNS record for the API was deleted by an infrastructure-as-code apply.",
    "Retries without backoff amplified a brief database failover into an outage.",
    "The message queue consumer was scaled to zero by an autoscaler misconfiguration.",
    "An expired API token for the payment provider was not rotated.",
    "The CDN cached error pages for five minutes after a deploy.",
    "A cron job ran twice after the daylight saving change and double-charged invoices.",
    "The search cluster ran out of heap after a mapping explosion from a new field.",
    "An SSO provider outage blocked every login because sessions could not refresh.",
    "The backup restore script pointed at the production bucket instead of staging.",
    "A kernel upgrade changed the network interface names and hosts lost connectivity.",
    "Rate limits on the mail provider delayed password reset emails for an hour.",
    "A schema change dropped a column that the mobile app still read.",
    "Clock skew on one node made signed URLs expire before they were used.",
    "The websocket gateway leaked connections until the file descriptor limit was hit.",
    "A partner API changed its response format without notice and parsing failed.",
    "The image resizer queue backed up when a customer uploaded thousands of huge files.",
    "A misrouted alert went to an archived channel, so nobody saw the disk filling up.",
]
_REPEATS = [
    "The config service accepted a pool size of 0 without validating it.",
    "Certificate renewal job failed silently; no alert on certificate expiry.",
    "Disk space on the log volume ran out since log rotation had been disabled.",
]


def generated(count: int = 24, seed: int = 7) -> list[tuple[str, str]]:
    """(path, text) of ``count`` varied postmortems over a year, some repeating a cause."""
    rng = random.Random(seed)
    out = []
    for k in range(count):
        month = 1 + k * 12 // count
        day = 1 + (k * 7) % 27
        start = rng.randrange(0, 20) * 60 + rng.randrange(0, 60)
        detect = start + rng.choice([2, 4, 6, 9, 15, 30, 70])
        mitigate = detect + rng.choice([5, 10, 20, 35, 60, 120])
        resolve = mitigate + rng.choice([0, 10, 30, 90, 240])
        cause = _REPEATS[(k // 4) % len(_REPEATS)] if k >= 12 and k % 4 == 0 else _CAUSES[k % len(_CAUSES)]
        # causes 0..23 are distinct; from the 13th incident on, every fourth repeats an earlier one
        done = ["x" if rng.random() < 0.5 else " " for _ in range(rng.randrange(1, 5))]

        def clock(m: int) -> str:
            return f"{(m // 60) % 24:02d}:{m % 60:02d}"

        items = "\n".join(f"- [{d}] Follow-up task {k}-{i} (owner: @team{i}, due 2024-{min(month + 1, 12):02d}-15)"
                          for i, d in enumerate(done))
        text = f"""# Incident {k + 1}: service degradation

**Incident ID:** INC-2024-{k + 1:03d}
**Severity:** SEV-{1 + k % 3}
**Date:** 2024-{month:02d}-{day:02d}

## Timeline

- {clock(start)} Requests to the service started failing.
- {clock(detect)} The error-rate alert fired and paged the on-call engineer.
- {clock(mitigate)} The last deploy was rolled back.
- {clock(resolve)} Service fully restored.

## Root causes

- {cause}

## Action items

{items}
"""
        out.append((f"postmortems/2024-{month:02d}-{day:02d}-incident-{k + 1}.md", text))
    return out
