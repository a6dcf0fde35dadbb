#!/usr/bin/env bash
# session.sh <command...>: runs the command in a private D-Bus session with a fresh, unlocked gnome-keyring
# (the OS keychain on Linux), in a throwaway home. The session's only activatable service is that keyring
# (scripts/keyring/daemon.sh); its log is in $PAI_KEYRING_LOG.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
KEYRING_HOME="$(mktemp -d)"
trap 'rm -rf "$KEYRING_HOME"' EXIT
export XDG_DATA_HOME="$KEYRING_HOME/data"
export PAI_KEYRING_LOG="${PAI_KEYRING_LOG:-$KEYRING_HOME/keyring.log}"
# Tells the tests that a keychain is there (tests/e2e/daily.spec.ts).
export PAI_TEST_KEYRING=1
mkdir -p "$XDG_DATA_HOME" "$KEYRING_HOME/services"
: >"$PAI_KEYRING_LOG"
cat >"$KEYRING_HOME/services/org.freedesktop.secrets.service" <<SERVICE
[D-BUS Service]
Name=org.freedesktop.secrets
Exec=$here/daemon.sh
SERVICE
cat >"$KEYRING_HOME/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$KEYRING_HOME/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
dbus-run-session --config-file="$KEYRING_HOME/session.conf" -- "$@"
