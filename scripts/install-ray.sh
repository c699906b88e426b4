#!/usr/bin/env bash
# Installs Ray (with its dashboard and Jobs API) and what the Ray jobs of the tests need into a
# cached virtualenv and prints the venv's bin folder on stdout (everything else goes to stderr);
# scripts/start-ray.sh runs `ray` from there. The venv is
# ${TOLLGATE_CACHE:-~/.cache/tollgate}/ray-<first 12 hex of the SHA-256 of scripts/ray-requirements.txt>:
# keyed by the pins, so changing a pin builds a new one and an unchanged file reuses the finished
# install without PyPI. Only tests use it: the worker talks to Ray's Jobs REST API in Java.
#
#   scripts/install-ray.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
requirements="$here/ray-requirements.txt"
cache=${TOLLGATE_CACHE:-$HOME/.cache/tollgate}
sha=$(sha256sum "$requirements" | cut -c1-12)
venv="$cache/ray-$sha"
done_marker="$venv/.installed"
if [[ -x "$venv/bin/ray" && -f "$done_marker" ]]; then
  echo "$venv/bin"
  exit 0
fi
python=$(command -v python3 || true)
if [[ -z "$python" ]]; then
  echo "install-ray: python3 is not installed; the Ray tests need it to run a local cluster" \
    "(Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
if ! "$python" -m venv --help >/dev/null 2>&1; then
  echo "install-ray: $python has no venv module (Debian: apt-get install python3-venv)" >&2
  exit 1
fi
mkdir -p "$cache"
# Two builds at once (two test classes, two terminals) install once: the second waits.
exec 9>"$cache/.ray-$sha.lock"
flock 9
if [[ ! -f "$done_marker" ]]; then
  # A venv hard-codes its own path, so it is built in place; the marker, written last, tells a
  # finished install from an interrupted one, which is thrown away and redone.
  rm -rf "$venv"
  echo "install-ray: installing $requirements into $venv" >&2
  "$python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
  touch "$done_marker"
fi
echo "$venv/bin"
