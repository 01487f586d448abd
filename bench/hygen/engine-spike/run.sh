#!/usr/bin/env bash
# The spike behind the choice of JavaScript engine for hygen templates (docs/hygen.md): one
# EJS-compiled template (tmpl.js) rendered by Mozilla Rhino, Nashorn standalone and GraalJS, each in
# a fresh JVM, timed whole (wall clock and the JVM's own measure), with the size of its jars.
# A benchmark, not a test. Downloads the three engines from Maven Central once (GraalJS: ~86 MB).
#   bench/hygen/engine-spike/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
RUNS="${1:-3}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $(java -version 2>&1 | head -1)"
for engine in rhino nashorn graal; do
  mvn -B -q dependency:build-classpath -P"$engine" -Dmdep.outputFile="$OUT/cp-$engine.txt" >/dev/null
  cp="$(cat "$OUT/cp-$engine.txt")"
  class="$(tr '[:lower:]' '[:upper:]' <<<"${engine:0:1}")${engine:1}Spike"
  javac -d "$OUT/classes" -cp "$cp" "$class.java"
  size="$(tr ':' '\n' <<<"$cp" | xargs du -cb | tail -1 | cut -f1)"
  echo "$engine: jars $((size / 1024 / 1024)) MB"
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -f "wall %e s" java -cp "$OUT/classes:$cp" "$class" tmpl.js >/dev/null 2>"$OUT/err" || true
    # the time, and the engine's error when it cannot render the template
    grep -E "in-jvm|^wall|^Exception|Error:" "$OUT/err" | grep -v "^\s*at " | head -3 | sed 's/^/  /'
  done
done
