#!/usr/bin/env bash
# Installs MLflow's tracking server (mlflow, from PyPI) into a cached virtualenv and prints the path
# of the mlflow executable on stdout (everything else goes to stderr). Only the tests use it: the
# worker talks to MLflow over its REST API and needs no Python.
# Idempotent: a finished install is reused, so only the first run needs PyPI. The MLflow tests run
# this themselves when MLFLOW_BIN is not set; scripts/test.sh runs it up front. TOLLGATE_CACHE
# moves the cache (default ~/.cache/tollgate).
set -euo pipefail
# Pinned: the tests rely on its REST API's behaviour, so an upgrade is a change here. (3.18.0 needs
# mlflow-tracing==3.18.0, which the package index does not serve yet.)
MLFLOW_VERSION=3.17.2
# shellcheck source=scripts/pip-venv.sh
source "$(dirname "$0")/pip-venv.sh"
tollgate_pip_venv mlflow "$MLFLOW_VERSION" "mlflow==$MLFLOW_VERSION" mlflow "the MLflow tests"
