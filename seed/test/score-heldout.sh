#!/bin/sh
# Extracts a held-out set's articles/ and scores them against its gold/ with the official scorer.
# Usage (from anywhere): sh seed/test/score-heldout.sh heldout2 [--verbose]
set -e
test -n "$1" || { echo "usage: sh seed/test/score-heldout.sh heldoutN [--verbose]" >&2; exit 2; }
here=$(cd "$(dirname "$0")/$1" && pwd)
shift
root=$(cd "$here/../../.." && pwd)
out=$(mktemp /tmp/heldout-pred.XXXXXX.json)
cd "$root"
pnpm -s seed extract --out "$out" "$here/articles" >/dev/null
node "${SCORER:-$root/../shared/eval/score.mjs}" --gold "$here/gold" --pred "$out" --articles "$here/articles" "$@"
rm -f "$out"
