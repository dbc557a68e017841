#!/usr/bin/python3
"""Executes Reprolab's notebooks headlessly and checks them: the notebook regression tests.

    ci/notebooks.py run [NOTEBOOK...]        execute, export HTML, compare with baselines, check verdicts
                                             (--jobs N notebooks at once, default 2)
    ci/notebooks.py baseline [NOTEBOOK...]   execute and (re)write the baselines: the only way to update them

Each notebook runs with the installed ``reprolab-java`` kernel and the quick profile. A notebook fails when a
cell errors (cells tagged ``raises-exception`` excepted), when its outputs differ from its baseline in
``ci/baselines/`` beyond the stated tolerances, or when a paper's verdicts differ from
``reproductions/src/test/resources/expected-verdicts/<id>.properties``. Executed notebooks and their HTML go to
``ci/out/notebooks/``; paper results (written by each notebook's last cell) to ``ci/out/results/``.

Uses only Debian's python3-nbclient, python3-nbformat and python3-nbconvert.
"""
import argparse
import base64
import json
import os
import re
import struct
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BASELINES = ROOT / "ci" / "baselines"
OUT = ROOT / "ci" / "out"
EXPECTED = ROOT / "reproductions" / "src" / "test" / "resources" / "expected-verdicts"
KERNEL = "reprolab-java"
DEFAULT_TOLERANCE = {"rtol": 1e-6, "atol": 1e-9}

# ---------------------------------------------------------------------------------------------- execution


def execute(path, timeout):
    """Runs a notebook; returns (executed notebook, seconds, error or None)."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, startup_timeout=180,
                            resources={"metadata": {"path": str(NOTEBOOKS)}}, record_timing=False)
    t0 = time.time()
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = str(e).strip().splitlines()[-1] if str(e).strip() else repr(e)
        error = first_error(nb) or error
    except Exception as e:  # dead kernel, timeout
        error = f"{type(e).__name__}: {e}"
    return nb, time.time() - t0, error


def first_error(nb):
    for cell in nb.cells:
        if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
            continue
        for o in cell.get("outputs", []):
            if o.output_type == "error":
                return f"cell {cell.get('id')}: {o.ename}: {o.evalue}"
    return None


def export_html(nb, target):
    from nbconvert import HTMLExporter
    body, _ = HTMLExporter().from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")


# ---------------------------------------------------------------------------------------------- normalising

TIME = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\s?(?:ms|µs|us|ns|s|sec|seconds|min)\b")
PATH = re.compile(r"(?:/[\w.@-]+){2,}/?")
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
HASH = re.compile(r"@[0-9a-f]{4,}\b")
COMMIT = re.compile(r"commit [0-9a-f]{7,40}(?:-dirty)?|\b[0-9a-f]{40}\b")
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w])")


def normalise_text(text):
    """Text with times, paths, ids and commits masked, numbers pulled out: (pattern, numbers)."""
    t = text.replace("\r\n", "\n")
    t = TIME.sub("<time>", t)
    t = UUID.sub("<id>", t)
    t = HASH.sub("@<hash>", t)
    t = COMMIT.sub("<commit>", t)
    t = PATH.sub("<path>", t)
    numbers = []

    def take(m):
        numbers.append(float(m.group(0)))
        return "<n>"

    t = NUMBER.sub(take, t)
    t = re.sub(r"[ \t]+", " ", t).strip()
    return t, numbers


def png_size(b64):
    data = base64.b64decode(b64)
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    w, h = struct.unpack(">II", data[16:24])
    return [w, h]


class _Tables(HTMLParser):
    """Shapes of the HTML's tables (rows, widest row) and sizes of its inline PNG images."""

    def __init__(self):
        super().__init__()
        self.tables, self.stack, self.images = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.stack.append([0, 0, 0])
        elif tag == "tr" and self.stack:
            self.stack[-1][0] += 1
            self.stack[-1][2] = 0
        elif tag in ("td", "th") and self.stack:
            self.stack[-1][2] += 1
            self.stack[-1][1] = max(self.stack[-1][1], self.stack[-1][2])
        elif tag == "img":
            src = dict(attrs).get("src", "")
            if src.startswith("data:image/png;base64,"):
                self.images.append(png_size(src.split(",", 1)[1]))

    def handle_endtag(self, tag):
        if tag == "table" and self.stack:
            rows, cols, _ = self.stack.pop()
            self.tables.append([rows, cols])


def html_shape(html):
    p = _Tables()
    p.feed(html)
    return {"tables": p.tables, "images": p.images}


def is_progress(o):
    """A live progress bar: where it lands among the text, and whether it shows, depends on timing."""
    return o.output_type in ("execute_result", "display_data") \
        and o.get("metadata", {}).get("reprolab", {}).get("progress")


def merged_streams(outputs):
    """Outputs without progress bars and with consecutive stream outputs of one name joined, as Jupyter shows
    and saves them: how the kernel splits a cell's text into messages depends on timing (it sends what waits
    every 50 ms), and so does where a progress bar falls between two pieces of text."""
    merged = []
    for o in outputs:
        if is_progress(o):
            continue
        if o.output_type == "stream" and merged and merged[-1].output_type == "stream" \
                and merged[-1].name == o.name:
            merged[-1] = type(o)({**merged[-1], "text": merged[-1].text + o.text})
        else:
            merged.append(o)
    return merged


def merged_stream_signatures(sig):
    """A stored signature with consecutive stream entries of one name joined (baselines written before the
    kernel batched its output have one entry per line)."""
    merged = []
    for e in sig:
        if e["type"] == "stream" and merged and merged[-1]["type"] == "stream" and merged[-1]["name"] == e["name"]:
            merged[-1] = {**merged[-1], "text": merged[-1]["text"] + "\n" + e["text"],
                          "numbers": merged[-1]["numbers"] + e["numbers"]}
        else:
            merged.append(e)
    return merged


def signature(cell):
    """What the comparer checks of one code cell's outputs."""
    sig = []
    for o in merged_streams(cell.get("outputs", [])):
        kind = o.output_type
        if kind == "stream":
            pattern, numbers = normalise_text(o.text)
            sig.append({"type": "stream", "name": o.name, "text": pattern, "numbers": numbers})
        elif kind in ("execute_result", "display_data"):
            data = o.get("data", {})
            entry = {"type": kind}
            if "image/png" in data:
                entry["png"] = png_size(data["image/png"])
            if "text/html" in data:
                entry["html"] = html_shape(data["text/html"])
            if "text/plain" in data and "image/png" not in data:
                entry["text"], entry["numbers"] = normalise_text(data["text/plain"])
            sig.append(entry)
        elif kind == "error":
            sig.append({"type": "error", "ename": o.ename})
    return sig


def signatures(nb):
    cells = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            tags = cell.metadata.get("tags", [])
            cells[cell.id] = {"ignored": True} if "ignore-output" in tags else {"outputs": signature(cell)}
    return cells


# ---------------------------------------------------------------------------------------------- comparing


def close(a, b, tol):
    return abs(a - b) <= tol["atol"] + tol["rtol"] * abs(b)


def compare(nb, baseline, numbers=True):
    """Differences between an executed notebook and its baseline, as one line each; numbers=False compares the
    outputs' kinds, texts and shapes but not their numbers."""
    problems = []
    default = baseline.get("tolerance", DEFAULT_TOLERANCE)
    actual = signatures(nb)
    for cid, want in baseline["cells"].items():
        if cid not in actual:
            problems.append(f"cell {cid}: missing from the notebook")
            continue
        if want.get("ignored"):
            continue
        tol = {**default, **want.get("tolerance", {})}
        got = actual[cid].get("outputs", [])
        exp = merged_stream_signatures(want["outputs"])
        if len(got) != len(exp):
            problems.append(f"cell {cid}: {len(got)} outputs, baseline has {len(exp)} "
                            f"({[o['type'] for o in got]} vs {[o['type'] for o in exp]})")
            continue
        for i, (g, e) in enumerate(zip(got, exp)):
            where = f"cell {cid} output {i} ({e['type']})"
            for key in ("type", "name", "ename", "png", "html", "text"):
                if g.get(key) != e.get(key):
                    problems.append(f"{where}: {key} {short(g.get(key))} != baseline {short(e.get(key))}")
            gn, en = g.get("numbers", []), e.get("numbers", [])
            if not numbers:
                continue
            if len(gn) != len(en):
                problems.append(f"{where}: {len(gn)} numbers, baseline has {len(en)}")
            else:
                for j, (x, y) in enumerate(zip(gn, en)):
                    if not close(x, y, tol):
                        problems.append(f"{where}: number {j} is {x:g}, baseline {y:g} "
                                        f"(rtol {tol['rtol']:g}, atol {tol['atol']:g})")
    for cid in actual:
        if cid not in baseline["cells"]:
            problems.append(f"cell {cid}: not in the baseline (run 'ci/notebooks.py baseline')")
    return problems


def short(v, n=140):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= n else s[: n - 3] + "..."


def write_baseline(nb, target, old):
    cells = signatures(nb)
    if old:  # keep the stated tolerances
        for cid, c in old.get("cells", {}).items():
            if cid in cells and "tolerance" in c:
                cells[cid]["tolerance"] = c["tolerance"]
    doc = {"notebook": target.stem, "kernel": KERNEL, "profile": "quick",
           "tolerance": old.get("tolerance", DEFAULT_TOLERANCE) if old else DEFAULT_TOLERANCE, "cells": cells}
    target.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------- verdicts


def expected_verdicts(paper):
    """The pinned verdicts of a paper: {claim id: PASS | FAIL | INCONCLUSIVE}."""
    expected = {}
    for line in (EXPECTED / f"{paper}.properties").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            expected[k.strip()] = v.strip()
    return expected


def numerics(paper, results):
    """(deterministic, summary) of a paper's run, from the engine line its result.json records."""
    f = results / paper / "result.json"
    if not f.exists():
        return True, ""
    n = json.loads(f.read_text(encoding="utf-8")).get("engine", {}).get("numerics") or {}
    return bool(n.get("deterministic", False)), n.get("summary", "no numerics recorded")


def check_verdicts(paper, results):
    """Differences between a paper's verdicts and its pinned ones (expected-verdicts/<id>.properties), one line
    each: a flipped verdict, an unpinned claim, or a pinned claim the run did not report."""
    f = results / paper / "result.json"
    if not f.exists():
        return [f"{paper}: no {f.relative_to(ROOT)} (the notebook's last cell writes it)"]
    r = json.loads(f.read_text(encoding="utf-8"))
    problems = []
    if not r.get("complete"):
        problems.append(f"{paper}: not every step ran")
    expected = expected_verdicts(paper)
    for missing in sorted(set(expected) - {v["claimId"] for v in r["verdicts"]}):
        problems.append(f"{paper}.{missing} is pinned but the run reported no verdict for it")
    for v in r["verdicts"]:
        key = v["claimId"]
        got = v["outcome"]
        e = v.get("estimate") or {}
        measured = f"{e.get('value')} [{e.get('lo')}, {e.get('hi')}] {v.get('detail', '')}"
        if want := expected.get(key):
            if want != got:
                problems.append(f"{paper}.{key} expected {want}, got {got}: {measured} (criterion {v.get('criterion')})")
        else:
            problems.append(f"{paper}.{key} has no expected verdict; it measured {got} {measured}")
    return problems


def papers():
    """Paper ids (each has its pinned verdicts; a notebook named after the id runs the paper)."""
    return {f.stem for f in EXPECTED.glob("*.properties")}


def check(command, name, nb, error, nb_out, results, with_paper):
    """Writes the executed notebook and its HTML, then compares it (run) or records it (baseline)."""
    nbformat.write(nb, nb_out / f"{name}.ipynb")
    export_html(nb, nb_out / f"{name}.html")
    problems = [f"execution: {error}"] if error else []
    baseline_file = BASELINES / f"{name}.json"
    if command == "baseline":
        if error:
            print(f"  not writing the baseline: {error}")
        else:
            BASELINES.mkdir(parents=True, exist_ok=True)
            old = json.loads(baseline_file.read_text(encoding="utf-8")) if baseline_file.exists() else None
            write_baseline(nb, baseline_file, old)
            print(f"  wrote {baseline_file.relative_to(ROOT)}")
    elif not baseline_file.exists():
        problems.append(f"no baseline {baseline_file.relative_to(ROOT)}; write it with 'ci/notebooks.py baseline {name}'")
    elif not error:
        deterministic, how = numerics(name, results)
        if not deterministic:
            # Off the numerics contract (no AVX2, fast mode): the digits may differ, the verdicts may not.
            print(f"  numbers not compared ({how}); verdicts and output shapes are")
        problems += compare(nb, json.loads(baseline_file.read_text(encoding="utf-8")), numbers=deterministic)
    if name in with_paper and not error:
        problems += check_verdicts(name, results)
    return problems


# ---------------------------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["run", "baseline"])
    ap.add_argument("notebooks", nargs="*", help="names or paths (default: every notebook in notebooks/)")
    ap.add_argument("--timeout", type=int, default=int(os.environ.get("REPROLAB_CELL_TIMEOUT", "1800")),
                    help="seconds per cell (default: $REPROLAB_CELL_TIMEOUT or 1800)")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("REPROLAB_NOTEBOOK_JOBS", "2")),
                    help="notebooks executed at once (default: $REPROLAB_NOTEBOOK_JOBS or 2)")
    args = ap.parse_args()

    paths = [Path(n) if n.endswith(".ipynb") else NOTEBOOKS / f"{n}.ipynb" for n in args.notebooks] \
        or sorted(NOTEBOOKS.glob("*.ipynb"))
    nb_out, results = OUT / "notebooks", OUT / "results"
    nb_out.mkdir(parents=True, exist_ok=True)
    results.mkdir(parents=True, exist_ok=True)
    os.environ["REPROLAB_PROFILE"] = "quick"
    os.environ["REPROLAB_NOTEBOOK_OUT"] = str(results)
    os.environ.setdefault("REPROLAB_CELL_TIMEOUT", str(args.timeout))
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    os.environ.setdefault("REPROLAB_GIT_COMMIT", commit)

    with_paper = papers()
    passed, failed, timings = 0, 0, []
    # Deterministic runs compute on one thread each, so two notebooks at a time use both cores of a CI machine.
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        runs = [(path, pool.submit(execute, path, args.timeout)) for path in paths]
        for path, run in runs:
            name = path.stem
            print(f"== {name}", flush=True)
            nb, seconds, error = run.result()
            timings.append((name, seconds))
            problems = check(args.command, name, nb, error, nb_out, results, with_paper)
            for p in problems:
                print(f"  FAIL {p}")
            print(f"  {name}: {'failed' if problems else 'passed'} in {seconds:.1f} s "
                  f"(HTML: {(nb_out / (name + '.html')).relative_to(ROOT)})", flush=True)
            if problems:
                failed += 1
            else:
                passed += 1
    print("notebook timings: " + ", ".join(f"{n} {s:.1f} s" for n, s in timings))
    print(f"notebooks: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
