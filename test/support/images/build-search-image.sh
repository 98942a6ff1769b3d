#!/usr/bin/env bash
# Builds, offline, the Docker provider's default search engine image under its official name,
# docker.elastic.co/elasticsearch/elasticsearch:7.17.28: a stand-in running OpenSearch 2.19.6 from the
# Maven-resolved home in the cache (test/support/prepare-jars.ts resolves it), on the Debian base that
# build-images.sh imports. Idempotent: an image whose recipe label matches these files is kept.
#
#   bash test/support/images/build-search-image.sh     (called by podman-setup.sh, after build-images.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache="${KCL_CACHE_DIR:-$HOME/.cache/kafka-connect-lab}"
home="$cache/opensearch-2.19.6"
log() { printf '[images] %s\n' "$*" >&2; }

IMAGE=${KCL_IMAGES_SEARCH:-docker.elastic.co/elasticsearch/elasticsearch:7.17.28}
[ -f "$home/.complete" ] || { log "the OpenSearch home is missing in $home (run .ci/setup first)"; exit 1; }
recipe=$( (cd "$here" && cat build-search-image.sh elasticsearch/*; cd "$home" && find . -type f | sort) | sha256sum | cut -c1-16)
current=$(podman image inspect --format '{{index .Config.Labels "dev.kafka-connect-lab.recipe"}}' "$IMAGE" 2>/dev/null || true)
old_id=$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
if [ "$current" = "$recipe" ]; then
  log "image up to date ($IMAGE)"
  exit 0
fi

# The base build-images.sh made (from this machine's packages, or by debootstrap).
base=${KCL_IMAGES_BASE_TAG:-}
if [ -z "$base" ]; then
  for tag in localhost/kcl-base:bookworm-host localhost/kcl-base:bookworm-debootstrap; do
    if podman image exists "$tag"; then base=$tag; break; fi
  done
fi
[ -n "$base" ] || { log "no kcl-base image: run test/support/images/build-images.sh first"; exit 1; }

ctx=$(mktemp -d /tmp/kcl-search-image.XXXXXX)
trap 'rm -rf "$ctx"' EXIT
cp -r "$here/elasticsearch/." "$ctx/"
mkdir -p "$ctx/home"
cp -r "$home/lib" "$home/modules" "$home/bin" "$home/plugins" "$ctx/home/"
echo 2.19.6 >"$ctx/home/OPENSEARCH_VERSION"
log "building $IMAGE (OpenSearch 2.19.6 inside) on $base"
podman build --quiet --build-arg "BASE=$base" --label "dev.kafka-connect-lab.recipe=$recipe" -t "$IMAGE" "$ctx" >/dev/null
# The previous build of this image only (now untagged); an image a container still uses stays.
[ -z "$old_id" ] || podman rmi "$old_id" >/dev/null 2>&1 || true
log "search image ready"
