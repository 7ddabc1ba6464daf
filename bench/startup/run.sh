#!/usr/bin/env bash
# Start-up time of one service to readiness, plain JVM against JVM with an AOT cache (JEP 483/514/515,
# Java 25), run alternately so both see the same machine noise. Needs dockerd and the engine images;
# starts its own PostgreSQL, Kafka and Elasticsearch on loopback ports and removes them afterwards.
#   bench/startup/run.sh [SERVICE] [RUNS]      e.g. bench/startup/run.sh content-service 7
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
service=${1:-content-service}
runs=${2:-7}
db=${service%-service}
work=$(pwd)/.work/bench-startup
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
mkdir -p "$work"
prefix=bcs-bench-startup

cleanup() { docker rm -f "$prefix-pg" "$prefix-kafka" "$prefix-es" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup

[[ -f "$service/target/$service-exec.jar" ]] || ./mvnw -B -q package -DskipTests -pl "$service" -am

docker run -d --name "$prefix-pg" -p 127.0.0.1:25432:5432 -e POSTGRES_PASSWORD=bench postgres:17 >/dev/null
docker run -d --name "$prefix-kafka" -p 127.0.0.1:29092:9092 \
  -e KAFKA_NODE_ID=1 -e KAFKA_PROCESS_ROLES=broker,controller \
  -e KAFKA_LISTENERS=PLAINTEXT://:9092,CONTROLLER://:9093 -e KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://127.0.0.1:29092 \
  -e KAFKA_CONTROLLER_LISTENER_NAMES=CONTROLLER -e KAFKA_LISTENER_SECURITY_PROTOCOL_MAP=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT \
  -e KAFKA_CONTROLLER_QUORUM_VOTERS=1@localhost:9093 -e KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=1 \
  -e KAFKA_HEAP_OPTS="-Xms256m -Xmx256m" apache/kafka:4.1.1 >/dev/null
docker run -d --name "$prefix-es" -p 127.0.0.1:29200:9200 -e discovery.type=single-node \
  -e xpack.security.enabled=false -e ES_JAVA_OPTS="-Xms384m -Xmx384m" \
  docker.elastic.co/elasticsearch/elasticsearch:8.19.21 >/dev/null

until docker exec "$prefix-pg" pg_isready -h 127.0.0.1 -U postgres >/dev/null 2>&1; do sleep 1; done
until curl -fs 'http://127.0.0.1:29200/_cluster/health?wait_for_status=yellow&timeout=1s' >/dev/null; do sleep 1; done
docker exec "$prefix-pg" psql -q -U postgres -c "create role $db login password '$db'" -c "create database $db owner $db"

export BCS_DB_URL=jdbc:postgresql://127.0.0.1:25432/$db BCS_DB_USER=$db BCS_DB_PASSWORD=$db
export BCS_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:29092 BCS_ELASTICSEARCH_URIS=http://127.0.0.1:29200 PORT=28080

# The AOT cache needs a plain classpath of jars, so start from the extracted layout, as an image would.
rm -rf "$work/app" && "$java" -Djarmode=tools -jar "$service/target/$service-exec.jar" extract --destination "$work/app" >/dev/null
jar="$work/app/$service-exec.jar"
flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=4 -Xmx256m)

# Training run: start the context and exit once it is refreshed.
rm -f "$work/app.aot"
"$java" "${flags[@]}" -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh -jar "$jar" >"$work/train.log" 2>&1
ls -l "$work/app.aot" >&2

ready_ms() {
  local start end pid
  start=$(date +%s%N)
  "$java" "${flags[@]}" "$@" -jar "$jar" >"$work/run.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do sleep 0.05; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(((end - start) / 1000000))
}

plain=() aot=()
for i in $(seq "$runs"); do
  plain+=("$(ready_ms)")
  aot+=("$(ready_ms -XX:AOTCache="$work/app.aot")")
  echo "run $i: plain ${plain[-1]} ms, aot ${aot[-1]} ms" >&2
done

stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, max %d ms", a[int((NR+1)/2)], a[NR]}'; }
p=$(printf '%s\n' "${plain[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
q=$(printf '%s\n' "${aot[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "$service, $runs runs each, time from exec to readiness UP"
echo "  plain:     $(stats "${plain[@]}")"
echo "  AOT cache: $(stats "${aot[@]}")"
awk -v p="$p" -v q="$q" 'BEGIN {printf "  ratio of medians (AOT / plain): %.2f\n", q / p}'
