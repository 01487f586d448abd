#!/usr/bin/env bash
# Times one hygen generator with 5 prompts, the plan-dev that plandev ships in hygen format
# (plandev new --copy-hygen plan-dev), run by hygen 6.2.11 (pinned by .ci/hygen, installed by
# .ci/hygen.sh) and by `plandev new plan-dev new --yes`, whole processes, both warm. A benchmark,
# not a test: it prints numbers and asserts nothing. The machine's load is printed with them:
# on a shared machine the figures vary from run to run, compare the two of one run.
#
#   bench/hygen/compare.sh [RUNS]     (from anywhere; plandev runs through the ./plandev launcher,
#                                      which builds the jar and its start-up archive when stale)
#
# hygen has no --yes: without a terminal it can only run with every prompt answered by an option,
# so both get the same five options. plandev is also timed with the title only, the four other
# answers being the engine's predictions (its usual use).
#
# plandev runs two ways, both through ./plandev: in a JVM of its own (PLANDEV_DAEMON=off), and
# through a daemon (plandev daemon start) that this script starts in a private temporary folder
# (PLANDEV_DAEMON_DIR) and stops at the end. The three outputs are compared.
# Uses hyperfine when installed, else a loop timed with date +%s%N.
set -euo pipefail

RUNS="${1:-10}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PLANDEV="$ROOT/plandev"
HYGEN="$(bash "$ROOT/.ci/hygen.sh")"

WORK="$(mktemp -d)"
export PLANDEV_DAEMON_DIR="$WORK/daemon"
trap '"$PLANDEV" daemon stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/hygen" "$WORK/plandev" "$WORK/daemon-run"
(cd "$WORK/hygen" && PLANDEV_DAEMON=off "$PLANDEV" --data "$WORK/data" new --copy-hygen plan-dev >/dev/null)
cp -r "$WORK/hygen/_templates" "$WORK/plandev/"
cp -r "$WORK/hygen/_templates" "$WORK/daemon-run/"

ANSWERS="--title 'Cache Redis à deux niveaux' --version v2026-01 --description 'Une phrase.' --phases 5 --author bench"
HYGEN_CMD="cd '$WORK/hygen' && HYGEN_OVERWRITE=1 '$HYGEN' plan-dev new $ANSWERS >/dev/null 2>&1 </dev/null"
PLANDEV_CMD="cd '$WORK/plandev' && PLANDEV_DAEMON=off '$PLANDEV' --data '$WORK/data' new plan-dev new --yes --force $ANSWERS >/dev/null"
PLANDEV_LEARNED_CMD="cd '$WORK/plandev' && PLANDEV_DAEMON=off '$PLANDEV' --data '$WORK/data' new plan-dev new --yes --force --title 'Cache Redis' >/dev/null"
DAEMON_CMD="cd '$WORK/daemon-run' && '$PLANDEV' --data '$WORK/data' new plan-dev new --yes --force $ANSWERS >/dev/null"

# Warm-up: the launcher builds the jar and its start-up archive if they are stale, the store is
# created once, and both read their files once into the page cache.
for _ in 1 2; do bash -c "$HYGEN_CMD"; bash -c "$PLANDEV_CMD"; done
"$PLANDEV" daemon start >/dev/null
# The daemon's JIT compiles the hot paths over its first runs: warm it as a day's use would.
for _ in $(seq 1 20); do bash -c "$DAEMON_CMD"; done
"$PLANDEV" daemon status | grep -q 'requests served: 20' \
  || { echo "the daemon did not serve the warm-up runs:" >&2; "$PLANDEV" daemon status >&2; exit 1; }

echo "hygen:   $(node -p "require('$(dirname "$HYGEN")/../hygen/package.json').version"), node $(node --version)"
echo "plandev: $("$PLANDEV" --version) via ./plandev, $(java -version 2>&1 | head -1)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (1/5/15 min) on $(nproc) cores"
same() { cmp -s "$(ls "$WORK"/hygen/roadmaps/plans/*.md)" "$(ls "$WORK/$1"/roadmaps/plans/*.md)"; }
same plandev && same daemon-run && echo "outputs: identical (hygen, plandev, plandev via the daemon)" \
  || echo "outputs: DIFFERENT"

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$RUNS" -n hygen "$HYGEN_CMD" -n plandev "$PLANDEV_CMD" \
    -n "plandev (title only)" "$PLANDEV_LEARNED_CMD" -n "plandev (daemon)" "$DAEMON_CMD"
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
  printf '%-22s mean %5d ms   min %5d ms   (%d runs, hyperfine not installed)\n' "$1" $((total / RUNS)) "$min" "$RUNS"
}
# Interleaved rounds, so that a change of load hits both alike.
for round in 1 2 3; do
  echo "round $round (load $(cut -d' ' -f1 /proc/loadavg))"
  time_it hygen "$HYGEN_CMD"
  time_it plandev "$PLANDEV_CMD"
  time_it "plandev (title only)" "$PLANDEV_LEARNED_CMD"
  time_it "plandev (daemon)" "$DAEMON_CMD"
done
"$PLANDEV" daemon status | sed -n 's/^requests /daemon:  requests /p'
