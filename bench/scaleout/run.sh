#!/usr/bin/env bash
# Scale-out benchmark (not a test): one, two, then three `plandev serve` instances (the built jar)
# on one PostgreSQL schema and one Redis, behind nginx (round-robin), under the v39 70/30
# read/write mix (bench/scaleout/mix.lua, wrk); then three instances again, one of them killed with
# SIGKILL halfway through the run. Prints one RESULT line per run (rps, p50/p95/p99, reads and
# writes answered and failed), how many reads nginx retried on another instance, and checks that
# every write answered 2xx is in the database: "RESULT acked ... missing=0".
#   bench/scaleout/run.sh [DURATION] [CONNECTIONS]     (defaults: 20s, 32; wrk -t2)
# nginx retries a read (GET, HEAD) that failed on one instance on the next one
# (proxy_next_upstream); a write (POST, PUT, PATCH, DELETE) is never repeated by nginx: it fails
# and is counted. Needs: java, wrk, nginx (Debian's /usr/sbin/nginx), psql, curl, python3, the
# machine's PostgreSQL (127.0.0.1:5432, database test, user postgres, trust) and Redis
# (127.0.0.1:6379); builds cli/target/plandev.jar when it is missing. Runs as root (nginx with
# a prefix of its own in a temporary directory). The schema, nginx and the instances are removed
# at the end, whatever happens.
# Before the runs, every instance is warmed up through nginx (WARMUP=30s, not measured), so that
# the one-instance run does not measure a colder JVM than the others; each run then starts with
# RUN_WARMUP=5s of load that is not measured either. SEED_KEYS=1000 (x 10 contexts) entries are
# resolved; KEEP=1 keeps the working directory (logs, nginx access logs, acknowledged keys).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
duration="${1:-20s}"
conns="${2:-32}"
[[ "$duration" =~ ^[0-9]+s$ ]] || { echo "DURATION is a number of seconds such as 20s, not $duration" >&2; exit 2; }
warmup="${WARMUP:-30s}"
run_warmup="${RUN_WARMUP:-5s}"
seed_keys="${SEED_KEYS:-1000}"
pg_url="${PLANDEV_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
pg_user="${PLANDEV_BENCH_PG_USER:-postgres}"
nginx_bin="${NGINX:-/usr/sbin/nginx}"
jar="$repo/cli/target/plandev.jar"

need() { command -v "$1" >/dev/null || { echo "$1 is missing: $2" >&2; exit 1; }; }
need java "install a JDK 17+"
need wrk "apt-get install -y wrk"
need curl "apt-get install -y curl"
need psql "apt-get install -y postgresql-client"
need python3 "apt-get install -y python3"
[[ -x "$nginx_bin" ]] || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 1; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
answers 5432 || { echo "PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1; }
answers 6379 || { echo "Redis is not answering on 127.0.0.1:6379" >&2; exit 1; }
if [[ ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  (cd "$repo" && mvn -B -o -q package -DskipTests -pl cli -am)
fi

work="$(mktemp -d /tmp/plandev-scaleout.XXXXXX)"
schema="scaleout_$(date +%s)_$$"
psql_cmd=(psql -X -q -At -h 127.0.0.1 -U "$pg_user" -d "${pg_url##*/}")
declare -a pids=() ports=()
nginx_dir="$work/nginx"
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [[ -f "$nginx_dir/logs/nginx.pid" ]]; then
    "$nginx_bin" -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -s stop 2>/dev/null || true
  fi
  "${psql_cmd[@]}" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  if command -v redis-cli >/dev/null; then # the cached resolutions would expire within an hour
    redis-cli --scan --pattern "$schema:*" 2>/dev/null | xargs -r -d "\n" redis-cli del >/dev/null 2>&1 || true
  fi
  wait 2>/dev/null || true
  if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

settings=(-o postgres.enabled=true -o "postgres.url=$pg_url" -o "postgres.user=$pg_user"
  -o "postgres.schema=$schema" -o redis.enabled=true -o "redis.keyPrefix=$schema:"
  -o server.rateLimit=0)
# The JVM options ./plandev gives `serve` (a fixed 256 MB heap, the serial collector).
serve_jvm=(-XX:+UseSerialGC -Xms256m -Xmx256m -XX:MaxMetaspaceSize=128m
  -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m)

key="$(java -XX:TieredStopAtLevel=1 -jar "$jar" --data "$work/i0" "${settings[@]}" \
  keys create scaleout --role editor 2>/dev/null)"

start_instance() { # $1: instance number (1-3)
  local i="$1"
  ports[i]="$(free_port)"
  java "${serve_jvm[@]}" -jar "$jar" --data "$work/i$i" "${settings[@]}" \
    serve --port "${ports[i]}" >"$work/i$i.log" 2>&1 &
  pids[i]=$!
}
await_ready() { # $1: port
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$1/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "the instance on port $1 did not become ready; its log:" >&2
  cat "$work"/i*.log >&2
  exit 1
}
for i in 1 2 3; do start_instance "$i"; done
for i in 1 2 3; do await_ready "${ports[i]}"; done

echo "seeding $((seed_keys * 10)) entries ($seed_keys keys x 10 contexts) ..." >&2
python3 - "${ports[1]}" "$key" "$seed_keys" <<'PY'
import json, sys, urllib.request
port, key, keys = sys.argv[1], sys.argv[2], int(sys.argv[3])
def post(items):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/defaults/batch",
        data=json.dumps({"items": items, "atomic": True}).encode(),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    urllib.request.urlopen(req).read()
items = []
for k in range(keys):
    items.append({"key": f"svc.key{k}", "value": f"g{k}"})
    for p in ("web", "api", "cli"):
        items.append({"key": f"svc.key{k}", "value": f"{p}{k}", "context": {"project": p}})
        for e in ("dev", "prod"):
            items.append({"key": f"svc.key{k}", "value": f"{p}{e}{k}",
                          "context": {"project": p, "env": e}})
    if len(items) >= 1000:
        post(items[:1000]); items = items[1000:]
if items:
    post(items)
PY

nginx_port="$(free_port)"
mkdir -p "$nginx_dir/logs" "$nginx_dir/tmp"
# nginx with the first $1 instances as its upstream, started afresh (its access log per run).
nginx_with() {
  local n="$1" servers="" i
  for ((i = 1; i <= n; i++)); do
    servers+="    server 127.0.0.1:${ports[i]} max_fails=1 fail_timeout=5s;"$'\n'
  done
  if [[ -f "$nginx_dir/logs/nginx.pid" ]]; then
    local old
    old="$(cat "$nginx_dir/logs/nginx.pid")"
    "$nginx_bin" -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -s stop 2>/dev/null
    while kill -0 "$old" 2>/dev/null; do sleep 0.1; done
  fi
  cat >"$nginx_dir/nginx.conf" <<EOF
user root;
worker_processes 1;
pid logs/nginx.pid;
error_log logs/error.log warn;
events { worker_connections 4096; }
http {
  log_format upstreams '\$request_method \$status "\$upstream_addr" "\$upstream_status"';
  access_log logs/access-$2.log upstreams;
  client_body_temp_path tmp/body;
  proxy_temp_path tmp/proxy;
  fastcgi_temp_path tmp/fastcgi;
  uwsgi_temp_path tmp/uwsgi;
  scgi_temp_path tmp/scgi;
  upstream plandev {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    # Which kind of request an answer belongs to, also on nginx's own errors (mix.lua counts them).
    add_header X-Method \$request_method always;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header X-Forwarded-For \$remote_addr;
    proxy_connect_timeout 2s;
    proxy_read_timeout 30s;
    # Writes go to @write, where nothing is repeated: a write whose instance failed fails.
    error_page 418 = @write;
    location / {
      if (\$request_method !~ "^(GET|HEAD)\$") { return 418; }
      # A read changes nothing: on a refused connection, a reset, a timeout or a 502/503/504 it is
      # sent to the next instance.
      proxy_pass http://plandev;
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 3;
    }
    location @write {
      proxy_pass http://plandev;
      proxy_next_upstream off;
    }
  }
}
EOF
  "$nginx_bin" -p "$nginx_dir" -c "$nginx_dir/nginx.conf"
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$nginx_port/ready" && return 0; sleep 0.1; done
  echo "nginx did not start: $(cat "$nginx_dir/logs/error.log")" >&2
  exit 1
}

export PLANDEV_KEY="$key" PLANDEV_KEYS="$seed_keys" PLANDEV_LOAD_DIR="$here/../load"
export SCALEOUT_ACKED_DIR="$work/acked"
mkdir -p "$SCALEOUT_ACKED_DIR"
url="http://127.0.0.1:$nginx_port"
mix() { # $1: run name, $2: duration
  SCALEOUT_RUN="$1" wrk -t2 -c"$conns" -d"$2" --timeout 30s -s "$here/mix.lua" "$url" \
    | grep '^RESULT' || true
}
retried_reads() { # reads nginx sent to more than one instance in a run
  local log="$nginx_dir/logs/access-$1.log"
  [[ -f "$log" ]] || { echo 0; return; }
  awk '$1 == "GET" && $3 ~ /,/ { n++ } END { print n + 0 }' "$log"
}

if [[ "$warmup" != 0 ]]; then
  nginx_with 3 warmup
  echo "warming up the three instances for $warmup ..." >&2
  mix warmup "$warmup" >/dev/null
fi
for n in 1 2 3; do
  nginx_with "$n" "instances$n"
  [[ "$run_warmup" == 0 ]] || mix "warmup$n" "$run_warmup" >/dev/null
  mix "instances$n" "$duration"
done

# Three instances again; halfway through, the second is killed with SIGKILL.
nginx_with 3 killed
[[ "$run_warmup" == 0 ]] || mix warmup-killed "$run_warmup" >/dev/null
seconds="${duration%s}"
mix "instances3-one-killed" "$duration" >"$work/killed.result" &
load=$!
sleep "$((seconds / 2))"
kill -9 "${pids[2]}"
echo "killed instance 2 (pid ${pids[2]}, port ${ports[2]}) with SIGKILL at $(date -u +%T)" >&2
wait "$load" || true
cat "$work/killed.result"
echo "RESULT nginx reads_retried_on_another_instance=$(retried_reads killed) (killed run)," \
  "$(retried_reads instances3) (three instances, none killed)"

# Every write answered 2xx must be in the database.
cat "$SCALEOUT_ACKED_DIR"/acked-*.txt 2>/dev/null | sort -u >"$work/acked.txt"
"${psql_cmd[@]}" -c "SELECT key FROM $schema.default_values WHERE key LIKE 'scaleout.%'" \
  | sort -u >"$work/stored.txt"
missing="$(comm -23 "$work/acked.txt" "$work/stored.txt" | wc -l)"
echo "RESULT acked writes=$(wc -l <"$work/acked.txt") in_database=$(comm -12 "$work/acked.txt" \
  "$work/stored.txt" | wc -l) missing=$missing"
[[ "$missing" == 0 ]] || { echo "acknowledged writes missing from the database:" >&2
  comm -23 "$work/acked.txt" "$work/stored.txt" | head >&2; exit 1; }
