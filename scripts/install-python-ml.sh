#!/usr/bin/env bash
# Makes the Python that trains and exports the ONNX test fixtures (scikit-learn, LightGBM, skl2onnx,
# onnxmltools, onnx) and prints the path of its python on stdout (everything else goes to stderr).
# The venv is ${TOLLGATE_CACHE:-~/.cache/tollgate}/python-ml-<first 12 hex of the SHA-256 of
# scripts/python-ml-requirements.txt>: keyed by the pins, so changing a pin builds a new one and an
# unchanged file reuses the finished install without PyPI. Only tests use it: the worker scores
# ONNX models in Java and needs no Python.
#
#   scripts/install-python-ml.sh [REQUIREMENTS]
#
# With a requirements file (an example's, e.g. examples/churn-sklearn/trainer/requirements.txt) it
# makes that file's venv instead, keyed by its SHA-256 the same way: how to check that an
# example's pins install, and a Python to run its trainer by hand (examples/*/README.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
requirements="${1:-$here/python-ml-requirements.txt}"
if [[ ! -f "$requirements" ]]; then
  echo "install-python-ml: no requirements file at $requirements" >&2
  exit 1
fi
requirements=$(cd "$(dirname "$requirements")" && pwd)/$(basename "$requirements")
cache=${TOLLGATE_CACHE:-$HOME/.cache/tollgate}
sha=$(sha256sum "$requirements" | cut -c1-12)
venv="$cache/python-ml-$sha"
python_bin="$venv/bin/python"
done_marker="$venv/.installed"
if [[ -x "$python_bin" && -f "$done_marker" ]]; then
  echo "$python_bin"
  exit 0
fi
python=$(command -v python3 || true)
if [[ -z "$python" ]]; then
  echo "install-python-ml: python3 is not installed; the ONNX tests need it to make their models" \
    "(Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
if ! "$python" -m venv --help >/dev/null 2>&1; then
  echo "install-python-ml: $python has no venv module (Debian: apt-get install python3-venv)" >&2
  exit 1
fi
mkdir -p "$cache"
# Two builds at once (two test classes, two terminals) install once: the second waits.
exec 9>"$cache/.python-ml-$sha.lock"
flock 9
if [[ ! -f "$done_marker" ]]; then
  # A venv hard-codes its own path, so it is built in place; the marker, written last, tells a
  # finished install from an interrupted one, which is thrown away and redone.
  rm -rf "$venv"
  echo "install-python-ml: installing $requirements into $venv" >&2
  "$python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
  touch "$done_marker"
fi
echo "$python_bin"
