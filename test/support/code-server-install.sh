#!/usr/bin/env bash
# Installs what the extension tests need to run a real VS Code offline: Node 24 (code-server's
# runtime; from the npm `node` package), code-server 4.139.x (VS Code 1.139 web workbench) and
# Debian's Chromium (driven by playwright-core). Everything goes into a cache folder and each step
# is skipped when already present, so a second run only checks.
# Prints the tools folder on stdout; progress goes to stderr.
set -euo pipefail

log() { printf '[code-server-install] %s\n' "$*" >&2; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

cache="${KCL_CACHE_DIR:-$HOME/.cache/kafka-connect-lab}"
tools="$cache/tools"
node_dir="$tools/node24"
cs_dir="$tools/code-server"
CODE_SERVER_VERSION="${KCL_CODE_SERVER_VERSION:-4.139.x}"
mkdir -p "$tools"

apt_packages=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || apt_packages+=(libkrb5-dev)
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
if [ ${#apt_packages[@]} -gt 0 ]; then
  log "installing with apt: ${apt_packages[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

# Node 24: code-server 4.139 refuses older Node. The npm `node` package ships the binary.
if [ ! -f "$node_dir/.complete" ]; then
  log "installing node@24 into $node_dir"
  rm -rf "$node_dir"
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error node@24 >&2)
  touch "$node_dir/.complete"
fi
node24="$node_dir/node_modules/node/bin/node"
[ -x "$node24" ] || { log "node 24 binary missing at $node24"; exit 1; }

# code-server: its postinstall builds native modules with the Node that runs npm, so put Node 24
# first on PATH for the install.
if [ ! -f "$cs_dir/.complete" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $cs_dir (a few minutes)"
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  (
    cd "$cs_dir"
    npm init -y >/dev/null
    PATH="$(dirname "$node24"):$PATH" npm install --no-audit --no-fund --loglevel=error --unsafe-perm \
      "code-server@$CODE_SERVER_VERSION" >&2
  )
  touch "$cs_dir/.complete"
fi
[ -f "$cs_dir/node_modules/code-server/out/node/entry.js" ] || {
  log "code-server entry missing under $cs_dir"
  exit 1
}
log "ready: node $("$node24" --version), code-server $(cd "$cs_dir" && "$node24" -p 'require("code-server/package.json").version')"
echo "$tools"
