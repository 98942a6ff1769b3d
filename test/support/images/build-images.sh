#!/usr/bin/env bash
# Builds, offline, the container images the Docker provider uses by default, tagged with their
# official names: apache/kafka:4.4.0 (from the Maven-resolved Kafka 4.4.0 jars) and postgres:17
# (Debian's PostgreSQL 15 server: no 17 package is reachable here; the provider depends only on the
# image's contract). The base is a Debian bookworm rootfs made by debootstrap from the apt mirror
# (kept as a tarball in the cache), `podman import`ed, then `podman build`. Idempotent: an image whose
# recipe label matches these files is kept. Needs root, podman, debootstrap and the Kafka jars.
#
#   bash test/support/images/build-images.sh        (called by .ci/setup)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache="${KCL_CACHE_DIR:-$HOME/.cache/kafka-connect-lab}"
jars="$cache/kafka-4.4.0"
log() { printf '[images] %s\n' "$*" >&2; }

KAFKA_IMAGE=docker.io/apache/kafka:4.4.0
POSTGRES_IMAGE=docker.io/library/postgres:17
BASE_IMAGE=localhost/kcl-base:bookworm
BASE_PACKAGES=openjdk-17-jre-headless,postgresql-15
recipe=$( (cd "$here" && cat build-images.sh kafka/* postgres/*; echo "$BASE_PACKAGES"; ls "$jars") | sha256sum | cut -c1-16)

current() { podman image inspect --format '{{index .Config.Labels "dev.kafka-connect-lab.recipe"}}' "$1" 2>/dev/null || true; }
if [ "$(current "$KAFKA_IMAGE")" = "$recipe" ] && [ "$(current "$POSTGRES_IMAGE")" = "$recipe" ]; then
  log "images up to date ($KAFKA_IMAGE, $POSTGRES_IMAGE)"
  exit 0
fi
[ -f "$jars/.complete" ] || { log "the Kafka jars are missing in $jars (run .ci/setup first)"; exit 1; }

if ! podman image exists "$BASE_IMAGE"; then
  tarball="$cache/images/rootfs-bookworm-$(echo "$BASE_PACKAGES" | sha256sum | cut -c1-8).tar"
  if [ ! -f "$tarball" ]; then
    rootfs=$(mktemp -d /tmp/kcl-rootfs.XXXXXX)
    trap 'rm -rf "$rootfs"' EXIT
    log "debootstrap bookworm (minbase + $BASE_PACKAGES) from the apt mirror (about 3 min)"
    mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
    debootstrap --variant=minbase --include="$BASE_PACKAGES" bookworm "$rootfs" "${mirror:-http://deb.debian.org/debian}" >&2
    # No default cluster, no package caches, no docs: the images create their data at run time.
    rm -rf "$rootfs"/var/lib/postgresql/15/main "$rootfs"/etc/postgresql/15/main "$rootfs"/var/cache/apt/archives/*.deb \
      "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
    mkdir -p "$cache/images"
    tar -C "$rootfs" --numeric-owner -cf "$tarball.tmp" .
    mv "$tarball.tmp" "$tarball"
    rm -rf "$rootfs"
  fi
  log "podman import $tarball as $BASE_IMAGE"
  podman import --quiet "$tarball" "$BASE_IMAGE" >/dev/null
fi

ctx=$(mktemp -d /tmp/kcl-kafka-image.XXXXXX)
cp -r "$here/kafka/." "$ctx/"
mkdir -p "$ctx/libs"
cp "$jars"/*.jar "$ctx/libs/"
log "building $KAFKA_IMAGE"
podman build --quiet --label "dev.kafka-connect-lab.recipe=$recipe" -t "$KAFKA_IMAGE" "$ctx" >/dev/null
rm -rf "$ctx"
log "building $POSTGRES_IMAGE"
podman build --quiet --label "dev.kafka-connect-lab.recipe=$recipe" -t "$POSTGRES_IMAGE" "$here/postgres" >/dev/null
podman image prune -f >/dev/null 2>&1 || true
log "images ready"
