#!/usr/bin/env bash
# Runs inside scripts/keyring/session.sh: the vitest and Playwright suites against the session's keyring.
#
# gnome-keyring-daemon (Debian's 42.1) sometimes aborts when a client leaves while its Secret Service session
# is being opened ("gkd_secret_service_get_pkcs11_session: assertion 'client' failed", then GLib-ERROR; seen
# about once in 6 runs of the keychain test files). The calls in flight then fail with NoReply. D-Bus starts an
# unlocked daemon again at the next call (scripts/keyring/daemon.sh). Only when the daemon's log shows such a
# crash during a suite are that suite's failed tests run once more; any other failure fails the run.
set -uo pipefail
RESULTS="$(mktemp -d)"
trap 'rm -rf "$RESULTS"' EXIT
crashes() { grep -c 'keyring daemon exited rc=[1-9]' "$PAI_KEYRING_LOG" || true; }

# suite <name> <rerun command> -- <command>: runs the command; if it fails and the daemon crashed meanwhile,
# prints the crash and runs the rerun command once (an empty one fails).
suite() {
  local name="$1" rerun="$2" before
  shift 3
  echo "== $name"
  before="$(crashes)"
  "$@" && return 0
  [ "$(crashes)" -gt "$before" ] || exit 1
  echo "== gnome-keyring-daemon crashed during $name; its log:"
  grep -B12 'keyring daemon exited rc=[1-9]' "$PAI_KEYRING_LOG" | grep -E 'CRITICAL|ERROR|exited' | tail -8
  echo "== $name again, once, for what failed"
  eval "$rerun" || exit 1
}

# The files vitest reports as not passed, from its JSON report.
vitest_failed() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
    for (const f of r.testResults) if (f.status !== "passed") console.log(require("path").relative(process.cwd(), f.name))
  ' "$RESULTS/vitest.json"
}

suite 'vitest (unit + integration)' 'files="$(vitest_failed)"; [ -n "$files" ] && npx vitest run $files' -- \
  npx vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest.json"
suite 'playwright (end-to-end, Chromium)' 'npx playwright test --last-failed' -- npx playwright test
