#!/usr/bin/env bash
# Runs inside dbus-run-session: unlocks a fresh gnome-keyring, then the vitest and Playwright suites.
set -euo pipefail
printf 'test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export PAI_TEST_KEYRING=1
echo "== vitest (unit + integration)"; npx vitest run
echo "== playwright (end-to-end, Chromium)"; npx playwright test
