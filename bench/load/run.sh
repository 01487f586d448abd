#!/usr/bin/env bash
# Load benchmark (not a test): starts plandev serve on a fresh SQLite store, seeds 100,000 entries
# (10,000 keys x 10 contexts) and some usage history, then runs the v39 scenarios with wrk and
# prints one RESULT line per scenario: rps, p50/p95/p99 and errors, then the service's peak
# resident memory (VmHWM of the java process) as "RESULT rss".
#   bench/load/run.sh [DURATION] [CONNECTIONS]      (defaults: 30s, 64; wrk -t2)
# Extra settings for the service: PLANDEV_SERVE_OPTS="-o redis.enabled=true"; JVM options for the
# service only (a GC log, a flight recording): PLANDEV_SERVE_JAVA_OPTS="-Xlog:gc:file=gc.log"; with
# -XX:NativeMemoryTracking=summary among them, MEMORY lines say where the resident memory went.
# Only some scenarios: SCENARIOS="resolve mix" (default: resolve mix batch predict; "writes",
# single upserts only, is also there)
# Before them, a warm-up that is not measured (WARMUP=20s by default; WARMUP=0 skips it) reads
# every seeded resolve slot once, so the scenarios measure a service that has been up a while.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
duration="${1:-30s}"
conns="${2:-64}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 1; }

data="$(mktemp -d)"
port="${PLANDEV_PORT:-18080}"
plandev=("$repo/plandev" --data "$data" -o server.rateLimit=0)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT

key="$("${plandev[@]}" ${PLANDEV_SERVE_OPTS:-} keys create load --role editor 2>/dev/null)"
PLANDEV_JAVA_OPTS="${PLANDEV_SERVE_JAVA_OPTS:-${PLANDEV_JAVA_OPTS:-}}" \
  "${plandev[@]}" ${PLANDEV_SERVE_OPTS:-} serve --port "$port" > "$data/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/ready" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/ready" >/dev/null || { cat "$data/serve.log"; exit 1; }

echo "seeding 100,000 entries ..." >&2
python3 - "$port" "$key" <<'PY'
import json, sys, urllib.request
port, key = sys.argv[1], sys.argv[2]
def post(path, body):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)
items = []
for k in range(10000):
    items.append({"key": f"svc.key{k}", "value": f"g{k}"})
    for p in ("web", "api", "cli"):
        items.append({"key": f"svc.key{k}", "value": f"{p}{k}", "context": {"project": p}})
        for e in ("dev", "prod"):
            items.append({"key": f"svc.key{k}", "value": f"{p}{e}{k}", "context": {"project": p, "env": e}})
    if len(items) >= 1000:
        post("/api/v1/defaults/batch", {"items": items[:1000], "atomic": True}); items = items[1000:]
if items:
    post("/api/v1/defaults/batch", {"items": items, "atomic": True})
for i in range(400):
    post("/api/v1/defaults/feedback", {"key": "plan.author", "value": ["Ada", "Bob", "Eve"][i % 3],
        "context": {"user": ["ada", "bob", "eve", "zoe"][i % 4], "repo": f"r{i % 20}"}})
PY

export PLANDEV_KEY="$key" PLANDEV_LOAD_DIR="$here"
warmup="${WARMUP:-20s}"
if [[ "$warmup" != 0 ]]; then
  echo "warming up for $warmup (every resolve slot once, then a mix of reads) ..." >&2
  PLANDEV_WARMUP_THREADS=2 wrk -t2 -c16 -d"$warmup" -s "$here/warmup.lua" "http://127.0.0.1:$port" \
    | grep '^RESULT' || true
fi
for scenario in ${SCENARIOS:-resolve mix batch predict}; do
  wrk -t2 -c"$conns" -d"$duration" -s "$here/$scenario.lua" "http://127.0.0.1:$port" | grep '^RESULT' || true
done

# The JVM's pid: the launcher execs java, so normally the job's own pid; if something in between
# forks instead, the first java process below it.
java_pid() {
  local pid="$1" child
  [[ "$(readlink "/proc/$pid/exe" 2>/dev/null)" == */java ]] && { echo "$pid"; return 0; }
  for child in $(pgrep -P "$pid" 2>/dev/null); do
    java_pid "$child" && return 0
  done
  return 1
}
# Peak and current resident set of the service since it started (Linux /proc only).
if pid="$(java_pid "$server")" && [[ -r "/proc/$pid/status" ]]; then
  awk '/^VmHWM:/ {hwm = $2} /^VmRSS:/ {rss = $2}
    END {printf "RESULT rss peak_mb=%.0f now_mb=%.0f\n", hwm / 1024, rss / 1024}' "/proc/$pid/status"
  # With PLANDEV_SERVE_JAVA_OPTS="-XX:NativeMemoryTracking=summary": where the memory went.
  if command -v jcmd >/dev/null && jcmd "$pid" VM.native_memory summary scale=MB >"$data/nmt" 2>&1 \
      && grep -q '^Total' "$data/nmt"; then
    grep -E '^Total|^-' "$data/nmt" | sed -e 's/^-* *//' -e 's/^/MEMORY /'
  fi
else
  echo "RESULT rss unknown (no /proc/<pid>/status of the java process)"
fi
