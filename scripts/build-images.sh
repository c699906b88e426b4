#!/usr/bin/env bash
# Builds the images the container tests run, in the daemon DOCKER_HOST points at (a private one:
# scripts/start-dockerd.sh), and prints their names on stdout, one per line, as NAME=IMAGE:
#
#   TOLLGATE_IT_BASE_IMAGE=tollgate-test/jdk-base:bookworm       scripts/make-base-image.sh
#   TOLLGATE_IT_IMAGE=tollgate:test                              docker/Dockerfile on that base
#   TOLLGATE_IT_PYTHON_BASE_IMAGE=tollgate-test/python-base:bookworm   (with --python)
#   TOLLGATE_IT_TRAINING_IMAGE=tollgate-test/churn-trainer:test  (with --python; build-training-image.sh)
#
# The project image takes the jar Maven built (starter/target/tollgate.jar: ./mvnw -B -DskipTests
# package -pl starter -am); in the test command Maven runs this script itself, after packaging and
# before the integration tests (starter/pom.xml, profile `docker`). The legacy builder, with
# --network none: the local base has tini and curl, so the Dockerfile's RUN needs no network.
# Re-running is cheap: the bases are kept when their inputs did not change, and the build's cache
# reuses every layer but the jar's.
set -euo pipefail
say() { echo "build-images: $*" >&2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
image=${TOLLGATE_IT_IMAGE:-tollgate:test}
python=false
for arg in "$@"; do
  case $arg in
    --python) python=true ;;
    *) echo "usage: $0 [--python]" >&2; exit 2 ;;
  esac
done
[ -n "${DOCKER_HOST:-}" ] || { say "DOCKER_HOST is not set: start a private daemon (scripts/start-dockerd.sh target/docker) and export what it prints."; exit 1; }
jar=$repo/starter/target/tollgate.jar
[ -f "$jar" ] || { say "no $jar: build it first (./mvnw -B -DskipTests package -pl starter -am)."; exit 1; }

start=$(date +%s%N)
base=$("$repo/scripts/make-base-image.sh")
echo "TOLLGATE_IT_BASE_IMAGE=$base"
if $python; then
  python_base=$("$repo/scripts/make-base-image.sh" --python)
  echo "TOLLGATE_IT_PYTHON_BASE_IMAGE=$python_base"
  # The churn example's training image (Python, scikit-learn, skl2onnx from a host wheelhouse),
  # for the training-container tests.
  echo "TOLLGATE_IT_TRAINING_IMAGE=$("$repo/scripts/build-training-image.sh" \
    --base-image "$python_base" --tag "${TOLLGATE_IT_TRAINING_IMAGE:-tollgate-test/churn-trainer:test}")"
fi
bases=$(($(date +%s%N) - start))

start=$(date +%s%N)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# DOCKER_BUILDKIT=0: the legacy builder also where a client would pick BuildKit (no buildx here).
if ! DOCKER_BUILDKIT=0 docker build --network none --build-arg "BASE_IMAGE=$base" \
  -f "$repo/docker/Dockerfile" -t "$image" "$repo" >"$log" 2>&1; then
  cat "$log" >&2
  say "docker build of $image failed (above)"
  exit 1
fi
say "bases in $((bases / 1000000)) ms; $image built from docker/Dockerfile on $base in $((($(date +%s%N) - start) / 1000000)) ms ($(docker image inspect --format '{{.Size}}' "$image" | awk '{printf "%d MB", $1 / 1000000}'))"
echo "TOLLGATE_IT_IMAGE=$image"
