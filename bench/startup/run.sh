#!/usr/bin/env bash
# Times the start-up-bound commands of issue 6 through the launcher (./plandev), JVM start
# included: status --json on the largest corpus plan (target < 0.8 s), sync --check over the
# whole corpus (< 3 s), and new plan-dev on the embedded store. A benchmark, not a test: it prints
# numbers and asserts nothing. Needs hyperfine (apt-get install -y hyperfine).
#
#   bench/startup/run.sh [RUNS]            (from anywhere; ../shared must sit beside the checkout)
#   PLANDEV_CDS=off bench/startup/run.sh   (the same without the start-up archive, for comparison)
set -euo pipefail

RUNS="${1:-10}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CORPUS="$ROOT/../shared/corpus/plans"
[ -d "$CORPUS" ] || { echo "missing $CORPUS: put the shared data beside the checkout" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install -y hyperfine" >&2; exit 2; }
BIG="$CORPUS/$(ls -S "$CORPUS" | head -1)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$ROOT/plandev" --version >/dev/null # builds the jar and the archive when they are stale
echo "plandev: $("$ROOT/plandev" --version), $(java -version 2>&1 | head -1), CDS ${PLANDEV_CDS:-on}"
echo "largest plan: $(basename "$BIG") ($(($(wc -c <"$BIG") / 1024)) KB)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; figures are only comparable on an idle machine)"

# sync --check exits 1 when some progress line is stale: that is a result, not a failure here.
cd "$WORK"
hyperfine -N --warmup 2 --runs "$RUNS" -i \
  -n "version" "$ROOT/plandev --version" \
  -n "status --json (largest plan)" "$ROOT/plandev status $BIG --json" \
  -n "sync --check (corpus)" "$ROOT/plandev sync --check $CORPUS" \
  -n "new plan-dev" "$ROOT/plandev --data $WORK/data new plan-dev --yes --force --set title=X"
