#!/usr/bin/env bash
# Installs Debian's PostgreSQL server for the registry tests (initdb, pg_ctl), unless it is there
# already, and prints its bin folder on stdout (messages go to stderr). The tests start their own
# server from it, in a temporary folder on a free port, and stop it; the package's own cluster is
# not used. Fails (exit non-zero) when it cannot install: those tests are never skipped.
set -euo pipefail
say() { echo "install-postgres: $*" >&2; }

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

if bin=$(find_bin); then
  say "PostgreSQL already installed: $("$bin/postgres" --version)"
  echo "$bin"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  say "no PostgreSQL server (initdb) and no apt-get to install it: install PostgreSQL, then retry."
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    say "installing postgresql needs root (or sudo): run 'apt-get install -y postgresql' as root."
    exit 1
  fi
fi
say "installing postgresql with apt-get"
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || say "apt-get update failed; trying the install with the lists there are"
if ! $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends postgresql >&2; then
  say "apt-get install postgresql failed (see above)."
  exit 1
fi
if ! bin=$(find_bin); then
  say "postgresql installed, but no /usr/lib/postgresql/*/bin/initdb."
  exit 1
fi
say "installed $("$bin/postgres" --version) in $(($(date +%s) - start)) s"
echo "$bin"
