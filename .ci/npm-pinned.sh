# Sourced by the .ci scripts that need an npm tool: `npm_pinned NAME PINS_DIR` installs the tool
# pinned exactly, with everything it needs, by the committed package.json and package-lock.json of
# PINS_DIR, and sets NPM_PINNED_DIR to the install folder. It installs once with `npm ci` into a
# cache folder named after the lockfile's hash: a run on the same machine reuses it without asking
# the registry, a changed pin installs anew. An install goes to a temporary folder first and is
# renamed into place only when complete, so a half-finished one is never reused. npm retries each
# fetch; the whole install is tried three times, since one failed download must not fail CI.
# npm's own output goes to stderr, so that a caller may print the path on stdout.

npm_pinned() {
  local name="$1" pins="$2" cache hash install attempt tmp
  command -v npm >/dev/null || { echo "$name: npm is not installed (apt-get install nodejs npm)" >&2; return 1; }
  cache="${PLANDEV_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/plandev-ci}"
  hash="$(cat "$pins/package.json" "$pins/package-lock.json" | sha256sum | cut -c1-16)"
  install="$cache/$name-$hash"
  NPM_PINNED_DIR="$install"
  if [ -d "$install/node_modules" ]; then
    echo "$name: using the pinned install in $install" >&2
    return 0
  fi
  echo "$name: installing the pinned version into $install" >&2
  mkdir -p "$cache"
  for attempt in 1 2 3; do
    tmp="$(mktemp -d "$cache/.$name-install.XXXXXX")"
    cp "$pins/package.json" "$pins/package-lock.json" "$tmp/"
    if (cd "$tmp" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error \
          --fetch-retries=5 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=60000) >&2; then
      rm -rf "$install"
      mv "$tmp" "$install"
      # Older pins are of no further use.
      find "$cache" -maxdepth 1 -name "$name-*" ! -path "$install" -exec rm -rf {} +
      return 0
    fi
    rm -rf "$tmp"
    echo "$name: npm ci failed (attempt $attempt of 3)" >&2
    sleep $((attempt * 15))
  done
  echo "$name: could not install the version pinned in $pins (npm ci, 3 attempts)" >&2
  return 1
}
