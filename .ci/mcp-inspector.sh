#!/usr/bin/env bash
# Checks `plandev mcp` with the MCP Inspector CLI (npm @modelcontextprotocol/inspector, the
# version pinned in .ci/mcp-inspector/package-lock.json), an MCP client written by others than us,
# against the runnable jar built by `mvn verify`: tools/list must offer the nine tools, resources/list the plan, and tools/call plan_status and
# plan_update must answer (the update changing one byte of the plan).
# Usage: .ci/mcp-inspector.sh [path/to/plandev.jar]   (default: cli/target/plandev.jar)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR="${1:-cli/target/plandev.jar}"

fail() { echo "mcp-inspector: FAIL: $*" >&2; exit 1; }
[ -f "$JAR" ] || fail "$JAR is missing; build it with mvn -B verify (or mvn -B package)"
command -v npm >/dev/null || fail "npm is not installed (apt-get install nodejs npm)"

# The Inspector CLI is pinned exactly, with everything it needs, by the committed lockfile in
# .ci/mcp-inspector/ and installed once into a cache folder (.ci/npm-pinned.sh).
source .ci/npm-pinned.sh
npm_pinned mcp-inspector .ci/mcp-inspector \
  || fail "could not install the Inspector CLI pinned in .ci/mcp-inspector (npm ci, 3 attempts)"
INSPECTOR="$NPM_PINNED_DIR/node_modules/.bin/mcp-inspector"
[ -x "$INSPECTOR" ] || fail "$INSPECTOR is missing after the install"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/plans/docs"
cat > "$WORK/plans/docs/plan.md" <<'PLAN'
# Plan CI

*Progression: 0%*

## 1. Phase

- [ ] **1.1** Écrire le parseur
- [ ] **1.2** Tester
PLAN
cp "$WORK/plans/docs/plan.md" "$WORK/before.md"
SERVER=(java -jar "$JAR" --data "$WORK/data" mcp --root "$WORK/plans")

inspect() { "$INSPECTOR" --cli "${SERVER[@]}" "$@"; }

echo "mcp-inspector: tools/list"
inspect --method tools/list > "$WORK/tools.json" || fail "tools/list failed: $(cat "$WORK/tools.json")"
for tool in plan_status plan_next plan_update plan_lint plan_new \
            defaults_get defaults_suggest defaults_set defaults_feedback; do
  grep -q "\"name\": *\"$tool\"" "$WORK/tools.json" || fail "tools/list lacks $tool"
done
echo "  ok: 9 tools; definitions are $(wc -c < "$WORK/tools.json") bytes as printed"

echo "mcp-inspector: resources/list"
inspect --method resources/list > "$WORK/resources.json" || fail "resources/list failed"
grep -q '"uri": *"plan://docs/plan.md"' "$WORK/resources.json" || fail "plan://docs/plan.md not listed"
echo "  ok: plan://docs/plan.md"

echo "mcp-inspector: tools/call plan_status"
inspect --method tools/call --tool-name plan_status --tool-arg plan=docs/plan.md > "$WORK/status.json" \
  || fail "plan_status failed: $(cat "$WORK/status.json")"
grep -q 'Plan CI: 0/2 0%' "$WORK/status.json" || fail "unexpected plan_status answer: $(cat "$WORK/status.json")"
echo "  ok: Plan CI: 0/2 0%"

echo "mcp-inspector: tools/call plan_update (check 1.1, sync off)"
inspect --method tools/call --tool-name plan_update --tool-arg plan=docs/plan.md \
  --tool-arg 'check=["1.1"]' --tool-arg sync=false > "$WORK/update.json" \
  || fail "plan_update failed: $(cat "$WORK/update.json")"
grep -q 'checked 1.1' "$WORK/update.json" || fail "unexpected plan_update answer: $(cat "$WORK/update.json")"
changed=$( (cmp -l "$WORK/before.md" "$WORK/plans/docs/plan.md" || true) | wc -l)
[ "$changed" -eq 1 ] || fail "plan_update changed $changed bytes, expected exactly 1"
echo "  ok: one byte changed"

echo "mcp-inspector: tools/call plan_status on a path outside the root"
inspect --method tools/call --tool-name plan_status --tool-arg plan=../before.md > "$WORK/outside.json" 2>&1 || true
grep -q 'outside the plan roots' "$WORK/outside.json" || fail "escape not refused: $(cat "$WORK/outside.json")"
echo "  ok: refused"

echo "mcp-inspector: all checks passed"
