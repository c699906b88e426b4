# shellcheck shell=bash disable=SC2034 # the variables are for the scripts that source this
# Sourced by start-dockerd.sh and stop-dockerd.sh: the folders of a private dockerd whose state
# lives in DIR. Sets dockerd_dir, dockerd_data, dockerd_run (exec root, socket, pidfile).
#
# The data root (images, layers, containers: large) is DIR/data. The exec root holds unix sockets
# (dockerd's, containerd's and its .ttrpc one), and a unix socket path must stay under 108 bytes,
# so it is DIR/run only when that is short; else a folder under /tmp named after DIR's hash.
dockerd_paths() {
  [ -n "${1:-}" ] || { echo "usage: $0 DIR   (e.g. target/docker)" >&2; return 2; }
  mkdir -p "$1"
  dockerd_dir=$(cd "$1" && pwd)
  dockerd_data=$dockerd_dir/data
  dockerd_run=$dockerd_dir/run
  # The longest socket under it: containerd/containerd.sock.ttrpc (32 characters more).
  if [ ${#dockerd_run} -gt 60 ]; then
    dockerd_run=/tmp/tollgate-dockerd-$(printf '%s' "$dockerd_dir" | sha256sum | cut -c1-12)
  fi
  dockerd_socket=$dockerd_run/docker.sock
  dockerd_pidfile=$dockerd_run/docker.pid
}
