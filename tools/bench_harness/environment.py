"""The machine and software a bench run was taken on: env.json and env.txt."""

import datetime
import os
import platform
import subprocess


def _output(command, cwd=None) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _lscpu(key: str) -> str:
    for line in _output(["lscpu"]).splitlines():
        if line.startswith(key + ":"):
            return line.split(":", 1)[1].strip()
    return ""


def _memory() -> str:
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) // 1024} MiB"
    except OSError:
        pass
    return ""


def collect(root: str, build_dir: str, plan_name: str, pin: bool, placement: str) -> dict:
    dirty = _output(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root)
    return {
        "taken_at_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "plan": plan_name,
        "cpu_model": _lscpu("Model name"),
        "cpu_mhz": _lscpu("CPU MHz"),
        "nproc": os.cpu_count(),
        "memory": _memory(),
        "kernel": platform.release(),
        "os": _output(["sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"]),
        "compiler": _output(["c++", "--version"]).splitlines()[0] if _output(["c++", "--version"]) else "",
        "cmake": (_output(["cmake", "--version"]).splitlines() or [""])[0],
        "build": f"{build_dir} (CMAKE_BUILD_TYPE=Release)",
        "git_rev": _output(["git", "rev-parse", "HEAD"], cwd=root),
        "git_dirty": bool(dirty),
        "quickfix": _output(["dpkg-query", "-W", "-f=${Version}", "libquickfix-dev"]),
        "python": platform.python_version(),
        "load_average_at_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "cpu_pinning": pin,
        "placement": placement,
    }


def as_text(env: dict, commands) -> str:
    lines = [f"{key}: {value}" for key, value in env.items()]
    lines.append("")
    lines.append("commands, in the order they ran:")
    lines += [f"  [{c['name']}] {c['command']}" for c in commands]
    return "\n".join(lines) + "\n"
