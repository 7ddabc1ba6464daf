#!/usr/bin/env bash
# Site search latency at 100,000 documents: SiteSearch (the library), Elasticsearch's own `took`
# and GET /api/search through the gateway, side by side. Needs dockerd and the Elasticsearch image;
# starts its own Elasticsearch (sized as in docker-compose.yml) and gateway on loopback ports and
# removes them afterwards. The gateway gets a placeholder client secret: no one signs in here. It
# gets a Redis as in the suite, because every search counts against the per-client rate limit
# there (without one each search would wait for a refused connection and log it).
#   bench/search/run.sh [DOCUMENTS] [QUERIES]      e.g. bench/search/run.sh 100000 2000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
documents=${1:-100000}
queries=${2:-2000}
work=$(pwd)/.work/bench-search
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
es_port=29250
gateway_port=28090
name=bcs-bench-search-es
redis_name=bcs-bench-search-redis
redis_port=29379
mkdir -p "$work"

gateway_pid=
cleanup() {
  [[ -n "$gateway_pid" ]] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null || true
  docker rm -f "$name" "$redis_name" >/dev/null 2>&1 || true
}
trap cleanup EXIT
docker rm -f "$name" "$redis_name" >/dev/null 2>&1 || true

./mvnw -B -q package -DskipTests -pl gateway -am

docker run -d --name "$name" -p 127.0.0.1:$es_port:9200 -e discovery.type=single-node \
  -e xpack.security.enabled=false -e cluster.routing.allocation.disk.threshold_enabled=false \
  -e ES_JAVA_OPTS="-Xms512m -Xmx512m" --memory 1g \
  docker.elastic.co/elasticsearch/elasticsearch:8.19.21 >/dev/null
docker run -d --name "$redis_name" -p 127.0.0.1:$redis_port:6379 --memory 128m redis:8.0 >/dev/null
until curl -fs "http://127.0.0.1:$es_port/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null; do sleep 1; done

# All the bench's searches come from one address: the limit is checked in Redis for each, as in
# the suite, but set high enough never to refuse one.
PORT=$gateway_port BCS_MANAGEMENT_PORT=$((gateway_port + 1)) BCS_ELASTICSEARCH_URIS=http://127.0.0.1:$es_port \
  BCS_GATEWAY_CLIENT_SECRET=bench-signs-no-one-in BCS_REDIS_HOST=127.0.0.1 BCS_REDIS_PORT=$redis_port \
  BCS_RATE_LIMIT_SEARCH=1000000 \
  "$java" -XX:+UseSerialGC -Xmx192m -jar gateway/target/gateway-exec.jar >"$work/gateway.log" 2>&1 &
gateway_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$gateway_port/readyz"; do
  kill -0 "$gateway_pid" 2>/dev/null || { tail -40 "$work/gateway.log"; exit 1; }
  sleep 1
done

# The bench is a JUnit class that neither Surefire nor Failsafe pick up by name; name it here.
./mvnw -B -q verify -pl platform/search -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SiteSearchLatencyBench -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.elasticsearch=http://127.0.0.1:$es_port -Dbench.gateway=http://127.0.0.1:$gateway_port \
  -Dbench.documents="$documents" -Dbench.queries="$queries"
cat platform/search/target/bench/site-search.txt
