#!/usr/bin/env bash
# Checks the Grafana dashboards and the Prometheus config of docker/ without a Grafana or a
# Prometheus server (no package registry here ships a Grafana that runs; docs/observability.md,
# "What was checked"). Run by scripts/check-compose.sh; fails (non-zero, with the reason) on the
# first problem.
#
# 1. Each docker/grafana/dashboards/*.json is type-checked with tsc against @grafana/schema, the
#    TypeScript types Grafana generates from its own dashboard schema, at the compose file's
#    GRAFANA_VERSION: every key known (no misspelt one), every value of the right type and enum
#    value, each timeseries and stat panel's options against that panel plugin's own types.
# 2. Every query is parsed with Prometheus's PromQL parser at the compose file's
#    PROMETHEUS_VERSION and held against Tollgate's metrics (scripts/dashboard-check/promql.go):
#    known names and labels, rate()/increase() on counters only, histogram_quantile() over
#    buckets by le, every metric on some panel; the model variable's label_values() too.
# 3. docker/prometheus/prometheus.yml loads with that Prometheus release's config loader.
#
# Needs Node.js with npm and Go 1.24 or newer (installed with apt-get when missing and running as
# root). The npm packages and the Go program are installed once into $TOLLGATE_CACHE (default
# ~/.cache/tollgate); after that the check takes a few seconds.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
env_example=$root/docker/.env.example
src=$root/scripts/dashboard-check
cache=${TOLLGATE_CACHE:-$HOME/.cache/tollgate}
# tsc 5.9: the TypeScript compiler the checked types are published for (7.x is a rewrite).
typescript=5.9.3

say() { echo "check-dashboard: $*" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}

setting() { # setting NAME: its value in docker/.env.example
  local v
  v=$(sed -n "s/^$1=//p" "$env_example")
  [ -n "$v" ] || fail "no $1 in $env_example"
  echo "$v"
}

need() { # need COMMAND PACKAGE
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $2 with apt-get (for $1)"
    apt-get install -y -qq --no-install-recommends "$2" >/dev/null ||
      { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$2" >/dev/null; } ||
      fail "could not install $2"
  else
    fail "$1 is missing (Debian/Ubuntu: apt-get install $2)"
  fi
}

grafana=$(setting GRAFANA_VERSION)
prometheus=$(setting PROMETHEUS_VERSION)
# Prometheus v3.X.Y is the Go module github.com/prometheus/prometheus v0.3XX.Y.
[[ $prometheus =~ ^v3\.([0-9]+)\.([0-9]+)$ ]] || fail "PROMETHEUS_VERSION $prometheus is not v3.X.Y"
module_version=$(printf 'v0.3%02d.%s' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}")
dashboards=("$root"/docker/grafana/dashboards/*.json)
[ -e "${dashboards[0]}" ] || fail "no dashboards in docker/grafana/dashboards"

# ---- the tools, each installed once per version and source.
need node nodejs
need npm npm
ts=$cache/dashboard-schema-$grafana-ts$typescript
if [ ! -x "$ts/node_modules/.bin/tsc" ]; then
  say "installing @grafana/schema@$grafana and typescript@$typescript (npm) into $ts"
  rm -rf "$ts.tmp" && mkdir -p "$ts.tmp"
  (cd "$ts.tmp" && npm init -y >/dev/null &&
    npm install --no-audit --no-fund --silent "@grafana/schema@$grafana" "typescript@$typescript" >&2) ||
    fail "npm could not install @grafana/schema@$grafana (is GRAFANA_VERSION a Grafana release?)"
  rm -rf "$ts" && mv "$ts.tmp" "$ts"
fi

go=$(command -v go || true)
if [ -z "$go" ] && [ -x /usr/local/go/bin/go ]; then go=/usr/local/go/bin/go; fi
[ -n "$go" ] || fail "no Go toolchain (looked on PATH and at /usr/local/go/bin/go); install Go 1.24 or newer."
hash=$(cat "$src"/*.go | sha256sum | cut -c1-12)
checker_dir=$cache/dashboard-check-$module_version-$hash
checker=$checker_dir/dashboard-check
if [ ! -x "$checker" ]; then
  say "building the query checker with Prometheus $prometheus's code ($("$go" version)) into $checker_dir"
  rm -rf "$checker_dir.tmp" && mkdir -p "$checker_dir.tmp"
  cp "$src"/*.go "$checker_dir.tmp/"
  (
    cd "$checker_dir.tmp"
    "$go" mod init tollgate.dev/dashboard-check >/dev/null 2>&1
    for pkg in promql/parser config discovery/dns; do
      "$go" get "github.com/prometheus/prometheus/$pkg@$module_version" >&2
    done
    "$go" build -o dashboard-check . >&2
  ) || fail "could not build the query checker (needs the Go module proxy: GOPROXY=$("$go" env GOPROXY))."
  rm -rf "$checker_dir" && mv "$checker_dir.tmp" "$checker_dir"
fi

# ---- 1-2: each dashboard.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The installed packages, resolved as from any project (their package.json exports included).
ln -s "$ts/node_modules" "$work/node_modules"
cat >"$work/tsconfig.json" <<JSON
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "skipLibCheck": true, "types": [],
    "module": "esnext", "moduleResolution": "bundler", "target": "es2022"
  },
  "files": ["check.ts"]
}
JSON
for d in "${dashboards[@]}"; do
  name=${d#"$root"/}
  node "$src/schema-check.mjs" "$d" "$work" >/dev/null || fail "$name (above)"
  if ! (cd "$work" && "$ts/node_modules/.bin/tsc" -p tsconfig.json) >"$work/tsc.txt" 2>&1; then
    # tsc names lines of the generated check.ts; the declaration above each line says which panel.
    cat "$work/tsc.txt" >&2
    cp "$work/check.ts" "$cache/dashboard-check-failed.ts"
    fail "$name does not match @grafana/schema@$grafana (the lines above are those of $cache/dashboard-check-failed.ts)"
  fi
  say "1. $name matches the dashboard and panel types of @grafana/schema@$grafana"
  out=$("$checker" queries "$d") || fail "$name: its queries (above)"
  say "2. $name: $out (Prometheus $prometheus)"
done

# ---- 3: the Prometheus config.
out=$("$checker" config "$root/docker/prometheus/prometheus.yml") ||
  fail "docker/prometheus/prometheus.yml does not load (above)"
say "3. docker/prometheus/prometheus.yml loads with Prometheus $prometheus's loader: ${out//$'\n'/; }"
