"""Protocol fuzzing of the installed reprolab-java kernel (README, "Notebooks and the Java kernel": what the
kernel guarantees on its sockets).

A few thousand seeded random and mutated multipart messages go to the shell and control channels (random
frames; broken framing; valid signatures over random, truncated or deeply nested JSON; real requests with
fields removed, retyped or huge; wrong signatures, also on requests that would run code or shut the kernel
down), some garbage to stdin, heartbeat and iopub, and one frame over the size limit. Afterwards a correct
client must get, within seconds: a heartbeat, an ordinary execute, stdin input, an interrupt of a sleeping
cell and a shutdown. No wrongly signed request may have run, and the kernel's log stays a few lines long.

The seed is printed; replay a failure with REPROLAB_FUZZ_SEED=<seed>. REPROLAB_FUZZ_MESSAGES sets how many
messages go to the shell channel (default 2400; the control channel gets a third of that).

Run: /usr/bin/python3 -m pytest -q ci/test_kernel_fuzz.py (needs the installed kernel, as test.sh does).
"""
import hashlib
import hmac
import json
import os
import queue
import random
import re
import tempfile
import threading
import time
import unittest
import uuid

import zmq
from jupyter_client.manager import KernelManager

KERNEL = "reprolab-java"
SEED = int(os.environ.get("REPROLAB_FUZZ_SEED") or random.SystemRandom().randrange(2 ** 32))
SHELL_MESSAGES = int(os.environ.get("REPROLAB_FUZZ_MESSAGES", "2400"))
SEEDINFO = f"fuzz seed {SEED} (replay with REPROLAB_FUZZ_SEED={SEED})"
MAX_FRAME = 64 << 20  # KernelSockets.MAX_FRAME_BYTES
DELIM = b"<IDS|MSG>"
UNSIGNED_MARK = "FUZZ-UNSIGNED-RAN"
print(SEEDINFO)

# Code the storm may run with a valid signature: quick, and nothing that stops the kernel.
SAFE_CODE = ["1 + 1", "int fuzzX = 3;", "fuzzX * 2", "}", 'System.out.println("fuzz");', "%help", "%nope",
             "Math.max?", "", "%%time\n1", 'throw new RuntimeException("fuzz");', "void f() {", "%seed x"]
WEIRD_VALUES = [None, 0, -1, 2 ** 63, 1.5, True, False, [], {}, "", "x", [None], {"a": [1, {"b": None}]}]


class Wire:
    """Builds Jupyter wire messages (protocol v5) signed with the kernel's key, or broken on purpose."""

    def __init__(self, key, rnd):
        self.key = key
        self.rnd = rnd
        self.session = str(uuid.uuid4())

    def sign(self, parts, key=None):
        h = hmac.new(self.key if key is None else key, digestmod=hashlib.sha256)
        for p in parts:
            h.update(p)
        return h.hexdigest().encode()

    def header(self, msg_type):
        return {"msg_id": str(uuid.uuid4()), "username": "fuzz", "session": self.session,
                "date": "2026-01-01T00:00:00.000000Z", "msg_type": msg_type, "version": "5.3"}

    def message(self, msg_type, content):
        return {"header": self.header(msg_type), "parent_header": {}, "metadata": {}, "content": content}

    def frames(self, msg, parts=None, signature=None):
        parts = parts or [json.dumps(msg[k]).encode() for k in ("header", "parent_header", "metadata", "content")]
        return [DELIM, self.sign(parts) if signature is None else signature, *parts]

    # ---- what the storm sends

    def request(self, control):
        """A correct request of a random kind that is safe to serve."""
        r = self.rnd
        kinds = [
            ("kernel_info_request", {}),
            ("interrupt_request", {}),
            ("execute_request", {"code": r.choice(SAFE_CODE), "silent": r.random() < 0.2,
                                 "store_history": r.random() < 0.5, "user_expressions": {},
                                 "allow_stdin": False, "stop_on_error": r.random() < 0.5}),
            ("complete_request", {"code": "System.out.pri", "cursor_pos": 14}),
            ("inspect_request", {"code": "Math.max", "cursor_pos": 8, "detail_level": 0}),
            ("is_complete_request", {"code": "void f() {"}),
            ("history_request", {"output": False, "raw": True, "hist_access_type": "tail", "n": 3}),
            ("comm_info_request", {}),
            ("comm_open", {"comm_id": str(uuid.uuid4()), "target_name": "fuzz", "data": {}}),
            ("comm_msg", {"comm_id": str(uuid.uuid4()), "data": {}}),
            ("comm_close", {"comm_id": str(uuid.uuid4()), "data": {}}),
            ("fuzz_request", {}),
            ("execute_reply", {"status": "ok"}),
        ]
        msg_type, content = r.choice(kinds[:3] if control and r.random() < 0.5 else kinds)
        return self.message(msg_type, json.loads(json.dumps(content)))

    def huge(self):
        n = self.rnd.choice([10_000, 100_000, 100_000, 1_000_000])
        kind = self.rnd.randrange(4)
        return ("x" * n if kind == 0 else "\u00e9" * (n // 2) if kind == 1 else ["x"] * (n // 10) if kind == 2
                else {"k%d" % i: i for i in range(n // 50)})

    def mutated(self, control):
        """A correct request with a field removed, retyped or made huge; correctly signed."""
        r = self.rnd
        msg = self.request(control)
        part = r.choice(["header", "content", "content", "metadata", "parent_header"])
        obj = msg[part]
        how = r.choice(["remove", "remove", "retype", "retype", "retype", "huge"])
        if how == "remove" and obj:
            del obj[r.choice(sorted(obj))]
        elif how == "retype":
            key = r.choice(sorted(obj) + ["extra"]) if obj else "extra"
            obj[key] = r.choice(WEIRD_VALUES)
        elif how == "huge":
            key = r.choice(sorted(obj) + ["extra"]) if obj else "extra"
            if part == "content" and key in ("code", "user_expressions"):
                # big, but not so big that JShell takes seconds over it: this tests the protocol, not javac
                obj[key] = "x" * 10_000 if key == "code" else {f"e{i}": "1" for i in range(20)}
            else:
                obj[key] = self.huge()
        if part == "parent_header" and r.random() < 0.5:
            msg["parent_header"] = r.choice(WEIRD_VALUES)
        return self.frames(msg)

    def garbage_json(self, control):
        """Correctly signed, but one part is random bytes, truncated, not UTF-8 or nested very deeply."""
        r = self.rnd
        msg = self.request(control)
        parts = [json.dumps(msg[k]).encode() for k in ("header", "parent_header", "metadata", "content")]
        i = r.randrange(4)
        how = r.choice(["random", "truncated", "truncated", "not-utf8", "deep", "array", "null"])
        if how == "random":
            parts[i] = r.randbytes(r.randrange(0, 300))
        elif how == "truncated":
            parts[i] = parts[i][: r.randrange(0, max(1, len(parts[i])))]
        elif how == "not-utf8":
            parts[i] = parts[i][:-1] + b"\xff\xfe\"}"
        elif how == "deep":
            depth = r.choice([1000, 50_000])
            parts[i] = b"[" * depth + b"]" * depth
        elif how == "array":
            parts[i] = b"[1, 2, 3]"
        else:
            parts[i] = b"null"
        return self.frames(None, parts=parts)

    def wrongly_signed(self, control):
        """A request, dangerous ones included, with a signature that is not the kernel's."""
        r = self.rnd
        msg = r.choice([
            self.message("execute_request", {"code": f'int fuzzUnsigned = 1; System.out.println("{UNSIGNED_MARK}");',
                                             "silent": False, "store_history": True, "user_expressions": {},
                                             "allow_stdin": False, "stop_on_error": False}),
            self.message("shutdown_request", {"restart": False}),
            self.request(control),
        ])
        frames = self.frames(msg)
        good = frames[1]
        how = r.choice(["random", "empty", "flipped", "other-key", "upper", "prefix"])
        frames[1] = {
            "random": lambda: bytes(r.choice(b"0123456789abcdef") for _ in range(64)),
            "empty": lambda: b"",
            "flipped": lambda: good[:10] + (b"0" if good[10:11] != b"0" else b"1") + good[11:],
            "other-key": lambda: self.sign(frames[2:], key=b"not-the-key"),
            "upper": lambda: good.upper() if good.upper() != good else good + b"0",
            "prefix": lambda: good[:32],
        }[how]()
        return frames

    def bad_framing(self, control):
        r = self.rnd
        frames = self.frames(self.request(control))
        how = r.choice(["no-delimiter", "too-few", "only-delimiter", "identities", "buffers"])
        if how == "no-delimiter":
            return frames[1:]
        if how == "too-few":
            return frames[: r.randrange(1, 6)]
        if how == "only-delimiter":
            return [DELIM]
        if how == "identities":  # routing frames before the delimiter: a correct message
            return [r.randbytes(r.randrange(1, 20)) for _ in range(r.randrange(1, 4))] + frames
        return frames + [r.randbytes(r.randrange(0, 100)) for _ in range(r.randrange(1, 4))]  # buffers: correct

    def random_frames(self):
        r = self.rnd
        frames = [r.randbytes(r.randrange(0, 200)) for _ in range(r.randrange(1, 9))]
        if r.random() < 0.3:
            frames.insert(r.randrange(len(frames) + 1), DELIM)
        return frames

    def storm_message(self, control):
        r = self.rnd.random()
        if r < 0.15:
            return self.random_frames()
        if r < 0.25:
            return self.bad_framing(control)
        if r < 0.45:
            return self.wrongly_signed(control)
        if r < 0.65:
            return self.garbage_json(control)
        if r < 0.95:
            return self.mutated(control)
        return self.frames(self.request(control))


class Drain(threading.Thread):
    """Reads and keeps what comes back on the fuzzer's sockets, so nothing backs up."""

    def __init__(self, sockets):
        super().__init__(daemon=True)
        self.poller = zmq.Poller()
        for s in sockets:
            self.poller.register(s, zmq.POLLIN)
        self.received = queue.Queue()
        self.stopping = False

    def run(self):
        while not self.stopping:
            for s, _ in self.poller.poll(50):
                try:
                    self.received.put(s.recv_multipart(zmq.NOBLOCK))
                except zmq.ZMQError:
                    pass


def content_of(frames):
    return json.loads(frames[frames.index(DELIM) + 5])


def header_of(frames):
    return json.loads(frames[frames.index(DELIM) + 2])


class KernelFuzzTest(unittest.TestCase):
    """One kernel for all tests; they run in name order and the last one shuts it down."""

    @classmethod
    def setUpClass(cls):
        cls.log = tempfile.NamedTemporaryFile(prefix="reprolab-fuzz-", suffix=".log", delete=False)
        cls.km = KernelManager(kernel_name=KERNEL)
        cls.km.start_kernel(stderr=cls.log)
        cls.kc = cls.km.client()
        cls.kc.start_channels()
        cls.kc.wait_for_ready(timeout=180)
        cls.kc.execute_interactive("int warmUp = 1;", timeout=180)
        info = cls.km.get_connection_info()
        cls.info = info
        cls.ctx = zmq.Context()
        cls.wire = Wire(info["key"], random.Random(SEED))

        def connect(kind, port_name):
            s = cls.ctx.socket(kind)
            s.linger = 0
            s.sndtimeo = 10_000  # a kernel that stops reading fails the test instead of hanging it
            s.connect(f"{info['transport']}://{info['ip']}:{info[port_name]}")
            return s

        cls.connect = staticmethod(connect)
        cls.shell = connect(zmq.DEALER, "shell_port")
        cls.control = connect(zmq.DEALER, "control_port")
        cls.drain = Drain([cls.shell, cls.control])
        cls.drain.start()

    @classmethod
    def tearDownClass(cls):
        cls.drain.stopping = True
        cls.drain.join(2)
        cls.ctx.destroy(linger=0)
        cls.kc.stop_channels()
        if cls.km.is_alive():
            cls.km.shutdown_kernel(now=True)
        cls.log.close()

    # ---- helpers

    def reply_to(self, frames_sent, timeout=10.0):
        """The reply whose parent is the message in frames_sent, from the drain; None after timeout."""
        msg_id = header_of(frames_sent)["msg_id"]
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                frames = self.drain.received.get(timeout=0.1)
            except queue.Empty:
                continue
            try:
                parent = json.loads(frames[frames.index(DELIM) + 3])
            except (ValueError, IndexError):
                continue
            if isinstance(parent, dict) and parent.get("msg_id") == msg_id:
                return frames
        return None

    def execute(self, code, timeout=15.0, **kw):
        """Executes code as a correct client; returns (reply content, seconds, iopub messages of it)."""
        t0 = time.monotonic()
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append, **kw)
        return reply["content"], time.monotonic() - t0, outputs

    def ping(self, timeout=10.0):
        hb = self.connect(zmq.REQ, "hb_port")
        try:
            hb.send(b"ping")
            return hb.poll(int(timeout * 1000)) and hb.recv() == b"ping"
        finally:
            hb.close(linger=0)

    def execute_until_run(self, code, deadline):
        """Executes code, again while it is aborted: a storm cell that failed aborts what waits behind it."""
        while True:
            content, seconds, outputs = self.execute(code, timeout=deadline)
            if content["status"] != "aborted" or seconds >= deadline:
                return content, outputs
            deadline -= seconds

    # ---- the tests, in order

    def test_1_bad_requests_get_error_replies_and_bad_signatures_none(self):
        w = self.wire
        not_json = w.frames(None, parts=[json.dumps(w.header("execute_request")).encode(), b"{}", b"{}", b"{nope"])
        self.shell.send_multipart(not_json)
        reply = self.reply_to(not_json)
        self.assertIsNotNone(reply, "no reply to a signed execute_request whose content is not JSON")
        self.assertEqual(header_of(reply)["msg_type"], "execute_reply")
        self.assertEqual(content_of(reply)["status"], "error")
        self.assertEqual(content_of(reply)["ename"], "BadRequest")

        retyped = w.frames(w.message("complete_request", {"code": {"not": "text"}, "cursor_pos": "x"}))
        self.shell.send_multipart(retyped)
        reply = self.reply_to(retyped)
        self.assertIsNotNone(reply, "no reply to a complete_request with retyped fields")
        self.assertEqual(content_of(reply)["status"], "error")

        on_control = w.frames(w.message("execute_request", {"code": f'System.out.println("{UNSIGNED_MARK}");'}))
        self.control.send_multipart(on_control)
        reply = self.reply_to(on_control)
        self.assertIsNotNone(reply, "no reply to an execute_request on the control channel")
        self.assertEqual(content_of(reply)["ename"], "WrongChannel")

        unsigned = w.frames(w.message("kernel_info_request", {}), signature=b"0" * 64)
        self.shell.send_multipart(unsigned)
        self.assertIsNone(self.reply_to(unsigned, timeout=1.0), "a wrongly signed request was answered")

        # the five messages of issue 11, then a correct client's execute
        header = json.dumps(w.header("execute_request")).encode()
        for frames in (w.frames(w.message("kernel_info_request", {}), signature=w.sign([b"x"], key=b"wrong")),
                       w.frames(None, parts=[b"not json", b"{}", b"{}", b"{}"]),
                       w.frames(None, parts=[json.dumps({"msg_id": "1", "session": "s"}).encode(), b"{}", b"{}", b"{}"]),
                       [DELIM, b"sig", header],
                       w.frames(w.message("kernel_info_request", {}))[1:]):
            self.shell.send_multipart(frames)
        content, seconds, _ = self.execute("warmUp + 1")
        self.assertEqual(content["status"], "ok")
        self.assertLess(seconds, 5.0)

    def test_2_storm_then_everything_still_works(self):
        w, rnd = self.wire, self.wire.rnd
        t0 = time.monotonic()
        sent = {"shell": 0, "control": 0, "other": 0}
        for i in range(SHELL_MESSAGES):
            self.shell.send_multipart(w.storm_message(False))
            sent["shell"] += 1
            if i % 3 == 0:
                self.control.send_multipart(w.storm_message(True))
                sent["control"] += 1
        # garbage for the other sockets: stdin, heartbeat, iopub
        stdin = self.connect(zmq.DEALER, "stdin_port")
        hb = self.connect(zmq.DEALER, "hb_port")
        iopub = self.connect(zmq.XSUB, "iopub_port")
        for _ in range(100):
            stdin.send_multipart(w.storm_message(False))
            hb.send_multipart(w.random_frames())
            iopub.send_multipart(w.random_frames())
            sent["other"] += 3
        # one frame over the limit: ZeroMQ drops that connection, not the kernel
        big = self.connect(zmq.DEALER, "shell_port")
        big.send_multipart(w.frames(w.message("execute_request", {"code": "x" * (MAX_FRAME + 1)})))
        storm_seconds = time.monotonic() - t0

        # the kernel serves a correct client within seconds
        t1 = time.monotonic()
        self.assertTrue(self.ping(), f"no heartbeat after the storm; {SEEDINFO}")
        content, outputs = self.execute_until_run("warmUp + 41", 30)
        catch_up = time.monotonic() - t1
        self.assertEqual(content["status"], "ok", SEEDINFO)
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42", SEEDINFO)
        self.assertLess(catch_up, 20.0, f"the first execute after the storm took {catch_up:.1f} s; {SEEDINFO}")

        # no wrongly signed request ran
        content, _ = self.execute_until_run("fuzzUnsigned", 30)
        self.assertEqual(content["status"], "error", f"a wrongly signed execute_request ran; {SEEDINFO}")
        self.assertFalse(any(UNSIGNED_MARK in json.dumps(m["content"]) for m in outputs), SEEDINFO)
        for s in (stdin, hb, iopub, big):
            s.close(linger=0)
        print(f"storm: {sent} messages sent in {storm_seconds:.1f} s; first execute {catch_up:.1f} s later; "
              f"{self.drain.received.qsize()} replies to the fuzzer")

    def test_3_stdin_still_works(self):
        stdin = self.connect(zmq.DEALER, "stdin_port")
        msg_id = self.kc.execute('new java.util.Scanner(System.in).nextLine().length()', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=15)
        self.assertEqual(request["msg_type"], "input_request", SEEDINFO)
        stdin.send_multipart(self.wire.random_frames())  # garbage while the kernel waits for the answer
        stdin.send_multipart(self.wire.frames(self.wire.message("input_reply", {"value": "wrong key"}),
                                              signature=b"0" * 64))
        self.kc.input("hello")
        reply = self.kc.get_shell_msg(timeout=15)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=15)
        self.assertEqual(reply["content"]["status"], "ok", SEEDINFO)
        stdin.close(linger=0)
        content, _, outputs = self.execute("1")
        self.assertEqual(content["status"], "ok")

    def test_4_interrupt_still_works(self):
        def later():
            time.sleep(1.0)
            self.km.interrupt_kernel()

        threading.Thread(target=later, daemon=True).start()
        content, seconds, _ = self.execute("Thread.sleep(60_000);", timeout=30)
        self.assertEqual(content["status"], "error", SEEDINFO)
        self.assertLess(seconds - 1.0, 3.0, f"the cell ended {seconds - 1.0:.2f} s after the interrupt; {SEEDINFO}")
        content, _, _ = self.execute("warmUp")
        self.assertEqual(content["status"], "ok", SEEDINFO)

    def test_5_shutdown_still_works_and_the_log_is_short(self):
        t0 = time.monotonic()
        msg_id = self.kc.shutdown()
        reply = self.kc.get_control_msg(timeout=10)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_control_msg(timeout=10)
        self.assertEqual(reply["msg_type"], "shutdown_reply", SEEDINFO)
        while self.km.is_alive() and time.monotonic() - t0 < 10:
            time.sleep(0.1)
        seconds = time.monotonic() - t0
        self.assertFalse(self.km.is_alive(), f"the kernel did not exit 10 s after shutdown_request; {SEEDINFO}")
        self.log.flush()
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            lines = [l for l in f if re.match(r"reprolab kernel: (shell|control|stdin): ", l)]
        print(f"shutdown took {seconds:.1f} s; {len(lines)} log lines about bad messages")
        self.assertGreater(len(lines), 0, "bad messages were not logged")
        self.assertLess(len(lines), 25, "the log of bad messages is not rate-limited:\n" + "".join(lines[:30]))


if __name__ == "__main__":
    unittest.main()
