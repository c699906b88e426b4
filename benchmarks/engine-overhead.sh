#!/usr/bin/env bash
# Engine overhead: Tollgate's pipeline workflow with instant stages against a bare SDK workflow of
# the same five stages, interleaved rounds on one in-process Temporal test server
# (dev.tollgate.benchmarks.EngineOverheadBenchmark, workflows' test sources).
#   benchmarks/engine-overhead.sh [RUNS [ROUNDS [CONCURRENCY]]]    (default 500 3 32)
# Build first: ./mvnw -B -o -q -pl workflows -am test-compile
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
deps="$root/benchmarks/data/workflows-classpath.txt"
mkdir -p benchmarks/data
if [[ ! -s $deps || workflows/pom.xml -nt $deps || pom.xml -nt $deps ]]; then
  ./mvnw -q -pl workflows dependency:build-classpath -Dmdep.outputFile="$deps" >&2
fi
if [[ ! -f workflows/target/test-classes/dev/tollgate/benchmarks/EngineOverheadBenchmark.class ]]; then
  echo "engine-overhead.sh: build first: ./mvnw -B -o -q -pl workflows -am test-compile" >&2
  exit 1
fi
external="$(tr ':' '\n' <"$deps" | grep -v '/dev/tollgate/' | paste -sd: -)"
classes="workflows/target/test-classes:workflows/target/classes"
exec "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-2g} -cp "$classes:$external" \
  -Dlogback.configurationFile=benchmarks/logback-bench.xml \
  dev.tollgate.benchmarks.EngineOverheadBenchmark "$@"
