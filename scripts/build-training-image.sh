#!/usr/bin/env bash
# Builds the churn example's training image (examples/churn-sklearn/Dockerfile) for
# training.runner: container, and prints its tag on stdout (everything else goes to stderr).
#
#   scripts/build-training-image.sh [--base-image IMAGE] [--tag TAG]
#
# Inputs (flags win over the environment):
#   DOCKER_HOST                    the daemon to build in (docker's default socket when unset)
#   TOLLGATE_TRAINING_BASE_IMAGE   / --base-image: an image with python3 3.11 and its venv module
#                                  (default tollgate-dev/debian-python:bookworm, a local image made
#                                  without a registry; python:3.11-slim-bookworm where pulls work)
#   TOLLGATE_TRAINING_IMAGE        / --tag (default tollgate-examples/churn-trainer:dev)
#   TOLLGATE_CACHE                 the cache folder (default ~/.cache/tollgate)
#
# The pins of examples/churn-sklearn/trainer/requirements.txt are downloaded once on the host into
# a wheelhouse under the cache (pip uses the host's index, certificates and proxies), keyed by the
# file's SHA-256: the image build installs from it with --no-index and needs no network.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
base=${TOLLGATE_TRAINING_BASE_IMAGE:-tollgate-dev/debian-python:bookworm}
tag=${TOLLGATE_TRAINING_IMAGE:-tollgate-examples/churn-trainer:dev}
while [[ $# -gt 0 ]]; do
  case $1 in
    --base-image) base=$2; shift 2 ;;
    --tag) tag=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "build-training-image: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

example=$root/examples/churn-sklearn
requirements=$example/trainer/requirements.txt
command -v docker >/dev/null || { echo "build-training-image: the docker CLI is not on PATH" >&2; exit 1; }
if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  echo "build-training-image: no Docker daemon answers at ${DOCKER_HOST:-unix:///var/run/docker.sock} (DOCKER_HOST)" >&2
  exit 1
fi
if ! docker image inspect "$base" >/dev/null 2>&1; then
  echo "build-training-image: the base image $base is not in the daemon at ${DOCKER_HOST:-the default socket};" \
    "make it first (or pass --base-image)" >&2
  exit 1
fi

# The wheelhouse: manylinux wheels for CPython 3.11 on x86_64/aarch64 (the base image's Python),
# whatever the host's own Python is.
cache=${TOLLGATE_CACHE:-$HOME/.cache/tollgate}
digest=$(sha256sum "$requirements" | cut -c1-12)
arch=$(uname -m)
wheels=$cache/wheelhouse-churn-$digest-cp311-$arch
if [[ ! -f "$wheels/.complete" ]]; then
  mkdir -p "$cache"
  exec 9>"$cache/.wheelhouse-churn-$digest.lock"
  flock 9
  if [[ ! -f "$wheels/.complete" ]]; then
    rm -rf "$wheels"
    echo "build-training-image: downloading the pins into $wheels" >&2
    python3 -m pip download --quiet --disable-pip-version-check --dest "$wheels" \
      --only-binary=:all: --python-version 3.11 --implementation cp --abi cp311 \
      --platform "manylinux2014_$arch" --platform "manylinux_2_17_$arch" \
      --platform "manylinux_2_28_$arch" --platform any \
      -r "$requirements" >&2
    touch "$wheels/.complete"
  fi
fi

# A staged context: only what the image needs (no data, no venvs), whatever lies beside it.
context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
mkdir -p "$context/trainer"
cp "$example/Dockerfile" "$context/Dockerfile"
cp "$example/trainer/train.py" "$requirements" "$context/trainer/"
cp -r "$wheels" "$context/wheels"
rm -f "$context/wheels/.complete"

echo "build-training-image: building $tag from $base" >&2
docker build --network none --build-arg "BASE_IMAGE=$base" --tag "$tag" "$context" >&2
echo "$tag"
