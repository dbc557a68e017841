#!/usr/bin/env bash
# Benchmark: one training epoch of an MLP 784-256-256-10 on Fashion-MNIST (batch 128, SGD lr 0.05, shuffled),
# Reprolab's TrainingLoop against the same model and loop in PyTorch (Debian python3-torch), both on 2
# intra-op threads, run alternately, each epoch timed inside its process. Usage: ci/bench/epoch.sh [rounds] [epochs]
# Writes ci/bench/results/epoch.json and prints a summary: median epoch time (epochs after the first, which
# includes JIT and allocator warm-up, reported separately), the ratio, and peak RSS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds=${1:-5}
epochs=${2:-4}
jar=reproductions/target/reprolab.jar

dpkg-query -W -f='${Status}' python3-torch 2>/dev/null | grep -q "install ok installed" || {
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
}
[ -f "$jar" ] || mvn -B -q package -DskipTests

mkdir -p ci/bench/results
log=$(mktemp)
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=2 BENCH_THREADS=2 REPROLAB_THREADS=2
for r in $(seq "$rounds"); do
    # The same JVM flags as ./reprolab,
    read -r -a opts < ci/jvm-options
    # and its OpenMP spin limit; PyTorch runs with its defaults, as its users get them.
    GOMP_SPINCOUNT="${GOMP_SPINCOUNT:-1000}" java "${opts[@]}" -cp "$jar" ci/bench/EpochBenchmark.java "$epochs" | sed "s/^{/{\"round\": $r, /" >> "$log"
    /usr/bin/python3 ci/bench/epoch_torch.py "$epochs" | sed "s/^{/{\"round\": $r, /" >> "$log"
done
/usr/bin/python3 ci/bench/summarize_epochs.py "$log" ci/bench/results/epoch.json
rm -f "$log"
