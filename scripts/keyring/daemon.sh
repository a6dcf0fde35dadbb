#!/usr/bin/env bash
# The test session's Secret Service, started by D-Bus activation (scripts/keyring/session.sh): a gnome-keyring
# unlocked with the test password, as a desktop login unlocks it. If the daemon dies mid-run, the next keychain
# call activates this again, so one crash cannot leave the rest of the run on a locked keyring.
echo "== keyring daemon started $(date +%T.%N)" >>"$PAI_KEYRING_LOG"
printf 'test' | gnome-keyring-daemon --foreground --unlock --components=secrets >>"$PAI_KEYRING_LOG" 2>&1
rc=$?
{ echo "== keyring daemon exited rc=$rc $(date +%T.%N)" >>"$PAI_KEYRING_LOG"; } 2>/dev/null
exit $rc
