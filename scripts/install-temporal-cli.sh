#!/usr/bin/env bash
# Installs the Temporal CLI (which runs `temporal server start-dev` for the integration tests) from
# the Go module proxy into a cache folder, once, and prints the binary's path on stdout.
# Messages go to stderr. A missing Go toolchain or a failed install exits non-zero: the integration
# tests need the server, they are never skipped for want of it.
#
#   TOLLGATE_CACHE   cache root (default: ~/.cache/tollgate); the CLI lands in
#                    $TOLLGATE_CACHE/temporal-cli-<version>/temporal
#
# v1.5.1 is pinned: later releases carry a local `replace` directive that `go install` refuses.
set -euo pipefail

version=1.5.1
cache=${TOLLGATE_CACHE:-$HOME/.cache/tollgate}
dir="$cache/temporal-cli-$version"
bin="$dir/temporal"

say() { echo "install-temporal-cli: $*" >&2; }

installed_version() {
  # `temporal --version` prints e.g. "temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)".
  "$bin" --version 2>/dev/null | sed -n 's/^temporal version \([^ ]*\).*/\1/p'
}

if [ -x "$bin" ] && [ "$(installed_version)" = "$version" ]; then
  say "Temporal CLI $version already installed at $bin"
  echo "$bin"
  exit 0
fi

go=$(command -v go || true)
if [ -z "$go" ] && [ -x /usr/local/go/bin/go ]; then go=/usr/local/go/bin/go; fi
if [ -z "$go" ]; then
  say "no Go toolchain found (looked on PATH and at /usr/local/go/bin/go)."
  say "The integration tests need the Temporal CLI, which installs with Go (1.24 or newer):"
  say "  install Go from https://go.dev/dl/ (or your package manager), then run this script again."
  exit 1
fi

mkdir -p "$dir"
say "installing Temporal CLI $version with $("$go" version) into $dir (first time: several minutes)"
start=$(date +%s)
# A plain `go install` reports version 0.0.0-DEV; stamp the real one, as release builds do.
ldflags="-X github.com/temporalio/cli/temporalcli.Version=$version"
if ! GOBIN="$dir" "$go" install -ldflags "$ldflags" "github.com/temporalio/cli/cmd/temporal@v$version" >&2; then
  say "go install github.com/temporalio/cli/cmd/temporal@v$version failed (see above)."
  say "It needs the Go module proxy (GOPROXY=$("$go" env GOPROXY)) to be reachable."
  exit 1
fi
got=$(installed_version)
if [ "$got" != "$version" ]; then
  say "installed $bin, but \`temporal --version\` says '${got:-nothing}', not $version."
  exit 1
fi
say "installed Temporal CLI $version in $(($(date +%s) - start)) s: $bin"
echo "$bin"
