#!/usr/bin/env bash
# Restarts the head node of the cluster scripts/start-ray.sh DIR started, as a crash and a restart
# would: SIGKILL of every head process (the entrypoints of jobs on it die with its raylet), then a
# new `ray start --head` on the same GCS, dashboard (Jobs API) and Ray Client ports, so the Jobs URL
# stays the same. The new head is a new cluster: no job of the old one is known (404) and
# /api/version has a new session_name (docs/wip/i26-ray-facts.md). It runs in a fresh temp dir
# DIR/head-<n>: Ray refuses to start on the old one while the second raylet still names that GCS
# address. The second node does not rejoin (its raylet exits by itself). Prints the Jobs API URL.
#
#   scripts/restart-ray-head.sh DIR
set -euo pipefail
dir=${1:?usage: restart-ray-head.sh DIR}
dir=$(cd "$dir" && pwd)
env_file="$dir/cluster.env"
url=$(sed -n 's/^RAY_JOBS_URL=//p' "$env_file")
[[ -n $url ]] || { echo "restart-ray-head: no running cluster recorded in $env_file" >&2; exit 1; }
gcs=$(sed -n 's/^RAY_GCS_ADDRESS=.*://p' "$env_file")
client=$(sed -n 's/^RAY_CLIENT_PORT=//p' "$env_file")
bin=$(sed -n 's/^RAY_BIN=//p' "$env_file")
dash=${url##*:}
export RAY_USAGE_STATS_ENABLED=0 RAY_DISABLE_DOCKER_CPU_WARNING=1 PATH="$bin:$PATH"

# Every head process names DIR/head or DIR/head-<n> (gcs_server, dashboard, raylet, agents,
# monitors), but the Ray Client server, found by its port.
head_pids() {
  { pgrep -f -- "$dir/head[^/]*/" || true; pgrep -f -- "ray.util.client.server .*--port=$client( |\$)" || true; } |
    grep -v -x -e "$$" -e "$BASHPID" || true
}
# shellcheck disable=SC2046 # pids are numbers
kill -KILL $(head_pids) 2>/dev/null || true
for _ in $(seq 1 20); do [[ -z "$(head_pids)" ]] && break; sleep 0.25; done

n=1
while [[ -e "$dir/head-$n" ]]; do n=$((n + 1)); done
# shellcheck disable=SC2207 # the ports are numbers
ports=($("$bin/python" -c 'import socket
s=[socket.socket() for _ in range(6)]
[x.bind(("127.0.0.1",0)) for x in s]
print(" ".join(str(x.getsockname()[1]) for x in s))'))
"$bin/ray" start --head --port="$gcs" \
  --include-dashboard=true --dashboard-host=127.0.0.1 --dashboard-port="$dash" \
  --ray-client-server-port="$client" --num-cpus=1 --num-gpus=0 --resources='{"head": 1}' \
  --object-store-memory="${TOLLGATE_RAY_OBJECT_STORE_BYTES:-300000000}" \
  --temp-dir="$dir/head-$n" --disable-usage-stats \
  --node-manager-port="${ports[0]}" --object-manager-port="${ports[1]}" \
  --dashboard-agent-listen-port="${ports[2]}" --dashboard-agent-grpc-port="${ports[3]}" \
  --runtime-env-agent-port="${ports[4]}" --metrics-export-port="${ports[5]}" \
  >"$dir/head-$n.out" 2>&1 || { cat "$dir/head-$n.out" >&2; exit 1; }
for _ in $(seq 1 120); do
  curl -fsS "$url/api/version" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$url/api/version" >/dev/null || { echo "restart-ray-head: the Jobs API did not come back at $url" >&2; exit 1; }
echo "$url"
