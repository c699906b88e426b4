#!/usr/bin/env bash
# The whole train stage on Ray (issue 26) against the same command through `ray job submit` by hand.
#   benchmarks/ray-train-stage.sh [ROUNDS]          (default 3)
# Starts, in a short /tmp folder, the local two-node cluster (scripts/start-ray.sh), a Temporal dev
# server and a worker (starter/target/tollgate.jar; built without tests when missing) with Ray on,
# staging in its own artifact folder. The job on both sides: the ITs' trainer.py (echo a progress
# line, a depth-8 regression tree on 2,400 rows exported with skl2onnx: a tiny valid model) by the
# nodes' Python. Tollgate: `tollgate run` of a `training.runner: ray` spec; its Train activity from
# scheduled to completed in the run's History (load, split, staging, the package, submit, the 1 s
# follow, the manifest and model fetched, the ONNX checks, holdout scoring, storing). By hand:
# `ray job submit --working-dir SPEC --runtime-env-json {env_vars} -- python trainer.py`, its wall
# time (it returns when it has seen the end), the inputs already in a folder. Both: Ray's own
# start_time → end_time of the job. One warm-up of each, then ROUNDS rounds, the first of a round
# alternating. Appends to benchmarks/results/ray-train-stage-<UTC date>.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rounds="${1:-3}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
work=$(mktemp -d /tmp/rts.XXXXXX)   # short: the cluster's sockets live under it (107 bytes)
cluster= server= worker=
cleanup() {
  [[ -z $worker ]] || kill "$worker" 2>/dev/null || true
  [[ -z $server ]] || kill "$server" 2>/dev/null || true
  [[ -z $cluster ]] || scripts/stop-ray.sh "$cluster" >&2 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
jar=starter/target/tollgate.jar
[[ -f $jar ]] || ./mvnw -B -o -q -pl starter -am package -DskipTests >&2
temporal=$(scripts/install-temporal-cli.sh)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cluster=$work/c
url=$(scripts/start-ray.sh "$cluster")
ray="$(sed -n 's/^RAY_BIN=//p' "$cluster/cluster.env")/ray"
port=$(free_port)
address=127.0.0.1:$port
"$temporal" server start-dev --headless --ip 127.0.0.1 --port "$port" --ui-port "$(free_port)" \
  --http-port "$(free_port)" --metrics-port "$(free_port)" --log-level error \
  --db-filename "$work/temporal.db" \
  --search-attribute TollgateModel=Keyword --search-attribute TollgateStage=Keyword \
  --search-attribute TollgateOutcome=Keyword --search-attribute TollgateModelVersion=Int \
  --search-attribute TollgateTrigger=Keyword --search-attribute TollgateCommit=Keyword >"$work/temporal.log" 2>&1 &
server=$!
until "$temporal" operator cluster health --address "$address" >/dev/null 2>&1; do sleep 0.5; done
TOLLGATE_TRAINING_RAY=true TOLLGATE_RAY_ADDRESS=$url TOLLGATE_DATA_ROOTS=$work TOLLGATE_HTTP_PORT=0 \
  TOLLGATE_MANAGEMENT_PORT=0 java --enable-native-access=ALL-UNNAMED -Xmx2g -jar "$jar" worker \
  --address "$address" --home "$work/home" >"$work/worker.log" 2>&1 &
worker=$!
until grep -q "Tollgate worker ready" "$work/worker.log"; do
  kill -0 "$worker" || { tail -30 "$work/worker.log" >&2; exit 1; }
  sleep 0.5
done

# The spec folder (trainer.py, seeded energy-like rows) and, for by hand, the rows as train.csv.
spec=$work/spec
mkdir -p "$spec" "$work/marks" "$work/hand/train"
cp starter/src/test/resources/it-training/trainer.py "$spec/"
python3 - "$spec/energy.csv" <<'PY'
import csv, math, random, sys
r = random.Random(42)
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["hour", "day_of_week", "temperature", "humidity", "load"])
    for _ in range(3000):
        h, d, t, u = r.randrange(24), r.randrange(7), r.uniform(-5, 35), r.uniform(20, 90)
        w.writerow([h, d, round(t, 2), round(u, 2),
                    round(300 + 80 * math.sin(h / 24 * 2 * math.pi) - 30 * (d >= 5)
                          + 4 * abs(t - 18) + 0.3 * u + r.gauss(0, 10), 2)])
PY
head -2401 "$spec/energy.csv" >"$work/hand/train/train.csv"   # the stage trains on 80%
cat >"$spec/bench-ray.yaml" <<YAML
model: bench-ray
task: regression
data: { train: file:energy.csv, target: load, features: [hour, day_of_week, temperature, humidity], min_rows: 500 }
training:
  runner: ray
  command: [python, trainer.py]
  params: { mode: train }
  env: { IT_MARKS: "$work/marks" }
  timeout: 10m
validation: { thresholds: { r2: { min: 0.3 } } }
approval: { approvers: [alice], min_approvals: 1, timeout: 10m, on_timeout: reject }
deploy: { target: local }
YAML

job_seconds() { # Ray's own start_time -> end_time of a job, and its status
  curl -sf "$url/api/jobs/$1" | python3 -c 'import json,sys; j=json.load(sys.stdin); print("%.2f %s" % ((j["end_time"]-j["start_time"])/1000, j["status"]))'
}
tollgate() { # one run; prints "train_s ray_job_s status"
  local run=$1 wf="pipeline/bench-ray/$1" show
  java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" \
    run --spec "$spec/bench-ray.yaml" --run-id "$run" --address "$address" >>"$work/cli.log" 2>&1
  while :; do
    show=$("$temporal" workflow show -w "$wf" -o json --address "$address" 2>/dev/null || true)
    train=$(python3 - "$show" <<'PY'
import json, sys
from datetime import datetime
try:
    events = json.loads(sys.argv[1])["events"]
except Exception:
    sys.exit()
t = lambda e: datetime.fromisoformat(e["eventTime"].replace("Z", "+00:00"))
scheduled = {e["eventId"]: e for e in events
             if e.get("activityTaskScheduledEventAttributes", {}).get("activityType", {}).get("name") == "Train"}
for e in events:
    for kind in ("Completed", "Failed", "TimedOut"):
        a = e.get("activityTask%sEventAttributes" % kind)
        if a and a.get("scheduledEventId") in scheduled:
            print("%.2f %s" % ((t(e) - t(scheduled[a["scheduledEventId"]])).total_seconds(), kind))
PY
)
    [[ -n $train ]] && break
    sleep 1
  done
  [[ $train == *Completed ]] || { grep -m3 "message=" "$work/worker.log" >&2; exit 1; }
  echo "$(cut -d' ' -f1 <<<"$train") $(job_seconds "tollgate-bench-ray-$run-1" | cut -d' ' -f1) $(cut -d' ' -f2 <<<"$train")"
}
by_hand() { # prints "wall_s ray_job_s status"
  local id="bench-hand-$1-$(date +%s)" out start end
  mkdir -p "$work/hand/$1/model"
  env_json="{\"env_vars\": {\"IT_MARKS\": \"$work/marks\", \"TOLLGATE_CHANNEL_TRAIN\": \"$work/hand/train\", \"TOLLGATE_MODEL_DIR\": \"$work/hand/$1/model\"}}"
  start=$(date +%s.%N)
  "$ray" job submit --address "$url" --submission-id "$id" --working-dir "$spec" \
    --runtime-env-json "$env_json" -- python trainer.py --mode train >"$work/hand/$1.log" 2>&1
  end=$(date +%s.%N)
  [[ -s $work/hand/$1/model/model.onnx ]] || { echo "by hand: no model" >&2; exit 1; }
  read -r secs status < <(job_seconds "$id")
  echo "$(python3 -c "print('%.2f' % ($end - $start))") $secs $status"
}

results="benchmarks/results/ray-train-stage-$(date -u +%Y-%m-%d).txt"
{
  echo "# benchmarks/ray-train-stage.sh $rounds, HEAD $(git rev-parse --short HEAD)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cores (nproc): $(nproc); cpu: $(lscpu | sed -n 's/^Model name: *//p'); memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "jdk: $(java -version 2>&1 | head -1); ray: $("$ray" --version 2>/dev/null | tail -1); cluster: $url (two nodes of one CPU)"
  echo "load at start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "warm-up: tollgate $(tollgate w0); by hand $(by_hand w0)"
  echo "round way seconds(train activity | submit wall) ray_job_seconds status load1"
  for i in $(seq 1 "$rounds"); do
    if (( i % 2 )); then order="tollgate by_hand"; else order="by_hand tollgate"; fi
    for way in $order; do
      echo "$i $way $($way "r$i") $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
  echo "load at end (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$work/out.txt" >&2
{ [[ -s $results ]] && echo; cat "$work/out.txt"; } >>"$results"
echo "ray-train-stage: results appended to $results" >&2
