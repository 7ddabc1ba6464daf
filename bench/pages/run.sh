#!/usr/bin/env bash
# Anonymous public pages at 50 connections (wrk), side by side in one run. content-service's:
#   rendered  straight from content-service with a Cookie header, which makes it render the page
#             for every request (what every read cost before pages were kept: the reference)
#   kept      straight from content-service, anonymous: served from the kept pages
#   proxied   through the gateway with a (made-up) session cookie: the gateway proxies every request
#             (it keeps pages only for readers without a session) to content-service's kept page
#   gateway   through the gateway, anonymous: answered from the gateway's kept pages; what readers get
# Then the other services' public pages (papers, meetings, tracker, network): rendered straight
# from the service against the gateway's kept page.
# Each page is measured in PAIRS rounds of rendered/kept/proxied/gateway, alternating, so the
# machine's load falls on all alike. Needs the compose suite with demo data (./bcs up).
#   bench/pages/run.sh                       defaults: 15 s per run, 50 connections, 2 rounds
#   DURATION=30 PAIRS=3 bench/pages/run.sh
# Raw wrk output and a summary go to .work/bench-pages/<UTC time>/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
PAIRS=${PAIRS:-2}
PROJECT=biochemsec

out=$(pwd)/.work/bench-pages/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
summary=$out/summary.txt

if ! command -v wrk >/dev/null 2>&1; then
  [[ $(id -u) -eq 0 ]] || { echo "wrk is missing; install it (apt-get install wrk) or run as root" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

say() { printf '%s\n' "$*" | tee -a "$summary"; }
loadavg() { cut -d' ' -f1 /proc/loadavg; }
container() { docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1"; }
address() { docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' "$(container "$1")" | awk '{print $1}'; }

[[ -n $(container gateway) && -n $(container content-service) ]] \
  || { echo "start the suite with ./bcs up first" >&2; exit 1; }
# Both at their container addresses: the same network path for each.
GATEWAY=http://$(address gateway):8080
CONTENT=http://$(address content-service):8081

# A published demo post, its topic page and the Atom feed.
slug=$(curl -fsS "$CONTENT/api/content/v1/posts?size=1" | sed -n 's/.*"slug":"\([^"]*\)".*/\1/p' | head -1)
[[ -n $slug ]] || { echo "no published post: start the suite with demo data" >&2; exit 1; }
pages=("/blog/$slug" "/blog" "/feeds/posts.atom")

# wrk's Lua: a header on every request, and percentiles printed in milliseconds.
cat >"$out/report.lua" <<'LUA'
local header = os.getenv("BENCH_HEADER")
if header and header ~= "" then
  local name, value = header:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
wrk.headers["Accept"] = "text/html,application/atom+xml"
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.1f %.1f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.timeout))
end
LUA

run() { # name url header
  local name=$1 url=$2 header=$3 before after result
  before=$(loadavg)
  result=$(BENCH_HEADER=$header wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s "$out/report.lua" "$url" | tee -a "$out/wrk-$name.txt" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}')
  after=$(loadavg)
  read -r rps p50 p99 non2xx timeouts <<<"$result"
  say "| $path | $name | $rps | $p50 | $p99 | $non2xx | $timeouts | $before → $after |"
}

say "content-service pages, $CONNECTIONS connections, ${DURATION}s per run, $(date -u +%FT%TZ), $(nproc) cores"
say ""
say "| page | how | pages/s | p50 ms | p99 ms | non-2xx | timeouts | load before → after |"
say "| --- | --- | --- | --- | --- | --- | --- | --- |"
for path in "${pages[@]}"; do
  curl -fsS -o /dev/null "$CONTENT$path"; curl -fsS -o /dev/null "$GATEWAY$path"
  for ((round = 1; round <= PAIRS; round++)); do
    run rendered "$CONTENT$path" "Cookie: bench=render"
    run kept "$CONTENT$path" ""
    run proxied "$GATEWAY$path" "Cookie: SESSION=bench-reference"
    run gateway "$GATEWAY$path" ""
  done
done

# The other services' kept pages: rendered straight from the service for every request (a Cookie
# header) against what readers get through the gateway, anonymous. Slugs from the demo data.
first_link() { curl -fsS "$GATEWAY$1" | grep -o "href=\"$1/[a-z0-9-]*\"" | grep -v "$1/trends\|$1/review\|$1/suggest\|$1/feed" | head -1 | sed 's/href="\(.*\)"/\1/'; }
declare -A service_of=([papers]=publishing-service:8084 [meetings]=publishing-service:8084
  [tracker]=tracker-service:8083 [network]=network-service:8082)
others=(/papers /meetings /tracker /tracker/trends /network)
for section in /papers /meetings /tracker; do
  link=$(first_link "$section" || true)
  [[ -n $link ]] && others+=("$link")
done
say ""
say "| page | how | pages/s | p50 ms | p99 ms | non-2xx | timeouts | load before → after |"
say "| --- | --- | --- | --- | --- | --- | --- | --- |"
for path in "${others[@]}"; do
  section=${path#/}; section=${section%%/*}
  host=${service_of[$section]}
  service=http://$(address "${host%%:*}"):${host##*:}
  curl -fsS -o /dev/null "$service$path" && curl -fsS -o /dev/null "$GATEWAY$path" || { say "| $path | not served | | | | | | |"; continue; }
  for ((round = 1; round <= PAIRS; round++)); do
    run rendered "$service$path" "Cookie: bench=render"
    run gateway "$GATEWAY$path" ""
  done
done
say ""
say "raw output: $out"
