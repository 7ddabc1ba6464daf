#!/usr/bin/env bash
# Papers: a version's PDF made on request, a 20-paper meeting pack and the paper's page, over HTTP
# on loopback. Needs dockerd and the test images (the same engines as the integration tests).
#   bench/papers/run.sh [-Dbench.papers=20] [-Dbench.pdfs=200] [-Dbench.packs=20] [-Dbench.pages=2000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
echo "load before: $(uptime)"
# The bench is a JUnit class that neither Surefire nor Failsafe pick up by name; name it here.
./mvnw -B -q verify -pl publishing-service -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=PaperPdfBench -Dfailsafe.failIfNoSpecifiedTests=false "$@"
echo "load after: $(uptime)"
cat publishing-service/target/bench/papers.txt
