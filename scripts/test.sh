#!/usr/bin/env bash
# The whole test suite, as CI runs it: finds a JDK >= 21, then the Maven build with every test
# and the formatter check. Extra arguments go to Maven (e.g. scripts/test.sh -pl workflows).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
tollgate_find_jdk
echo "using JDK at $JAVA_HOME"
exec ./mvnw -B verify "$@"
