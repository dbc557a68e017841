#!/usr/bin/env bash
# Usage: ci/apt-install.sh WHO PACKAGE...: installs those of the Debian packages that are not installed yet
# (apt-get, as root or through sudo); WHO prefixes its messages. Used by ci/install.sh and ci/test_slurm.sh.
set -euo pipefail
who=$1
shift
missing=()
for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -gt 0 ] || exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
echo "$who: apt-get install ${missing[*]}"
$sudo apt-get update -qq || { echo "$who: apt-get update failed" >&2; exit 1; }
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
    echo "$who: apt-get install ${missing[*]} failed; run it by hand to see why" >&2
    exit 1
}
