"""Unit tests of tools/bench_harness/summary.py: the latency table, with and without topology H."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "tools"))

from bench_harness import summary  # noqa: E402


def step(p50, p99):
    return {"latency_us": {"samples": 1000, "p50": p50, "p90": p50 + 1, "p99": p99, "p99_9": p99 + 1,
                           "max": p99 + 2, "mean": p50},
            "achieved_response_rate": 5000.0, "lost": 0, "rejected": 0}


def row(table, label):
    """The cells of the table row whose first cell is `label` ("" for the header row)."""
    for line in table.splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0] == label:
            return cells[1:]
    raise AssertionError(f"no row {label!r} in\n{table}")


class LatencyTablesTest(unittest.TestCase):
    def test_without_h_the_columns_are_a_b_c_and_their_differences(self):
        table = summary.latency_tables({5000: {"A": step(80, 200), "B": step(120, 900), "C": step(190, 3000)}})
        self.assertEqual(row(table, ""), ["A direct", "B forwarder", "C gateway", "B − A", "C − B", "C − A"])
        self.assertEqual(row(table, "p50"), ["80.0", "120.0", "190.0", "+40.0", "+70.0", "+110.0"])
        self.assertEqual(row(table, "answers/s"), ["5,000", "5,000", "5,000", "", "", ""])

    def test_h_splits_c_minus_b_into_the_hand_over_and_the_risk_logic(self):
        table = summary.latency_tables({5000: {"A": step(80, 200), "B": step(120, 900), "H": step(135, 1000),
                                               "C": step(190, 3000)}})
        self.assertEqual(row(table, ""), ["A direct", "B forwarder", "H forwarder + hand-over", "C gateway",
                                          "B − A", "H − B", "C − H", "C − B", "C − A"])
        self.assertEqual(row(table, "p50"), ["80.0", "120.0", "135.0", "190.0", "+40.0", "+15.0", "+55.0",
                                             "+70.0", "+110.0"])
        self.assertEqual(row(table, "p99"), ["200.0", "900.0", "1,000.0", "3,000.0", "+700.0", "+100.0",
                                             "+2,000.0", "+2,100.0", "+2,800.0"])
        self.assertEqual(len(row(table, "samples / lost / rejected")), 9)


if __name__ == "__main__":
    unittest.main()
