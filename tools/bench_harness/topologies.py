"""The three topologies a bench run compares, each a set of processes on free loopback ports:
  A  fix-load -> venue-sim                      (the venue answers the load's sessions itself)
  B  fix-load -> fix-forwarder -> venue-sim     (a FIX hop with no risk logic)
  H  fix-load -> fix-forwarder --hand-over -> venue-sim
                                                (B, each message sent by one relay thread it is handed
                                                 to, as the gateway hands each input to its risk thread)
  C  fix-load -> risk-gateway -> venue-sim      (the gateway)
In every topology the load's sessions are LOAD<n> -> BROKER and the venue runs the same random walk.
"""

import os

from . import configs
from .processes import BenchError, free_port

READY_TIMEOUT = 120  # seconds; 100,000 accounts take a while to load in a Debug build


class Binaries:
    def __init__(self, build_dir: str):
        self.venue_sim = os.path.join(build_dir, "tools/venue_sim/venue-sim")
        self.fix_forwarder = os.path.join(build_dir, "tools/fix_forwarder/fix-forwarder")
        self.risk_gateway = os.path.join(build_dir, "gateway/app/risk-gateway")
        self.fix_load = os.path.join(build_dir, "tools/fix_load/fix-load")
        self.risk_core_bench = os.path.join(build_dir, "tools/risk_core_bench/risk_core_bench")

    def missing(self):
        return [p for p in vars(self).values() if not os.access(p, os.X_OK)]


class Stack:
    """A running topology: where the load connects, and the processes to stop afterwards."""

    def __init__(self, name: str, port: int, services):
        self.name = name
        self.port = port
        self.services = services

    def check_alive(self):
        for service in self.services:
            if not service.alive():
                raise BenchError(f"topology {self.name}: {service.name} died (exit {service.process.returncode}); "
                                 f"see {service.path}")

    def stop(self):
        for service in reversed(self.services):
            service.stop()


def _venue(runner, bins, name, sender, clients, dictionary, cpus):
    port = free_port()
    command = [bins.venue_sim, "--port", port, "--sender-comp-id", sender, "--dictionary", dictionary,
               "--random-walk", f"{configs.SYMBOL}:{configs.WALK_START}:{configs.WALK_TICK}",
               "--step-ms", configs.WALK_STEP_MS, "--seed", "7"]
    for client in clients:
        command += ["--client-comp-id", client]
    venue = runner.start(name, runner.pinned(cpus, command))
    venue.wait_for(r"venue-sim listening", READY_TIMEOUT)
    return venue, port


def gateway_supports_data_dir(bins) -> bool:
    import subprocess
    help_text = subprocess.run([bins.risk_gateway, "--help"], capture_output=True, text=True).stdout
    return "--data-dir" in help_text


def start_a(runner, bins, tag, sessions, dictionary, cpus):
    clients = [f"LOAD{n}" for n in range(1, sessions + 1)]
    venue, port = _venue(runner, bins, f"{tag}-venue-sim", "BROKER", clients, dictionary, cpus)
    return Stack("A", port, [venue])


def start_b(runner, bins, tag, cfg_path, dictionary, cpus, log_dir, data_dir=None, hand_over=False):
    """B, or H with hand_over."""
    name = "H" if hand_over else "B"
    venue, venue_port = _venue(runner, bins, f"{tag}-venue-sim", "VENUE", ["GATEWAY"], dictionary, cpus)
    port = free_port()
    os.makedirs(log_dir, exist_ok=True)
    command = [bins.fix_forwarder, "--fix-settings", cfg_path, "--client-port", port, "--venue-port", venue_port,
               "--dictionary", dictionary, "--log-dir", log_dir]
    if data_dir:  # the same SQLite session store as the gateway's
        command += ["--data-dir", data_dir]
    if hand_over:
        command.append("--hand-over")
    forwarder = runner.start(f"{tag}-fix-forwarder", runner.pinned(cpus, command))
    stack = Stack(name, port, [venue, forwarder])
    try:
        found = forwarder.wait_for(r"fix-forwarder running: .*venue (logged on|NOT logged on)", READY_TIMEOUT)
        if "NOT" in found.group(0):
            raise BenchError(f"topology {name}: the forwarder's venue session did not log on; see {forwarder.path}")
    except BaseException:
        stack.stop()
        raise
    return stack


def start_c(runner, bins, tag, cfg_path, toml_path, dictionary, cpus, log_dir, data_dir=None):
    venue, venue_port = _venue(runner, bins, f"{tag}-venue-sim", "VENUE", ["GATEWAY"], dictionary, cpus)
    port = free_port()
    os.makedirs(log_dir, exist_ok=True)
    command = [bins.risk_gateway, "--fix-settings", cfg_path, "--risk-config", toml_path,
               "--client-port", port, "--venue-port", venue_port, "--dictionary", dictionary,
               "--admin-port", "0", "--log-dir", log_dir]
    if data_dir:
        command += ["--data-dir", data_dir]
    gateway = runner.start(f"{tag}-risk-gateway", runner.pinned(cpus, command))
    stack = Stack("C", port, [venue, gateway])
    try:
        gateway.wait_for(r"risk-gateway running", READY_TIMEOUT)
        gateway.wait_for(r"FIX venue session logged on", READY_TIMEOUT, os.path.join(log_dir, "gateway.log"))
        # A first mark for the instrument: market data from the venue has arrived.
        gateway.wait_for(r"\|35=W\|", READY_TIMEOUT, os.path.join(log_dir, "fix-messages.log"))
    except BaseException:
        stack.stop()
        raise
    return stack
