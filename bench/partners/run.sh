#!/usr/bin/env bash
# Partner webhooks: published -> first delivery attempt (one endpoint, then 100) and deliveries
# per second to 100 endpoints on loopback, beside the webhook client alone. Needs dockerd and the
# test images: the bench starts the same PostgreSQL, Kafka and Elasticsearch containers as the
# integration tests and removes them afterwards.
#   bench/partners/run.sh [-Dbench.events=300] [-Dbench.burst=100] [-Dbench.endpoints=100] ...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
echo "load before: $(uptime)"
# The bench is a JUnit class that neither Surefire nor Failsafe pick up by name; name it here.
./mvnw -B -q verify -pl publishing-service -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=PartnerDeliveryBench -Dfailsafe.failIfNoSpecifiedTests=false "$@"
echo "load after: $(uptime)"
cat publishing-service/target/bench/partner-deliveries.txt
