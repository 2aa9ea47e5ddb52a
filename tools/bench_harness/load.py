"""fix-load runs: the command line, and its JSON read back."""

import json
import os

from . import configs
from .processes import BenchError


def run_load(runner, bins, name, stack, sessions, dictionary, json_dir, cpus, *, rate=None, count, warmup,
             find_max=False, rates=None):
    """Runs fix-load against `stack`; returns its JSON. Raises BenchError when it produced none
    (sessions did not log on, a crash)."""
    json_path = os.path.join(json_dir, name + ".json")
    command = [bins.fix_load, "--host", "127.0.0.1", "--port", stack.port, "--sessions", sessions,
               "--sender-comp-id-format", "LOAD{n}", "--target-comp-id", "BROKER",
               "--password-format", "load-{n}", "--account-format", "ACC-{n}",
               "--symbol", configs.SYMBOL, "--dictionary", dictionary,
               "--order-mode", "ioc", "--side", "buy", "--price", configs.LOAD_PRICE, "--qty", configs.LOAD_QTY,
               "--count", count, "--warmup", warmup, "--json", json_path]
    if find_max:
        command += ["--find-max"]
        if rates:
            command += ["--rates", ",".join(str(r) for r in rates)]
        budget = 1800
    else:
        command += ["--rate", rate]
        budget = (count + warmup) / rate + 180
    if os.path.exists(json_path):
        os.remove(json_path)
    code, output = runner.run(name, runner.pinned(cpus, command), timeout=budget)
    stack.check_alive()
    if not os.path.exists(json_path):
        raise BenchError(f"topology {stack.name}: fix-load ({name}) exited with {code} and wrote no JSON:\n"
                         + output[-2000:])
    try:
        with open(json_path) as f:
            result = json.load(f)
    except ValueError as bad:  # cut short: fix-load could not write it all (a full disk, a crash)
        raise BenchError(f"topology {stack.name}: fix-load ({name}) exited with {code} and its JSON "
                         f"{json_path} cannot be read ({bad}):\n" + output[-2000:])
    result["_exit_code"] = code
    result["_output"] = output
    return result


def main_result(result: dict) -> dict:
    """The one step of a fixed-rate run."""
    if "result" in result:
        return result["result"]
    return result["steps"][-1]
