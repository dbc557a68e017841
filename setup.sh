#!/usr/bin/env bash
# Quick start, command 1: installs everything (system packages, datasets, build), runs every reproduction's
# quick profile and writes the report. Failed claims are reported, not treated as a set-up failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

ci/install.sh
rc=0
./reprolab run all --profile quick --out out || rc=$?
if [ "$rc" -gt 1 ]; then
    echo "setup: 'reprolab run all' failed (exit $rc)" >&2
    exit "$rc"
fi
echo
echo "Report: $(pwd)/out/index.html"
