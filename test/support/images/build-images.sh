#!/usr/bin/env bash
# Builds, offline, the container images the Docker provider uses by default, tagged with their
# official names: apache/kafka:4.4.0 (from the Maven-resolved Kafka 4.4.0 jars) and postgres:17
# (Debian's PostgreSQL 15 server: no 17 package is reachable here; the provider depends only on the
# image's contract). The base is a Debian bookworm rootfs, assembled from the installed packages'
# files (or made by debootstrap from the apt mirror when they are not installed), kept as a tarball
# in the cache, `podman import`ed, then `podman build`. Idempotent: an image whose
# recipe label matches these files is kept. Needs root, podman, debootstrap and the Kafka jars.
#
#   bash test/support/images/build-images.sh        (called by .ci/setup)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache="${KCL_CACHE_DIR:-$HOME/.cache/kafka-connect-lab}"
jars="$cache/kafka-4.4.0"
log() { printf '[images] %s\n' "$*" >&2; }

KAFKA_IMAGE=${KCL_IMAGES_KAFKA:-docker.io/apache/kafka:4.4.0}
POSTGRES_IMAGE=${KCL_IMAGES_POSTGRES:-docker.io/library/postgres:17}
BASE_PACKAGES=openjdk-17-jre-headless,postgresql-15
recipe=$( (cd "$here" && cat build-images.sh kafka/* postgres/*; echo "$BASE_PACKAGES"; ls "$jars") | sha256sum | cut -c1-16)

current() { podman image inspect --format '{{index .Config.Labels "dev.kafka-connect-lab.recipe"}}' "$1" 2>/dev/null || true; }
if [ "$(current "$KAFKA_IMAGE")" = "$recipe" ] && [ "$(current "$POSTGRES_IMAGE")" = "$recipe" ]; then
  log "images up to date ($KAFKA_IMAGE, $POSTGRES_IMAGE)"
  exit 0
fi
[ -f "$jars/.complete" ] || { log "the Kafka jars are missing in $jars (run .ci/setup first)"; exit 1; }

# The packages' files as installed on this machine (no network, no maintainer scripts): the
# dependency closure of the packages above, paths as dpkg lists them, in a merged-/usr tree.
assemble_from_host() {
  local rootfs=$1 list
  list=$(mktemp /tmp/kcl-rootfs-files.XXXXXX)
  apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances ${BASE_PACKAGES//,/ } bash coreutils util-linux grep sed gzip findutils libc-bin 2>/dev/null |
    grep -v '^[ <]' | sort -u | while read -r pkg; do
      if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then dpkg -L "$pkg"; fi
    done |
    sed -E 's#^/(bin|sbin|lib|lib64)(/|$)#/usr/\1\2#' |
    grep -vE '^/usr/share/(doc|man|info|locale|lintian|fonts)/|libLLVM|/postgresql/15/lib/(bitcode|llvmjit)' |
    while read -r f; do [ -e "$f" ] && [ ! -d "$f" -o -L "$f" ] && printf '%s\n' "${f#/}"; done | sort -u >"$list"
  mkdir -p "$rootfs"/usr/{bin,sbin,lib,lib64} "$rootfs"/{etc,tmp,root,home,proc,sys,dev,run,var/tmp}
  for d in bin sbin lib lib64; do ln -s "usr/$d" "$rootfs/$d"; done
  chmod 1777 "$rootfs/tmp" "$rootfs/var/tmp"
  tar -C / --no-recursion -cf - -T "$list" | tar -C "$rootfs" -xf -
  rm -f "$list"
  [ -e "$rootfs/usr/bin/sh" ] || ln -s bash "$rootfs/usr/bin/sh"
  printf 'root:x:0:0:root:/root:/bin/bash\npostgres:x:101:103:PostgreSQL administrator:/var/lib/postgresql:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\npostgres:x:103:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
  printf 'root:*:19000:0:99999:7:::\npostgres:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n' >"$rootfs/etc/shadow"
  printf 'root:*::\npostgres:!::\nnogroup:*::\n' >"$rootfs/etc/gshadow"
  chmod 640 "$rootfs/etc/shadow" "$rootfs/etc/gshadow"
  ldconfig -r "$rootfs"
}

# Base: from the packages installed here when they all are (fast, offline), else debootstrap from
# the apt mirror. KCL_IMAGES_BASE=host|debootstrap forces one.
base_from=${KCL_IMAGES_BASE:-}
if [ -z "$base_from" ]; then
  base_from=host
  for pkg in ${BASE_PACKAGES//,/ }; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || base_from=debootstrap
  done
fi
BASE_IMAGE=${KCL_IMAGES_BASE_TAG:-localhost/kcl-base:bookworm-$base_from}
if ! podman image exists "$BASE_IMAGE"; then
  tarball="$cache/images/rootfs-bookworm-$base_from-$(echo "$BASE_PACKAGES" | sha256sum | cut -c1-8).tar"
  if [ ! -f "$tarball" ]; then
    rootfs=$(mktemp -d /tmp/kcl-rootfs.XXXXXX)
    trap 'rm -rf "$rootfs"' EXIT
    if [ "$base_from" = host ]; then
      log "assembling the base rootfs from this machine's $BASE_PACKAGES packages"
      assemble_from_host "$rootfs"
    else
      command -v debootstrap >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
      log "debootstrap bookworm (minbase + $BASE_PACKAGES) from the apt mirror (about 3 min)"
      mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
      debootstrap --variant=minbase --include="$BASE_PACKAGES" bookworm "$rootfs" "${mirror:-http://deb.debian.org/debian}" >&2
      # No default cluster, no package caches, no docs: the images create their data at run time.
      rm -rf "$rootfs"/var/lib/postgresql/15/main "$rootfs"/etc/postgresql/15/main "$rootfs"/var/cache/apt/archives/*.deb \
        "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
    fi
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
podman build --quiet --build-arg "BASE=$BASE_IMAGE" --label "dev.kafka-connect-lab.recipe=$recipe" -t "$KAFKA_IMAGE" "$ctx" >/dev/null
rm -rf "$ctx"
log "building $POSTGRES_IMAGE"
podman build --quiet --build-arg "BASE=$BASE_IMAGE" --label "dev.kafka-connect-lab.recipe=$recipe" -t "$POSTGRES_IMAGE" "$here/postgres" >/dev/null
podman image prune -f >/dev/null 2>&1 || true
log "images ready"
