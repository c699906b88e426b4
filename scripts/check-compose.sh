#!/usr/bin/env bash
# Checks docker/compose.yaml and its helper files without a Docker engine. Fails (non-zero, with
# the reason) on the first problem. What it checks, and what only a Docker host can check, is in
# docs/deploy.md ("What was and was not verified").
#
#   scripts/check-compose.sh            the file checks (0-6 below), about a minute the first time
#   scripts/check-compose.sh --print    the same, then print the resolved compose model
#                                       (what `docker compose config` prints), with example secrets
#   scripts/check-compose.sh --servers  the file checks, then 7-8 below (10 minutes or more the first
#                                       time: it builds the Temporal server and MinIO from source;
#                                       about a minute after)
#
# 0. scripts/check-dockerfile.sh: docker/Dockerfile builds with the legacy builder, on the
#    BASE_IMAGE argument, with tini as PID 1, and its build context sends only what it copies.
# 1. Loads the file with compose-go, the library Docker Compose itself uses to read compose files
#    (`docker compose config`), at the version Docker Compose v5.7.0 uses: the compose-spec JSON
#    schema, interpolation, and the consistency checks (depends_on, volumes, networks). Settings:
#    docker/.env.example with example secrets filled in, and nothing from this shell's environment.
#    Any warning the loader logs counts as a failure.
# 2. Checks what the loader does not, but `docker compose up` would trip on: every service awaited
#    with service_healthy has a healthcheck in the file; every service awaited with
#    service_completed_successfully does not restart; every bind-mounted file or folder from this
#    repository (Temporal's dynamic config, the setup scripts, prometheus.yml, Grafana's
#    provisioning and dashboards), the build context and the Dockerfile exist; every image has a
#    pinned tag.
# 2b. scripts/check-compose-serve.sh, on the resolved model: the model server (serve) runs the
#    worker's image with the command serve, on the worker's tollgate-home volume and the very same
#    artifact settings; the worker's own serving is off and its TOLLGATE_SERVING_URL is serve's;
#    prometheus.yml scrapes serve's management port (job tollgate-serve).
# 3. Loads docker/.env.example as it is (secrets blank) and expects compose to refuse it, naming
#    each required secret.
# 4. Every ${VARIABLE} of compose.yaml is documented in .env.example, and every variable of
#    .env.example is used.
# 5. shellcheck (POSIX sh) on the scripts the one-shot containers run.
# 6. scripts/check-dashboard.sh: the Grafana dashboard against Grafana's schema (@grafana/schema at
#    GRAFANA_VERSION, with tsc), its queries against Prometheus's PromQL parser and Tollgate's
#    metrics, and prometheus.yml against Prometheus's config loader (both at PROMETHEUS_VERSION).
#
# With --servers, the one-shot containers' scripts run for real, outside Docker, each with the
# environment its service gets in compose.yaml (only host names, ports and paths replaced):
# 7. Temporal: a private PostgreSQL (Debian's), temporal-sql-tool and temporal-server built at the
#    compose file's TEMPORAL_VERSION from the Go module proxy, and the Temporal CLI
#    (scripts/install-temporal-cli.sh). setup-schema.sh runs twice; the dynamic config passes the
#    server's own validate-dynamic-config; the server starts on the compose environment (embedded
#    config template, as the image does) and its gRPC port opens; setup-namespace.sh runs twice and
#    the namespace (with its retention) and the four search attributes (with their types) exist.
# 8. MinIO: the minio server and mc built from the Go module proxy (source snapshots, not the
#    images' exact releases); setup-bucket.sh runs twice; the worker's user can write and read in
#    the bucket and cannot create another bucket.
#
# Needs Go (1.24 or newer; modules come from the Go module proxy), shellcheck, and Node.js with npm
# (for 6; npm packages from the npm registry); --servers also
# PostgreSQL's server programs, nc and getent. What is missing is installed with apt-get when
# running as root (Debian's shellcheck, postgresql, netcat-openbsd), else named. The Go programs
# are built once into $TOLLGATE_CACHE (default ~/.cache/tollgate).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
compose=$root/docker/compose.yaml
env_example=$root/docker/.env.example
scripts=("$root/docker/temporal/setup-schema.sh" "$root/docker/temporal/setup-namespace.sh"
  "$root/docker/minio/setup-bucket.sh" "$root/docker/postgres/create-tollgate-db.sh")
# The compose-go release that Docker Compose v5.7.0 is built with (its go.mod).
compose_go=v2.16.2
cache=${TOLLGATE_CACHE:-$HOME/.cache/tollgate}
print=false
servers=false
for arg in "$@"; do
  case $arg in
    --print) print=true ;;
    --servers) servers=true ;;
    *)
      echo "usage: $0 [--print] [--servers]" >&2
      exit 2
      ;;
  esac
done

say() { echo "check-compose: $*" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}

# ---- the checker: a small Go program around compose-go, built once per source version.
checker_source() {
  cat <<'GO'
// compose-check FILE ENV_FILE [--print | --env SERVICE]: loads a compose file like
// `docker compose config` does, with ENV_FILE as the only source of variables, then checks what
// the loader leaves to `up`. --print writes the resolved model; --env, one service's environment
// (KEY=VALUE lines), for running its program outside a container.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/sirupsen/logrus"
)

type warnings struct{ messages []string }

func (w *warnings) Levels() []logrus.Level {
	return []logrus.Level{logrus.PanicLevel, logrus.FatalLevel, logrus.ErrorLevel, logrus.WarnLevel}
}

func (w *warnings) Fire(e *logrus.Entry) error {
	w.messages = append(w.messages, e.Message)
	return nil
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: compose-check FILE ENV_FILE [--print | --env SERVICE]")
		os.Exit(2)
	}
	file, envFile := os.Args[1], os.Args[2]
	print := len(os.Args) > 3 && os.Args[3] == "--print"
	envOf := ""
	if len(os.Args) > 4 && os.Args[3] == "--env" {
		envOf = os.Args[4]
	}

	logged := &warnings{}
	logrus.SetOutput(io.Discard)
	logrus.AddHook(logged)

	options, err := cli.NewProjectOptions([]string{file},
		cli.WithEnvFiles(envFile), cli.WithDotEnv, cli.WithResolvedPaths(true))
	if err != nil {
		fail(err.Error())
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fail(err.Error())
	}
	var problems []string
	for _, m := range logged.messages {
		problems = append(problems, "loader warning: "+m)
	}
	problems = append(problems, check(project)...)
	if len(problems) > 0 {
		fail(strings.Join(problems, "\n  "))
	}
	if print {
		out, err := project.MarshalYAML()
		if err != nil {
			fail(err.Error())
		}
		os.Stdout.Write(out)
	}
	if envOf != "" {
		service, ok := project.Services[envOf]
		if !ok {
			fail("no service " + envOf)
		}
		keys := make([]string, 0, len(service.Environment))
		for k := range service.Environment {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if v := service.Environment[k]; v != nil {
				fmt.Printf("%s=%s\n", k, *v)
			}
		}
		return
	}
	fmt.Fprintf(os.Stderr, "project %s: %d services, %d volumes: %s\n", project.Name,
		len(project.Services), len(project.Volumes), strings.Join(project.ServiceNames(), ", "))
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "  "+message)
	os.Exit(1)
}

// check finds what `docker compose up` would trip on but the loader accepts.
func check(p *types.Project) []string {
	var problems []string
	names := p.ServiceNames()
	sort.Strings(names)
	for _, name := range names {
		s := p.Services[name]
		for dep, d := range s.DependsOn {
			target := p.Services[dep]
			switch d.Condition {
			case types.ServiceConditionHealthy:
				if target.HealthCheck == nil || target.HealthCheck.Disable || len(target.HealthCheck.Test) == 0 {
					problems = append(problems, fmt.Sprintf(
						"%s waits for %s to be healthy, but %s has no healthcheck in this file", name, dep, dep))
				}
			case types.ServiceConditionCompletedSuccessfully:
				if target.Restart != "" && target.Restart != types.RestartPolicyNo &&
					!strings.HasPrefix(target.Restart, types.RestartPolicyOnFailure) {
					problems = append(problems, fmt.Sprintf(
						"%s waits for %s to complete, but %s restarts (%s)", name, dep, dep, target.Restart))
				}
			}
		}
		for _, v := range s.Volumes {
			if v.Type != types.VolumeTypeBind || !inRepository(p.WorkingDir, v.Source) {
				continue
			}
			// A missing bind source is silently created as an empty folder by the engine.
			if _, err := os.Stat(v.Source); err != nil {
				problems = append(problems, fmt.Sprintf("%s mounts %s, which does not exist", name, v.Source))
			}
		}
		if s.Build != nil {
			dockerfile := s.Build.Dockerfile
			if !filepath.IsAbs(dockerfile) {
				dockerfile = filepath.Join(s.Build.Context, dockerfile)
			}
			for _, f := range []string{s.Build.Context, dockerfile} {
				if _, err := os.Stat(f); err != nil {
					problems = append(problems, fmt.Sprintf("%s builds from %s, which does not exist", name, f))
				}
			}
		} else if !pinned(s.Image) {
			problems = append(problems, fmt.Sprintf("%s uses image %q without a pinned tag", name, s.Image))
		}
	}
	return problems
}

// inRepository: path lies in the repository, the parent of the compose file's folder (docker/).
func inRepository(composeDir, path string) bool {
	rel, err := filepath.Rel(filepath.Dir(composeDir), path)
	return err == nil && !strings.HasPrefix(rel, "..")
}

func pinned(image string) bool {
	if strings.Contains(image, "@sha256:") {
		return true
	}
	name := image[strings.LastIndex(image, "/")+1:]
	i := strings.LastIndex(name, ":")
	return i > 0 && name[i+1:] != "latest"
}
GO
}

find_go() {
  local go
  go=$(command -v go || true)
  if [ -z "$go" ] && [ -x /usr/local/go/bin/go ]; then go=/usr/local/go/bin/go; fi
  [ -n "$go" ] || fail "no Go toolchain (looked on PATH and at /usr/local/go/bin/go); install Go 1.24 or newer."
  echo "$go"
}

build_checker() {
  local go dir hash
  hash=$(checker_source | sha256sum | cut -c1-12)
  dir=$cache/compose-check-$compose_go-$hash
  if [ -x "$dir/compose-check" ]; then
    echo "$dir/compose-check"
    return
  fi
  go=$(find_go)
  say "building the checker with compose-go $compose_go ($("$go" version)) into $dir"
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  checker_source >"$dir.tmp/main.go"
  (
    cd "$dir.tmp"
    "$go" mod init tollgate.dev/compose-check >/dev/null 2>&1
    "$go" get "github.com/compose-spec/compose-go/v2/cli@$compose_go" \
      "github.com/compose-spec/compose-go/v2/types@$compose_go" >&2
    "$go" build -o compose-check . >&2
  ) || fail "could not build the checker (needs the Go module proxy: GOPROXY=$("$go" env GOPROXY))."
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
  echo "$dir/compose-check"
}

# ---- 0: the worker image's Dockerfile, statically (the tests build and run the image itself).
say "0. docker/Dockerfile (scripts/check-dockerfile.sh)"
"$root/scripts/check-dockerfile.sh" || fail "scripts/check-dockerfile.sh (above)"

checker=$(build_checker)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- 1 and 2: the file, with the example settings and example secrets.
say "1-2. loading docker/compose.yaml with docker/.env.example plus example secrets"
cp "$env_example" "$work/with-secrets.env"
cat >>"$work/with-secrets.env" <<'ENV'
POSTGRES_PASSWORD=example-postgres-secret
MINIO_ROOT_PASSWORD=example-minio-secret
S3_SECRET_KEY=example-s3-secret
TOLLGATE_DB_PASSWORD=example-tollgate-db-secret
GRAFANA_ADMIN_PASSWORD=example-grafana-secret
ENV
if $print; then
  "$checker" "$compose" "$work/with-secrets.env" --print || fail "docker/compose.yaml (above)"
else
  "$checker" "$compose" "$work/with-secrets.env" || fail "docker/compose.yaml (above)"
fi
say "2b. the model server: serve beside the worker (scripts/check-compose-serve.sh)"
"$root/scripts/check-compose-serve.sh" "$checker" "$compose" "$work/with-secrets.env" \
  "$root/docker/prometheus/prometheus.yml" || fail "scripts/check-compose-serve.sh (above)"

# ---- 3: the secrets are required.
say "3. loading it with docker/.env.example as it is: must be refused for the blank secrets"
if "$checker" "$compose" "$env_example" 2>"$work/refused.txt"; then
  fail "compose accepted .env.example with blank secrets; the \${VAR:?} guards are missing"
fi
for secret in POSTGRES_PASSWORD MINIO_ROOT_PASSWORD S3_SECRET_KEY TOLLGATE_DB_PASSWORD GRAFANA_ADMIN_PASSWORD; do
  # The loader stops at the first missing one; check each guard by filling in the others.
  grep -v "^$secret=" "$work/with-secrets.env" >"$work/missing.env"
  if "$checker" "$compose" "$work/missing.env" 2>"$work/refused.txt"; then
    fail "compose starts without $secret"
  fi
  grep -q "set $secret in docker/.env" "$work/refused.txt" ||
    fail "refusing a missing $secret does not say how to fix it: $(cat "$work/refused.txt")"
done
say "   refused, naming each of POSTGRES_PASSWORD, MINIO_ROOT_PASSWORD, S3_SECRET_KEY, TOLLGATE_DB_PASSWORD, GRAFANA_ADMIN_PASSWORD"

# ---- 4: .env.example documents exactly the variables compose.yaml reads.
say "4. every variable of compose.yaml is in .env.example, and the other way round"
# shellcheck disable=SC2016 # a literal ${ to find
used=$(grep -o '\${[A-Z_][A-Z0-9_]*' "$compose" | cut -c3- | sort -u)
documented=$(grep -o '^[A-Z_][A-Z0-9_]*=' "$env_example" | tr -d = | sort -u)
undocumented=$(comm -23 <(echo "$used") <(echo "$documented"))
unused=$(comm -13 <(echo "$used") <(echo "$documented"))
[ -z "$undocumented" ] || fail "used in compose.yaml but not in .env.example: $(tr '\n' ' ' <<<"$undocumented")"
[ -z "$unused" ] || fail "in .env.example but not used by compose.yaml: $(tr '\n' ' ' <<<"$unused")"
say "   $(echo "$used" | wc -l) variables, all documented"

# ---- 5: the one-shot containers' scripts (Alpine/busybox sh: POSIX only).
say "5. shellcheck -s sh on the setup scripts"
if ! command -v shellcheck >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "   installing shellcheck with apt-get"
    apt-get install -y -qq shellcheck >/dev/null || { apt-get update -qq && apt-get install -y -qq shellcheck >/dev/null; } ||
      fail "could not install shellcheck with apt-get"
  else
    fail "shellcheck is not installed (Debian/Ubuntu: apt-get install shellcheck)"
  fi
fi
shellcheck -s sh "${scripts[@]}" || fail "shellcheck (above)"

# ---- 6: the dashboard and the Prometheus config (no Grafana or Prometheus server needed).
say "6. the Grafana dashboard and prometheus.yml (scripts/check-dashboard.sh)"
TOLLGATE_CACHE=$cache "$root/scripts/check-dashboard.sh" || fail "scripts/check-dashboard.sh (above)"
say "OK: docker/compose.yaml loads cleanly, and its helper files pass"

$servers || exit 0

# ==== --servers: the one-shot containers' scripts against real servers, without Docker.

pids=()
pgdata=""
pgctl=""
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$pgctl" ] && [ -n "$pgdata" ]; then as_postgres "$pgctl" -D "$pgdata/data" -m fast stop >/dev/null 2>&1 || true; fi
  [ -z "$pgdata" ] || rm -rf "$pgdata"
  rm -rf "$work"
}
trap cleanup EXIT

# as_postgres CMD...: PostgreSQL refuses to run as root; as root, use the postgres account.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

need_apt() { # need_apt COMMAND PACKAGE
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "   installing $2 with apt-get (for $1)"
    apt-get install -y -qq --no-install-recommends "$2" >/dev/null ||
      { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$2" >/dev/null; } ||
      fail "could not install $2"
  else
    fail "$1 is missing (Debian/Ubuntu: apt-get install $2)"
  fi
}

# service_env SERVICE: the service's environment from compose.yaml (example secrets), one per line.
service_env() { "$checker" "$compose" "$work/with-secrets.env" --env "$1" 2>/dev/null; }

# free_port: a TCP port nothing listens on, below 32768 (Temporal keeps membership ports in a
# PostgreSQL smallint).
free_port() {
  local p tries=0
  while :; do
    p=$((20000 + RANDOM % 12000))
    if ! nc -z 127.0.0.1 "$p" 2>/dev/null && ! grep -qx "$p" "$work/ports" 2>/dev/null; then
      echo "$p" >>"$work/ports"
      echo "$p"
      return
    fi
    tries=$((tries + 1))
    [ "$tries" -lt 50 ] || fail "no free port found"
  done
}

wait_port() { # wait_port PORT SECONDS LOG PID
  local i
  for ((i = 0; i < $2 * 2; i++)); do
    nc -z 127.0.0.1 "$1" 2>/dev/null && return 0
    kill -0 "$4" 2>/dev/null || break
    sleep 0.5
  done
  # The server logs JSON lines: show the errors, else the end.
  { grep -E '"level":"(error|fatal)"|ERROR|FATAL' "$3" || tail -n 20 "$3"; } | tail -n 5 | cut -c1-400 >&2
  fail "nothing listens on port $1 (process $4 $(kill -0 "$4" 2>/dev/null && echo "still running after $2 s" || echo exited))"
}

# go_tool PACKAGE@VERSION NAME: builds a Go program once into the cache; prints its path.
go_tool() {
  local dir=$cache/go-tools/${1//[\/@]/_} go
  if [ ! -x "$dir/$2" ]; then
    go=$(find_go)
    say "   building $1 ($("$go" version); a few minutes the first time)"
    mkdir -p "$dir.tmp"
    GOBIN=$dir.tmp GOFLAGS=-buildvcs=false "$go" install "$1" >&2 || fail "go install $1"
    mv "$dir.tmp/$(basename "${1%@*}")" "$dir.tmp/$2" 2>/dev/null || true
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  echo "$dir/$2"
}

# POSIX sh for the scripts: busybox's ash when there is one (the images' shell), else dash.
need_apt nc netcat-openbsd
need_apt getent libc-bin
if command -v busybox >/dev/null; then posix_sh=(busybox sh); else
  need_apt dash dash
  posix_sh=(dash)
fi
bin=$work/bin
mkdir -p "$bin"

# ---- 7. Temporal on PostgreSQL.
temporal_version=$(sed -n 's/^TEMPORAL_VERSION=//p' "$env_example")
[ -n "$temporal_version" ] || fail "no TEMPORAL_VERSION in $env_example"
say "7. Temporal $temporal_version on PostgreSQL, with the setup scripts and the compose environment"
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_apt /usr/lib/postgresql/15/bin/initdb postgresql
pgbin=$(dirname "$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pgctl=$pgbin/pg_ctl
sql_tool=$(go_tool "go.temporal.io/server/cmd/tools/sql@v$temporal_version" temporal-sql-tool)
server=$(go_tool "go.temporal.io/server/cmd/server@v$temporal_version" temporal-server)
ln -s "$sql_tool" "$bin/temporal-sql-tool"
schema_root=$("$(find_go)" env GOMODCACHE)/go.temporal.io/server@v$temporal_version/schema/postgresql/v12
[ -d "$schema_root" ] || fail "no schema folder $schema_root"
[ -x "$root/scripts/install-temporal-cli.sh" ] || fail "scripts/install-temporal-cli.sh is missing"
cli=$("$root/scripts/install-temporal-cli.sh")
ln -s "$cli" "$bin/temporal"

mapfile -t schema_env < <(service_env temporal-schema)
mapfile -t server_env < <(service_env temporal)
mapfile -t setup_env < <(service_env temporal-setup)
pg_user=$(printf '%s\n' "${schema_env[@]}" | sed -n 's/^SQL_USER=//p')
pg_password=$(printf '%s\n' "${schema_env[@]}" | sed -n 's/^SQL_PASSWORD=//p')
pg_port=$(free_port)

pgdata=$(mktemp -d /tmp/tollgate-check-pg.XXXXXX)
chmod 755 "$pgdata"
printf '%s\n' "$pg_password" >"$pgdata/password"
[ "$(id -u)" != 0 ] || chown -R postgres "$pgdata"
as_postgres "$pgbin/initdb" -D "$pgdata/data" -U "$pg_user" --pwfile="$pgdata/password" \
  --auth=scram-sha-256 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; fail "initdb"; }
# As the postgres image does: a database named like the user, and the compose file's command line.
as_postgres "$pgctl" -D "$pgdata/data" -l "$pgdata/server.log" -w \
  -o "-p $pg_port -k $pgdata -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null ||
  { cat "$pgdata/server.log" >&2; fail "PostgreSQL did not start"; }
PGPASSWORD=$pg_password "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -qc \
  "CREATE DATABASE \"$pg_user\"" >/dev/null
say "   PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on port $pg_port (user $pg_user)"

for round in 1 2; do
  env -i PATH="$bin:/usr/bin:/bin" "${schema_env[@]}" SQL_HOST=127.0.0.1 SQL_PORT="$pg_port" \
    TEMPORAL_SCHEMA_ROOT="$schema_root" "${posix_sh[@]}" "$root/docker/temporal/setup-schema.sh" \
    >"$work/schema-$round.log" 2>&1 || { cat "$work/schema-$round.log" >&2; fail "setup-schema.sh, run $round"; }
done
for db in temporal temporal_visibility; do
  v=$(PGPASSWORD=$pg_password "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d "$db" -Atc \
    "SELECT curr_version FROM schema_version") || fail "no schema_version in $db"
  say "   setup-schema.sh ran twice: $db at schema version $v"
done

dynamic=$root/docker/temporal/dynamicconfig/tollgate.yaml
"$server" validate-dynamic-config "$dynamic" >"$work/dynamic.log" 2>&1 || { cat "$work/dynamic.log" >&2; fail "validate-dynamic-config"; }
if grep -qi warning "$work/dynamic.log"; then cat "$work/dynamic.log" >&2; fail "the dynamic config has warnings"; fi
say "   validate-dynamic-config: no warnings for docker/temporal/dynamicconfig/tollgate.yaml"

# The compose environment, with local host names and free ports for this machine.
grpc=$(free_port)
ports=()
for name in FRONTEND_MEMBERSHIP FRONTEND_HTTP HISTORY_GRPC HISTORY_MEMBERSHIP MATCHING_GRPC \
  MATCHING_MEMBERSHIP WORKER_GRPC WORKER_MEMBERSHIP; do
  ports+=("${name}_PORT=$(free_port)")
done
mkdir -p "$work/server"
(cd "$work/server" && exec env -i PATH=/usr/bin:/bin "${server_env[@]}" POSTGRES_SEEDS=127.0.0.1 \
  DB_PORT="$pg_port" DYNAMIC_CONFIG_FILE_PATH="$dynamic" TEMPORAL_BROADCAST_ADDRESS=127.0.0.1 \
  FRONTEND_GRPC_PORT="$grpc" "${ports[@]}" "$server" start >"$work/server.log" 2>&1) &
pids+=($!)
wait_port "$grpc" 90 "$work/server.log" "${pids[-1]}"
grep -q 'limit.maxidlength' "$work/server.log" || fail "the server did not load the dynamic config"
say "   temporal-server started on the compose environment; gRPC port $grpc open (the healthcheck's test)"

for round in 1 2; do
  # HOME: the CLI wants one for its config file, as the image's user has.
  env -i PATH="$bin:/usr/bin:/bin" HOME="$work" "${setup_env[@]}" TEMPORAL_ADDRESS="127.0.0.1:$grpc" \
    "${posix_sh[@]}" "$root/docker/temporal/setup-namespace.sh" >"$work/setup-$round.log" 2>&1 ||
    { cat "$work/setup-$round.log" >&2; fail "setup-namespace.sh, run $round"; }
done
namespace=$(printf '%s\n' "${setup_env[@]}" | sed -n 's/^TEMPORAL_NAMESPACE=//p')
retention=$(printf '%s\n' "${setup_env[@]}" | sed -n 's/^TEMPORAL_NAMESPACE_RETENTION=//p')
grep -q "namespace $namespace exists" "$work/setup-2.log" || fail "run 2 did not find the namespace"
# Captured first: with pipefail, `cli | grep -q` can fail when grep stops reading early.
described=$("$cli" operator namespace describe --address "127.0.0.1:$grpc" --namespace "$namespace" -o json)
grep -q "\"workflowExecutionRetentionTtl\": *\"$(("${retention%h}" * 3600))s\"" <<<"$described" ||
  fail "namespace $namespace does not have the retention $retention"
attributes=$("$cli" operator search-attribute list --address "127.0.0.1:$grpc" --namespace "$namespace" -o json)
for expected in TollgateModel:KEYWORD TollgateStage:KEYWORD TollgateOutcome:KEYWORD TollgateModelVersion:INT TollgateTrigger:KEYWORD TollgateCommit:KEYWORD; do
  grep -q "\"${expected%%:*}\": *\"INDEXED_VALUE_TYPE_${expected#*:}\"" <<<"$attributes" ||
    fail "search attribute ${expected%%:*} (${expected#*:}) missing after setup-namespace.sh"
done
say "   setup-namespace.sh ran twice: namespace $namespace (retention $retention), 6 search attributes"

# ---- 8. MinIO and the bucket script.
# Source snapshots from the Go module proxy, newest there: MinIO's community edition is archived,
# and its release tags (the images') are not Go module versions.
minio_module=github.com/minio/minio@v0.0.0-20260212201848-7aac2a2c5b7c
mc_module=github.com/minio/mc@v0.0.0-20250313080218-cf909e1063a9
say "8. MinIO with setup-bucket.sh and the compose environment"
minio=$(go_tool "$minio_module" minio)
mc=$(go_tool "$mc_module" mc)
ln -s "$mc" "$bin/mc"
mapfile -t minio_env < <(service_env minio)
mapfile -t bucket_env < <(service_env minio-setup)
value() { printf '%s\n' "${@:2}" | sed -n "s/^$1=//p"; }
s3_port=$(free_port)
console_port=$(free_port)
mkdir -p "$work/minio-data"
env -i PATH=/usr/bin:/bin HOME="$work" "${minio_env[@]}" "$minio" server "$work/minio-data" \
  --address "127.0.0.1:$s3_port" --console-address "127.0.0.1:$console_port" >"$work/minio.log" 2>&1 &
pids+=($!)
wait_port "$s3_port" 60 "$work/minio.log" "${pids[-1]}"
root_user=$(value MINIO_ROOT_USER "${minio_env[@]}")
root_password=$(value MINIO_ROOT_PASSWORD "${minio_env[@]}")
ready=false
for ((i = 0; i < 30; i++)); do
  if HOME=$work MC_HOST_check="http://$root_user:$root_password@127.0.0.1:$s3_port" "$mc" ready check \
    >/dev/null 2>&1; then
    ready=true
    break
  fi
  sleep 1
done
$ready || { tail -n 20 "$work/minio.log" >&2; fail "mc ready: MinIO on port $s3_port not ready after 30 s"; }
say "   minio server up on port $s3_port (mc ready, the healthcheck's test)"

for round in 1 2; do
  env -i PATH="$bin:/usr/bin:/bin" HOME="$work" "${bucket_env[@]}" MINIO_URL="http://127.0.0.1:$s3_port" \
    "${posix_sh[@]}" "$root/docker/minio/setup-bucket.sh" >"$work/bucket-$round.log" 2>&1 ||
    { cat "$work/bucket-$round.log" >&2; fail "setup-bucket.sh, run $round"; }
done
bucket=$(value MINIO_BUCKET "${bucket_env[@]}")
access=$(value TOLLGATE_S3_ACCESS_KEY "${bucket_env[@]}")
secret=$(value TOLLGATE_S3_SECRET_KEY "${bucket_env[@]}")
worker_mc() { HOME=$work MC_HOST_worker="http://$access:$secret@127.0.0.1:$s3_port" "$mc" "$@"; }
echo "probe $(date -u +%FT%TZ)" >"$work/probe.txt"
worker_mc cp -q "$work/probe.txt" "worker/$bucket/check/probe.txt" >/dev/null ||
  fail "the worker's user ($access) cannot write to bucket $bucket"
worker_mc cat "worker/$bucket/check/probe.txt" | cmp -s - "$work/probe.txt" ||
  fail "the worker's user ($access) cannot read back from bucket $bucket"
if worker_mc mb "worker/not-$bucket" >/dev/null 2>&1; then
  fail "the worker's user ($access) may create buckets: its policy is wider than bucket $bucket"
fi
say "   setup-bucket.sh ran twice: bucket $bucket; user $access writes and reads there, cannot create buckets"
say "OK: the setup scripts work against real PostgreSQL, Temporal $temporal_version and MinIO servers"
