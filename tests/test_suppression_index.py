"""SuppressionIndex answers exactly as asking every Suppression, only faster."""
from hypothesis import given, settings
from hypothesis import strategies as st

from lint_service import Linter
from lint_service.document.model import Suppression
from lint_service.document.suppress import SuppressionIndex

RULES = ["blame", "blame.", "blame.*", "blame.person-subject", "blame.person-subject.", "timeline",
         "action-item.missing-owner", "action"]
ASKED = ["blame.person-subject", "blame.passive-agent", "timeline.out-of-order", "action-item.missing-owner",
         "action", "blame"]

suppression = st.builds(
    lambda rules, first, length: Suppression(frozenset(rules), first, first + length),
    st.lists(st.sampled_from(RULES), max_size=2),
    st.integers(1, 30),
    st.integers(-2, 12),  # a negative length is an empty range, which covers nothing
)


@settings(max_examples=300, deadline=None)
@given(st.lists(suppression, max_size=8), st.sampled_from(ASKED), st.integers(0, 45))
def test_index_agrees_with_each_suppression(suppressions: list[Suppression], rule: str, line: int) -> None:
    expected = any(s.covers(rule, line) for s in suppressions)
    assert SuppressionIndex(suppressions).covers(rule, line) == expected


def test_prefix_and_exact_patterns() -> None:
    index = SuppressionIndex([Suppression(frozenset({"blame"}), 3, 3), Suppression(frozenset({"timeline.out-of-order"}), 5, 9)])
    assert index.covers("blame.person-subject", 3) and not index.covers("blame.person-subject", 4)
    assert index.covers("timeline.out-of-order", 7) and not index.covers("timeline.missing-timestamp", 7)
    assert not index.covers("blamex.rule", 3)  # a prefix is a whole dotted part, not any leading text


def test_many_suppressions_still_silence_their_lines() -> None:
    lines = []
    for _ in range(200):
        lines += ["<!-- blamelint-disable-next-line blame -->", "Kenji forgot to renew the certificate.", ""]
    lines.append("Maya forgot to page the on-call engineer.")
    report = Linter().lint("\n".join(lines) + "\n", format="markdown")
    blame = [f for f in report.findings if f.rule.startswith("blame.")]
    assert [f.text for f in blame] == ["Maya forgot to page the on-call engineer."]
