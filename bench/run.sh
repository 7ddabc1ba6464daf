#!/usr/bin/env bash
# Every bench of bench/README.md in one sequence, with the machine's load before and after each, into
# one summary: .work/bench-all/<UTC time>/summary.txt (each bench's own output beside it). The
# targets table in bench/README.md is then brought up to date from that summary by hand, with the
# date and the load, since a number means little without the state of the machine it came from.
#
#   bench/run.sh                 every bench (about an hour on a quiet 2-core machine)
#   bench/run.sh search pages    only those (names below)
#
# First the benches that start their own engines (the tests' containers), one at a time and with
# the suite down, so they do not compete with it; then the ones that measure the running suite,
# after `./bcs up`, including a second `./bcs up` after `./bcs down` (the start-up target). A bench
# that fails is reported and the sequence goes on.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ALL=(events rsvp searchable startup search papers partners tracker up pages gateway searches suite memory)
names=("$@")
((${#names[@]})) || names=("${ALL[@]}")

out=$(pwd)/.work/bench-all/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
summary=$out/summary.txt
say() { printf '%s\n' "$*" | tee -a "$summary"; }

# bench NAME COMMAND...: runs it with its output in NAME.log; the summary gets the load around it,
# its time, its exit code and the result lines it printed last.
bench() {
  local name=$1 start=$SECONDS rc
  shift
  say "== $name ($(date -u '+%H:%M:%S UTC'), load $(cut -d' ' -f1-3 /proc/loadavg))"
  "$@" >"$out/$name.log" 2>&1
  rc=$?
  tail -n 20 "$out/$name.log" | grep -v '^\[INFO\]\|^$' | tail -n 12 | sed 's/^/   /' | tee -a "$summary"
  say "   exit $rc after $((SECONDS - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
}

maven_bench() { # MODULE CLASS [RESULT FILE]
  ./mvnw -B -q verify -pl "$1" -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="$2" -Dfailsafe.failIfNoSpecifiedTests=false && cat "$3"
}

second_up() {
  ./bcs up >/dev/null && ./bcs down >/dev/null || return 1
  local start=$SECONDS
  ./bcs up | grep -E 'done in|is up' || return 1
  echo "second ./bcs up after ./bcs down: $((SECONDS - start)) s"
}

suite_up() { [[ -n $(docker ps -q --filter label=com.docker.compose.project=biochemsec) ]]; }
# The engine benches run with the suite down; the suite benches bring it up themselves.
suite_down() { if suite_up; then ./bcs down >/dev/null; fi; }

say "bench/run.sh $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null)"
for name in "${names[@]}"; do
  case "$name" in up | pages | gateway | searches | suite | memory) ;; *) suite_down ;; esac
  case "$name" in
    events) bench events maven_bench platform/events CommitToEffectLatencyBench \
      platform/events/target/bench/commit-to-effect.txt ;;
    rsvp) bench rsvp maven_bench network-service RsvpContentionBench \
      network-service/target/bench/rsvp-contention.txt ;;
    searchable) bench searchable maven_bench content-service PublishToSearchableBench \
      content-service/target/bench/publish-to-searchable.txt ;;
    startup) bench startup bench/startup/run.sh ;;
    search) bench search bench/search/run.sh 100000 500 ;;
    papers) bench papers bench/papers/run.sh ;;
    partners) bench partners bench/partners/run.sh ;;
    tracker) bench tracker bench/tracker/run.sh ;;
    up) bench up second_up ;;
    pages | gateway | suite | memory)
      suite_up || ./bcs up >/dev/null
      bench "$name" "bench/$name/run.sh" ;;
    searches)
      suite_up || ./bcs up >/dev/null
      bench searches bench/search/throughput.sh ;;
    *) say "unknown bench: $name (known: ${ALL[*]})" ;;
  esac
done
say "summary: $summary"
