#!/usr/bin/env bash
# Installs moto's S3-compatible test server (moto_server, from PyPI) into a cached virtualenv and
# prints the path of the moto_server executable on stdout (everything else goes to stderr).
# Idempotent: a finished install is reused, so only the first run needs PyPI. The S3 tests run this
# themselves when moto is missing; CI may run it up front. TOLLGATE_CACHE moves the cache
# (default ~/.cache/tollgate).
set -euo pipefail
MOTO_VERSION=5.2.5 # pinned: the tests rely on moto's behaviour, so an upgrade is a change here
# shellcheck source=scripts/pip-venv.sh
source "$(dirname "$0")/pip-venv.sh"
tollgate_pip_venv moto "$MOTO_VERSION" "moto[server]==$MOTO_VERSION" moto_server "the S3 tests"
