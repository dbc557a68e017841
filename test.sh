#!/usr/bin/env bash
# Quick start, command 2: installs what the tests need (as setup.sh does, without running the papers), then
# runs the whole test suite: the unit tests and the quick profile of every paper without a notebook (Maven),
# every notebook executed headlessly in the reprolab-java kernel and compared with its baseline and expected
# verdicts (ci/notebooks.py), the notebooks in a real browser (ci/test_browser.js: Jupyter Notebook and chromium),
# the kernel's Jupyter protocol conformance (jupyter_kernel_test), behaviour and protocol fuzz tests, and a seed
# sweep on a one-node Slurm (ci/test_slurm.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

ci/install.sh
mvn -B verify
rc=0
/usr/bin/python3 ci/notebooks.py run || rc=1
./reprolab site --out ci/out/site || rc=1
node ci/test_browser.js || rc=1
/usr/bin/python3 -m pytest -q -p no:cacheprovider ci/test_kernel_conformance.py ci/test_kernel_behaviour.py \
    ci/test_kernel_fuzz.py || rc=1
ci/test_slurm.sh || rc=1
if [ "$rc" -ne 0 ]; then
    echo "test: notebook, browser, kernel or Slurm tests failed" >&2
    exit "$rc"
fi
echo "test: all tests passed"
