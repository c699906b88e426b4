#!/usr/bin/env bash
# Installs a Docker engine for the container tests: Debian's docker.io (dockerd, containerd, runc)
# with apt-get, as root, unless a dockerd is already on the machine. Also debootstrap, which
# scripts/make-base-image.sh needs to make a base image without any registry. Prints the dockerd
# path on stdout (messages go to stderr). Fails (non-zero) when it cannot install: the container
# tests are never skipped. Nothing is started here: scripts/start-dockerd.sh starts a private daemon.
#
# The docker CLI used is whichever `docker` comes first on PATH: docker.io brings its own client
# (20.10), and a newer one (e.g. /usr/local/bin/docker) may come first; the scripts and tests use
# only commands both know (the legacy builder, import, run, exec, ps, inspect, rm, images).
set -euo pipefail
say() { echo "install-docker: $*" >&2; }

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    say "missing ${missing[*]} and no apt-get to install them: install Docker Engine and debootstrap, then retry."
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      say "installing ${missing[*]} needs root (or sudo): run 'apt-get install -y ${missing[*]}' as root."
      exit 1
    fi
  fi
  # shellcheck disable=SC2207 # package names have no spaces
  packages=($(printf '%s\n' "${missing[@]}" | sort -u))
  say "installing ${packages[*]} with apt-get"
  start=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || say "apt-get update failed; trying the install with the lists there are"
  if ! $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${packages[@]}" >&2; then
    say "apt-get install ${packages[*]} failed (see above)."
    exit 1
  fi
  say "installed ${packages[*]} in $(($(date +%s) - start)) s"
fi
dockerd=$(command -v dockerd)
say "dockerd: $dockerd ($("$dockerd" --version 2>/dev/null | head -n 1))"
say "docker CLI first on PATH: $(command -v docker) ($(docker --version 2>/dev/null | head -n 1))"
echo "$dockerd"
