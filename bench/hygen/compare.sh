#!/usr/bin/env bash
# Times plan generation: the users' hygen template (npx hygen, from the npm registry) against
# `plandev new plan-dev --yes`. A benchmark, not a test: it prints numbers and asserts nothing.
#
#   bench/hygen/compare.sh [RUNS]     (from anywhere; plandev runs through the ./plandev launcher,
#                                      which builds the jar and its start-up archive when stale)
# Uses hyperfine when installed, else a loop timed with date +%s%N.
set -euo pipefail

RUNS="${1:-10}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PLANDEV="$ROOT/plandev"
TITLE="Cache Redis à deux niveaux"
command -v npx >/dev/null || { echo "npx (Node.js) is needed for hygen" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/hygen" "$WORK/plandev"
cp -r "$ROOT/bench/hygen/_templates" "$WORK/hygen/"

HYGEN_CMD="cd '$WORK/hygen' && npx --yes hygen plan-dev new --title '$TITLE' --phases 5 --author bench >/dev/null 2>&1"
PLANDEV_CMD="cd '$WORK/plandev' && '$PLANDEV' --data '$WORK/plandev/data' new plan-dev --lang fr --yes --force --set 'title=$TITLE' --set phases=5 --set author=bench >/dev/null"

# Warm-up: npx fetches hygen once into its cache; the launcher builds the jar and its start-up
# archive if they are stale, and the SQLite store is created once.
bash -c "$HYGEN_CMD"
bash -c "$PLANDEV_CMD"

HYGEN_PKG="$(ls -t "$HOME"/.npm/_npx/*/node_modules/hygen/package.json 2>/dev/null | head -1)"
echo "hygen:   ${HYGEN_PKG:+$(node -p "require('$HYGEN_PKG').version")} via npx, node $(node --version)"
echo "plandev: $("$PLANDEV" --version) via ./plandev, $(java -version 2>&1 | head -1)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (1/5/15 min; figures are only comparable on an idle machine)"
echo "outputs: hygen $(wc -l < "$(ls "$WORK"/hygen/roadmaps/plans/*.md)") lines, plandev $(wc -l < "$(ls "$WORK"/plandev/roadmaps/plans/*.md)") lines"

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$RUNS" -n hygen "$HYGEN_CMD" -n plandev "$PLANDEV_CMD"
  exit 0
fi

time_it() { # name command
  local start end total=0 min=0 i ms
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    bash -c "$2"
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    total=$((total + ms))
    if ((i == 0 || ms < min)); then min=$ms; fi
  done
  printf '%-8s mean %5d ms   min %5d ms   (%d runs, hyperfine not installed)\n' "$1" $((total / RUNS)) "$min" "$RUNS"
}
time_it hygen "$HYGEN_CMD"
time_it plandev "$PLANDEV_CMD"
