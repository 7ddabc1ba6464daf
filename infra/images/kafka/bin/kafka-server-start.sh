#!/usr/bin/env bash
# kafka-server-start.sh server.properties [--override key=value ...]: the broker in the foreground,
# logging to the console, with the upstream default heap of 1 GB unless KAFKA_HEAP_OPTS is set.
set -euo pipefail
if (($# < 1)); then echo "USAGE: $0 server.properties [--override property=value]*" >&2; exit 1; fi
base_dir=$(cd "$(dirname "$0")/.." && pwd)
export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}
export KAFKA_LOG4J_OPTS=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$base_dir/config/log4j2.xml}
exec "$base_dir/bin/kafka-run-class.sh" kafka.Kafka "$@"
