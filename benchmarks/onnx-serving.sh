#!/usr/bin/env bash
# Issue 24's serving benchmark: an ONNX model served by Tollgate (a `tollgate worker`'s
# POST /v1/models/{name}/predict, ONNX Runtime) against `mlflow models serve` (pyfunc) of the SAME
# fitted scikit-learn model, same machine, same run, the two measured in turns.
#   benchmarks/onnx-serving.sh [SECONDS [ROUNDS]]     (default 20 s per measurement, 3 rounds)
# One command: builds the CLI jar if stale (package, never install), makes or reuses the venvs of
# scripts/install-python-ml.sh (scikit-learn, skl2onnx) and scripts/install-mlflow.sh (MLflow with
# the same scikit-learn), hey (Go module proxy, ~/.cache/tollgate/bin), trains and exports the
# model, starts both servers on free loopback ports, checks they predict what scikit-learn does,
# measures, stops both. Prints a Markdown table; raw lines and the table go to
# benchmarks/results/onnx-serving-<UTC date and time>.txt (BENCH_RESULTS=FILE to change).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-20}"
rounds="${2:-3}"
cache="${TOLLGATE_CACHE:-$HOME/.cache/tollgate}"
results="${BENCH_RESULTS:-benchmarks/results/onnx-serving-$(date -u +%Y-%m-%dT%H%MZ).txt}"
. scripts/find-jdk.sh
tollgate_find_jdk
java="$JAVA_HOME/bin/java"
# As ./tollgate runs the worker: quiet the JDK's native/Unsafe access warnings.
jvm_opts=(--enable-native-access=ALL-UNNAMED)
[ "$(tollgate_java_major "$java")" -ge 24 ] && jvm_opts+=(--sun-misc-unsafe-memory-access=allow)
serving=benchmarks/serving

# 1. Tools: the CLI jar (the reactor's package phase: no install into the shared ~/.m2), hey, venvs.
jar=starter/target/tollgate.jar
if [ ! -f "$jar" ] || [ -n "$(find ./*/src ./*/*/src pom.xml ./*/pom.xml -newer "$jar" -type f -print -quit)" ]; then
  echo "building $jar…" >&2
  ./mvnw -B -q -pl starter -am package -DskipTests -Dspotless.check.skip=true >&2
fi
hey="$cache/bin/hey"
[ -x "$hey" ] || GOBIN="$cache/bin" go install github.com/rakyll/hey@v0.1.5 >&2
ml_python="$(scripts/install-python-ml.sh)"
mlflow="$(scripts/install-mlflow.sh)"
mlflow_python="$(dirname "$mlflow")/python"
sk() { "$1" -c 'import sklearn; print(sklearn.__version__)'; }
if [ "$(sk "$ml_python")" != "$(sk "$mlflow_python")" ]; then
  echo "onnx-serving: scikit-learn $(sk "$ml_python") (python-ml) but $(sk "$mlflow_python") in MLflow's" \
    "venv: the pickle would not be the same model. Pin the same version in both." >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/onnx-serving.XXXXXX")"
groups=()
# Stops what this script started, by process group: the leader first (mlflow then stops its uvicorn
# workers itself, and none is left a zombie), anything still there in the group 15 s later is killed.
stop() {
  local g
  for g in "${groups[@]}"; do kill "$g" 2>/dev/null || true; done
  for g in "${groups[@]}"; do
    for _ in $(seq 1 30); do pgrep -g "$g" >/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$g" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work" # the model, the MLflow store, the worker's home: the figures are in the results file
}
trap stop EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # URL LOG NAME
  for _ in $(seq 1 180); do curl -sf "$1" >/dev/null && return 0; sleep 1; done
  echo "$3 did not start:" >&2; tail -20 "$2" >&2; exit 1
}

# 2. The model: trained once by scikit-learn, exported as ONNX (skl2onnx) and pickled.
"$ml_python" $serving/onnx_model.py "$work" 2>"$work/model.log" || { cat "$work/model.log" >&2; exit 1; }
read -r -a features < <(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["features"]))' "$work/features.json")
python3 $serving/bodies.py "$work/rows.csv" "$work/features.json" "$work"

# 3. Tollgate: deployed by a real pipeline run, `tollgate demo --spec` of a spec whose
# training.import is that model.onnx: Tollgate checks the model, measures it on measure.csv, gates,
# approves (--auto-approve) and deploys it to local serving in $work/home; then `tollgate worker`
# on that home serves it, as `./tollgate` runs it.
cat > "$work/energy-onnx.yaml" <<SPEC
model: energy-onnx
task: regression
data:
  train: file:measure.csv
  target: load
  features: [$(IFS=,; echo "${features[*]}" | sed 's/,/, /g')]
  min_rows: 500
training:
  import: { uri: file:model.onnx }
validation:
  thresholds: { r2: { min: 0.8 } }
approval:
  approvers: [bench]
deploy:
  target: local
SPEC
(cd "$work" && "$java" "${jvm_opts[@]}" -jar "$root/$jar" demo --spec "$work/energy-onnx.yaml" \
  --auto-approve --home "$work/home" >"$work/deploy.log" 2>&1) \
  || { echo "the import run did not deploy the model:" >&2; tail -20 "$work/deploy.log" >&2; exit 1; }
port="$(free_port)"
(cd "$work" && OMP_WAIT_POLICY=PASSIVE TOLLGATE_HTTP_PORT="$port" TOLLGATE_MANAGEMENT_PORT=0 exec setsid \
  "$java" "${jvm_opts[@]}" -jar "$root/$jar" worker --home "$work/home" --embedded-port 0 >"$work/worker.log" 2>&1) &
groups+=($!)
tollgate_group=$!
tollgate_url="http://127.0.0.1:$port/v1/models/energy-onnx/predict"

# 4. MLflow: the same estimator logged with mlflow.sklearn (SQLite store and artifacts in $work),
# served by `mlflow models serve --env-manager local`, 2 workers for 2 cores.
export MLFLOW_TRACKING_URI="sqlite:///$work/mlflow.db"
model_uri="$(cd "$work" && "$mlflow_python" "$root/$serving/log_mlflow_sklearn.py" "$work" 2>"$work/log-mlflow.log")" \
  || { tail -20 "$work/log-mlflow.log" >&2; exit 1; }
mport="$(free_port)"
(cd "$work" && PATH="$(dirname "$mlflow"):$PATH" exec setsid "$mlflow" models serve -m "$model_uri" \
  -p "$mport" -h 127.0.0.1 --env-manager local -w 2 >"$work/mlflow.log" 2>&1) &
groups+=($!)
mlflow_group=$!
mlflow_url="http://127.0.0.1:$mport/invocations"
wait_for "http://127.0.0.1:$port/v1/models/energy-onnx" "$work/worker.log" "tollgate worker"
wait_for "http://127.0.0.1:$mport/ping" "$work/mlflow.log" "mlflow models serve"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); command: benchmarks/onnx-serving.sh $seconds $rounds; commit: $(git rev-parse --short HEAD)"
  echo "nproc: $(nproc); memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}'); surefire processes: $(pgrep -fc surefire || true)"
  lscpu | head -15 | sed 's/^/lscpu: /'
  echo "load before (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jdk: $("$java" -version 2>&1 | sed -n 2p); onnxruntime $(sed -n 's:.*<onnxruntime.version>\(.*\)</onnxruntime.version>.*:\1:p' pom.xml)"
  echo "model: $(tail -1 "$work/model.log"); $(tail -1 "$work/log-mlflow.log" | grep -o 'mlflow [0-9.]*')"
  # 5. Same predictions before measuring (float32 on the ONNX side: tolerance 1e-3 on loads ~20-100).
  python3 $serving/agree.py "$work" "$tollgate_url" "$mlflow_url" 1e-3
} | tee "$results"

run() { # ROUND SERVER LOAD BODY QPS_PER_CONNECTION CONNECTIONS
  local url body out before after
  if [ "$2" = tollgate ]; then url="$tollgate_url" group=$tollgate_group; else url="$mlflow_url" group=$mlflow_group; fi
  local load1; load1="$(cut -d' ' -f1 /proc/loadavg)"
  before="$(python3 $serving/cpu.py "$group")"
  out="$("$hey" -z "${seconds}s" -c "$6" ${5:+-q "$5"} -m POST -T application/json -D "$work/$2-$4.json" "$url")"
  after="$(python3 $serving/cpu.py "$group")"
  printf '%s\tcpu_s=%s\tseconds=%s\tloadavg=%s\n' \
    "$(python3 $serving/hey_line.py "round$1	$2	$3" <<<"$out")" \
    "$(python3 -c "print(f'{$after - $before:.2f}')")" "$seconds" "$load1"
}
# 6. Warm-up (JIT, ORT session, uvicorn workers), then the rounds. Within a round each load runs on
# both servers back to back; which server goes first alternates from round to round.
for target in tollgate mlflow; do
  url="$tollgate_url"; [ "$target" = mlflow ] && url="$mlflow_url"
  "$hey" -z 10s -c 4 -m POST -T application/json -D "$work/$target-1.json" "$url" >/dev/null
  "$hey" -z 5s -c 4 -m POST -T application/json -D "$work/$target-100.json" "$url" >/dev/null
done
for r in $(seq 1 "$rounds"); do
  order="tollgate mlflow"; [ $((r % 2)) -eq 0 ] && order="mlflow tollgate"
  for s in $order; do run "$r" "$s" "single-row @2000/s, 4 conns" 1 500 4; done
  for s in $order; do run "$r" "$s" "single-row @2000/s, 20 conns" 1 100 20; done
  for s in $order; do run "$r" "$s" "single-row max, 8 conns" 1 "" 8; done
  for s in $order; do run "$r" "$s" "100-row max, 8 conns" 100 "" 8; done
done | tee -a "$results" >"$work/raw.txt"
{
  echo "load after (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  python3 $serving/onnx_table.py <"$work/raw.txt"
} | tee -a "$results"
echo "raw results: $results" >&2
