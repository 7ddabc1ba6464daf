#!/usr/bin/env bash
# The gateway's own cost per proxied request, against nginx as a plain reverse proxy in front of the
# same service (the floor), in one run. Needs the suite up (`./bcs up`); installs wrk, hey and nginx
# from Debian's packages when they are missing (as root).
#
#   bench/gateway/run.sh                     # defaults below; DURATION=30 ROUNDS=3 for longer runs
#
# For each way to reach the same anonymous API answer (content-service's post list, which the
# gateway proxies and never keeps) it reports:
#   - CPU per request of the proxy process (the gateway's JVM, nginx's workers) and of content-service,
#     read from /proc/<pid>/stat (user + system ticks) around a closed-loop wrk run at CONNECTIONS;
#   - latency at a fixed rate of half the direct capacity measured just before (hey -q, not at
#     saturation), p50 and p99, so the gateway's added latency is not the queueing of a full machine.
# Ways: direct (the service's container address), nginx (loopback, keep-alive to the same address),
# gateway (its container address). The ways alternate within each round so all see the same noise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-8}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-60}
PATH_=${BENCH_PATH:-/api/content/v1/posts?size=5}
PROJECT=biochemsec
NGINX_PORT=${NGINX_PORT:-28180}

out=$(pwd)/.work/bench-gateway/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
summary=$out/summary.txt

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v hey >/dev/null 2>&1 || need+=(hey)
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || need+=(nginx-light)
if ((${#need[@]})); then
  [[ $(id -u) -eq 0 ]] || { echo "missing: ${need[*]}; install them (apt-get install ${need[*]}) or run as root" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

say() { printf '%s\n' "$*" | tee -a "$summary"; }
container() { docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1"; }
address() { docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' "$(container "$1")" | awk '{print $1}'; }
host_pid() { docker inspect -f '{{.State.Pid}}' "$(container "$1")"; }

[[ -n $(container gateway) ]] || { echo "no gateway container: start the suite with ./bcs up" >&2; exit 1; }
SERVICE=$(address content-service)
DIRECT=http://$SERVICE:8081$PATH_
GATEWAY=http://$(address gateway):8080$PATH_
VIA_NGINX=http://127.0.0.1:$NGINX_PORT$PATH_
curl -fsS -o /dev/null "$DIRECT" || { echo "content-service does not answer at $DIRECT" >&2; exit 1; }

# nginx as a plain reverse proxy: two workers (one per core), keep-alive to the upstream, no
# logging, no buffering changes. Its own prefix under .work, removed afterwards.
mkdir -p "$out/nginx"
cat >"$out/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream content { server $SERVICE:8081; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://content;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
EOF
"$NGINX" -p "$out/nginx" -c "$out/nginx/nginx.conf"
cleanup() { [[ -f "$out/nginx/nginx.pid" ]] && kill "$(cat "$out/nginx/nginx.pid")" 2>/dev/null || true; }
trap cleanup EXIT
sleep 1
curl -fsS -o /dev/null "$VIA_NGINX" || { echo "nginx does not answer at $VIA_NGINX" >&2; exit 1; }

# user + system clock ticks of a set of processes
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
nginx_workers() { pgrep -P "$(cat "$out/nginx/nginx.pid")" | tr '\n' ' '; }
HZ=$(getconf CLK_TCK)

# closed loop: requests/s, and CPU ms per request of the proxy and of the service
closed() { # NAME URL PROXY_PIDS...
  local name=$1 url=$2 file="$out/$1-closed.txt"
  shift 2
  local service_pid proxy0 service0 proxy1 service1 requests
  service_pid=$(host_pid content-service)
  proxy0=$(ticks "$@"); service0=$(ticks "$service_pid")
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$url" >"$file" 2>&1
  proxy1=$(ticks "$@"); service1=$(ticks "$service_pid")
  requests=$(awk '/requests in/ {print $1}' "$file")
  awk -v r="$requests" -v d="$DURATION" -v p=$((proxy1 - proxy0)) -v s=$((service1 - service0)) -v hz="$HZ" \
    'BEGIN { printf "%.0f %.3f %.3f", r / d, (p / hz * 1000) / r, (s / hz * 1000) / r }'
}

# fixed rate: p50 and p99 in ms at RATE requests/s (hey -q is per worker; 10 workers)
fixed() { # NAME URL RATE
  local name=$1 url=$2 rate=$3 file="$out/$1-fixed.txt" workers=10
  hey -z "${DURATION}s" -c "$workers" -q "$(awk -v r="$rate" -v w="$workers" 'BEGIN { printf "%d", r / w }')" "$url" >"$file" 2>&1
  awk '/ 50% in / {p50 = $3} / 99% in / {p99 = $3} /Requests\/sec/ {rps = $2}
    END { printf "%.2f %.2f %.0f", p50 * 1000, p99 * 1000, rps }' "$file"
}

say "gateway bench $(date -u '+%Y-%m-%d %H:%M UTC'), $PATH_, wrk -c$CONNECTIONS and hey, ${DURATION}s each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# The JIT needs a while under load before CPU per request settles: right after a start the
# gateway used 3-5 ms per request for its first minute and 0.6-0.7 ms once compiled (load 20).
warm() { wrk -t2 -c"$CONNECTIONS" -d"$2s" "$1" >/dev/null 2>&1 || true; }
warm "$DIRECT" "$WARMUP"; warm "$VIA_NGINX" 5; warm "$GATEWAY" "$WARMUP"

for round in $(seq 1 "$ROUNDS"); do
  read -r direct_rps _ direct_service <<<"$(closed "r$round-direct" "$DIRECT")"
  read -r nginx_rps nginx_cpu nginx_service <<<"$(closed "r$round-nginx" "$VIA_NGINX" $(nginx_workers))"
  read -r gateway_rps gateway_cpu gateway_service <<<"$(closed "r$round-gateway" "$GATEWAY" "$(host_pid gateway)")"
  rate=$((direct_rps / 2))
  read -r d50 d99 drps <<<"$(fixed "r$round-direct" "$DIRECT" "$rate")"
  read -r n50 n99 nrps <<<"$(fixed "r$round-nginx" "$VIA_NGINX" "$rate")"
  read -r g50 g99 grps <<<"$(fixed "r$round-gateway" "$GATEWAY" "$rate")"
  say "round $round (load $(cut -d' ' -f1 /proc/loadavg))"
  say "$(printf '  closed loop   direct  %6s req/s                       service %6s ms CPU/req' "$direct_rps" "$direct_service")"
  say "$(printf '  closed loop   nginx   %6s req/s  proxy %6s ms CPU/req  service %6s ms CPU/req' "$nginx_rps" "$nginx_cpu" "$nginx_service")"
  say "$(printf '  closed loop   gateway %6s req/s  proxy %6s ms CPU/req  service %6s ms CPU/req' "$gateway_rps" "$gateway_cpu" "$gateway_service")"
  say "$(printf '  at %5s/s     direct  p50 %7s ms  p99 %7s ms  (%s req/s)' "$rate" "$d50" "$d99" "$drps")"
  say "$(printf '  at %5s/s     nginx   p50 %7s ms  p99 %7s ms  (%s req/s)' "$rate" "$n50" "$n99" "$nrps")"
  say "$(printf '  at %5s/s     gateway p50 %7s ms  p99 %7s ms  (%s req/s); target p99 <= %s ms (1.15 x direct + 2)' \
    "$rate" "$g50" "$g99" "$grps" "$(awk -v d="$d99" 'BEGIN { printf "%.1f", d * 1.15 + 2 }')")"
done
say "raw output: $out"
