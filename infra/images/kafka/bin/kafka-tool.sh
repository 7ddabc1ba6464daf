#!/usr/bin/env bash
# kafka-tool.sh CLASS [ARGS...]: runs a command-line tool (every script but the broker's) in a JVM
# of its own size. An operator's `docker exec kafka kafka-console-consumer.sh ...` inherits the
# container's environment, broker settings included; with the broker's KAFKA_HEAP_OPTS the tool
# would take a broker-sized heap inside the broker's memory limit and get the broker OOM-killed.
# So tools read KAFKA_TOOLS_HEAP_OPTS and KAFKA_TOOLS_JVM_OPTS instead, whose defaults below are
# small and fully capped (heap, metaspace, code cache, direct buffers, thread stacks; C1 only,
# which needs less memory than C2 and is plenty for a short-lived tool). docker-compose.yml's
# memory limit for Kafka leaves room for one such JVM beside the broker (checked by
# ContainerMemoryBudgetTests).
set -euo pipefail
export KAFKA_HEAP_OPTS="${KAFKA_TOOLS_HEAP_OPTS:--Xms16m -Xmx96m}"
export KAFKA_JVM_PERFORMANCE_OPTS="${KAFKA_TOOLS_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:MaxDirectMemorySize=16m -Xss512k -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true}"
exec "$(dirname "$0")/kafka-run-class.sh" "$@"
