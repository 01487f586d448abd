#!/usr/bin/env bash
# Installs hygen 6.2.11, the reference of plandev's differential tests of hygen-format generators
# (HygenDifferentialTest), pinned by the committed lockfile in .ci/hygen/ (see .ci/npm-pinned.sh),
# and prints the path of its executable.
# Usage: PLANDEV_HYGEN="$(bash .ci/hygen.sh)"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/npm-pinned.sh

npm_pinned hygen .ci/hygen || { echo "hygen: FAIL: no hygen to test against" >&2; exit 1; }
HYGEN="$NPM_PINNED_DIR/node_modules/.bin/hygen"
[ -x "$HYGEN" ] || { echo "hygen: FAIL: $HYGEN is missing after the install" >&2; exit 1; }
echo "$HYGEN"
