"""The CPU time each thread of the measured processes spends during a load step, read from
/proc/<pid>/task/<tid>/stat (user + system time, in clock ticks). The gateway names its own threads
(risk, store-writer, session-store, ...); QuickFIX's socket threads carry the process's name."""

import os

_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def _thread_ticks(pid: int) -> dict:
    """{tid: (thread name, ticks)} for every thread of `pid` that can still be read."""
    threads = {}
    task_dir = f"/proc/{pid}/task"
    try:
        tids = os.listdir(task_dir)
    except OSError:
        return threads
    for tid in tids:
        try:
            with open(f"{task_dir}/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # the thread ended
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        threads[tid] = (name, int(fields[11]) + int(fields[12]))  # utime, stime
    return threads


def snapshot(services) -> dict:
    """{service name: {tid: (thread name, ticks)}} for every running service."""
    return {s.name: _thread_ticks(s.process.pid) for s in services if s.alive()}


def per_order(before: dict, after: dict, orders: int) -> dict:
    """{service name: {"total_us": ..., "threads": [[thread name, µs], ...]}}: CPU µs per order
    between the two snapshots, threads busiest first (those under 0.05 µs left out)."""
    result = {}
    for service, threads in after.items():
        earlier = before.get(service, {})
        rows = []
        for tid, (name, ticks) in threads.items():
            spent = ticks - earlier.get(tid, (name, 0))[1]
            rows.append((name, spent * 1e6 / _TICKS_PER_SECOND / orders))
        rows.sort(key=lambda row: -row[1])
        result[service] = {"total_us": round(sum(us for _, us in rows), 1),
                           "threads": [[name, round(us, 1)] for name, us in rows if us >= 0.05]}
    return result
