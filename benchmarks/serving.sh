#!/usr/bin/env bash
# Issue 10's serving benchmark: Tollgate's local serving (the worker's POST /v1/models/{name}/predict)
# against MLflow's `mlflow models serve` on the same XGBoost booster, same machine, same run.
#   benchmarks/serving.sh [SECONDS]     (default 20 s per measurement)
# Needs: the CLI jar (./tollgate builds it), hey (go install github.com/rakyll/hey, cached under
# ~/.cache/tollgate/bin), and a venv with mlflow + xgboost (~/.cache/tollgate/serve-bench; created
# here if missing). Prints one line per measurement; docs/benchmarks.md has the figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-20}"
cache="${TOLLGATE_CACHE:-$HOME/.cache/tollgate}"
hey="$cache/bin/hey"
venv="$cache/serve-bench"
[ -x "$hey" ] || GOBIN="$cache/bin" go install github.com/rakyll/hey@latest
[ -x "$venv/bin/mlflow" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q "mlflow==3.*" xgboost pandas; }
work="$(mktemp -d "${TMPDIR:-/tmp}/serving-bench.XXXXXX")"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. Train and deploy the energy example (XGBoost, the default trainer) into a home folder.
./tollgate demo --auto-approve --home "$work/home" >"$work/demo.log" 2>&1 || { tail -20 "$work/demo.log"; exit 1; }
artifact="$(python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print(p["artifact_uri"].replace("file://",""))' "$work/home/serving/energy-load/current.json")"

# 2. Tollgate: a worker serving that home.
port="$(free_port)"
TOLLGATE_HTTP_PORT="$port" TOLLGATE_MANAGEMENT_PORT=0 ./tollgate worker --home "$work/home" --embedded-port 0 >"$work/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/v1/models/energy-load" >/dev/null && break; sleep 1; done

# 3. MLflow: the same booster, exported, served by `mlflow models serve` (2 workers for 2 cores).
mport="$(free_port)"
"$venv/bin/python" benchmarks/serving/export_mlflow.py "$artifact" "$work/mlflow-model" >"$work/features.json"
PATH="$venv/bin:$PATH" "$venv/bin/mlflow" models serve -m "$work/mlflow-model" -p "$mport" -h 127.0.0.1 --env-manager local -w 2 >"$work/mlflow.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$mport/ping" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$mport/ping" >/dev/null || { echo "mlflow models serve did not start:" >&2; tail -20 "$work/mlflow.log" >&2; exit 1; }

# Request bodies: one row and 100 rows of the energy data, in each server's format.
python3 benchmarks/serving/bodies.py examples/energy/load.csv "$work/features.json" "$work"

run() { # NAME URL BODY QPS_PER_WORKER WORKERS
  local out
  out="$("$hey" -z "${seconds}s" -c "$5" ${4:+-q "$4"} -m POST -T application/json -D "$3" "$2")"
  python3 benchmarks/serving/hey_line.py "$1" <<<"$out"
}
benchmarks/machine.sh 2>/dev/null | head -6 || true
for target in tollgate mlflow; do
  if [ "$target" = tollgate ]; then url="http://127.0.0.1:$port/v1/models/energy-load/predict"; else url="http://127.0.0.1:$mport/invocations"; fi
  "$hey" -z 10s -c 2 -m POST -T application/json -D "$work/$target-1.json" "$url" >/dev/null # warm-up
  # 2,000 requests a second: 20 client connections at 100 each (hey paces each connection).
  run "$target single-row @2000rps 20 conns" "$url" "$work/$target-1.json" 100 20
  run "$target single-row @2000rps 4 conns" "$url" "$work/$target-1.json" 500 4
  run "$target single-row max" "$url" "$work/$target-1.json" "" 8
  run "$target 100-row max" "$url" "$work/$target-100.json" "" 8
done
