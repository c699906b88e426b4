#!/usr/bin/env bash
# Installs moto's S3-compatible test server (moto_server, from PyPI) into a cached virtualenv and
# prints the path of the moto_server executable on stdout (everything else goes to stderr).
# Idempotent: a finished install is reused, so only the first run needs PyPI. The S3 tests run this
# themselves when moto is missing; CI may run it up front. TOLLGATE_CACHE moves the cache
# (default ~/.cache/tollgate).
set -euo pipefail
MOTO_VERSION=5.2.5 # pinned: the tests rely on moto's behaviour, so an upgrade is a change here
cache=${TOLLGATE_CACHE:-$HOME/.cache/tollgate}
venv="$cache/moto-$MOTO_VERSION"
server="$venv/bin/moto_server"
done_marker="$venv/.installed"
if [[ -x "$server" && -f "$done_marker" ]]; then
  echo "$server"
  exit 0
fi
python=$(command -v python3 || true)
if [[ -z "$python" ]]; then
  echo "install-moto: python3 is not installed; the S3 tests need it to run moto_server" \
    "(Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
if ! "$python" -m venv --help >/dev/null 2>&1; then
  echo "install-moto: $python has no venv module (Debian: apt-get install python3-venv)" >&2
  exit 1
fi
mkdir -p "$cache"
# Two builds starting at once (parallel modules, two terminals) install once: the second waits.
exec 9>"$cache/.moto-$MOTO_VERSION.lock"
flock 9
if [[ ! -f "$done_marker" ]]; then
  # A venv hard-codes its own path, so it is built in place; the marker, written last, tells a
  # finished install from an interrupted one, which is thrown away and redone.
  rm -rf "$venv"
  echo "install-moto: installing moto[server]==$MOTO_VERSION into $venv" >&2
  "$python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "moto[server]==$MOTO_VERSION" >&2
  touch "$done_marker"
fi
echo "$server"
