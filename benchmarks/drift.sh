#!/usr/bin/env bash
# Drift benchmark: PSI + z-test + KS over 1,000,000 rows x 50 numeric features (docs/benchmarks.md).
#   benchmarks/drift.sh                         # Java only
#   benchmarks/drift.sh --dump /tmp/drift-data  # also write the data for benchmarks/drift_scipy.py
# Options are DriftBenchmark's: --rows --features --bins --repeat --seed --dump.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64 2>/dev/null || dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
export JAVA_HOME
# Compile only (no install: the stats package needs nothing beyond the JDK at run time).
./mvnw -B -q -pl activities/core -am compile -Dspotless.check.skip=true
exec "$JAVA_HOME/bin/java" -Xms3g -Xmx3g -XX:+UseParallelGC \
  -cp activities/core/target/classes benchmarks/DriftBenchmark.java "$@"
