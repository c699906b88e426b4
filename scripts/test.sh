#!/usr/bin/env bash
# The whole test suite, as CI runs it: finds a JDK >= 21, installs what the integration tests
# drive (the Temporal CLI for `temporal server start-dev`, Chromium for the UI check, moto for S3,
# MLflow's tracking server for the MLflow bridge, PostgreSQL's server for the registry, Docker's
# engine and debootstrap for the container tests; all cached or from Debian's packages), starts a
# private Docker daemon under target/docker and a two-node Ray cluster under /tmp/tg-ray-<pid>
# (both stopped at the end, whatever happens),
# then the Maven build: the formatter check, every module's unit tests (Surefire), the images
# (scripts/build-images.sh, in pre-integration-test), then the integration tests (*IT, Failsafe,
# profile `it`) against a real Temporal dev server.
# Extra arguments go to Maven (e.g. scripts/test.sh -pl workflows).
# Nothing is skipped: if an install fails, the run fails, saying why.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
tollgate_find_jdk
echo "using JDK at $JAVA_HOME"

if ! temporal_cli=$(scripts/install-temporal-cli.sh); then
  echo "test.sh: the Temporal CLI could not be installed (see above); the integration tests need it." >&2
  exit 1
fi
echo "using Temporal CLI at $temporal_cli"
if ! chromium=$(scripts/install-chromium.sh); then
  echo "test.sh: Chromium could not be installed (see above); the UI integration test needs it." >&2
  exit 1
fi
echo "using Chromium at $chromium"
# Installed here, up front like the others, rather than lazily in the middle of the unit tests.
if ! MOTO_SERVER=$(scripts/install-moto.sh); then
  echo "test.sh: moto_server could not be installed (see above); the S3 tests need it." >&2
  exit 1
fi
export MOTO_SERVER
echo "using moto_server at $MOTO_SERVER"

# MLflow's tracking server (PyPI, cached venv): the MLflow bridge's tests start their own from it.
if ! MLFLOW_BIN=$(scripts/install-mlflow.sh); then
  echo "test.sh: mlflow could not be installed (see above); the MLflow bridge's tests need it." >&2
  exit 1
fi
export MLFLOW_BIN
echo "using mlflow at $MLFLOW_BIN"

# The Python that trains and exports the ONNX adapter's test models (scikit-learn, LightGBM,
# skl2onnx, onnxmltools; cached venv keyed by scripts/python-ml-requirements.txt). The training
# command ITs (TrainingCommandIT, TrainingCommandKillIT) put its bin first on their workers' PATH,
# so the examples' train.py run with it; Failsafe's JVM inherits the variable.
if ! TOLLGATE_PYTHON_ML=$(scripts/install-python-ml.sh); then
  echo "test.sh: the ONNX fixtures' Python could not be installed (see above); the ONNX tests and the training-command ITs need it." >&2
  exit 1
fi
export TOLLGATE_PYTHON_ML
echo "using the ONNX fixtures' Python at $TOLLGATE_PYTHON_ML"

# PostgreSQL's server binaries: the registry tests start their own server from them.
if ! TOLLGATE_PG_BIN=$(scripts/install-postgres.sh); then
  echo "test.sh: PostgreSQL could not be installed (see above); the registry tests need it." >&2
  exit 1
fi
export TOLLGATE_PG_BIN
echo "using PostgreSQL binaries in $TOLLGATE_PG_BIN"

# Docker's engine (Debian's docker.io) and debootstrap, for the container tests.
if ! scripts/install-docker.sh >/dev/null; then
  echo "test.sh: Docker's engine could not be installed (see above); the container tests need it." >&2
  exit 1
fi
# A private daemon for the tests, beside any other on the machine; stopped on every exit.
docker_dir=$repo/target/docker
bases_pid=
# The Ray cluster of the Ray tests (issue 26): a short folder of its own, since Ray's Unix sockets
# live under it (107 bytes at most, too few under target/ of a deep checkout).
ray_dir=/tmp/tg-ray-$$
ray_pid=
trap '[ -z "$bases_pid" ] || kill "$bases_pid" 2>/dev/null || true
  [ -z "$ray_pid" ] || { pkill -TERM -P "$ray_pid"; kill "$ray_pid"; } 2>/dev/null || true
  scripts/stop-ray.sh "$ray_dir" && rm -rf "$ray_dir" || echo "test.sh: the test Ray cluster in $ray_dir did not stop cleanly (above)" >&2
  scripts/stop-dockerd.sh "$docker_dir" || echo "test.sh: the test Docker daemon did not stop cleanly (above)" >&2' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if ! DOCKER_HOST=$(scripts/start-dockerd.sh "$docker_dir"); then
  echo "test.sh: the test Docker daemon did not start (see above); the container tests need it." >&2
  exit 1
fi
export DOCKER_HOST
echo "using the test Docker daemon at $DOCKER_HOST"
# The base images (and the training image on the Python one) take minutes on a machine's first
# run (debootstrap, the wheelhouse): made now, in the background,
# while the unit tests run. The Maven build's own call (scripts/build-images.sh) waits for them
# (a lock per image) and reports any failure itself.
(scripts/make-base-image.sh && scripts/build-training-image.sh --tag tollgate-test/churn-trainer:test \
  --base-image "$(scripts/make-base-image.sh --python)") >"$docker_dir/base-images.log" 2>&1 &
bases_pid=$!
# The local two-node Ray cluster (scripts/install-ray.sh's venv, scripts/start-ray.sh), also
# started now, in the background, while the unit tests run; the Ray ITs (RayCluster) wait for its
# DIR/cluster.env, or fail with DIR/start.log if it did not start. Its jobs stage their inputs and
# outputs in folders (all nodes are on this machine), so no S3 endpoint is exported to the nodes:
# moto is started per test class, after the cluster. Stopped by the EXIT trap above.
mkdir -p "$ray_dir"
(scripts/start-ray.sh "$ray_dir" >"$ray_dir/url" 2>"$ray_dir/start.log" || touch "$ray_dir/start.failed") &
ray_pid=$!

# The compose file is not run here (docs/deploy.md says why); check it and the Dockerfile statically.
scripts/check-compose.sh

status=0
# -Dtollgate.docker.host turns on the starter's profile `docker`: after packaging, it builds the
# base images and tollgate:test (scripts/build-images.sh), whose names Failsafe passes to the tests.
./mvnw -B verify -Pit -Dtollgate.temporal.cli="$temporal_cli" -Dtollgate.chromium="$chromium" \
  -Dtollgate.docker.host="$DOCKER_HOST" -Dtollgate.it.ray.dir="$ray_dir" "$@" || status=$?
# The fault tests' figures (faults injected, runs completed, duplicates), when they ran.
report=starter/target/it-artifacts/fault-report.md
if [[ -f $report ]]; then
  echo "Fault tests ($report):"
  cat "$report"
fi
exit "$status"
