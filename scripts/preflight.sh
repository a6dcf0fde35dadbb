#!/usr/bin/env bash
# Fails with the exact install command when something the tests need is missing. Never skips silently.
set -u
missing=0
need() { # need <command> <debian package>
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "missing: $1. Install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends $2" >&2
    missing=1
  fi
}
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "missing: Chromium at $CHROMIUM (end-to-end tests). Install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium" >&2
  missing=1
fi
need gnome-keyring-daemon gnome-keyring
need dbus-run-session dbus
if [ ! -d node_modules ]; then
  echo "missing: node_modules. Install it with: ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci" >&2
  missing=1
fi
exit $missing
