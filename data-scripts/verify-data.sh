#!/usr/bin/env bash
# Checks dataset files against the SHA-256 manifest the library uses. Usage: data-scripts/verify-data.sh [dataset...]
# Exit 1 with one line per problem: the file, its checksum and the expected one, and how to fix it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
manifest="$here/../library/src/main/resources/org/reprolab/data/datasets.sha256"
data="${REPROLAB_DATA:-$HOME/.reprolab/data}"

fallback() {
    case "$1" in
        fashion-mnist) echo /usr/share/datasets/fashion-mnist ;;
        sklearn) echo /usr/lib/python3/dist-packages/sklearn/datasets/data ;;
        skimage) echo /usr/lib/python3/dist-packages/skimage/data ;;
        fortunes) echo /usr/share/games/fortunes ;;
        *) echo "" ;;
    esac
}
fix() {
    case "$1" in
        fashion-mnist) echo "sudo apt-get install --reinstall dataset-fashion-mnist" ;;
        sklearn) echo "sudo apt-get install --reinstall python3-sklearn" ;;
        skimage) echo "sudo apt-get install --reinstall python3-skimage" ;;
        fortunes) echo "sudo apt-get install --reinstall fortunes" ;;
        *) echo "rm -rf '$data/$1' && $here/get-data.sh $1" ;;
    esac
}

bad=0; checked=0
while read -r sum key; do
    case "$sum" in ''|'#'*) continue ;; esac
    set_name=${key%%/*}
    if [ $# -gt 0 ] && [[ " $* " != *" $set_name "* ]]; then continue; fi
    file="$data/$key"
    if [ ! -f "$file" ] && [ -n "$(fallback "$set_name")" ]; then file="$(fallback "$set_name")/${key#*/}"; fi
    if [ ! -f "$file" ]; then
        echo "verify-data: $key missing (looked for $file); install with: $here/get-data.sh $set_name" >&2
        bad=1; continue
    fi
    actual=$(sha256sum "$file" | cut -d' ' -f1)
    if [ "$actual" != "$sum" ]; then
        echo "verify-data: $file is corrupt: SHA-256 $actual, expected $sum; fix with: $(fix "$set_name")" >&2
        bad=1; continue
    fi
    checked=$((checked + 1))
done < "$manifest"
[ $bad -eq 0 ] || exit 1
echo "verify-data: $checked files intact"
