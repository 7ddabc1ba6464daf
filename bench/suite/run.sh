#!/usr/bin/env bash
# Latency and memory of the running compose suite (`./bcs up`, with demo data), measured with wrk:
#   1. the home page through the gateway, all services up (also with one connection), then with
#      tracker-service stopped;
#   2. gateway overhead: the same content-service pages through the gateway and directly from the
#      service, both at their container addresses (the same network path), alternating, in pairs,
#      then one pair with a single connection; the median ratio of the pairs closes each page;
#   3. memory: the RSS of every container of the suite while the site is under a mixed load.
# Installs wrk with apt-get when missing (needs root). Raw wrk output and a summary go to
# .work/bench-suite/<UTC time>/. Each wrk run notes the load average before and after it.
#   bench/suite/run.sh                    defaults: 30 s per run, 8 connections, 3 pairs
#   DURATION=60 CONNECTIONS=16 PAIRS=5 bench/suite/run.sh
#   bench/suite/run.sh home overhead memory      (any subset, in this order)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
PAIRS=${PAIRS:-3}
STOPPED=${STOPPED:-tracker-service}
PROJECT=biochemsec
SINGLE_DURATION=${SINGLE_DURATION:-15}
parts=("$@")
((${#parts[@]})) || parts=(home overhead memory)

out=$(pwd)/.work/bench-suite/$(date -u +%Y%m%dT%H%M%SZ)
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

# The gateway at its container address, like the service it is compared with: localhost:8080 goes
# through Docker's userland port proxy, a hop of its own that the direct requests do not take.
[[ -n $(container gateway) ]] || { echo "no gateway container: start the suite with ./bcs up" >&2; exit 1; }
GATEWAY=${GATEWAY:-http://$(address gateway):8080}
curl -fsS -o /dev/null "$GATEWAY/readyz" \
  || { echo "the gateway does not answer at $GATEWAY: start the suite with ./bcs up" >&2; exit 1; }
compose_service() {
  if docker compose version >/dev/null 2>&1; then docker compose -p "$PROJECT" "$@"; else docker-compose -p "$PROJECT" "$@"; fi
}

# wrk's "NN%  1.23ms" lines in milliseconds.
pct() { awk -v p="$1%" '$1 == p { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
  f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1; printf "%.2f", v * f }' "$2"; }

# run NAME URL [CONNECTIONS DURATION]: one wrk run; prints "p50 p99 rps non2xx errors load-before
# load-after".
run() {
  local name=$1 url=$2 connections=${3:-$CONNECTIONS} duration=${4:-$DURATION} file="$out/$1.txt"
  local before after non2xx errors rps threads=$THREADS
  ((connections < threads)) && threads=$connections
  before=$(loadavg)
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s --latency "$url" >"$file" 2>&1
  after=$(loadavg)
  non2xx=$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$file"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$file"); errors=${errors:-0}
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$file")
  echo "$(pct 50 "$file") $(pct 99 "$file") $rps $non2xx $errors $before $after"
}

report() { # LABEL "p50 p99 rps non2xx errors before after"
  local label=$1 p50 p99 rps non2xx errors before after
  read -r p50 p99 rps non2xx errors before after <<<"$2"
  say "$(printf '%-44s p50 %8s ms  p99 %8s ms  %6s req/s  non-2xx %s  errors %s  load %s -> %s' \
    "$label" "$p50" "$p99" "$rps" "$non2xx" "$errors" "$before" "$after")"
}

say "suite bench $(date -u '+%Y-%m-%d %H:%M UTC'), wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

home() {
  say "## home page through the gateway"
  curl -fsS -o /dev/null "$GATEWAY/"
  report "/ all services up" "$(run home-all-up "$GATEWAY/")"
  report "/ all services up, one connection" "$(run home-all-up-single "$GATEWAY/" 1 "$SINGLE_DURATION")"
  compose_service stop "$STOPPED" >/dev/null 2>&1
  curl -sS -o /dev/null "$GATEWAY/" || true
  report "/ with $STOPPED stopped" "$(run home-one-down "$GATEWAY/")"
  compose_service start "$STOPPED" >/dev/null 2>&1
  # Back to healthy before anything else is measured.
  local id
  id=$(container "$STOPPED")
  for _ in $(seq 120); do
    [[ $(docker inspect -f '{{.State.Health.Status}}' "$id") == healthy ]] && break
    sleep 2
  done
  say "$STOPPED: $(docker inspect -f '{{.State.Health.Status}}' "$id") again"
}

# median of the numbers given
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

overhead() {
  local path name g d gp99 dp99 gp50 dp50 r50 r99
  local direct=http://$(address content-service):8081
  curl -fsS -o /dev/null "$direct/actuator/health/readiness" || { echo "content-service at $direct does not answer" >&2; exit 1; }
  for path in '/api/content/v1/posts?size=5' '/feeds/posts.atom'; do
    name=$(echo "$path" | tr -c 'a-z0-9' '-' | sed 's/-*$//; s/^-*//')
    say "## gateway overhead: $path (gateway $GATEWAY, direct $direct)"
    curl -fsS -o /dev/null "$GATEWAY$path"; curl -fsS -o /dev/null "$direct$path"
    local ratios50=() ratios99=()
    for i in $(seq "$PAIRS"); do
      g=$(run "overhead-$name-gateway-$i" "$GATEWAY$path")
      d=$(run "overhead-$name-direct-$i" "$direct$path")
      report "pair $i through the gateway" "$g"
      report "pair $i direct" "$d"
      read -r gp50 gp99 _ <<<"$g"; read -r dp50 dp99 _ <<<"$d"
      r50=$(awk -v a="$gp50" -v b="$dp50" 'BEGIN {printf "%.2f", a / b}')
      r99=$(awk -v a="$gp99" -v b="$dp99" 'BEGIN {printf "%.2f", a / b}')
      ratios50+=("$r50"); ratios99+=("$r99")
      say "pair $i ratio gateway/direct: p50 $r50, p99 $r99"
    done
    say "median of $PAIRS pairs, ratio gateway/direct: p50 $(median "${ratios50[@]}"), p99 $(median "${ratios99[@]}")"
    g=$(run "overhead-$name-gateway-single" "$GATEWAY$path" 1 "$SINGLE_DURATION")
    d=$(run "overhead-$name-direct-single" "$direct$path" 1 "$SINGLE_DURATION")
    report "one connection through the gateway" "$g"
    report "one connection direct" "$d"
  done
}

# Every container's memory while wrk loads the gateway's home page, content, tracker, publishing and
# network lists and the site search at once (all through the gateway). docker stats shows the
# cgroup's usage without the inactive page cache; VmRSS is the java process (pid 1) itself.
memory() {
  say "## memory under a mixed load through the gateway (${DURATION} s)"
  local paths=('/' '/api/content/v1/posts?size=5' '/feeds/posts.atom' '/api/tracker/v1/developments?size=5'
    '/api/publishing/v1/papers?size=5' '/api/network/v1/meetings?upcoming=true&size=3' '/api/search?q=biological')
  local pids=() p i=0 before
  before=$(loadavg)
  for p in "${paths[@]}"; do
    i=$((i + 1))
    wrk -t1 -c2 -d"${DURATION}s" --timeout 10s --latency "$GATEWAY$p" >"$out/memory-load-$i.txt" 2>&1 &
    pids+=($!)
  done
  local stats=$out/memory-stats.txt rss=$out/memory-rss.txt
  : >"$stats"; : >"$rss"
  sleep 5
  local end=$((SECONDS + DURATION - 8))
  while ((SECONDS < end)); do
    echo '-- sample' >>"$stats"
    # shellcheck disable=SC2046  # one argument per container id
    docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' \
      $(docker ps -q --filter "label=com.docker.compose.project=$PROJECT") >>"$stats"
    for p in gateway content-service network-service tracker-service publishing-service; do
      echo "$p $(docker exec "$(container "$p")" awk '/VmRSS/ {print $2}' /proc/1/status)" >>"$rss"
    done
  done
  wait "${pids[@]}"
  say "load average $before -> $(loadavg); per load path:"
  i=0
  for p in "${paths[@]}"; do
    i=$((i + 1))
    say "$(printf '  %-48s p50 %8s ms  p99 %8s ms  non-2xx %s' "$p" "$(pct 50 "$out/memory-load-$i.txt")" \
      "$(pct 99 "$out/memory-load-$i.txt")" "$(awk '/Non-2xx/ {n = $NF} END {print n + 0}' "$out/memory-load-$i.txt")")"
  done
  say "peak per container (docker stats, MiB), java VmRSS (MiB) and the largest total of one sample:"
  # Names are biochemsec[-_]<service>[-_]1; units of docker stats are KiB, MiB or GiB.
  awk 'FNR == NR && $1 == "--" { if (sum > max) max = sum; sum = 0; next }
       FNR == NR { n = $1; v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[A-Za-z]+$/, "", v);
         f = (u == "GiB") ? 1024 : (u == "KiB") ? 1 / 1024 : (u == "B") ? 1 / 1048576 : 1;
         sum += v * f; if (v * f > peak[n]) peak[n] = v * f; next }
       { if ($2 / 1024 > rss[$1]) rss[$1] = $2 / 1024 }
       END { if (sum > max) max = sum;
             for (n in peak) { s = n; sub(/^biochemsec[-_]/, "", s); sub(/[-_][0-9]+$/, "", s);
               printf "  %-22s %7.0f", s, peak[n]; if (s in rss) printf "   VmRSS %5.0f", rss[s]; printf "\n"; total += peak[n] }
             printf "  %-22s %7.0f MiB (%.2f GiB); sum of the peaks %.0f MiB\n", "suite total", max, max / 1024, total }' \
    "$stats" "$rss" | sort | tee -a "$summary"
}

for part in "${parts[@]}"; do "$part"; done
say "raw output: ${out#"$(pwd)"/}"
