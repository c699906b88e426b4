#!/usr/bin/env bash
# Starts a local two-node Ray cluster for the tests, on 127.0.0.1 only and on free ports: a head
# node (GCS, dashboard with the Jobs REST API) and a second node that joins it, each with one CPU
# of its own, so a job really spreads over two raylets. Everything Ray writes (sessions, logs,
# sockets) stays under DIR, so it never touches another Ray on the machine. Waits until the Jobs
# API answers and both nodes are alive, then prints the Jobs API URL on stdout (everything else
# goes to stderr) and records the addresses and process ids in DIR/cluster.env for
# scripts/stop-ray.sh DIR.
#
#   scripts/start-ray.sh DIR        (DIR short: Ray's Unix sockets live under it, 107 bytes max)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: start-ray.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
bin=$("$here/install-ray.sh")
# No usage reports to anyone. The jobs' entrypoints inherit the raylets' environment: with the
# venv first on PATH, a job's `python` is the one with Ray, XGBoost and boto3.
export RAY_USAGE_STATS_ENABLED=0 RAY_DISABLE_DOCKER_CPU_WARNING=1 PATH="$bin:$PATH"
# Ray maps 127.0.0.1 given as --node-ip-address to the machine's routable address on purpose
# (services.resolve_ip_for_localhost), and its GCS, raylets and agents listen on all interfaces
# whatever we pass; only the dashboard (the Jobs API) honours a host. So the option is left out.

free_ports() { # N distinct free TCP ports on 127.0.0.1
  "$bin/python" - "$1" <<'PY'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
}
# shellcheck disable=SC2207 # the ports are numbers
ports=($(free_ports 15))
gcs=${ports[0]} dash=${ports[1]} client=${ports[2]}
node_ports() { # $1 = offset into ports: node manager, object manager, agent, runtime env agent, metrics
  echo "--node-manager-port=${ports[$1]} --object-manager-port=${ports[$(($1 + 1))]}" \
    "--dashboard-agent-listen-port=${ports[$(($1 + 2))]} --dashboard-agent-grpc-port=${ports[$(($1 + 3))]}" \
    "--runtime-env-agent-port=${ports[$(($1 + 4))]} --metrics-export-port=${ports[$(($1 + 5))]}"
}
# Ray would reserve 30% of the memory per node for its object store; the tests' data is small.
store=${TOLLGATE_RAY_OBJECT_STORE_BYTES:-300000000}
# The Ray Client server is the one daemon that names no path under DIR: its port goes on record
# first, so that stop-ray.sh DIR finds it even when this script is interrupted or fails half-way
# (the full record, RAY_JOBS_URL included, replaces this once the cluster is up).
echo "RAY_CLIENT_PORT=$client" >"$dir/cluster.env"
started=$(date +%s.%N)
echo "start-ray: head on 127.0.0.1:$gcs, Jobs API on http://127.0.0.1:$dash, temp dir $dir/head" >&2
# shellcheck disable=SC2046 # node_ports is a list of options
"$bin/ray" start --head --port="$gcs" \
  --include-dashboard=true --dashboard-host=127.0.0.1 --dashboard-port="$dash" \
  --ray-client-server-port="$client" --num-cpus=1 --num-gpus=0 --resources='{"head": 1}' \
  --object-store-memory="$store" \
  --temp-dir="$dir/head" --disable-usage-stats $(node_ports 3) >"$dir/head.out" 2>&1 ||
  { cat "$dir/head.out" >&2; exit 1; }
# shellcheck disable=SC2046
"$bin/ray" start --address="127.0.0.1:$gcs" --num-cpus=1 --num-gpus=0 \
  --resources='{"second": 1}' --object-store-memory="$store" --temp-dir="$dir/second" $(node_ports 9) >"$dir/second.out" 2>&1 ||
  { cat "$dir/second.out" >&2; exit 1; }

# Ray's own daemons (gcs_server, raylets, dashboard, agents, log monitors) all name a path under DIR
# on their command line, the Ray Client server its port (it cannot be turned off while
# ray[default] is installed, so it gets a free port too); workers are the raylets' children. stop-ray.sh kills exactly these trees:
# `ray stop` would kill every Ray process on the machine, whoever started it.
ray_pids() {
  { pgrep -f -- "$dir/"; pgrep -f -- "ray.util.client.server .*--port=$client( |\$)"; } | while read -r pid; do
    [[ $pid != "$$" && $pid != "$BASHPID" ]] && echo "$pid"
  done | sort -n | tr '\n' ' '
}
url="http://127.0.0.1:$dash"
for _ in $(seq 1 120); do
  # The state API, not /nodes?view=summary: the latter still says ALIVE for a node that died.
  alive=$(curl -fsS "$url/api/v0/nodes" 2>/dev/null |
    "$bin/python" -c 'import json,sys; d=json.load(sys.stdin)["data"]["result"]["result"]; print(sum(1 for n in d if n["state"]=="ALIVE"))' 2>/dev/null || echo 0)
  if curl -fsS "$url/api/version" >/dev/null 2>&1 && [[ $alive == 2 ]]; then
    break
  fi
  sleep 0.5
done
if [[ $alive != 2 ]]; then
  echo "start-ray: the cluster did not come up within 60 s (alive nodes: $alive); see $dir/*.out and $dir/head/session_latest/logs" >&2
  exit 1
fi
cat >"$dir/cluster.env" <<ENV
RAY_GCS_ADDRESS=127.0.0.1:$gcs
RAY_JOBS_URL=$url
RAY_CLIENT_PORT=$client
RAY_BIN=$bin
RAY_PIDS="$(ray_pids)"
ENV
echo "start-ray: up in $(echo "$(date +%s.%N) - $started" | bc) s; pids $(ray_pids)" >&2
echo "$url"
