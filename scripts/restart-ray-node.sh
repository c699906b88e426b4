#!/usr/bin/env bash
# Restarts a node of the cluster scripts/start-ray.sh DIR started, as a crash and a restart would,
# and leaves the cluster with two alive nodes again (so tests that share it go on):
#   second  SIGKILL of what is left of the second node (a test may have killed its raylet), then a
#           new second node ({"second": 1}, one CPU) joining the head, in DIR/second-<n>.
#   head    SIGKILL of every head process (the entrypoints of jobs on it die with its raylet), then
#           a new head on the same GCS, dashboard and Ray Client ports, so the Jobs URL stays, in
#           DIR/head-<n>: Ray refuses the old temp dir while another raylet names that GCS address.
#           The new head is a new cluster: every job of the old one is 404 and /api/version has a
#           new session_name (docs/wip/i26-ray-facts.md). The old second node does not rejoin (its
#           raylet exits by itself), so a new one is started as for `second`.
# Waits until the Jobs API answers and two nodes are alive; prints the Jobs API URL. stop-ray.sh
# DIR still stops everything (every process names a path under DIR, or the client port).
#
#   scripts/restart-ray-node.sh DIR head|second
set -euo pipefail
dir=${1:?usage: restart-ray-node.sh DIR head|second}
which=${2:?usage: restart-ray-node.sh DIR head|second}
[[ $which == head || $which == second ]] || { echo "restart-ray-node: head or second, not $which" >&2; exit 2; }
dir=$(cd "$dir" && pwd)
env_file="$dir/cluster.env"
url=$(sed -n 's/^RAY_JOBS_URL=//p' "$env_file")
[[ -n $url ]] || { echo "restart-ray-node: no running cluster recorded in $env_file" >&2; exit 1; }
gcs=$(sed -n 's/^RAY_GCS_ADDRESS=.*://p' "$env_file")
client=$(sed -n 's/^RAY_CLIENT_PORT=//p' "$env_file")
bin=$(sed -n 's/^RAY_BIN=//p' "$env_file")
dash=${url##*:}
export RAY_USAGE_STATS_ENABLED=0 RAY_DISABLE_DOCKER_CPU_WARNING=1 PATH="$bin:$PATH"
store=${TOLLGATE_RAY_OBJECT_STORE_BYTES:-300000000}

node_pids() { # $1 = head|second: the processes naming DIR/<it> or DIR/<it>-<n>
  {
    pgrep -f -- "$dir/$1(-[0-9]+)?/" || true
    [[ $1 != head ]] || pgrep -f -- "ray.util.client.server .*--port=$client( |\$)" || true
  } | grep -v -x -e "$$" -e "$BASHPID" || true
}
kill_node() {
  # shellcheck disable=SC2046 # pids are numbers
  kill -KILL $(node_pids "$1") 2>/dev/null || true
  for _ in $(seq 1 40); do [[ -z "$(node_pids "$1")" ]] && return; sleep 0.25; done
  echo "restart-ray-node: the $1 node's processes survive SIGKILL" >&2
  exit 1
}
fresh() { # DIR/<name>-<n> not used yet
  local n=1
  while [[ -e "$dir/$1-$n" ]]; do n=$((n + 1)); done
  echo "$dir/$1-$n"
}
node_ports() { # node manager, object manager, agent listen/grpc, runtime env agent, metrics
  "$bin/python" -c 'import socket
s=[socket.socket() for _ in range(6)]
[x.bind(("127.0.0.1",0)) for x in s]
p=[x.getsockname()[1] for x in s]
print(f"--node-manager-port={p[0]} --object-manager-port={p[1]} --dashboard-agent-listen-port={p[2]}"
      f" --dashboard-agent-grpc-port={p[3]} --runtime-env-agent-port={p[4]} --metrics-export-port={p[5]}")'
}

# The second node's id now: the GCS calls a killed node ALIVE until its health check times out
# (about 18 s), so "two alive" only counts once that id is not among them.
old_second=$(curl -fsS "$url/api/v0/nodes" 2>/dev/null | "$bin/python" -c 'import json,sys
d=json.load(sys.stdin)["data"]["result"]["result"]
print(" ".join(n["node_id"] for n in d if "second" in n.get("resources_total", {})))' 2>/dev/null || true)
if [[ $which == head ]]; then
  kill_node head
  temp=$(fresh head)
  # shellcheck disable=SC2046 # node_ports is a list of options
  "$bin/ray" start --head --port="$gcs" \
    --include-dashboard=true --dashboard-host=127.0.0.1 --dashboard-port="$dash" \
    --ray-client-server-port="$client" --num-cpus=1 --num-gpus=0 --resources='{"head": 1}' \
    --object-store-memory="$store" --temp-dir="$temp" --disable-usage-stats $(node_ports) \
    >"$temp.out" 2>&1 || { cat "$temp.out" >&2; exit 1; }
fi
kill_node second
temp=$(fresh second)
# shellcheck disable=SC2046
"$bin/ray" start --address="127.0.0.1:$gcs" --num-cpus=1 --num-gpus=0 \
  --resources='{"second": 1}' --object-store-memory="$store" --temp-dir="$temp" $(node_ports) \
  >"$temp.out" 2>&1 || { cat "$temp.out" >&2; exit 1; }

alive=0
for _ in $(seq 1 120); do
  alive=$(curl -fsS "$url/api/v0/nodes" 2>/dev/null | "$bin/python" -c 'import json,sys
d=json.load(sys.stdin)["data"]["result"]["result"]
print(sum(1 for n in d if n["state"]=="ALIVE" and n["node_id"] not in sys.argv[1:]))' $old_second 2>/dev/null || echo 0)
  [[ $alive == 2 ]] && break
  sleep 0.5
done
if [[ $alive != 2 ]]; then
  echo "restart-ray-node: $alive nodes alive 60 s after restarting the $which node; see $temp.out" >&2
  exit 1
fi
echo "$url"
