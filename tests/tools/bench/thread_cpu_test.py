"""Unit tests of tools/bench_harness/thread_cpu.py: CPU per order by thread, from /proc."""

import os
import sys
import threading
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "tools"))

from bench_harness import thread_cpu  # noqa: E402

TICK_US = 1e6 / os.sysconf("SC_CLK_TCK")


class ThisProcess:
    """Stands for a bench Service: a name and a running process."""

    name = "this-process"

    class process:  # noqa: N801 (the attribute a Service has)
        pid = os.getpid()

    def alive(self):
        return True


class PerOrderTest(unittest.TestCase):
    def test_divides_each_threads_ticks_by_the_orders_busiest_first(self):
        before = {"C-risk-gateway": {"11": ("risk", 100), "12": ("store-writer", 40)}}
        after = {"C-risk-gateway": {"11": ("risk", 300), "12": ("store-writer", 50), "13": ("log-writer", 1)}}
        spent = thread_cpu.per_order(before, after, 1000)["C-risk-gateway"]
        self.assertEqual(spent["threads"], [["risk", round(200 * TICK_US / 1000, 1)],
                                            ["store-writer", round(10 * TICK_US / 1000, 1)],
                                            ["log-writer", round(1 * TICK_US / 1000, 1)]])
        self.assertEqual(spent["total_us"], round(211 * TICK_US / 1000, 1))

    def test_leaves_out_idle_threads(self):
        before = {"B-fix-forwarder": {"1": ("fix-forwarder", 5), "2": ("checkpointer", 7)}}
        after = {"B-fix-forwarder": {"1": ("fix-forwarder", 6), "2": ("checkpointer", 7)}}
        spent = thread_cpu.per_order(before, after, 10)["B-fix-forwarder"]
        self.assertEqual([name for name, _ in spent["threads"]], ["fix-forwarder"])


class SnapshotTest(unittest.TestCase):
    def test_sees_a_named_thread_of_a_running_process_and_its_cpu(self):
        named = threading.Event()
        done = threading.Event()

        def busy():
            # Python names its threads only for itself; the kernel's name is set through /proc.
            with open(f"/proc/self/task/{threading.get_native_id()}/comm", "w") as comm:
                comm.write("busy-thread")
            named.set()
            while not done.is_set():
                sum(range(10000))

        worker = threading.Thread(target=busy)
        worker.start()
        named.wait()
        before = thread_cpu.snapshot([ThisProcess()])
        threading.Event().wait(0.3)
        after = thread_cpu.snapshot([ThisProcess()])
        done.set()
        worker.join()
        spent = dict(thread_cpu.per_order(before, after, 1)["this-process"]["threads"])
        self.assertIn("busy-thread", spent)
        self.assertGreater(spent["busy-thread"], 0)

    def test_skips_a_process_that_has_ended(self):
        class Ended(ThisProcess):
            def alive(self):
                return False

        self.assertEqual(thread_cpu.snapshot([Ended()]), {})


if __name__ == "__main__":
    unittest.main()
