#!/usr/bin/env bash
# From a push's delivery to the run starting (issue 27): a worker with the GitHub webhook on against
# a real Temporal dev server, its remote a local bare repository (file URL) holding one spec and its
# data. Each round commits and pushes a change to the spec, POSTs a signed push delivery and reads
# from the server's history when the delivery's workflow, the run's workflow and the run's first
# stage started (benchmarks/push_to_run.py); the run is then terminated. Round 0 is a warm-up.
#   benchmarks/push-to-run.sh [ROUNDS]       (default 10)
# Build first: ./mvnw -B -o -q -pl starter -am package -DskipTests (the worker jar).
# Output: stdout, and benchmarks/results/push-to-run-<ROUNDS>.txt with the machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rounds=${1:-10}
# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
tollgate_find_jdk
java="$JAVA_HOME/bin/java"
jar="starter/target/tollgate.jar"
if [[ ! -f $jar ]]; then
  echo "push-to-run.sh: build first: ./mvnw -B -o -q -pl starter -am package -DskipTests" >&2
  exit 1
fi
temporal=$(scripts/install-temporal-cli.sh)
work=$(mktemp -d /tmp/tollgate-push-XXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); ui=$(free_port); http=$(free_port); metrics=$(free_port); worker_http=$(free_port)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "push-to-run.sh: dev server on 127.0.0.1:$port, work folder $work" >&2
"$temporal" server start-dev --db-filename "$work/temporal.db" --ip 127.0.0.1 --port "$port" \
  --ui-port "$ui" --http-port "$http" --metrics-port "$metrics" \
  --search-attribute TollgateModel=Keyword --search-attribute TollgateStage=Keyword \
  --search-attribute TollgateOutcome=Keyword --search-attribute TollgateModelVersion=Int \
  --search-attribute TollgateTrigger=Keyword --search-attribute TollgateCommit=Keyword \
  --log-level warn >"$work/temporal.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 90); do
  "$temporal" operator namespace describe default --address "127.0.0.1:$port" >/dev/null 2>&1 && break
  sleep 1
done

# The repository: a bare remote and a work tree pushing to it, one spec and its data under specs/.
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench \
  GIT_COMMITTER_EMAIL=bench@example.com GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git init -q --bare -b main "$work/remote.git"
git init -q -b main "$work/repo"
git -C "$work/repo" remote add origin "file://$work/remote.git"
mkdir -p "$work/repo/specs"
"$java" examples/energy/generator/dev/tollgate/examples/energy/EnergyDataGenerator.java \
  "$work/repo/specs/energy.csv" 42 1500 >/dev/null
cat >"$work/repo/specs/bench-energy.yaml" <<'YAML'
model: bench-energy
task: regression
data:
  train: file:energy.csv
  target: load
  features: [hour, day_of_week, temperature, humidity]
  min_rows: 500
training:
  algorithm: gradient_boosting
  params: { trees: 20, max_depth: 6, shrinkage: 0.1 }
  seed: 42
validation:
  thresholds:
    rmse: { max: 80 }
approval:
  approvers: [alice]
deploy:
  target: local
YAML
git -C "$work/repo" add -A
git -C "$work/repo" commit -qm "the bench model"
git -C "$work/repo" push -q origin HEAD:refs/heads/main

secret="bench-secret-$RANDOM$RANDOM"
TOLLGATE_HTTP_PORT=$worker_http TOLLGATE_MANAGEMENT_PORT=0 TOLLGATE_GITHUB_ENABLED=true \
  TOLLGATE_GITHUB_WEBHOOK_SECRET=$secret TOLLGATE_GITHUB_SPEC_PATHS=specs \
  TOLLGATE_GITHUB_REPOSITORIES=acme/models TOLLGATE_GITHUB_REMOTE_URL="file://$work/remote.git" \
  TOLLGATE_GITHUB_CHECKOUTS="$work/checkouts" TOLLGATE_DATA_ROOTS="$work/checkouts" \
  TOLLGATE_GITHUB_API_URL="http://127.0.0.1:9" TOLLGATE_GITHUB_TOKEN=unused \
  "$java" -Xmx1g -jar "$jar" worker --address "127.0.0.1:$port" --namespace default \
  --home "$work/home" >"$work/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q "Tollgate worker ready" "$work/worker.log" && break; sleep 1; done
grep -q "Tollgate worker ready" "$work/worker.log" || { tail -30 "$work/worker.log" >&2; exit 1; }

mkdir -p benchmarks/results
out="benchmarks/results/push-to-run-$rounds.txt"
{
  benchmarks/machine.sh 2>/dev/null | grep -v -e '^python' -e '^OMP' -e '^smile' || true
  python3 benchmarks/push_to_run.py --work "$work/repo" --spec specs/bench-energy.yaml \
    --model bench-energy --url "http://127.0.0.1:$worker_http/github/webhook" \
    --secret "$secret" --repo acme/models --temporal "$temporal" \
    --address "127.0.0.1:$port" --rounds "$rounds"
} | tee "$out"
