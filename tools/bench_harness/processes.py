"""Starting, watching and stopping the processes of a bench run; free ports; CPU pinning."""

import os
import re
import shlex
import signal
import socket
import subprocess
import time


class BenchError(Exception):
    """A failure that ends a part of the run, with a message for the user."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Runner:
    """Builds command lines (with taskset when pinning) and records every command run."""

    def __init__(self, log_dir: str, pin: bool):
        self.log_dir = log_dir
        self.pin = pin
        self.commands = []  # (name, command line)
        os.makedirs(log_dir, exist_ok=True)

    def pinned(self, cpus: str, command):
        return (["taskset", "-c", cpus] + command) if self.pin else command

    def record(self, name, command):
        self.commands.append({"name": name, "command": " ".join(shlex.quote(str(a)) for a in command)})

    def run(self, name, command, timeout, cwd=None):
        """Runs to completion; returns (exit code, output). Output also kept in log_dir/name.out."""
        command = [str(a) for a in command]
        self.record(name, command)
        path = os.path.join(self.log_dir, name + ".out")
        with open(path, "w") as out:
            # Its own process group, so that a timeout stops its children too (tools/md_storm/run).
            process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=cwd,
                                       start_new_session=True)
            try:
                code = process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
                code = -1
                out.write(f"\n[tools/bench: stopped after {timeout:.0f} s]\n")
        with open(path) as f:
            return code, f.read()

    def start(self, name, command):
        return Service(self, name, [str(a) for a in command])


class Service:
    """A long-running process (venue, forwarder, gateway) with its output in a file."""

    def __init__(self, runner: Runner, name: str, command):
        self.name = name
        self.path = os.path.join(runner.log_dir, name + ".out")
        runner.record(name, command)
        self._out = open(self.path, "w")
        self.process = subprocess.Popen(command, stdout=self._out, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def output(self) -> str:
        with open(self.path, errors="replace") as f:
            return f.read()

    def wait_for(self, pattern: str, timeout: float, path: str = None) -> re.Match:
        """Waits until `pattern` appears in the output (or in the file `path`)."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.output() if path is None else (open(path, errors="replace").read()
                                                        if os.path.exists(path) else "")
            found = re.search(pattern, text)
            if found:
                return found
            if self.process.poll() is not None:
                raise BenchError(f"{self.name} exited with {self.process.returncode} before it was ready; "
                                 f"its output ({self.path}):\n{self.output()[-2000:]}")
            if time.monotonic() > deadline:
                where = self.path if path is None else path
                raise BenchError(f"{self.name}: '{pattern}' did not appear in {where} within {timeout:.0f} s")
            time.sleep(0.05)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 20):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._out.close()
