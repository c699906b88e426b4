#!/usr/bin/env bash
# The whole test suite, as CI runs it: finds a JDK >= 21, installs what the integration tests
# drive (the Temporal CLI for `temporal server start-dev`, Chromium for the UI check; both cached),
# then the Maven build: the formatter check, every module's unit tests (Surefire), then the
# integration tests (*IT, Failsafe, profile `it`) against a real Temporal dev server.
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

# The compose file cannot be run here (no Docker engine); check what can be checked without one.
scripts/check-compose.sh

exec ./mvnw -B verify -Pit -Dtollgate.temporal.cli="$temporal_cli" -Dtollgate.chromium="$chromium" "$@"
