#!/usr/bin/env bash
# Load on one worker against a real Temporal dev server: PIPELINES pipelines of different models
# at once (approved as they ask), then WAITING runs waiting for approval at once (then rejected).
# Reports none lost, the worker's peak RSS and each stage's p50/p95/max latency from schedule to
# completion (dev.tollgate.benchmarks.LoadBenchmark, the starter's test sources).
#   benchmarks/load.sh [PIPELINES [WAITING [ROWS]]]       (default 200 1000 2000)
# Build first: ./mvnw -B -o -q install -DskipTests (the worker jar and the test classes).
# Output: stdout, and benchmarks/results/load-<PIPELINES>-<WAITING>.txt with the machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
pipelines=${1:-200}
waiting=${2:-1000}
rows=${3:-2000}
# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
tollgate_find_jdk
java="$JAVA_HOME/bin/java"
jar="starter/target/tollgate.jar"
driver="starter/target/test-classes/dev/tollgate/benchmarks/LoadBenchmark.class"
if [[ ! -f $jar || ! -f $driver ]]; then
  echo "load.sh: build first: ./mvnw -B -o -q install -DskipTests" >&2
  exit 1
fi
temporal=$(scripts/install-temporal-cli.sh)
deps="benchmarks/data/starter-test-classpath.txt"
if [[ ! -s $deps || starter/pom.xml -nt $deps || pom.xml -nt $deps ]]; then
  ./mvnw -q -pl starter dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/$deps" >&2
fi

work=$(mktemp -d /tmp/tollgate-load-XXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); ui=$(free_port); http=$(free_port); metrics=$(free_port); worker_http=$(free_port)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "load.sh: dev server on 127.0.0.1:$port, work folder $work" >&2
"$temporal" server start-dev --db-filename "$work/temporal.db" --ip 127.0.0.1 --port "$port" \
  --ui-port "$ui" --http-port "$http" --metrics-port "$metrics" --namespace load \
  --search-attribute TollgateModel=Keyword --search-attribute TollgateStage=Keyword \
  --search-attribute TollgateOutcome=Keyword --search-attribute TollgateModelVersion=Int \
  --search-attribute TollgateTrigger=Keyword --search-attribute TollgateCommit=Keyword --log-level warn >"$work/temporal.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 90); do
  "$temporal" operator namespace describe load --address "127.0.0.1:$port" >/dev/null 2>&1 && break
  sleep 1
done

"$java" examples/energy/generator/dev/tollgate/examples/energy/EnergyDataGenerator.java \
  "$work/load.csv" 42 "$rows" >/dev/null
cat >"$work/template.yaml" <<YAML
model: MODEL_NAME
task: regression
data:
  train: file:load.csv
  target: load
  features: [hour, day_of_week, temperature, humidity]
  min_rows: 500
training:
  algorithm: gradient_boosting
  params: { trees: 20, max_depth: 4, shrinkage: 0.2 }
  seed: 42
  holdout: 0.2
validation:
  thresholds: { rmse: { max: 120 } }
approval:
  approvers: [alice]
  timeout: 24h
deploy:
  target: local
YAML

TOLLGATE_HTTP_PORT=$worker_http TOLLGATE_MANAGEMENT_PORT=0 "$java" -Xmx2g -jar "$jar" worker --address "127.0.0.1:$port" \
  --namespace load --home "$work/home" >"$work/worker.log" 2>&1 &
worker=$!
pids+=($worker)
for _ in $(seq 1 120); do grep -q "Tollgate worker ready" "$work/worker.log" && break; sleep 1; done
grep -q "Tollgate worker ready" "$work/worker.log" || { tail -30 "$work/worker.log" >&2; exit 1; }

out="benchmarks/results/load-$pipelines-$waiting.txt"
{
  echo "# benchmarks/load.sh $pipelines $waiting $rows"
  benchmarks/machine.sh 2>/dev/null | grep -v -i "python\|OMP" || true
  "$java" -Xmx1g -cp "starter/target/test-classes:starter/target/classes:$(cat "$deps")" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    dev.tollgate.benchmarks.LoadBenchmark "127.0.0.1:$port" load "$work/template.yaml" \
    "$worker" "$pipelines" "$waiting"
  echo "worker errors in its log: $(grep -c ' ERROR ' "$work/worker.log" || true)"
} 2>&1 | grep -v --line-buffered '^WARNING\|shutdownNow' | tee "$out"
