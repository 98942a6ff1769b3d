#!/bin/bash
# Starts the node the way the official image's entrypoint does: every environment variable whose
# name is a lower-case dotted setting (discovery.type, cluster.name, ...) becomes -E<name>=<value>;
# ES_JAVA_OPTS goes to the JVM. xpack.* settings are reported and skipped (OpenSearch has none).
set -euo pipefail
home=/usr/share/elasticsearch
if [ "${1:-eswrapper}" != eswrapper ]; then exec "$@"; fi

settings=()
while IFS= read -r -d '' kv; do
  name=${kv%%=*}
  [[ $name =~ ^[a-z0-9_]+\.[a-z0-9_.]+$ ]] || continue
  if [[ $name == xpack.* ]]; then
    echo "[stand-in] ignoring $name=${kv#*=} (this image runs OpenSearch $(cat "$home/OPENSEARCH_VERSION"), which has no X-Pack)" >&2
    continue
  fi
  settings+=("-E$kv")
done < <(env -0)

exec java ${ES_JAVA_OPTS:--Xms512m -Xmx512m} -XX:+UseSerialGC -Djava.io.tmpdir=/tmp \
  -Dlog4j2.disable.jmx=true -Dio.netty.noUnsafe=true -Dio.netty.recycler.maxCapacityPerThread=0 \
  -Dopensearch.path.home=$home -Dopensearch.path.conf=$home/config \
  -Dopensearch.distribution.type=docker -Dopensearch.bundled_jdk=false \
  -cp "$home/lib/*" org.opensearch.bootstrap.OpenSearch "${settings[@]}"
