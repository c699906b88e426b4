#!/usr/bin/env bash
# Issue 25: `tollgate serve` throughput and latency in a container (host network) and outside it,
# in one run: the same jar (the image's is starter/target/tollgate.jar, built by
# scripts/build-images.sh), the same home with one deployed model (the energy example, XGBoost,
# trained and deployed by `tollgate demo --auto-approve`), the same load tool and request bodies
# as benchmarks/serving.sh (hey, 1 and 100 rows of the energy data).
#   DOCKER_HOST=... benchmarks/serve-container.sh [SECONDS]     (default 20 s per measurement)
# DOCKER_HOST: a daemon holding the image TOLLGATE_IT_IMAGE (default tollgate:test), e.g. a private
# one: export DOCKER_HOST=$(scripts/start-dockerd.sh target/docker); scripts/build-images.sh.
# TOLLGATE: how to run the CLI on the host (default ./tollgate; e.g. "java
# --enable-native-access=ALL-UNNAMED -Dtollgate.examples=$PWD/examples -jar starter/target/tollgate.jar").
# Prints one line per measurement (hey_line.py): name, requests/s, p50, p90, p99 ms, non-200s.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-20}"
image="${TOLLGATE_IT_IMAGE:-tollgate:test}"
read -r -a tollgate <<<"${TOLLGATE:-./tollgate}"
cache="${TOLLGATE_CACHE:-$HOME/.cache/tollgate}"
hey="$cache/bin/hey"
[ -x "$hey" ] || GOBIN="$cache/bin" go install github.com/rakyll/hey@latest
[ -n "${DOCKER_HOST:-}" ] || { echo "DOCKER_HOST is not set (see the header)" >&2; exit 1; }
docker image inspect "$image" >/dev/null || { echo "no image $image in $DOCKER_HOST: scripts/build-images.sh" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/serve-container.XXXXXX")"
container="serve-bench-$$"
pids=()
cleanup() {
  docker rm -f "$container" >/dev/null 2>&1 || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
await_ready() { # PORT LOG
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$1/ready" >/dev/null && return 0; sleep 0.5; done
  tail -20 "$2" >&2; exit 1
}

# 1. One deployed model in a home folder.
"${tollgate[@]}" demo --auto-approve --home "$work/home" >"$work/demo.log" 2>&1 || { tail -20 "$work/demo.log"; exit 1; }
artifact="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["artifact_uri"].replace("file://",""))' "$work/home/serving/energy-load/current.json")"
python3 -c 'import json,sys; print(json.dumps({"features": json.load(open(sys.argv[1]))["features"]}))' "$artifact/metadata.json" >"$work/features.json"
python3 benchmarks/serving/bodies.py examples/energy/load.csv "$work/features.json" "$work"

# 2. serve on the host, and serve in a container of the image: host network, the home mounted
# read-only at its own path (the pointer names the artifact by its host path), as this user.
host_port="$(free_port)"
"${tollgate[@]}" serve --home "$work/home" --port "$host_port" --management-port 0 >"$work/serve-host.log" 2>&1 &
pids+=($!)
container_port="$(free_port)"
docker run -d --name "$container" --network host --user "$(id -u):$(id -g)" \
  -e TOLLGATE_SERVE_ADDRESS=127.0.0.1 -e TOLLGATE_SERVE_PORT="$container_port" \
  -e TOLLGATE_SERVE_MANAGEMENT_PORT="$(free_port)" \
  -v "$work/home:$work/home:ro" "$image" serve --home "$work/home" >/dev/null
await_ready "$host_port" "$work/serve-host.log"
docker logs "$container" >"$work/serve-container.log" 2>&1
await_ready "$container_port" "$work/serve-container.log"

run() { # NAME URL BODY QPS_PER_WORKER WORKERS
  local out
  out="$("$hey" -z "${seconds}s" -c "$5" ${4:+-q "$4"} -m POST -T application/json -D "$3" "$2")"
  python3 benchmarks/serving/hey_line.py "$1" <<<"$out"
}
benchmarks/machine.sh 2>/dev/null | head -6 || true
echo "image: $image ($(docker image inspect --format '{{.Size}}' "$image" | awk '{printf "%d MB", $1 / 1000000}')), docker $(docker version --format '{{.Server.Version}}')"
url() { echo "http://127.0.0.1:$1/v1/models/energy-load/predict"; }
warm=$((seconds / 2 > 5 ? seconds / 2 : 5))
for port in "$host_port" "$container_port"; do
  "$hey" -z "${warm}s" -c 2 -m POST -T application/json -D "$work/tollgate-1.json" "$(url "$port")" >/dev/null
done
# Each load on both, one right after the other, so that both meet the machine's load of that moment.
for load in "single-row @2000rps 4 conns|tollgate-1.json|500|4" "single-row max 8 conns|tollgate-1.json||8" \
  "100-row max 8 conns|tollgate-100.json||8"; do
  IFS='|' read -r name body qps conns <<<"$load"
  run "serve host $name" "$(url "$host_port")" "$work/$body" "$qps" "$conns"
  run "serve container $name" "$(url "$container_port")" "$work/$body" "$qps" "$conns"
done
