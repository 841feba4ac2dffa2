#!/bin/sh
# Held-out set: extract the articles in articles/ and score them against gold/.
# Usage (from anywhere): sh seed/test/heldout/score.sh [--verbose]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=$(mktemp /tmp/heldout-pred.XXXXXX.json)
cd "$root"
pnpm -s seed extract --out "$out" "$here/articles" >/dev/null
node "${SCORER:-$root/../shared/eval/score.mjs}" --gold "$here/gold" --pred "$out" --articles "$here/articles" "$@"
rm -f "$out"
