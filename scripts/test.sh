#!/usr/bin/env bash
# npm test: typecheck, lint (ESLint + Electronegativity), build, then unit, integration and end-to-end tests
# inside a private D-Bus session with a real gnome-keyring (the OS keychain on Linux).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/preflight.sh
node scripts/native-abi.mjs

echo "== typecheck"; npm run --silent typecheck
echo "== lint"; npm run --silent lint
echo "== build"; npx electron-vite build >/dev/null
echo "   out/main, out/preload, out/renderer built"

bash scripts/keyring/session.sh bash scripts/keyring/in-session.sh
