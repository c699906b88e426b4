#!/usr/bin/env bash
# Starts a private Docker daemon for the tests and prints its DOCKER_HOST value on stdout
# (messages go to stderr):
#
#   export DOCKER_HOST=$(scripts/start-dockerd.sh target/docker)
#   ...
#   scripts/stop-dockerd.sh target/docker
#
# Its data root is DIR/data and its exec root, unix socket and pidfile DIR/run (or a short folder
# under /tmp when DIR's path is long: scripts/dockerd-paths.sh), so it runs beside any other
# dockerd on the machine and touches none of its state. No bridge, no iptables rules: containers
# use --network host or --network none. Its own containerd is started by it, in its exec root.
# Idempotent: a daemon already running from DIR that answers is reused. Needs root and dockerd
# (scripts/install-docker.sh).
set -euo pipefail
say() { echo "start-dockerd: $*" >&2; }
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=dockerd-paths.sh
source "$here/dockerd-paths.sh"
dockerd_paths "${1:-}"
host=unix://$dockerd_socket

answers() { DOCKER_HOST=$host docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if [ -f "$dockerd_pidfile" ] && kill -0 "$(cat "$dockerd_pidfile")" 2>/dev/null && answers; then
  say "already running (pid $(cat "$dockerd_pidfile")) at $host"
  echo "$host"
  exit 0
fi
[ "$(id -u)" = 0 ] || { say "dockerd needs root; run as root (CI does)."; exit 1; }
command -v dockerd >/dev/null || { say "no dockerd: run scripts/install-docker.sh first."; exit 1; }
command -v docker >/dev/null || { say "no docker CLI: run scripts/install-docker.sh first."; exit 1; }
# A stale pidfile or socket from a daemon that died would stop dockerd from starting.
"$here/stop-dockerd.sh" "$dockerd_dir" >/dev/null 2>&1 || true
mkdir -p "$dockerd_data" "$dockerd_run"
# An empty config file: /etc/docker/daemon.json, if the machine has one, is for its own daemon.
echo '{}' >"$dockerd_dir/daemon.json"
log=$dockerd_dir/dockerd.log
start=$(date +%s%N)
setsid dockerd \
  --config-file "$dockerd_dir/daemon.json" \
  --data-root "$dockerd_data" \
  --exec-root "$dockerd_run" \
  --pidfile "$dockerd_pidfile" \
  --host "$host" \
  --bridge=none --iptables=false --ip6tables=false \
  --cgroup-parent /tollgate-test \
  --log-level warn \
  </dev/null >>"$log" 2>&1 &
pid=$!
for ((i = 0; i < 120; i++)); do
  if answers; then
    say "dockerd $(DOCKER_HOST=$host docker version --format '{{.Server.Version}}') (pid $pid) answers at $host after $((($(date +%s%N) - start) / 1000000)) ms; data root $dockerd_data, log $log"
    echo "$host"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
tail -n 20 "$log" >&2
say "dockerd did not answer at $host ($(kill -0 "$pid" 2>/dev/null && echo "still running after 60 s" || echo "it exited")); log: $log"
"$here/stop-dockerd.sh" "$dockerd_dir" >&2 || true
exit 1
