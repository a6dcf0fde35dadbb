#!/usr/bin/env bash
# Runs inside scripts/keyring/session.sh: the vitest and Playwright suites against the session's keyring.
#
# gnome-keyring-daemon (Debian's 42.1) sometimes aborts when a client leaves while its Secret Service session
# is being opened ("gkd_secret_service_get_pkcs11_session: assertion 'client' failed", then GLib-ERROR; seen
# about once in 6 runs of the keychain test files). The calls in flight then fail with NoReply. D-Bus starts an
# unlocked daemon again at the next call (scripts/keyring/daemon.sh). Only when the daemon's log shows such a
# crash during a suite are that suite's failed files run once more; any other failure fails the run.
set -uo pipefail
export PAI_TEST_KEYRING=1
RESULTS="$(mktemp -d)"
crashes() { grep -c 'keyring daemon exited rc=[1-9]' "$PAI_KEYRING_LOG" || true; }
crashed_during() { # crashed_during <count before>: the daemon's crash lines since then, or nothing
  if [ "$(crashes)" -gt "$1" ]; then grep -B12 'keyring daemon exited rc=[1-9]' "$PAI_KEYRING_LOG" | grep -E 'CRITICAL|ERROR|exited' | tail -8; fi
}

echo "== vitest (unit + integration)"
before="$(crashes)"
if ! npx vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest.json"; then
  log="$(crashed_during "$before")"
  [ -n "$log" ] || exit 1
  mapfile -t failed < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
    for (const f of r.testResults) if (f.status !== "passed") console.log(require("path").relative(process.cwd(), f.name))
  ' "$RESULTS/vitest.json")
  echo "== gnome-keyring-daemon crashed during vitest; its log:"; echo "$log"
  [ "${#failed[@]}" -gt 0 ] || exit 1
  echo "== vitest again, once, for the ${#failed[@]} failed file(s): ${failed[*]}"
  npx vitest run "${failed[@]}" || exit 1
fi

echo "== playwright (end-to-end, Chromium)"
before="$(crashes)"
if ! npx playwright test; then
  log="$(crashed_during "$before")"
  [ -n "$log" ] || exit 1
  echo "== gnome-keyring-daemon crashed during Playwright; its log:"; echo "$log"
  echo "== playwright again, once, for the failed tests"
  npx playwright test --last-failed || exit 1
fi
