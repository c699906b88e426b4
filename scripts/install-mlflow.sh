#!/usr/bin/env bash
# Installs MLflow's tracking server (mlflow, from PyPI) into a cached virtualenv and prints the path
# of the mlflow executable on stdout (everything else goes to stderr). Only the tests use it: the
# worker talks to MLflow over its REST API and needs no Python.
# Idempotent: a finished install is reused, so only the first run needs PyPI. The MLflow tests run
# this themselves when MLFLOW_BIN is not set; CI runs it up front. TOLLGATE_CACHE moves the cache
# (default ~/.cache/tollgate).
set -euo pipefail
MLFLOW_VERSION=3.17.2 # pinned: the tests rely on its REST API's behaviour, so an upgrade is a change here.
# (3.18.0 needs mlflow-tracing==3.18.0, which the package index does not serve yet.)
cache=${TOLLGATE_CACHE:-$HOME/.cache/tollgate}
venv="$cache/mlflow-$MLFLOW_VERSION"
server="$venv/bin/mlflow"
done_marker="$venv/.installed"
if [[ -x "$server" && -f "$done_marker" ]]; then
  echo "$server"
  exit 0
fi
python=$(command -v python3 || true)
if [[ -z "$python" ]]; then
  echo "install-mlflow: python3 is not installed; the MLflow tests need it to run mlflow server" \
    "(Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
if ! "$python" -m venv --help >/dev/null 2>&1; then
  echo "install-mlflow: $python has no venv module (Debian: apt-get install python3-venv)" >&2
  exit 1
fi
mkdir -p "$cache"
# Two builds starting at once (parallel modules, two terminals) install once: the second waits.
exec 9>"$cache/.mlflow-$MLFLOW_VERSION.lock"
flock 9
if [[ ! -f "$done_marker" ]]; then
  # A venv hard-codes its own path, so it is built in place; the marker, written last, tells a
  # finished install from an interrupted one, which is thrown away and redone.
  rm -rf "$venv"
  echo "install-mlflow: installing mlflow==$MLFLOW_VERSION into $venv" >&2
  "$python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "mlflow==$MLFLOW_VERSION" >&2
  touch "$done_marker"
fi
echo "$server"
