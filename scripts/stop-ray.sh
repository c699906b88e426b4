#!/usr/bin/env bash
# Stops the cluster scripts/start-ray.sh DIR started, and only it: `ray stop --force` would kill
# every Ray process on the machine (it matches process names, not clusters), so this kills the
# process trees recorded in DIR/cluster.env plus anything still naming a path under DIR (SIGTERM,
# then SIGKILL after TOLLGATE_RAY_STOP_GRACE_SECONDS, default 3: gcs_server and the autoscaler
# monitor ignore SIGTERM while the cluster is up, and a test cluster has nothing to save), and
# fails if one survives. Idempotent.
#
#   scripts/stop-ray.sh DIR
set -euo pipefail
dir=${1:?usage: stop-ray.sh DIR}
[[ -d "$dir" ]] || exit 0
dir=$(cd "$dir" && pwd)
recorded="" client=none
if [[ -f "$dir/cluster.env" ]]; then
  recorded=$(sed -n 's/^RAY_PIDS="\(.*\)"$/\1/p' "$dir/cluster.env")
  client=$(sed -n 's/^RAY_CLIENT_PORT=//p' "$dir/cluster.env")
fi
alive() { # exists and is not a zombie waiting for init to reap it
  [[ -r /proc/$1/stat ]] && [[ $(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) != Z ]]
}
tree() { # the pid and all its descendants
  local pid=$1 child
  echo "$pid"
  for child in $(pgrep -P "$pid" || true); do tree "$child"; done
}
cluster_pids() {
  local roots pid
  roots="$recorded $({ pgrep -f -- "$dir/"; pgrep -f -- "ray.util.client.server .*--port=$client( |\$)"; } | grep -v -x -e "$$" -e "$BASHPID" || true)"
  for pid in $roots; do
    if alive "$pid"; then tree "$pid"; fi
  done | sort -un
}
# shellcheck disable=SC2046 # pids are numbers
kill -TERM $(cluster_pids) 2>/dev/null || true
grace=${TOLLGATE_RAY_STOP_GRACE_SECONDS:-3}
for _ in $(seq 1 $((grace * 2))); do
  [[ -z "$(cluster_pids)" ]] && break
  sleep 0.5
done
left=$(cluster_pids | tr '\n' ' ')
[[ -z "$left" ]] || echo "stop-ray: still alive $grace s after SIGTERM, killing: $(ps -o comm= -p "$(echo "$left" | xargs | tr " " ,)" | tr "\n" " ")" >&2
if [[ -n "$left" ]]; then
  # shellcheck disable=SC2086
  kill -KILL $left 2>/dev/null || true
  for _ in $(seq 1 10); do
    left=$(cluster_pids | tr '\n' ' ')
    [[ -z "$left" ]] && break
    sleep 0.5
  done
fi
if [[ -n "$left" ]]; then
  echo "stop-ray: processes of the cluster in $dir survive SIGKILL: $left" >&2
  exit 1
fi
rm -f "$dir/cluster.env"
