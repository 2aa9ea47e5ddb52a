"""What a bench run measures: the full run and the --quick one."""

from dataclasses import dataclass, field
from typing import List


@dataclass
class Plan:
    name: str
    rates: List[int]                 # fixed offered rates, orders/s, every topology
    count: int                       # measured orders per fixed-rate run
    warmup: int                      # orders before the measured ones
    find_max_rates: List[int]        # explicit steps (empty: fix-load's doubling then bisection)
    find_max_count: int
    find_max_warmup: int
    sessions: List[int]              # sessions scale: client sessions at scale_rate in total
    scale_rate: int
    scale_count: int
    scale_warmup: int
    accounts: List[int]              # accounts scale: accounts configured, one session at accounts_rate
                                     # (a rate the gateway sustains, so that queueing does not hide the cost)
    accounts_rate: int
    accounts_count: int
    accounts_warmup: int
    bench_min_time: str              # risk_core_bench --benchmark_min_time ("" = its default)
    md_storm_quick: bool
    md_storm_timeout: int            # seconds before the storm is stopped and counted as failed
    disk_gb: float                   # free space the run needs in its folder (logs, databases, JSON)
    md_storm_order_rate: int = 1000  # orders/s a second client sends during the storm (run --order-rate)
    max_sessions: int = 500          # client sessions configured in every topology
    main_accounts: int = 1000        # accounts configured for the main comparison
    topologies_scaled: List[str] = field(default_factory=lambda: ["A", "B", "C"])


FULL = Plan(
    name="full",
    rates=[1000, 5000, 10000],
    count=100000,
    warmup=20000,
    # Explicit steps, as in the quick plan: fix-load's own search halves the rate after a failed step,
    # and on a VM whose p99 swings by milliseconds a failure at 1,000/s sent it down to a few hundred
    # orders a second, where each step of 60,000 orders takes minutes (the first full run, 2026-11-24).
    find_max_rates=[1000, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000],
    find_max_count=50000,
    find_max_warmup=10000,
    sessions=[1, 10, 100, 500],
    scale_rate=2000,
    scale_count=100000,
    scale_warmup=20000,
    accounts=[1000, 10000, 100000],
    accounts_rate=2000,
    accounts_count=100000,
    accounts_warmup=20000,
    bench_min_time="",
    md_storm_quick=False,
    md_storm_timeout=1800,
    disk_gb=12,  # a full run wrote about 9 GB (the gateway's message log and databases the most)
)

QUICK = Plan(
    name="quick",
    rates=[1000, 5000],
    count=10000,
    warmup=2000,
    find_max_rates=[1000, 2000, 3000, 5000, 10000, 15000, 20000, 30000],
    find_max_count=5000,
    find_max_warmup=1000,
    sessions=[1, 10, 100, 500],
    scale_rate=2000,
    scale_count=3000,
    scale_warmup=1000,
    accounts=[1000, 100000],
    accounts_rate=2000,
    accounts_count=10000,
    accounts_warmup=2000,
    bench_min_time="0.05",
    md_storm_quick=True,
    md_storm_timeout=150,
    disk_gb=2,  # a quick run wrote about 0.9 GB
    topologies_scaled=["B", "C"],
)
