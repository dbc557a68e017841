#!/usr/bin/env bash
# Quick start, command 2: installs what the tests need (as setup.sh does, without running the papers), then
# runs the whole test suite: unit tests and every reproduction's quick profile against its expected verdicts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

ci/install.sh
mvn -B verify
echo "test: all tests passed"
