#!/usr/bin/env bash
# kafka-run-class.sh CLASS [ARGS...]: runs a Kafka main class on the image's classpath, with the
# JVM variables the upstream scripts honour: KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS,
# KAFKA_GC_LOG_OPTS, KAFKA_JMX_OPTS, KAFKA_LOG4J_OPTS, KAFKA_OPTS, CLASSPATH.
set -euo pipefail
if (($# < 1)); then echo "USAGE: $0 classname [opts]" >&2; exit 1; fi

base_dir=$(cd "$(dirname "$0")/.." && pwd)
heap=${KAFKA_HEAP_OPTS:--Xmx256M}
perf=${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true}
# Command-line tools log warnings to stderr only, so their stdout stays parseable.
log4j=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$base_dir/config/tools-log4j2.xml}
cp="$base_dir/libs/*${CLASSPATH:+:$CLASSPATH}"

# Word splitting of the option variables is intended: each holds several JVM flags.
# shellcheck disable=SC2086
exec java $heap $perf ${KAFKA_GC_LOG_OPTS:-} ${KAFKA_JMX_OPTS:-} $log4j ${KAFKA_OPTS:-} -cp "$cp" "$@"
