"""summary.md: the side-by-side tables of a bench run, from the raw results."""

PERCENTILES = [("p50", "p50"), ("p90", "p90"), ("p99", "p99"), ("p99.9", "p99_9"), ("max", "max"), ("mean", "mean")]


def _us(value) -> str:
    return "-" if value is None else f"{value:,.1f}"


def _signed(value) -> str:
    return "-" if value is None else f"{value:+,.1f}"


def _lat(step, key):
    """A latency figure of a step; None when the step has no measured answer."""
    if step is None or not step.get("latency_us", {}).get("samples"):
        return None
    return step["latency_us"].get(key)


def _diff(a, b):
    return None if a is None or b is None else a - b


def latency_tables(fixed: dict) -> str:
    """fixed[rate][topology] = fix-load step. H (the forwarder with the hand-over) gets its columns
    when it was measured: H − B is the hand-over, C − H the risk logic and its recording."""
    out = []
    for rate in sorted(fixed):
        by = fixed[rate]
        a, b, h, c = by.get("A"), by.get("B"), by.get("H"), by.get("C")
        names = ["A direct", "B forwarder"] + (["H forwarder + hand-over"] if h else []) + ["C gateway"]
        diffs = ["B − A"] + (["H − B", "C − H"] if h else []) + ["C − B", "C − A"]
        steps = [a, b] + ([h] if h else []) + [c]
        out.append(f"### {rate:,} orders/s offered (latency in µs from the intended send time)\n")
        out.append("| | " + " | ".join(names + diffs) + " |")
        out.append("|---|" + "---:|" * (len(names) + len(diffs)))
        for label, key in PERCENTILES:
            la, lb, lh, lc = _lat(a, key), _lat(b, key), _lat(h, key), _lat(c, key)
            values = [la, lb] + ([lh] if h else []) + [lc]
            deltas = [_diff(lb, la)] + ([_diff(lh, lb), _diff(lc, lh)] if h else []) + [_diff(lc, lb), _diff(lc, la)]
            out.append(f"| {label} | " + " | ".join([_us(v) for v in values] + [_signed(d) for d in deltas]) + " |")
        blanks = " |" * len(diffs)
        out.append("| answers/s | " + " | ".join(
            "-" if s is None else f"{s['achieved_response_rate']:,.0f}" for s in steps) + " |" + blanks)
        out.append("| samples / lost / rejected | " + " | ".join(
            "-" if s is None else f"{s['latency_us']['samples']:,} / {s['lost']} / {s['rejected']}"
            for s in steps) + " |" + blanks)
        out.append("")
    return "\n".join(out)


def cpu_tables(cpu: dict) -> str:
    """cpu[rate][topology] = thread_cpu.per_order(...): one table per rate, a row per process."""
    out = []
    for rate in sorted(cpu):
        out.append(f"### {rate:,} orders/s offered (CPU µs per order)\n")
        out.append("| topology | process | total | its threads, busiest first |")
        out.append("|---|---|---:|---|")
        for topology in ("A", "B", "H", "C"):
            for service, spent in sorted(cpu[rate].get(topology, {}).items()):
                threads = ", ".join(f"{name} {us:,.1f}" for name, us in spent["threads"])
                out.append(f"| {topology} | {service} | {spent['total_us']:,.1f} | {threads} |")
        out.append("")
    return "\n".join(out)


def max_rate_table(maxima: dict) -> str:
    """maxima[topology] = fix-load --find-max JSON."""
    def rate(t):
        j = maxima.get(t)
        return None if j is None else j.get("max_sustainable_rate")
    a, b, c = rate("A"), rate("B"), rate("C")
    def ratio(x, y):
        return "-" if not x or not y else f"{x / y:.2f}"
    out = ["| | A direct | B forwarder | C gateway | C / B | C / A |", "|---|---:|---:|---:|---:|---:|",
           f"| highest sustainable rate (orders/s) | {_rate(a)} | {_rate(b)} | {_rate(c)} | {ratio(c, b)} | "
           f"{ratio(c, a)} |", ""]
    out.append("Steps (offered → answers/s, p99 µs, lost, verdict):\n")
    for t in ("A", "B", "C"):
        j = maxima.get(t)
        if j is None:
            continue
        steps = "; ".join(f"{s['offered_rate']:,.0f} → {s['achieved_response_rate']:,.0f}, "
                          f"{_us(s['latency_us'].get('p99'))}, {s['lost']}, {s['verdict']}" for s in j["steps"])
        out.append(f"- {t}: {steps}")
    out.append("")
    return "\n".join(out)


def _rate(value) -> str:
    return "none" if not value else f"{value:,.0f}"


def sessions_table(scaled: dict, rate: int) -> str:
    """scaled[(topology, sessions)] = fix-load JSON."""
    out = [f"{rate:,} orders/s in total, round robin over the sessions; latency in µs.\n",
           "| sessions | topology | logon (s) | p50 | p90 | p99 | max | answers/s | lost | rejected |",
           "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for (topology, sessions) in sorted(scaled, key=lambda k: (k[1], k[0])):
        j = scaled[(topology, sessions)]
        s = j.get("result") or j["steps"][-1]
        out.append(f"| {sessions} | {topology} | {j.get('logon_s', 0):.2f} | {_us(_lat(s, 'p50'))} | "
                   f"{_us(_lat(s, 'p90'))} | {_us(_lat(s, 'p99'))} | {_us(_lat(s, 'max'))} | "
                   f"{s['achieved_response_rate']:,.0f} | {s['lost']} | {s['rejected']} |")
    out.append("")
    return "\n".join(out)


def accounts_table(accounts: dict, rate: int) -> str:
    """accounts[count] = (fix-load JSON, seconds the gateway took to be ready)."""
    out = [f"Topology C, one session, {rate:,} orders/s; latency in µs.\n",
           "| accounts configured | gateway ready (s) | p50 | p90 | p99 | p99.9 | max | lost | rejected |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for count in sorted(accounts):
        j, ready = accounts[count]
        s = j.get("result") or j["steps"][-1]
        out.append(f"| {count:,} | {ready:.1f} | {_us(_lat(s, 'p50'))} | {_us(_lat(s, 'p90'))} | "
                   f"{_us(_lat(s, 'p99'))} | {_us(_lat(s, 'p99_9'))} | {_us(_lat(s, 'max'))} | {s['lost']} | "
                   f"{s['rejected']} |")
    out.append("")
    return "\n".join(out)


def _flatten(prefix, value, rows):
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(f"{prefix}.{key}" if prefix else key, inner, rows)
    elif isinstance(value, (int, float, str, bool)) or value is None:
        rows.append((prefix, value))


def md_storm_latencies(result: dict) -> str:
    """The storm's two latencies side by side: breaching tick -> AX and, when orders flowed during the
    storm (md-storm --order-rate), each order's intended send time -> its first ExecutionReport."""
    out = ["| during the storm | count | lost / misses | p50 | p90 | p99 | p99.9 | max |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    calls = result.get("breachToCall") or {}
    if calls:
        out.append(f"| breaching tick -> AX (µs) | {calls.get('samples', 0):,} of {calls.get('breachesRun', 0):,} "
                   f"breaches | {calls.get('misses', 0)} | {_us(calls.get('p50Micros'))} | "
                   f"{_us(calls.get('p90Micros'))} | {_us(calls.get('p99Micros'))} | | {_us(calls.get('maxMicros'))} |")
    orders = result.get("orders")
    if orders:
        rejected = f", {orders['rejected']:,} rejected" if orders.get("rejected") else ""
        out.append(f"| order -> first ExecutionReport (µs), {orders.get('offeredRate', 0):,} orders/s | "
                   f"{orders.get('answered', 0):,} of {orders.get('sent', 0):,} sent{rejected} | "
                   f"{orders.get('lost', 0)} | {_us(orders.get('p50Micros'))} | {_us(orders.get('p90Micros'))} | "
                   f"{_us(orders.get('p99Micros'))} | {_us(orders.get('p999Micros'))} | "
                   f"{_us(orders.get('maxMicros'))} |")
    else:
        out.append("| orders | no orders flowed (md-storm --order-rate 0) | | | | | | |")
    out.append("")
    return "\n".join(out)


def md_storm_section(result: dict) -> str:
    """The storm's latencies side by side, then md-storm's JSON as it is (its README documents the
    fields), without its configuration."""
    rows = []
    for key, value in result.items():
        if key in ("config", "breaches", "samples"):
            continue
        _flatten(key, value, rows)
    out = [md_storm_latencies(result), "| field | value |", "|---|---|"]
    for key, value in rows:
        shown = f"{value:,.1f}" if isinstance(value, float) else str(value)
        out.append(f"| {key} | {shown} |")
    out.append("")
    return "\n".join(out)


def micro_table(result: dict) -> str:
    out = ["| benchmark | real time | CPU time | counters |", "|---|---:|---:|---|"]
    for b in result.get("benchmarks", []):
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        unit = b.get("time_unit", "ns")
        skip = {"name", "run_name", "run_type", "repetitions", "repetition_index", "threads", "iterations",
                "real_time", "cpu_time", "time_unit", "family_index", "per_family_instance_index",
                "aggregate_name", "aggregate_unit", "label"}
        counters = ", ".join(f"{k}={v:,.4g}" if isinstance(v, float) else f"{k}={v}"
                             for k, v in b.items() if k not in skip)
        out.append(f"| {b['name']} | {b['real_time']:,.1f} {unit} | {b['cpu_time']:,.1f} {unit} | {counters} |")
    out.append("")
    return "\n".join(out)


def targets(fixed: dict, maxima: dict, scaled: dict, storm: dict) -> str:
    """The issue's targets, each with the figure measured in this run."""
    out = ["| target | measured | met |", "|---|---|---|"]
    at5k = fixed.get(5000, {})
    if "B" in at5k and "C" in at5k:
        d50 = _diff(_lat(at5k["C"], "p50"), _lat(at5k["B"], "p50"))
        d99 = _diff(_lat(at5k["C"], "p99"), _lat(at5k["B"], "p99"))
        out.append(f"| C − B at 5,000/s: median ≤ 10 µs | {_signed(d50)} µs | {_yes(d50 is not None and d50 <= 10)} |")
        out.append(f"| C − B at 5,000/s: p99 ≤ 30 µs | {_signed(d99)} µs | {_yes(d99 is not None and d99 <= 30)} |")
    b = (maxima.get("B") or {}).get("max_sustainable_rate")
    c = (maxima.get("C") or {}).get("max_sustainable_rate")
    if b and c:
        out.append(f"| gateway's sustainable rate ≥ 0.8 × forwarder's | C / B = {c / b:.2f} | {_yes(c / b >= 0.8)} |")
    if maxima.get("C") is not None:
        out.append(f"| gateway ≥ 10,000 orders/s, p99 < 1 ms, nothing lost | {_rate(c)} orders/s | "
                   f"{_yes(bool(c) and c >= 10000)} |")
    big = [k for k in scaled if k[0] == "C"]
    if big:
        n = max(k[1] for k in big)
        j = scaled[("C", n)]
        s = j.get("result") or j["steps"][-1]
        out.append(f"| 500 client sessions in one gateway, each logged on and trading | {n} logged on, "
                   f"{s['answered']:,} answered, {s['lost']} lost | {_yes(n >= 500 and s['lost'] == 0)} |")
    if storm:
        p99 = _find_number(storm.get("breachToCall", storm), ("p99Micros", "p99", "p99_us"))
        out.append(f"| margin call out within 1 ms (p99) of the breaching tick | p99 {_us(p99)} µs | "
                   f"{_yes(p99 is not None and p99 <= 1000)} |")
    out.append("")
    return "\n".join(out)


def _find_number(value, keys):
    if isinstance(value, dict):
        for key in keys:
            if isinstance(value.get(key), (int, float)):
                return value[key]
        for inner in value.values():
            found = _find_number(inner, keys)
            if found is not None:
                return found
    return None


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"
