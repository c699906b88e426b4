#!/usr/bin/env bash
# Stops the private Docker daemon scripts/start-dockerd.sh started from DIR: SIGTERM (dockerd
# stops its containers, then its containerd), waits, and then makes sure nothing of it is left:
# no dockerd, containerd or containerd-shim process started for this exec root (SIGKILLed if they
# outlive the wait) and no mount under DIR or the exec root (so DIR can be deleted). Any other
# dockerd on the machine is left alone. Idempotent: nothing running is fine. Exits non-zero if a
# process or a mount could not be removed.
set -euo pipefail
say() { echo "stop-dockerd: $*" >&2; }
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=dockerd-paths.sh
source "$here/dockerd-paths.sh"
dockerd_paths "${1:-}"

# Every dockerd, containerd, containerd-shim or runc process whose command line names this
# daemon's exec root or data root: dockerd itself, its containerd (--config <exec
# root>/containerd/containerd.toml) and the shims (-address <exec root>/containerd/containerd.sock).
# By program name too, so that no other process that merely mentions the path (a test JVM given
# DOCKER_HOST on its command line) is touched.
ours() {
  local p cmd
  for p in /proc/[0-9]*; do
    case $(cat "$p/comm" 2>/dev/null) in
      dockerd | containerd | containerd-shim* | runc) ;;
      *) continue ;;
    esac
    cmd=$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null) || continue
    case $cmd in
      *"$dockerd_run/"* | *"$dockerd_data"*) echo "${p#/proc/}" ;;
    esac
  done
}

wait_gone() { # wait_gone SECONDS: until none of ours is left
  local i
  for ((i = 0; i < $1 * 4; i++)); do
    [ -z "$(ours)" ] && return 0
    sleep 0.25
  done
  return 1
}

if [ -f "$dockerd_pidfile" ] && pid=$(cat "$dockerd_pidfile") && kill -0 "$pid" 2>/dev/null; then
  say "stopping dockerd (pid $pid) at unix://$dockerd_socket"
  kill -TERM "$pid"
  # dockerd gives each container its stop timeout (10 s by default), then stops containerd.
  wait_gone 45 || say "still running 45 s after SIGTERM: $(ours | tr '\n' ' ')"
fi
left=$(ours)
if [ -n "$left" ]; then
  say "killing what is left (SIGKILL): $(echo "$left" | tr '\n' ' ')"
  # shellcheck disable=SC2086 # one pid per word
  kill -KILL $left 2>/dev/null || true
  wait_gone 10 || { say "FAILED: still running after SIGKILL: $(ours | tr '\n' ' ')"; exit 1; }
fi
# Mounts a killed daemon leaves behind (container root file systems, netns), deepest first.
mounts=$(awk -v a="$dockerd_data" -v b="$dockerd_run" 'index($2, a) == 1 || index($2, b) == 1 {print $2}' /proc/self/mounts | sort -r)
for m in $mounts; do umount -l "$m" 2>/dev/null || say "could not unmount $m"; done
if awk -v a="$dockerd_data" -v b="$dockerd_run" 'index($2, a) == 1 || index($2, b) == 1 {f = 1} END {exit !f}' /proc/self/mounts; then
  say "FAILED: mounts left under $dockerd_data or $dockerd_run"
  exit 1
fi
rm -f "$dockerd_pidfile" "$dockerd_socket"
# The short exec root under /tmp (long DIR paths) is this daemon's alone: nothing of it is kept.
case $dockerd_run in /tmp/tollgate-dockerd-*) rm -rf "$dockerd_run" ;; esac
say "stopped: no process or mount of the daemon in $dockerd_dir is left"
