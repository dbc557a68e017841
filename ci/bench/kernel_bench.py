#!/usr/bin/python3
"""Benchmarks of the reprolab-java kernel, the numbers quoted in the README.

    ci/bench/kernel_bench.py [--starts 5] [--cells 30] [--runs 3] [--skip-repro]

1. kernel start to the first execute_reply ("1 + 1"), cold JVM each time (median of --starts);
2. round trip of a trivial cell ("1") on a warm kernel, execute_request to execute_reply (median of --cells);
3. %repro run selu --profile quick in a fresh kernel against ./reprolab run selu --profile quick (medians of
   --runs each; both include loading PyTorch).

Targets: start under 3 s, round trip under 50 ms, kernel within 10% of the CLI. The load average is printed
with the numbers: other processes on a 2-core machine inflate them. Results also go to ci/out/bench.json.
"""
import argparse
import resource
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parents[2]
KERNEL = "reprolab-java"


def execute(kc, code, timeout=600):
    """Sends code; returns seconds to its execute_reply and the reply."""
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return time.perf_counter() - t0, reply


def cpu_seconds(km):
    """User plus system CPU time of the kernel's process so far (all its threads), from /proc."""
    pid = km.provisioner.process.pid
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu_seconds(km, name):
    """CPU time of the kernel's threads called {name} (the shell thread compiles and runs every request)."""
    total = 0
    for t in Path(f"/proc/{km.provisioner.process.pid}/task").iterdir():
        try:
            st = (t / "stat").read_text()
        except OSError:
            continue
        if st[st.index("(") + 1:st.rindex(")")] == name:
            f = st.rsplit(")", 1)[1].split()
            total += int(f[11]) + int(f[12])
    return total / os.sysconf("SC_CLK_TCK")


def start():
    km = KernelManager(kernel_name=KERNEL)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    _, reply = execute(kc, "1 + 1")
    elapsed = time.perf_counter() - t0
    assert reply["content"]["status"] == "ok", reply["content"]
    return km, kc, elapsed


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--cells", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-repro", action="store_true")
    args = ap.parse_args()
    out = {"load_before": load(), "cores": os.cpu_count()}

    starts, start_cpu = [], []
    for _ in range(args.starts):
        km, kc, s = start()
        starts.append(s)
        start_cpu.append(cpu_seconds(km))
        stop(km, kc)
    out["start_to_first_reply_s"] = {"median": statistics.median(starts), "all": starts,
                                     "kernel_cpu_s_median": statistics.median(start_cpu)}
    print(f"kernel start to first execute_reply: median {statistics.median(starts):.2f} s "
          f"({', '.join(f'{s:.2f}' for s in starts)}); kernel CPU time by then: median "
          f"{statistics.median(start_cpu):.2f} s (all threads)", flush=True)

    km, kc, _ = start()
    for _ in range(5):
        execute(kc, "1")
    cpu0, shell0 = cpu_seconds(km), thread_cpu_seconds(km, "Shell")
    trips = [execute(kc, "1")[0] for _ in range(args.cells)]
    cpu_per_cell = (cpu_seconds(km) - cpu0) / args.cells
    shell_per_cell = (thread_cpu_seconds(km, "Shell") - shell0) / args.cells
    stop(km, kc)
    out["trivial_cell_round_trip_ms"] = {"median": 1000 * statistics.median(trips), "min": 1000 * min(trips),
                                         "max": 1000 * max(trips), "kernel_cpu_ms_per_cell": 1000 * cpu_per_cell,
                                         "shell_thread_cpu_ms_per_cell": 1000 * shell_per_cell}
    print(f"trivial cell round trip: median {1000 * statistics.median(trips):.1f} ms "
          f"(min {1000 * min(trips):.1f}, max {1000 * max(trips):.1f}, {args.cells} cells); "
          f"kernel CPU per cell {1000 * cpu_per_cell:.1f} ms, of which the shell thread (the request's own path) "
          f"{1000 * shell_per_cell:.1f} ms", flush=True)

    if not args.skip_repro:
        kernel_runs, cli_runs, kernel_cpu, cli_cpu = [], [], [], []
        with tempfile.TemporaryDirectory() as tmp:
            for _ in range(args.runs):
                km, kc, _ = start()
                c0 = cpu_seconds(km)
                s, reply = execute(kc, "%repro run selu --profile quick", timeout=3600)
                assert reply["content"]["status"] == "ok", reply["content"]
                kernel_runs.append(s)
                kernel_cpu.append(cpu_seconds(km) - c0)
                stop(km, kc)
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run([str(ROOT / "reprolab"), "run", "selu", "--profile", "quick", "--out", tmp,
                                "--no-report"], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                cli_runs.append(time.perf_counter() - t0)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cli_cpu.append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
        k, c = statistics.median(kernel_runs), statistics.median(cli_runs)
        kc_, cc_ = statistics.median(kernel_cpu), statistics.median(cli_cpu)
        out["selu_quick_s"] = {"kernel_median": k, "cli_median": c, "ratio": k / c, "kernel": kernel_runs,
                               "cli": cli_runs, "kernel_cpu_median": kc_, "cli_cpu_median": cc_,
                               "cpu_ratio": kc_ / cc_}
        print(f"%repro run selu --profile quick: kernel median {k:.1f} s, CLI median {c:.1f} s (JVM start "
              f"included), ratio {k / c:.3f}; CPU time kernel {kc_:.1f} s, CLI {cc_:.1f} s, ratio {kc_ / cc_:.3f} "
              f"({args.runs} runs each)", flush=True)

    out["load_after"] = load()
    print(f"load average before: {out['load_before']}, after: {out['load_after']} ({os.cpu_count()} cores)")
    target = ROOT / "ci" / "out" / "bench.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
