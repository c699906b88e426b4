#!/usr/bin/env bash
# Engine overhead: Tollgate's pipeline workflow with instant stages against a bare SDK workflow of
# the same five stages, interleaved rounds on one in-process Temporal test server
# (dev.tollgate.benchmarks.EngineOverheadBenchmark, workflows' test sources).
#   benchmarks/engine-overhead.sh [--dev-server] [RUNS [ROUNDS [CONCURRENCY]]]    (default 500 3 32)
# --dev-server: against a real `temporal server start-dev` (installed by
# scripts/install-temporal-cli.sh, started here on a free port, in memory, stopped at the end),
# the server's CPU counted with the benchmark's. Without it, the SDK's in-memory test server.
# BENCH_JVM_WARMUP_ROUNDS=N: N rounds of both shapes before round 0 to warm the JVM (default 1).
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
if [[ ${1:-} == --dev-server ]]; then
  shift
  temporal="$(scripts/install-temporal-cli.sh)"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$temporal" server start-dev --headless --ip 127.0.0.1 --port "$port" --log-level error \
    --search-attribute TollgateModel=Keyword --search-attribute TollgateStage=Keyword \
    --search-attribute TollgateOutcome=Keyword --search-attribute TollgateModelVersion=Int \
    --search-attribute TollgateTrigger=Keyword --search-attribute TollgateCommit=Keyword >/tmp/engine-overhead-dev-server.log 2>&1 &
  server_pid=$!
  trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null' EXIT
  for _ in $(seq 1 60); do
    "$temporal" operator cluster health --address "127.0.0.1:$port" >/dev/null 2>&1 && break
    sleep 1
  done
  export BENCH_TEMPORAL_ADDRESS="127.0.0.1:$port" BENCH_SERVER_PID="$server_pid"
fi
classes="workflows/target/test-classes:workflows/target/classes"
"$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-2g} -cp "$classes:$external" \
  -Dlogback.configurationFile=benchmarks/logback-bench.xml \
  dev.tollgate.benchmarks.EngineOverheadBenchmark "$@"
