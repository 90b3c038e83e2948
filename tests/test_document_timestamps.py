import time

import pytest

from lint_service.document.timestamps import find_timestamp, leading_timestamp, separator_end, timestamps_in

ACCEPTED = [
    ("08:02 The alert fires", "08:02", 8 * 60 + 2),
    ("8:02 AM The alert fires", "8:02 AM", 8 * 60 + 2),
    ("15:22 PM PST Friday Mar 12th: spikes", "15:22 PM PST Friday Mar 12th", 15 * 60 + 22),
    ("2:54 PM PST: config merged", "2:54 PM PST", 14 * 60 + 54),
    ("0730 The operator renews", "0730", 7 * 60 + 30),
    ("[09:15] Ayesha finds", "[09:15]", 9 * 60 + 15),
    ("23.15 The job stops", "23.15", 23 * 60 + 15),
    ("14:05 UTC Queue is back", "14:05 UTC", 14 * 60 + 5),
    ("2024-03-02 14:05 Deploy", "2024-03-02 14:05", 14 * 60 + 5),
    ("2024-03-02T14:05Z Rollout", "2024-03-02T14:05Z", 14 * 60 + 5),
    ("Mar 2, 14:05 Capped", "Mar 2, 14:05", 14 * 60 + 5),
    ("T+12m Queue passes", "T+12m", None),
    ("14:20-14:35 Checks", "14:20-14:35", 14 * 60 + 20),
    ("17:15 - 23:00 Rebuilt", "17:15 - 23:00", 17 * 60 + 15),
    ("09:05 EDT (13:05 UTC): A customer writes", "09:05 EDT (13:05 UTC)", 9 * 60 + 5),
    ("[12-05 16:21] Bug introduced", "[12-05 16:21]", 16 * 60 + 21),
    ("11-03-2022 3:41 pm - fix reviewed", "11-03-2022 3:41 pm", 15 * 60 + 41),
    ("2023-09-18 10:52 UTC", "2023-09-18 10:52 UTC", 10 * 60 + 52),
    ("~14:00 roughly then", "~14:00", 14 * 60),
    ("09:04 First login failures", "09:04", 9 * 60 + 4),
]


@pytest.mark.parametrize("text,stamp,minutes", ACCEPTED)
def test_accepts_real_formats(text, stamp, minutes):
    ts = leading_timestamp(text)
    assert ts is not None, text
    assert text[ts.start:ts.end] == stamp
    assert ts.minutes == minutes


def test_relative_time_in_minutes():
    assert leading_timestamp("T+12m x").relative == 12
    assert leading_timestamp("T+2h x").relative == 120


@pytest.mark.parametrize("text", [
    "Around lunchtime, the first reports arrive.",
    "later, the team met",
    "Queue depth falls while the team posts hourly updates.",
    "3,000 messages per second",
    "1,900 carts were abandoned",
    "2.5 GB of logs",
    "12% of requests failed",
    "3 engineers joined",
    "1.24.0 was released",
    "[???] IOPS reached a critical point",
    "Ayesha and Ravi agree",
])
def test_rejects_vague_or_non_times(text):
    assert leading_timestamp(text) is None


def test_separator_is_skipped():
    text = "08:02 - The alert fires"
    ts = leading_timestamp(text)
    assert text[separator_end(text, ts.end):] == "The alert fires"


@pytest.mark.parametrize("cell", ["2019-12-03 --:--", "2021-12-10", "Jan 28", "20202-01-16 12:00", "0730"])
def test_time_cells(cell):
    assert find_timestamp(cell) is not None


@pytest.mark.parametrize("line", ["1" * 100_000, "14:" * 40_000, "2024-" * 20_000, "[ " * 50_000, "Mar 2, " * 15_000, "T+" * 50_000])
def test_linear_on_long_lines(line):
    started = time.perf_counter()
    leading_timestamp(line)
    find_timestamp(line, limit=len(line))
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("text", ["Q2 2024", "planned for Q3 2025 at the latest", "FY 2023", "in June 2024"])
def test_a_year_after_a_quarter_or_month_is_no_military_time(text: str) -> None:
    assert timestamps_in(text) == []


@pytest.mark.parametrize("text, minutes", [("at 0730 UTC", 450), ("by 1530Z the site", 930)])
def test_a_military_time_stays_one(text: str, minutes: int) -> None:
    assert [t.minutes for t in timestamps_in(text)] == [minutes]
