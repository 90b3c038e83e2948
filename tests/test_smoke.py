from lint_service import Report, lint


def test_lint_returns_report():
    report = lint("The deploy pipeline promoted a staging config.")
    assert isinstance(report, Report)
