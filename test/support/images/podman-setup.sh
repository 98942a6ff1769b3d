#!/usr/bin/env bash
# A Docker-compatible engine for the Docker provider and its tests (../shared/dev-environment.md):
# Debian's podman serving the Docker Engine API on unix:///run/lab-podman.sock (one of the sockets
# the lab tries by default), with runc and raised container ulimits; then the default images, built
# offline (build-images.sh). Idempotent: installed packages, a matching containers.conf, an answering
# socket and up-to-date images are all left as they are. Run as root.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log() { printf '[podman] %s\n' "$*" >&2; }
SOCK=/run/lab-podman.sock

missing=()
for tool in podman runc curl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing with apt: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# crun fails on hybrid cgroups here and raising rlimits is not permitted: runc, fixed ulimits.
conf=/etc/containers/containers.conf
want='[containers]
default_ulimits = ["nofile=10000:10000", "nproc=10000:10000"]
[engine]
runtime = "runc"'
if [ "$(cat "$conf" 2>/dev/null)" != "$want" ]; then
  if [ -s "$conf" ] && ! grep -q 'runtime = "runc"' "$conf"; then
    log "$conf exists with other settings; leaving it alone (the tests need runtime = \"runc\" here)"
  else
    mkdir -p /etc/containers
    printf '%s\n' "$want" >"$conf"
  fi
fi

# A service started from a directory that was deleted since (e.g. an earlier checkout) still answers
# _ping, but every container start fails ("write child: broken pipe"): restart it.
for pid in $(pgrep -f "podman system service .*unix://$SOCK" || true); do
  if [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null || true)" == *" (deleted)" ]]; then
    log "restarting podman system service (pid $pid): its working directory was deleted"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
done

if ! curl -sf --max-time 5 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; then
  log "starting podman system service on unix://$SOCK"
  # From /, so the service outlives the checkout that started it.
  (cd / && exec setsid podman system service --time=0 "unix://$SOCK") >/tmp/lab-podman-service.log 2>&1 </dev/null &
  for _ in $(seq 1 50); do
    curl -sf --max-time 2 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1 && break
    sleep 0.2
  done
fi

bash "$here/build-images.sh"
# The search engine image (docker.elastic.co/elasticsearch/elasticsearch:7.17.28 stand-in) for `up --search`.
bash "$here/build-search-image.sh"
