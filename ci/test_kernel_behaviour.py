"""What the reprolab-java kernel promises beyond the Jupyter protocol (README, "Notebooks and the Java kernel"):
interrupts stop a cell within 2 s, the per-cell timeout, System.exit refused, output from a cell's threads,
errors that name their cause, and the kernel serving on after each of them.

Run: /usr/bin/python3 -m pytest -q ci/test_kernel_behaviour.py (needs the installed kernel, as test.sh does).
"""
import os
import queue
import time
import unittest

from jupyter_client.manager import KernelManager

KERNEL = "reprolab-java"


def start(env_extra=None):
    km = KernelManager(kernel_name=KERNEL)
    env = dict(os.environ)
    env.update(env_extra or {})
    km.start_kernel(env=env)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=180)
    run(kc, "int warmUp = 1;", timeout=180)
    return km, kc


def run(kc, code, timeout=60, on_sent=None):
    """Executes code; returns (reply content, iopub messages of this request, seconds to the reply)."""
    msg_id = kc.execute(code)
    t0 = time.monotonic()
    if on_sent:
        on_sent()
    reply = None
    while reply is None:
        left = timeout - (time.monotonic() - t0)
        if left <= 0:
            raise TimeoutError(f"no execute_reply within {timeout} s for {code!r}")
        try:
            msg = kc.get_shell_msg(timeout=left)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            reply = msg["content"]
    seconds = time.monotonic() - t0
    outputs = []
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=10)
        except queue.Empty:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    return reply, outputs, seconds


def text_of(outputs, kind="stream"):
    return "".join(m["content"].get("text", "") for m in outputs if m["msg_type"] == kind)


def error_of(reply, outputs):
    errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
    return errors[0] if errors else reply


class KernelBehaviourTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def interrupt_after(self, seconds):
        def later():
            time.sleep(seconds)
            self.km.interrupt_kernel()
        import threading
        threading.Thread(target=later, daemon=True).start()

    def assert_alive(self):
        reply, outputs, _ = run(self.kc, "warmUp + 41")
        self.assertEqual(reply["status"], "ok")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_interrupt_stops_a_sleep_within_2_s(self):
        reply, outputs, seconds = run(self.kc, "Thread.sleep(60_000);", on_sent=lambda: self.interrupt_after(1.0))
        self.assertEqual(reply["status"], "error")
        self.assertLess(seconds - 1.0, 2.0, f"the cell ended {seconds - 1.0:.2f} s after the interrupt")
        self.assert_alive()

    def test_interrupt_stops_a_training_loop_within_2_s(self):
        # selu's Fashion-MNIST step trains MLPs for about 20 s; the library's loops check for interrupts.
        reply, outputs, seconds = run(self.kc, "%repro run selu --step fashion-mnist",
                                      on_sent=lambda: self.interrupt_after(4.0), timeout=120)
        self.assertEqual(reply["status"], "error")
        self.assertLess(seconds - 4.0, 2.0, f"the cell ended {seconds - 4.0:.2f} s after the interrupt")
        self.assert_alive()

    def test_interrupt_stops_a_loop_that_ignores_it(self):
        reply, outputs, seconds = run(self.kc, "long spin = 0; while (true) { spin++; }",
                                      on_sent=lambda: self.interrupt_after(1.0))
        self.assertEqual(reply["status"], "error")
        # the grace period (REPROLAB_INTERRUPT_GRACE_MS, 1 s) and then Thread.stop
        self.assertLess(seconds - 1.0, 3.0, f"the cell ended {seconds - 1.0:.2f} s after the interrupt")
        self.assert_alive()

    def test_system_exit_is_refused_and_state_kept(self):
        run(self.kc, "int kept = 7;")
        reply, outputs, _ = run(self.kc, "System.exit(3);")
        self.assertEqual(reply["status"], "error")
        self.assertIn("SystemExitRefused", error_of(reply, outputs)["ename"])
        reply, outputs, _ = run(self.kc, "kept")
        self.assertEqual(reply["status"], "ok")

    def test_output_of_a_thread_the_cell_started(self):
        reply, outputs, _ = run(self.kc, 'var t = new Thread(() -> System.out.println("from a thread")); '
                                         't.start(); t.join();')
        self.assertEqual(reply["status"], "ok")
        self.assertIn("from a thread", text_of(outputs))

    def test_compile_error_names_the_problem_and_span(self):
        reply, outputs, _ = run(self.kc, "int x = \"text\";")
        self.assertEqual(reply["status"], "error")
        err = error_of(reply, outputs)
        shown = err["evalue"] + "\n".join(err.get("traceback", []))
        self.assertIn("incompatible types", shown)
        self.assertIn("^", shown)
        self.assert_alive()

    def test_runtime_error_trace_has_no_kernel_frames(self):
        reply, outputs, _ = run(self.kc, 'void boom() { throw new IllegalStateException("bad state"); }\nboom();')
        self.assertEqual(reply["status"], "error")
        err = error_of(reply, outputs)
        self.assertTrue(err["ename"].endswith("IllegalStateException"), err["ename"])
        self.assertIn("bad state", err["evalue"])
        trace = "\n".join(err["traceback"])
        self.assertIn("boom", trace)
        self.assertNotIn("org.reprolab.kernel", trace)
        self.assertNotIn("jdk.jshell", trace)

    def test_unknown_magic_names_the_valid_ones(self):
        reply, outputs, _ = run(self.kc, "%nope")
        self.assertEqual(reply["status"], "error")
        err = error_of(reply, outputs)
        self.assertIn("repro", err["evalue"] + " ".join(err.get("traceback", [])))


class CellTimeoutTest(unittest.TestCase):

    def test_cell_timeout_stops_a_cell(self):
        km, kc = start({"REPROLAB_CELL_TIMEOUT": "2"})
        try:
            reply, outputs, seconds = run(kc, "Thread.sleep(30_000);")
            self.assertEqual(reply["status"], "error")
            self.assertLess(seconds, 5.0)
            reply, _, _ = run(kc, "1 + 1")
            self.assertEqual(reply["status"], "ok")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
