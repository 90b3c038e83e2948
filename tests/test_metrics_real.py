"""The metrics on the real postmortems in ../shared/corpus/real (read at run time, never
copied here) and the seed's YAML report: milestones a reader checked, by file and line,
and a floor on how many incidents with a timeline get all four."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lint_service.metrics import MetricsBuilder

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
REAL = SHARED / "real"
SEED = SHARED / "dev" / "docs" / "incident-report.yaml"

pytestmark = pytest.mark.skipif(not REAL.is_dir() or not SEED.is_file(),
                                reason="../shared/corpus (the real postmortems) is not beside this checkout")

# (file, milestone) -> (line, source): each checked against the document by a reader.
CHECKED = {
    ("chia_2021-05-26_website-outage.md", "started"): (17, "timeline"),
    ("chia_2021-05-26_website-outage.md", "mitigated"): (18, "timeline"),
    ("chia_2021-05-26_website-outage.md", "resolved"): (25, "timeline"),
    ("chia_2022-01-27_ramp-card-fraud.md", "detected"): (22, "timeline"),
    ("chia_2022-01-27_ramp-card-fraud.md", "mitigated"): (26, "timeline"),
    ("dfds_PM2019-009_ip-starvation.md", "mitigated"): (33, "timeline"),
    ("dfds_PM2019-009_ip-starvation.md", "resolved"): (42, "timeline"),
    ("dfds_PM2019-010_node-deletion.md", "mitigated"): (16, "timeline"),
    ("dfds_PM2019-010_node-deletion.md", "resolved"): (19, "timeline"),
    ("dfds_PM2021-008_traefik-v2.md", "mitigated"): (19, "timeline"),
    ("alphagov-gsp_20190204-kiam-breaks-harbor.md", "resolved"): (46, "timeline-marker"),
    ("k8s-test-infra_2019-01-23.md", "started"): (117, "timeline"),
    ("k8s-test-infra_2019-01-23.md", "detected"): (121, "timeline"),
    ("k8s-test-infra_2019-02-05.md", "started"): (90, "timeline-marker"),
    ("k8s-test-infra_2019-02-05.md", "mitigated"): (98, "timeline"),
    ("k8s-test-infra_2019-02-05.md", "resolved"): (99, "timeline-marker"),
    ("k8s-test-infra_2019-02-08.md", "mitigated"): (87, "timeline"),
    ("k8s-test-infra_2019-03-26.md", "detected"): (79, "timeline"),
    ("moj-cloud-platform_2022-01-22-some-dns-records-deleted.md", "detected"): (10, "field"),
    ("moj-cloud-platform_2022-01-22-some-dns-records-deleted.md", "mitigated"): (12, "field"),
    ("posthog_2025-09-29_flags-is-down.md", "started"): (14, "timeline"),
    ("posthog_2025-09-29_flags-is-down.md", "resolved"): (36, "timeline"),
    ("rust_2020-02-26_crates-io-incident-report.md", "mitigated"): (93, "timeline"),
    ("rust_docsrs-outage-postmortem.md", "detected"): (58, "timeline"),
    ("rust_crates-io-postmortem-broken-downloads.md", "mitigated"): (90, "timeline"),
    # a report to a third party after the team had acted is not the detection: the later report is
    ("chia_2023-08-04_compromised-self-hosted-runners.md", "detected"): (32, "timeline"),
    ("alphagov-gsp_20190204-kiam-breaks-harbor.md", "started"): (29, "timeline"),
    ("dfds_PM2019-010_node-deletion.md", "started"): (14, "timeline"),  # "..., resulting in"
    # "unexpectedly triggers the pipeline, ungracefully reverts": the summary says this put the cluster in a bad state
    ("dfds_PM2019-011_iac-reverted.md", "started"): (24, "timeline"),
    # the key events list above the table is not earlier in time than the table's first impact
    ("moj-cloud-platform_2026-03-30-ingress-nginx-rollback.md", "started"): (53, "timeline"),
    # the repair minus the stated time to repair
    ("moj-cloud-platform_2020-09-21-some-cloud-platform-components-destroyed.md", "started"): (15, "field"),
    ("moj-cloud-platform_2023-09-18-lack-of-diskspace.md", "started"): (15, "field"),
}
# Milestones a reader would not accept and that must stay unreported.
ABSENT = {
    ("chia_2021-10-31_employee-compromise-false-positive.md", "started"),  # a false alarm: no impact
    ("k8s-test-infra_2019-05-30.md", "started"),  # the first impact entry has no time
    ("alphagov-gsp_20190227-control-plane-and-harbor-outage.md", "started"),
}
ALL_FOUR_FLOOR = 18  # of the 33 incidents with a timeline (32 real + the seed's report)


@pytest.fixture(scope="module")
def incidents() -> dict:
    builder = MetricsBuilder()
    paths = [p for p in sorted(REAL.glob("*.md")) if p.name != "MANIFEST.md"] + [SEED]
    sources = [(p.name, p.read_text(encoding="utf-8"), "yaml" if p.suffix == ".yaml" else "markdown") for p in paths]
    report = builder.build(sources, dt.date(2026, 1, 1))
    return {m.path: m for m in report.incidents}


def test_checked_milestones(incidents: dict) -> None:
    got = {}
    for (name, kind), _ in CHECKED.items():
        m = incidents[name].milestones[kind]
        got[(name, kind)] = (m.line, m.source) if m else None
    assert got == CHECKED


def test_unacceptable_milestones_stay_unreported(incidents: dict) -> None:
    assert {(n, k) for n, k in ABSENT if incidents[n].milestones[k] is not None} == set()


def test_all_four_floor(incidents: dict) -> None:
    with_timeline = [m for m in incidents.values() if not m.reasons or "no timeline" not in m.reasons[0]]
    full = [m.path for m in incidents.values() if all(m.milestones.values())]
    assert len(full) >= ALL_FOUR_FLOOR, full
    assert len(with_timeline) >= 30


def test_seed_report(incidents: dict) -> None:
    m = incidents["incident-report.yaml"]
    assert {k: (v.line, v.moment.iso()) for k, v in m.milestones.items()} == {
        "started": (9, "08:06"), "detected": (9, "08:06"), "mitigated": (16, "08:31"), "resolved": (18, "08:49")}
    assert m.minutes == {"to_detect": 0, "to_mitigate": 25, "to_resolve": 43}
    assert (m.id, m.severity) == ("INC-2024-0412", "SEV-2")
