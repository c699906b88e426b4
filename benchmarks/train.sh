#!/usr/bin/env bash
# Runs the Java harness (dev.tollgate.benchmarks.TrainBenchmark, in activities/core's test sources) on
# Tollgate's own classes: benchmarks/train.sh FILE load|ALGORITHM [REPEATS [CAP_S [LONG_S]]].
# BENCH_MAIN runs another harness of those test sources the same way (small-data.sh does).
# Build first: ./mvnw -B -o -q -pl activities/core -am package -DskipTests (run-all.sh does).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
deps="$root/benchmarks/data/classpath.txt"
mkdir -p benchmarks/data
if [[ ! -s $deps || activities/core/pom.xml -nt $deps || pom.xml -nt $deps ]]; then
  ./mvnw -q -pl activities/core dependency:build-classpath -Dmdep.outputFile="$deps" >&2
fi
if [[ ! -d activities/core/target/test-classes/dev/tollgate/benchmarks ]]; then
  echo "train.sh: build first: ./mvnw -B -o -q -pl activities/core -am package -DskipTests" >&2
  exit 1
fi
# Tollgate's own modules come from this work tree, not from ~/.m2: drop them from Maven's list.
external="$(tr ':' '\n' <"$deps" | grep -v '/dev/tollgate/' | paste -sd: -)"
classes="activities/core/target/test-classes:activities/core/target/classes:workflows/target/classes"
# BENCH_JAVA_OPTS: extra JVM options, e.g. -Dsmile.regression_tree.bins=1 (Smile's exact splits).
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-8g} --enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:-} \
  -cp "$classes:$external" "${BENCH_MAIN:-dev.tollgate.benchmarks.TrainBenchmark}" "$@"
