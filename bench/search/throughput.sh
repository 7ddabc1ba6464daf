#!/usr/bin/env bash
# Site searches per second on the demo data: GET /api/search through the running suite's gateway at
# CONNECTIONS (50) with wrk, a mix of reader queries and filters, and beside it the same mix at one
# connection (the latency of a search on an unloaded gateway). Needs the suite up (`./bcs up`, demo
# data on); installs wrk from Debian's packages when missing (as root).
#
# Every search counts against the gateway's per-client limit (120 a minute), and all of wrk's come
# from one address, so the gateway is started again for the bench with the limit raised: each search
# still checks it in Redis as in production. The gateway is put back as it was afterwards.
#
#   bench/search/throughput.sh                   # DURATION=15 CONNECTIONS=50 ROUNDS=2
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-50}
ROUNDS=${ROUNDS:-2}
# A recreated gateway compiles its hot paths under the first minutes of load.
WARMUP=${WARMUP:-90}
PROJECT=biochemsec
out=$(pwd)/.work/bench-search-throughput/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
summary=$out/summary.txt
say() { printf '%s\n' "$*" | tee -a "$summary"; }

if ! command -v wrk >/dev/null 2>&1; then
  [[ $(id -u) -eq 0 ]] || { echo "missing: wrk; install it (apt-get install wrk) or run as root" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
container() { docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1"; }
[[ -n $(container gateway) ]] || { echo "no gateway container: start the suite with ./bcs up" >&2; exit 1; }

# The gateway with the search limit raised, through an override file of this run only.
cat >"$out/override.yml" <<'EOF'
services:
  gateway:
    environment:
      BCS_RATE_LIMIT_SEARCH: "100000000"
EOF
# An operator's docker-compose.override.yml stays in, as in ./bcs.
files=(-f docker-compose.yml)
[[ -f docker-compose.override.yml ]] && files+=(-f docker-compose.override.yml)
gateway_up() {
  "${compose[@]}" -p "$PROJECT" "${files[@]}" "$@" up -d --no-deps gateway >>"$out/compose.log" 2>&1
  local status=
  for _ in $(seq 150); do
    status=$(docker inspect -f '{{.State.Health.Status}}' "$(container gateway)" 2>/dev/null || true)
    [[ $status == healthy ]] && return 0
    sleep 2
  done
  echo "the gateway did not become healthy (last: $status)" >&2
  return 1
}
trap 'gateway_up || true' EXIT
gateway_up -f "$out/override.yml"
address=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' "$(container gateway)" | awk '{print $1}')
base=http://$address:8080

# Reader queries on the demo data's subjects, some with a filter or a second page; wrk's Lua picks
# them in turn, so every connection walks the same mix.
cat >"$out/mix.lua" <<'EOF'
local paths = {
  "/api/search?q=gene+synthesis", "/api/search?q=verification", "/api/search?q=BWC",
  "/api/search?q=chemical+weapons", "/api/search?q=screening&type=development",
  "/api/search?q=artificial+intelligence", "/api/search?q=export+controls", "/api/search?q=1540",
  "/api/search?q=briefing+paper&type=paper", "/api/search?q=biosecurity&regime=BWC",
  "/api/search?q=meeting+of+states+parties", "/api/search?q=synth*", "/api/search?q=%22gene+drive%22",
  "/api/search?q=laboratory+biosafety", "/api/search?q=confidence-building+measures",
  "/api/search?q=review&page=2", "/api/search?q=benchtop", "/api/search?q=verificaton",
  "/api/search?q=what+is+the+biological+weapons+convention", "/api/search?q=&regime=CWC",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept"] = "application/json" })
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f req/s p50 %.1f ms p99 %.1f ms non2xx %d errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
EOF
curl -fsS -o /dev/null "$base/api/search?q=gene+synthesis" || { echo "the gateway does not answer searches" >&2; exit 1; }
hits=$(curl -fsS "$base/api/search?q=gene+synthesis" | grep -o '"total":[0-9]*' | head -1)

say "search throughput $(date -u '+%Y-%m-%d %H:%M UTC'), demo data ($hits for 'gene synthesis'), wrk ${DURATION}s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
say "  warm-up: $WARMUP s at $CONNECTIONS connections"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$out/mix.lua" "$base" >"$out/warmup.txt" 2>&1
for round in $(seq "$ROUNDS"); do
  for connections in "$CONNECTIONS" 1; do
    result=$(wrk -t$((connections > 1 ? 2 : 1)) -c"$connections" -d"${DURATION}s" --latency -s "$out/mix.lua" "$base" \
      | tee "$out/round$round-c$connections.txt" | grep '^RESULT' | sed 's/^RESULT //')
    say "  round $round  $(printf '%3d' "$connections") connections  $result  (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
say "raw output: $out"
