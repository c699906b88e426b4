#!/usr/bin/env bash
# Issue 9's benchmark: one worker process holding N guardians (default 1000) on a real Temporal dev
# server, and one guardian's history per simulated month. benchmarks/guardians.sh [N]
# Starts `temporal server start-dev` (in-memory) on free ports, runs
# dev.tollgate.benchmarks.GuardianFleetBenchmark (workflows' test classes), stops the server.
# Build first: ./mvnw -B -q install -DskipTests (or scripts/test.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
n="${1:-1000}"
temporal="$(scripts/install-temporal-cli.sh)"
deps="$root/benchmarks/data/workflows-classpath.txt"
mkdir -p benchmarks/data
if [[ ! -s $deps || workflows/pom.xml -nt $deps || pom.xml -nt $deps ]]; then
  ./mvnw -q -pl workflows dependency:build-classpath -Dmdep.outputFile="$deps" >&2
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port="$(free_port)"; ui="$(free_port)"; http="$(free_port)"; metrics="$(free_port)"
log="$(mktemp "${TMPDIR:-/tmp}/guardians-server.XXXXXX")"
"$temporal" server start-dev --ip 127.0.0.1 --port "$port" --ui-port "$ui" --http-port "$http" \
  --metrics-port "$metrics" --log-level warn >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  "$temporal" operator cluster health --address "127.0.0.1:$port" >/dev/null 2>&1 && break
  sleep 1
done
scripts/../benchmarks/machine.sh 2>/dev/null | head -5 || true
echo "guardians: $n on 127.0.0.1:$port ($(date -u +%FT%TZ))"
"$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-2g} -Dlogback.configurationFile=benchmarks/logback-bench.xml \
  -cp "workflows/target/test-classes:workflows/target/classes:$(cat "$deps")" \
  dev.tollgate.benchmarks.GuardianFleetBenchmark "127.0.0.1:$port" "$n"
