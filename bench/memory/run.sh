#!/usr/bin/env bash
# Peak memory of every container of the running suite (`./bcs up` with demo data) under the load the
# memory limits are sized for:
#   1. 20 concurrent readers load pages through the gateway (wrk, localhost only) while the demo
#      editor uploads a 5 MB JPEG through the admin tool, three times in a row;
#   2. Kafka is stopped and started again (`docker stop` / `docker start`), the services' relays
#      and consumers reconnect, and then an operator runs kafka-console-consumer.sh inside the
#      broker's container (`docker exec`), beside the broker, once.
# For each container it records the limit, the peak of the memory cgroup (anonymous memory and page
# cache; reset after start-up so that it covers the load alone, and also noted since start), the
# peak RSS of its JVM (VmHWM of its largest java process, else of pid 1), its peak thread count, and at the end OOMKilled and the
# restart count. Where a JDK is on the host, jcmd reads each JVM's metaspace and code cache use.
# Output: .work/bench-memory/<UTC time>/summary.txt (plus raw samples).
#   bench/memory/run.sh                     defaults: 60 s of readers, 20 connections
#   DURATION=120 READERS=20 bench/memory/run.sh
#   IMAGE=some.jpg bench/memory/run.sh      upload that image instead of making one
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DURATION=${DURATION:-60}
READERS=${READERS:-20}
UPLOADS=${UPLOADS:-3}
PROJECT=biochemsec
GATEWAY=${GATEWAY:-http://localhost:8080}
EDITOR_USER=${EDITOR_USER:-editor}
EDITOR_PASSWORD=${EDITOR_PASSWORD:-demo-editor}

out=$(pwd)/.work/bench-memory/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
summary=$out/summary.txt
say() { printf '%s\n' "$*" | tee -a "$summary"; }

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    [[ $(id -u) -eq 0 ]] || { echo "$tool is missing; install it with apt-get" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  fi
done
java_home() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [[ -n $candidate && -x $candidate/bin/java ]] || continue
    if "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then echo "$candidate"; return; fi
  done
  return 1
}
JDK=$(java_home) || { echo "no JDK 21 or newer found (JAVA_HOME or /usr/lib/jvm)" >&2; exit 1; }

containers() { docker ps -aq --filter "label=com.docker.compose.project=$PROJECT"; }
name_of() { docker inspect -f '{{index .Config.Labels "com.docker.compose.service"}}' "$1"; }
container() { docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1"; }
cgroup() { # memory cgroup directory of a running container (cgroup v1 or v2, cgroupfs or systemd)
  local id; id=$(docker inspect -f '{{.Id}}' "$1")
  for dir in /sys/fs/cgroup/memory/docker/$id /sys/fs/cgroup/memory/system.slice/docker-$id.scope \
    /sys/fs/cgroup/docker/$id /sys/fs/cgroup/system.slice/docker-$id.scope; do
    [[ -d $dir ]] && { echo "$dir"; return; }
  done
}
peak_file() { if [[ -f $1/memory.max_usage_in_bytes ]]; then echo "$1/memory.max_usage_in_bytes"; else echo "$1/memory.peak"; fi; }
# The container's JVM: its largest java process (pid 1 is a start script in some images; a tool run
# beside the broker is a second, smaller one). Falls back to pid 1.
main_pid() {
  local id=$1 dir pid best="" most=0 rss
  dir=$(cgroup "$id")
  for pid in $(cat "$dir/cgroup.procs" 2>/dev/null); do
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == java ]] || continue
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null); rss=${rss:-0}
    if ((rss > most)); then most=$rss; best=$pid; fi
  done
  echo "${best:-$(docker inspect -f '{{.State.Pid}}' "$id")}"
}
mib() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

[[ -n $(container gateway) ]] || { echo "no gateway container: start the suite with ./bcs up" >&2; exit 1; }
curl -fsS -o /dev/null "$GATEWAY/readyz" \
  || { echo "the gateway does not answer at $GATEWAY: start the suite with ./bcs up" >&2; exit 1; }

say "memory bench $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(loadavg)"

# --- since start-up, then reset -------------------------------------------------------------
declare -A since_start
for id in $(docker ps -q --filter "label=com.docker.compose.project=$PROJECT"); do
  n=$(name_of "$id"); dir=$(cgroup "$id")
  since_start[$n]=$(mib "$(cat "$(peak_file "$dir")")")
  # cgroup v1 lets root reset the peak; v2 (memory.peak) keeps it since start.
  [[ -f $dir/memory.max_usage_in_bytes ]] && echo 0 >"$dir/memory.max_usage_in_bytes" || true
done

# --- samples in the background: threads and RSS of each main process -------------------------
sampler() {
  while :; do
    for id in $(docker ps -q --filter "label=com.docker.compose.project=$PROJECT"); do
      n=$(name_of "$id"); pid=$(main_pid "$id")
      [[ $pid != 0 && -r /proc/$pid/status ]] || continue
      awk -v n="$n" '/^Threads:/ {t=$2} /^VmRSS:/ {r=$2} /^VmHWM:/ {h=$2} END {print n, t, r, h}' "/proc/$pid/status"
    done
    sleep 2
  done >>"$out/samples.txt" 2>/dev/null
}
sampler & sampler_pid=$!
trap 'kill "$sampler_pid" 2>/dev/null || true' EXIT

# --- a 5 MB camera-sized JPEG (6000 x 4000, noise over gradients, so it does not compress away) --
image=${IMAGE:-$out/upload.jpg}
if [[ ! -s $image ]]; then
cat >"$out/MakeImage.java" <<'JAVA'
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

class MakeImage {
	public static void main(String[] args) throws Exception {
		long target = Long.parseLong(args[1]);
		BufferedImage image = new BufferedImage(6000, 4000, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int y = 0; y < 4000; y++) {
			for (int x = 0; x < 6000; x++) {
				int n = random.nextInt(64);
				image.setRGB(x, y, ((x / 24 + n) & 0xff) << 16 | ((y / 16 + n) & 0xff) << 8 | ((x + y) / 40 + n) & 0xff);
			}
		}
		float quality = 0.9f;
		byte[] jpeg;
		do {
			var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			var param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			var bytes = new java.io.ByteArrayOutputStream();
			try (var output = ImageIO.createImageOutputStream(bytes)) {
				writer.setOutput(output);
				writer.write(null, new IIOImage(image, null, null), param);
			}
			jpeg = bytes.toByteArray();
			quality -= 0.05f;
		} while (jpeg.length > target && quality > 0.1f);
		java.nio.file.Files.write(new File(args[0]).toPath(), jpeg);
	}
}
JAVA
"$JDK/bin/java" -Djava.awt.headless=true "$out/MakeImage.java" "$image" 5000000
[[ -s $image ]] || { echo "could not make the image to upload" >&2; exit 1; }
fi
say "upload: $(stat -c %s "$image") bytes, 6000 x 4000 JPEG"

# --- the demo editor signs in (Keycloak's login form) and uploads ------------------------------
jar=$out/cookies.txt
sign_in() {
  local page action
  page=$(curl -sS -L -c "$jar" -b "$jar" "$GATEWAY/admin/content/media")
  action=$(grep -o 'id="kc-form-login"[^>]*action="[^"]*"' <<<"$page" | sed -E 's/.*action="([^"]*)".*/\1/; s/&amp;/\&/g')
  [[ -n $action ]] || { echo "no Keycloak login form on the way to the admin tool" >&2; return 1; }
  curl -sS -L -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$EDITOR_USER" \
    --data-urlencode "password=$EDITOR_PASSWORD" "$action"
}
upload() { # prints the HTTP status of the upload
  local form action
  form=$(curl -sS -c "$jar" -b "$jar" "$GATEWAY/admin/content/media")
  action=$(grep -o '<form class="admin-form"[^>]*action="[^"]*"' <<<"$form" | sed -E 's/.*action="([^"]*)".*/\1/; s/&amp;/\&/g')
  [[ $action == /admin/content/media* ]] || { echo "no upload form (signed in?)" >&2; return 1; }
  curl -sS -c "$jar" -b "$jar" -o "$out/upload-answer.html" -w '%{http_code}' \
    -F "file=@$image;type=image/jpeg" "$GATEWAY$action"
}
sign_in

# --- 1. readers and uploads ---------------------------------------------------------------------
before=$(loadavg)
wrk -t2 -c"$((READERS / 2))" -d"${DURATION}s" --timeout 10s "$GATEWAY/" >"$out/wrk-home.txt" 2>&1 &
wrk_home=$!
wrk -t2 -c"$((READERS - READERS / 2))" -d"${DURATION}s" --timeout 10s "$GATEWAY/blog" >"$out/wrk-blog.txt" 2>&1 &
wrk_blog=$!
sleep 5
statuses=()
for ((i = 1; i <= UPLOADS; i++)); do statuses+=("$(upload)"); done
wait "$wrk_home" "$wrk_blog"
say "readers: $READERS connections for ${DURATION}s on / and /blog:" \
  "$(awk '/Requests\/sec/ {printf "%.0f req/s ", $2} /Non-2xx/ {printf "non-2xx %s ", $NF}' "$out/wrk-home.txt" "$out/wrk-blog.txt")"
say "uploads during the reading: HTTP ${statuses[*]} (302 = stored); load $before -> $(loadavg)"

# --- 2. Kafka stopped and started, then a tool inside its container -----------------------------
kafka=$(container kafka)
kafka_before_stop=$(mib "$(cat "$(peak_file "$(cgroup "$kafka")")")")
docker stop "$kafka" >/dev/null
sleep 10
docker start "$kafka" >/dev/null
for _ in $(seq 1 90); do
  [[ $(docker inspect -f '{{.State.Health.Status}}' "$kafka") == healthy ]] && break
  sleep 2
done
# The services reconnect; give their relays and consumers time to do so and catch up.
sleep 30
kafka_after_start=$(mib "$(cat "$(peak_file "$(cgroup "$kafka")")")")
timeout 120 docker exec "$kafka" /opt/kafka/bin/kafka-console-consumer.sh --bootstrap-server localhost:9092 \
  --topic bcs.content --from-beginning --max-messages 20 --timeout-ms 20000 >"$out/console-consumer.txt" 2>&1 || true
say "kafka: restarted, then kafka-console-consumer.sh by docker exec read $(grep -c . "$out/console-consumer.txt" || true) lines;" \
  "its cgroup peaked at $kafka_before_stop MiB before the stop, $kafka_after_start MiB after the start"
sleep 4
kill "$sampler_pid" 2>/dev/null || true

# --- JVM internals, where the host's jcmd can attach --------------------------------------------
jvm_use() { # "metaspace-committed code-cache-peak" in MiB, or "- -"
  local pid=$1 meta code
  meta=$(timeout 60 "$JDK/bin/jcmd" "$pid" VM.metaspace 2>/dev/null | awk '/^Total Usage/ {f = 1} f && $1 == "Both:" {print; exit}' \
    | sed -nE 's/.* ([0-9.]+) (KB|MB|GB) \( *[<>]?[0-9]+%\) committed.*/\1 \2/p' \
    | awk '{ v = $1; if ($2 == "KB") v /= 1024; if ($2 == "GB") v *= 1024; printf "%.0f", v }')
  code=$(timeout 60 "$JDK/bin/jcmd" "$pid" Compiler.codecache 2>/dev/null | awk '{ for (i = 1; i <= NF; i++)
    if ($i ~ /^max_used=/) { v = $i; sub("max_used=", "", v); sub("Kb", "", v); s += v } } END { if (s) printf "%.0f", s / 1024 }')
  echo "${meta:--} ${code:--}"
}

# --- the table -----------------------------------------------------------------------------------
say ""
say "$(printf '%-20s %8s %12s %12s %10s %8s %9s %9s %10s %7s' container limit peak-start peak-load rss-peak threads metaspace codecache oomkilled restarts)"
for id in $(containers); do
  n=$(name_of "$id")
  running=$(docker inspect -f '{{.State.Running}}' "$id")
  limit=$(mib "$(docker inspect -f '{{.HostConfig.Memory}}' "$id")")
  oom=$(docker inspect -f '{{.State.OOMKilled}}' "$id")
  restarts=$(docker inspect -f '{{.RestartCount}}' "$id")
  peak=- internals="- -"
  if [[ $running == true ]]; then
    peak=$(mib "$(cat "$(peak_file "$(cgroup "$id")")")")
    pid=$(main_pid "$id")
    # jcmd attaches by sending SIGQUIT, which a JVM answers and PostgreSQL takes as an immediate
    # shutdown: java processes only.
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == java ]] && internals=$(jvm_use "$pid")
  fi
  read -r threads hwm < <(awk -v n="$n" '$1 == n { if ($2 > t) t = $2; if ($4 > h) h = $4 } END { printf "%d %.0f\n", t, h / 1024 }' "$out/samples.txt")
  read -r meta code <<<"$internals"
  say "$(printf '%-20s %8s %12s %12s %10s %8s %9s %9s %10s %7s' "$n" "$limit" "${since_start[$n]:--}" "$peak" "$hwm" "$threads" "$meta" "$code" "$oom" "$restarts")"
done
say ""
say "MiB. peak-start: cgroup peak before the bench (since start-up or an earlier run's reset); peak-load: from then to the end (Kafka: since"
say "its restart, with the tool run); rss-peak: VmHWM of the JVM (pid 1 where none); threads: most seen; metaspace: committed, codecache: peak use (jcmd, at the end)."
say "load average at the end: $(loadavg)"
echo "raw output in $out"
