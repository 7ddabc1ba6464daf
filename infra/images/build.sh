#!/usr/bin/env bash
# Builds local stand-ins for the upstream container images the suite uses, under the upstream
# names, so compose, the Kubernetes manifests and Testcontainers find them without a registry.
#
#   infra/images/build.sh [--force] [--no-pull] [NAME...]
#
# NAME is a short name (debian alpine temurin postgres redis kafka elasticsearch keycloak greenmail)
# or a full image name (e.g. postgres:17). Without names every image is handled.
# --force rebuilds every handled image from scratch (no layer cache); a named image is rebuilt
# using the layer cache. Images built FROM a rebuilt one keep the old base until rebuilt.
#
# For each image: present locally -> skipped (unless --force, or the image is named);
# otherwise one `docker pull` is tried (where a registry is reachable the real image wins),
# and when that fails the stand-in is built from Debian packages and Maven artifacts.
# Images another one is built FROM are made first when missing (never rebuilt implicitly).
#
# Environment:
#   BCS_LOG_DIR        where verbose build logs go (default: infra/images/.work/logs)
#   BCS_PULL_TIMEOUT   seconds allowed for the docker pull attempt (default: 120)
#   BCS_NO_PULL=1      same as --no-pull: never try the registry
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK="$HERE/.work"
LOG_DIR="${BCS_LOG_DIR:-$WORK/logs}"
PULL_TIMEOUT="${BCS_PULL_TIMEOUT:-120}"
NO_PULL="${BCS_NO_PULL:-0}"
FORCE=0

# Build order: every image comes after the image it is built FROM.
ORDER=(debian alpine temurin postgres redis kafka elasticsearch keycloak greenmail)
declare -A IMAGE=(
  [debian]=debian:trixie-slim
  [alpine]=alpine:3.17
  [temurin]=eclipse-temurin:25-jre
  [postgres]=postgres:17
  [redis]=redis:8.0
  [kafka]=apache/kafka:4.1.1
  [elasticsearch]=docker.elastic.co/elasticsearch/elasticsearch:8.19.21
  [keycloak]=quay.io/keycloak/keycloak:26.7.3
  [greenmail]=greenmail/standalone:2.1.7
)
declare -A PARENT=(
  [temurin]=debian
  [postgres]=debian
  [redis]=debian
  [kafka]=temurin
  [elasticsearch]=temurin
  [keycloak]=temurin
  [greenmail]=temurin
)
# Maven artifacts (groupId:artifactId:version:type) unpacked into a build context.
declare -A DIST=(
  [elasticsearch]=org.elasticsearch.distribution.integ-test-zip:elasticsearch:8.19.21:zip
  [keycloak]=org.keycloak:keycloak-quarkus-dist:26.7.3:zip
)
GREENMAIL_JAR=com.icegreen:greenmail-standalone:2.1.7:jar
# Pinned so a machine's default (old) dependency plugin does not decide the behaviour.
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "${BASH_SOURCE[0]}"; }

declare -a REQUESTED=()
while (($#)); do
  case "$1" in
    -f|--force) FORCE=1 ;;
    --no-pull) NO_PULL=1 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "build.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *)
      found=""
      for k in "${ORDER[@]}"; do
        if [[ "$1" == "$k" || "$1" == "${IMAGE[$k]}" ]]; then found=$k; fi
      done
      if [[ -z "$found" ]]; then echo "build.sh: unknown image $1 (known: ${ORDER[*]})" >&2; exit 2; fi
      REQUESTED+=("$found")
      ;;
  esac
  shift
done

mkdir -p "$LOG_DIR"
export DOCKER_BUILDKIT=0   # the classic builder uses local images as they are, without asking a registry

log() { printf '[images] %s\n' "$*"; }

# Host tools the builds need; installed from Debian packages when missing (fresh machines).
ensure_host_tools() {
  local -a missing=()
  command -v docker >/dev/null || { echo "build.sh: docker client not found; install Docker first" >&2; exit 1; }
  docker info >/dev/null 2>&1 || { echo "build.sh: dockerd is not reachable (start it first)" >&2; exit 1; }
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  [[ -x /bin/busybox ]] || missing+=(busybox-static)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v mvn >/dev/null || missing+=(maven)
  if ((${#missing[@]})); then
    log "installing host packages: ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then echo "build.sh: need root to install ${missing[*]}" >&2; exit 1; fi
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; } \
      >>"$LOG_DIR/host-packages.log" 2>&1 \
      || { echo "build.sh: installing ${missing[*]} failed, see $LOG_DIR/host-packages.log" >&2; exit 1; }
  fi
}

# Quiet batch mode: the log should show failures, not download progress.
mvn_cmd() {
  mvn -B -q -Dstyle.color=never "$@"
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# --- builders (each writes everything to stdout/stderr, which the caller sends to the log) ---

build_debian() {
  local root="$WORK/debian/rootfs"
  [[ $(id -u) -eq 0 ]] || { echo "debootstrap needs root"; return 1; }
  rm -rf "$root"; mkdir -p "$root"
  debootstrap --variant=minbase trixie "$root"
  # Same trimming as the upstream -slim images: no docs, man pages or translations, no
  # cached .deb files or package lists (Dockerfiles run apt-get update themselves).
  cp "$HERE/debian/dpkg-slim.cfg" "$root/etc/dpkg/dpkg.cfg.d/docker-slim"
  cp "$HERE/debian/apt-slim.conf" "$root/etc/apt/apt.conf.d/docker-slim"
  find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* \
         "$root"/usr/share/locale/* "$root"/var/cache/apt/archives/*.deb \
         "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* "$root"/var/log/*.log \
         "$root"/var/log/apt/* "$root"/tmp/* "$root"/root/.bash_history
  : >"$root/etc/hostname"
  tar --numeric-owner -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' \
    - "${IMAGE[debian]}"
  rm -rf "$root"
}

build_alpine() {
  local root="$WORK/alpine/rootfs" cmd
  rm -rf "$root"
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,proc,sys,dev,var/tmp,home}
  chmod 1777 "$root/tmp" "$root/var/tmp"
  cp /bin/busybox "$root/bin/busybox"
  # One symlink per applet, as `busybox --install -s` would make, all in /bin so no applet
  # path depends on the host's busybox build.
  for cmd in $("$root/bin/busybox" --list); do
    [[ "$cmd" == busybox ]] || ln -sf busybox "$root/bin/$cmd"
  done
  cp "$HERE/alpine/passwd" "$root/etc/passwd"
  cp "$HERE/alpine/group" "$root/etc/group"
  printf 'NAME="BusyBox (alpine:3.17 stand-in)"\nID=busybox\nVERSION_ID=3.17\n' >"$root/etc/os-release"
  tar --numeric-owner -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["/bin/sh"]' \
    - "${IMAGE[alpine]}"
  rm -rf "$root"
}

# Copies one Maven artifact into $2 unless it is already there (downloads are kept between runs).
fetch_artifact() {
  local coords="$1" dest="$2" g a v t file
  IFS=: read -r g a v t <<<"$coords"
  file="$dest/$a-$v.$t"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$dest"
    mvn_cmd "$DEP_PLUGIN:copy" -Dartifact="$g:$a:$v:$t" -DoutputDirectory="$dest" -Dmdep.overWriteReleases=true
  fi
  [[ -s "$file" ]] || { echo "artifact $coords not found after download"; return 1; }
  FETCHED="$file"
}

# Unpacks a distribution zip into <image>/.work/dist (single top-level directory stripped).
prepare_dist() {
  local name="$1" ctx="$HERE/$1/.work" tmp
  fetch_artifact "${DIST[$name]}" "$ctx/download"
  if [[ ! -f "$ctx/dist/.complete" || "$ctx/dist/.complete" -ot "$FETCHED" ]]; then
    rm -rf "$ctx/dist" "$ctx/unpack"; mkdir -p "$ctx/unpack"
    unzip -q "$FETCHED" -d "$ctx/unpack"
    tmp=$(find "$ctx/unpack" -mindepth 1 -maxdepth 1 -type d | head -n1)
    mv "$tmp" "$ctx/dist"; rm -rf "$ctx/unpack"
    # Windows launchers are of no use in a Linux image.
    rm -f "$ctx"/dist/bin/*.bat "$ctx"/dist/bin/*.exe
    # Keycloak writes into its own tree at run time (as uid 1000, group 0); setting the modes
    # here rather than in the Dockerfile avoids a second copy of every file in another layer.
    if [[ "$name" == keycloak ]]; then chmod -R g+rwX "$ctx/dist"; fi
    touch "$ctx/dist/.complete"
  fi
}

prepare_kafka() {
  local libs="$HERE/kafka/.work/libs"
  if [[ ! -f "$libs/.complete" || "$libs/.complete" -ot "$HERE/kafka/pom.xml" ]]; then
    rm -rf "$libs"; mkdir -p "$libs"
    (cd "$HERE/kafka" && mvn_cmd "$DEP_PLUGIN:copy-dependencies" -Dkafka.libs.dir="$libs")
    touch "$libs/.complete"
  fi
}

prepare_greenmail() {
  fetch_artifact "$GREENMAIL_JAR" "$HERE/greenmail/.work"
  cp -f "$FETCHED" "$HERE/greenmail/.work/greenmail-standalone.jar"
}

build_with_dockerfile() {
  local name="$1"
  case "$name" in
    kafka) prepare_kafka ;;
    elasticsearch|keycloak) prepare_dist "$name" ;;
    greenmail) prepare_greenmail ;;
  esac
  local -a cache=()
  # --force means a rebuild from scratch: fresh package lists, no reused layers.
  if [[ "$FORCE" == 1 ]]; then cache=(--no-cache); fi
  docker build --rm --force-rm "${cache[@]}" -t "${IMAGE[$name]}" "$HERE/$name"
}

build_one() {
  case "$1" in
    debian) build_debian ;;
    alpine) build_alpine ;;
    *) build_with_dockerfile "$1" ;;
  esac
}

# --- driver ---

declare -A DONE=()
FAILED=""

# ensure NAME EXPLICIT: makes sure the image exists; EXPLICIT=1 rebuilds a present image.
# Never called as a condition (`if ensure`, `ensure || ...`): bash would then ignore `set -e`
# in everything it runs, including the build. Failure is reported through FAILED instead.
ensure() {
  local name="$1" explicit="$2" image="${IMAGE[$1]}" logf="$LOG_DIR/$1.log" start rc
  if [[ -n "${DONE[$name]:-}" ]]; then return 0; fi
  if [[ -n "${PARENT[$name]:-}" ]]; then
    ensure "${PARENT[$name]}" 0
    if [[ -n "$FAILED" ]]; then return 0; fi
  fi
  DONE[$name]=1
  if [[ "$explicit" != 1 ]] && image_exists "$image"; then
    log "$image: present, skipped"
    return 0
  fi
  start=$SECONDS
  : >"$logf"
  if [[ "$NO_PULL" != 1 ]]; then
    set +e
    timeout "$PULL_TIMEOUT" docker pull "$image" >>"$logf" 2>&1
    rc=$?
    set -e
    if ((rc == 0)); then
      log "$image: pulled in $((SECONDS - start))s"
      return 0
    fi
    echo "--- pull failed; building the local stand-in ---" >>"$logf"
  fi
  set +e
  (set -Eeuo pipefail; build_one "$name") >>"$logf" 2>&1
  rc=$?
  set -e
  if ((rc == 0)); then
    log "$image: built in $((SECONDS - start))s ($(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}'))"
  else
    log "$image: FAILED after $((SECONDS - start))s -- see $logf"
    tail -n 15 "$logf" | sed 's/^/    | /'; echo
    FAILED="$name"
  fi
}

main() {
  local total=$SECONDS name
  ensure_host_tools
  if ((${#REQUESTED[@]})); then
    for name in "${REQUESTED[@]}"; do
      ensure "$name" 1
      if [[ -n "$FAILED" ]]; then break; fi
    done
  else
    for name in "${ORDER[@]}"; do
      ensure "$name" "$FORCE"
      if [[ -n "$FAILED" ]]; then break; fi
    done
  fi
  if [[ -n "$FAILED" ]]; then
    echo "build.sh: image ${IMAGE[$FAILED]} failed to build; log: $LOG_DIR/$FAILED.log" >&2
    exit 1
  fi
  log "all done in $((SECONDS - total))s (logs: $LOG_DIR)"
}

main
