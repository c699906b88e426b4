#!/usr/bin/env bash
# Sourced by the install-<tool>.sh scripts of the test servers that come from PyPI (moto, MLflow):
# `tollgate_pip_venv NAME VERSION REQUIREMENT EXECUTABLE WHO` installs REQUIREMENT into a cached
# virtualenv ${TOLLGATE_CACHE:-~/.cache/tollgate}/NAME-VERSION and prints the path of
# bin/EXECUTABLE on stdout (everything else goes to stderr). A finished install is reused, so only
# the first run needs PyPI; WHO says in messages who needs it ("the S3 tests").

tollgate_pip_venv() {
  local name=$1 version=$2 requirement=$3 executable=$4 who=$5
  local cache=${TOLLGATE_CACHE:-$HOME/.cache/tollgate}
  local venv="$cache/$name-$version"
  local server="$venv/bin/$executable"
  local done_marker="$venv/.installed"
  if [[ -x "$server" && -f "$done_marker" ]]; then
    echo "$server"
    return 0
  fi
  local python
  python=$(command -v python3 || true)
  if [[ -z "$python" ]]; then
    echo "install-$name: python3 is not installed; $who need it to run $executable" \
      "(Debian: apt-get install python3 python3-venv)" >&2
    return 1
  fi
  if ! "$python" -m venv --help >/dev/null 2>&1; then
    echo "install-$name: $python has no venv module (Debian: apt-get install python3-venv)" >&2
    return 1
  fi
  mkdir -p "$cache"
  # Two builds starting at once (parallel modules, two terminals) install once: the second waits.
  exec 9>"$cache/.$name-$version.lock"
  flock 9
  if [[ ! -f "$done_marker" ]]; then
    # A venv hard-codes its own path, so it is built in place; the marker, written last, tells a
    # finished install from an interrupted one, which is thrown away and redone.
    rm -rf "$venv"
    echo "install-$name: installing $requirement into $venv" >&2
    "$python" -m venv "$venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement" >&2
    touch "$done_marker"
  fi
  echo "$server"
}
