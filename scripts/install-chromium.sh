#!/usr/bin/env bash
# Installs Debian's chromium for the integration test that loads a run's page in the Temporal UI
# (headless), unless /usr/bin/chromium is there already. Prints the binary's path on stdout;
# messages go to stderr. Fails (exit non-zero) when it cannot install: that test is never skipped.
set -euo pipefail

bin=/usr/bin/chromium
say() { echo "install-chromium: $*" >&2; }

if [ -x "$bin" ]; then
  say "chromium already installed: $("$bin" --version 2>/dev/null || echo "$bin")"
  echo "$bin"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  say "no $bin and no apt-get to install it: install Chromium so that $bin exists, then retry."
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    say "installing chromium needs root (or sudo): run 'apt-get install -y chromium' as root."
    exit 1
  fi
fi
say "installing chromium with apt-get (a few minutes the first time)"
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || say "apt-get update failed; trying the install with the lists there are"
if ! $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium >&2; then
  say "apt-get install chromium failed (see above)."
  exit 1
fi
if [ ! -x "$bin" ]; then
  say "chromium installed, but $bin is missing."
  exit 1
fi
say "installed $("$bin" --version) in $(($(date +%s) - start)) s"
echo "$bin"
