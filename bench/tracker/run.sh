#!/usr/bin/env bash
# Tracker: ingestion throughput and de-duplication cost at 100,000 items (through the real
# ingestion against the tests' PostgreSQL), then the trends page over HTTP on loopback with a few
# hundred published developments. Needs dockerd and the test images: the benches start the same
# engines as the integration tests.
#   bench/tracker/run.sh [-Dbench.items=100000] [-Dbench.feedSize=500] [-Dbench.probes=1000]
#                        [-Dbench.developments=300] [-Dbench.pages=2000] [-Dbench.clients=8]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
echo "load before: $(uptime)"
# The benches are JUnit classes that neither Surefire nor Failsafe pick up by name; name them here.
./mvnw -B -q verify -pl tracker-service -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='IngestionBench,TrendsPageBench' -Dfailsafe.failIfNoSpecifiedTests=false "$@"
echo "load after: $(uptime)"
cat tracker-service/target/bench/tracker-ingestion.txt tracker-service/target/bench/tracker-trends.txt
