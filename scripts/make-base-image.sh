#!/usr/bin/env bash
# Makes a base image without any registry, in the daemon DOCKER_HOST points at, and prints its
# name on stdout (messages go to stderr):
#
#   scripts/make-base-image.sh            tollgate-test/jdk-base:bookworm     (Java, for docker/Dockerfile)
#   scripts/make-base-image.sh --python   tollgate-test/python-base:bookworm  (python3, python3-venv, libgomp1)
#
# Both: Debian bookworm made by debootstrap (variant minbase) from the Debian mirror apt uses here
# (DEBIAN_MIRROR, default http://deb.debian.org/debian), with tini (PID 1 of the images),
# ca-certificates and curl (the health checks); the Java one with libgomp1 (XGBoost's OpenMP) and
# a Java runtime copied in at
# /opt/java/openjdk, on PATH as in the eclipse-temurin images:
#   --jdk full    the whole JDK at TOLLGATE_BASE_JDK (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   --jdk jlink   (default) a runtime jlink makes from that JDK with the modules the app needs:
#                 half the size, and faster to import (docs/testing.md has the figures)
# The root file system is cached as a tarball under $TOLLGATE_CACHE/base-images (default
# ~/.cache/tollgate), keyed by its inputs (suite, variant, mirror, packages, the runtime's release
# file and modules); `docker import` then takes seconds. Idempotent: an image made from the same
# inputs (its TOLLGATE_BASE_KEY) is kept. Needs root (debootstrap), debootstrap and docker
# (scripts/install-docker.sh), and a running daemon (scripts/start-dockerd.sh).
set -euo pipefail
say() { echo "make-base-image: $*" >&2; }
suite=bookworm
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
jdk=${TOLLGATE_BASE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
cache=${TOLLGATE_CACHE:-$HOME/.cache/tollgate}/base-images
python=false
jdk_mode=jlink
while [ $# -gt 0 ]; do
  case $1 in
    --python) python=true ;;
    --jdk) jdk_mode=${2:-}; shift ;;
    *) echo "usage: $0 [--python] [--jdk jlink|full]" >&2; exit 2 ;;
  esac
  shift
done
[ "$jdk_mode" = jlink ] || [ "$jdk_mode" = full ] || { say "--jdk takes jlink or full, not '$jdk_mode'"; exit 2; }
# The modules the worker and the CLI load (Spring Boot, Temporal's gRPC and Netty, JDBC, JMX
# metrics, the AWS SDK, Smile, XGBoost and ONNX Runtime's native loaders), checked by running
# the image (WorkerContainerIT). jdk.crypto.ec and jdk.charsets: TLS and the character sets.
modules=java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.jfr,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.httpserver,jdk.security.auth,jdk.crypto.cryptoki,jdk.attach,jdk.jcmd

if $python; then
  name=tollgate-test/python-base:$suite
  # libgomp1: LightGBM's wheels need OpenMP's runtime from the system.
  packages=tini,ca-certificates,curl,libgomp1,python3,python3-venv
else
  name=tollgate-test/jdk-base:$suite
  # libgomp1: XGBoost's native library needs OpenMP's runtime (without it every gradient_boosting
  # training fails to load xgboost4j).
  packages=tini,ca-certificates,curl,libgomp1
fi
command -v docker >/dev/null || { say "no docker CLI: run scripts/install-docker.sh"; exit 1; }
docker version --format '{{.Server.Version}}' >/dev/null 2>&1 ||
  { say "no Docker daemon answers at ${DOCKER_HOST:-the default socket}: start one (scripts/start-dockerd.sh DIR) and export DOCKER_HOST"; exit 1; }
mkdir -p "$cache"
# One maker per image at a time: the test command starts one in the background while the unit
# tests run, and the Maven build's own call waits here for it, then finds everything made.
exec 9>"$cache/.lock-${name//[\/:]/_}"
flock 9

# ---- the root file system, once per inputs.
rootfs_key=$(printf '%s\n' "$suite" minbase "$mirror" "$packages" rootfs-v1 | sha256sum | cut -c1-12)
rootfs=$cache/rootfs-$suite-$rootfs_key.tar
if [ ! -f "$rootfs" ]; then
  command -v debootstrap >/dev/null || { say "no debootstrap: run scripts/install-docker.sh"; exit 1; }
  [ "$(id -u)" = 0 ] || { say "debootstrap needs root"; exit 1; }
  work=$(mktemp -d "$cache/rootfs.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  say "debootstrap $suite (minbase + $packages) from $mirror into $work (a minute or two)"
  start=$(date +%s)
  if ! debootstrap --variant=minbase --include="$packages" "$suite" "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -n 20 "$work/debootstrap.log" >&2
    say "debootstrap failed (log above)"
    exit 1
  fi
  # What an image does not need: package lists and downloaded .debs, logs.
  rm -rf "$work/root"/var/lib/apt/lists/* "$work/root"/var/cache/apt/archives/*.deb "$work/root"/var/log/*
  tar --numeric-owner -C "$work/root" -cf "$work/rootfs.tar" .
  mv "$work/rootfs.tar" "$rootfs"
  rm -rf "$work"
  trap - EXIT
  say "root file system cached: $rootfs ($(du -h "$rootfs" | cut -f1), $(($(date +%s) - start)) s)"
fi

# ---- the Java runtime, and the image's tarball (root file system + runtime), once per inputs.
image_tar=$rootfs
changes=(--change "ENV LANG=C.UTF-8")
key=$rootfs_key
if ! $python; then
  [ -x "$jdk/bin/java" ] || { say "no JDK at $jdk (set TOLLGATE_BASE_JDK)"; exit 1; }
  runtime_key=$(printf '%s\n' "$jdk_mode" "$modules" "$(cat "$jdk/release")" | sha256sum | cut -c1-12)
  key=$rootfs_key-$runtime_key
  image_tar=$cache/jdk-base-$suite-$key.tar
  if [ ! -f "$image_tar" ]; then
    start=$(date +%s)
    work=$(mktemp -d "$cache/jdk.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    runtime=$jdk
    if [ "$jdk_mode" = jlink ]; then
      runtime=$work/runtime
      "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
        --output "$runtime" >&2
    fi
    cp "$rootfs" "$work/image.tar"
    tar --numeric-owner --owner=0 --group=0 -C "$runtime" --transform 's,^\.,./opt/java/openjdk,' \
      -rf "$work/image.tar" .
    mv "$work/image.tar" "$image_tar"
    rm -rf "$work"
    trap - EXIT
    say "image tarball cached: $image_tar ($(du -h "$image_tar" | cut -f1), Java runtime: $jdk_mode from $jdk, $(($(date +%s) - start)) s)"
  fi
  changes+=(--change "ENV JAVA_HOME=/opt/java/openjdk"
    --change "ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
fi
changes+=(--change "ENV TOLLGATE_BASE_KEY=$key")

# ---- the image, unless the daemon has it from the same inputs.
if docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$name" 2>/dev/null |
  grep -qx "TOLLGATE_BASE_KEY=$key"; then
  say "$name is up to date (key $key)"
else
  start=$(date +%s%N)
  docker import "${changes[@]}" --message "debootstrap $suite minbase: $packages" "$image_tar" "$name" >/dev/null
  say "imported $name from $image_tar in $((($(date +%s%N) - start) / 1000000)) ms"
fi
echo "$name"
