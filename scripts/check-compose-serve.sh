#!/usr/bin/env bash
# Step 2b of scripts/check-compose.sh: the compose stack's model server (`tollgate serve`) is wired
# as docs/deploy.md says. Reads the model the compose loader resolved, not the file's text, so
# anchors, merges and ${VARIABLES} are already applied.
#
#   scripts/check-compose-serve.sh CHECKER COMPOSE_FILE ENV_FILE PROMETHEUS_YML
#
# CHECKER is check-compose.sh's compose-go program (--print: the resolved model as YAML; --env
# SERVICE: one service's environment as sorted KEY=VALUE lines). Checks:
# - serve runs the worker's image with the command `serve`, and mounts the worker's tollgate-home
#   volume at the worker's TOLLGATE_HOME (the serving pointers the deploys write);
# - serve's artifact settings (TOLLGATE_ARTIFACTS, TOLLGATE_S3_*, AWS_*) are the worker's, and
#   its serving and management ports listen beyond loopback (TOLLGATE_SERVE_*ADDRESS 0.0.0.0);
# - the worker's own serving is off and its smoke test asks serve (TOLLGATE_SERVING_URL);
# - prometheus.yml has a job tollgate-serve finding `serve` by DNS on serve's management port.
set -euo pipefail

[ $# = 4 ] || {
  echo "usage: $0 CHECKER COMPOSE_FILE ENV_FILE PROMETHEUS_YML" >&2
  exit 2
}
checker=$1 compose=$2 env_file=$3 prometheus=$4
fail() {
  echo "check-compose: FAILED: $*" >&2
  exit 1
}

model=$("$checker" "$compose" "$env_file" --print 2>/dev/null) || fail "the compose file does not load"
worker_env=$("$checker" "$compose" "$env_file" --env worker 2>/dev/null) || fail "no worker service"
serve_env=$("$checker" "$compose" "$env_file" --env serve 2>/dev/null) || fail "no serve service"
value() { sed -n "s/^$1=//p" <<<"$2"; }

# service NAME: its block of the resolved model (services are keys indented by two spaces).
service() { awk -v s="  $1:" '$0 == s {on = 1; next} on && /^  [^ ]/ {exit} on && /^[^ ]/ {exit} on' <<<"$model"; }
serve=$(service serve)
worker=$(service worker)

# command: `serve`, alone (the image's entry point is the tollgate CLI).
command=$(awk '/^    command:/ {on = 1; next} on && /^      - / {print $2; next} on {exit}' <<<"$serve")
[ "$command" = serve ] || fail "serve's command is '${command//$'\n'/ }', not [\"serve\"]"
image() { awk '/^    image: / {print $2}' <<<"$1"; }
[ "$(image "$serve")" = "$(image "$worker")" ] ||
  fail "serve runs image '$(image "$serve")', the worker '$(image "$worker")': they must be the same"

# The home volume: the worker's tollgate-home, at the path TOLLGATE_HOME names.
home=$(value TOLLGATE_HOME "$serve_env")
if [ -z "$home" ] || [ "$home" != "$(value TOLLGATE_HOME "$worker_env")" ]; then
  fail "serve's TOLLGATE_HOME '$home' is not the worker's '$(value TOLLGATE_HOME "$worker_env")'"
fi
mounts() { # "source target" per volume mount
  awk '/^    volumes:/ {on = 1; next} on && /^    [^ ]/ {exit}
       on && /^        source: / {s = $2} on && /^        target: / {print s, $2}' <<<"$1"
}
grep -qx "tollgate-home $home" <<<"$(mounts "$serve")" ||
  fail "serve does not mount the volume tollgate-home at $home (its mounts: $(mounts "$serve" | tr '\n' ';'))"
grep -qx "tollgate-home $home" <<<"$(mounts "$worker")" || fail "the worker does not mount tollgate-home at $home"

# The artifact store: every setting of the worker's, the same value in serve.
artifact_keys=$(grep -E '^(TOLLGATE_ARTIFACTS|TOLLGATE_S3_[A-Z_]*|AWS_[A-Z_]*)=' <<<"$worker_env" | cut -d= -f1)
grep -qx TOLLGATE_ARTIFACTS <<<"$artifact_keys" || fail "the worker has no TOLLGATE_ARTIFACTS"
for key in $artifact_keys; do
  [ "$(value "$key" "$serve_env")" = "$(value "$key" "$worker_env")" ] ||
    fail "serve's $key differs from the worker's (or is missing): both must reach the same artifacts"
done
extra=$(grep -E '^(TOLLGATE_ARTIFACTS|TOLLGATE_S3_[A-Z_]*|AWS_[A-Z_]*)=' <<<"$serve_env" | cut -d= -f1 |
  grep -vxF "$artifact_keys" || true)
[ -z "$extra" ] || fail "serve has artifact settings the worker lacks: $(tr '\n' ' ' <<<"$extra")"
for key in TOLLGATE_SERVE_ADDRESS TOLLGATE_SERVE_MANAGEMENT_ADDRESS; do
  [ "$(value "$key" "$serve_env")" = 0.0.0.0 ] || fail "serve's $key is not 0.0.0.0: the compose network cannot reach it"
done
serve_port=$(value TOLLGATE_SERVE_PORT "$serve_env")
management_port=$(value TOLLGATE_SERVE_MANAGEMENT_PORT "$serve_env")

# The worker: no serving of its own, its smoke test pointed at serve's port.
[ "$(value TOLLGATE_SERVING_ENABLED "$worker_env")" = false ] || fail "the worker's TOLLGATE_SERVING_ENABLED is not false"
url=$(value TOLLGATE_SERVING_URL "$worker_env")
[ "$url" = "http://serve:${serve_port:-8090}" ] ||
  fail "the worker's TOLLGATE_SERVING_URL is '$url', not http://serve:${serve_port:-8090}"

# Prometheus: a job tollgate-serve, DNS name serve, on the management port.
job=$(awk '/^  - job_name: / {on = ($3 == "tollgate-serve")} on' "$prometheus")
[ -n "$job" ] || fail "$prometheus has no job tollgate-serve"
if ! grep -Eq '^ +- names: \[serve\]$' <<<"$job" || ! grep -Eq "^ +port: ${management_port:-8091}$" <<<"$job"; then
  fail "job tollgate-serve does not find serve by DNS on its management port ${management_port:-8091}"
fi
grep -Eq '^ +metrics_path: /actuator/prometheus$' <<<"$job" || fail "job tollgate-serve does not scrape /actuator/prometheus"

echo "check-compose:    serve: command serve, image and tollgate-home ($home) as the worker's," \
  "$(wc -w <<<"$artifact_keys") artifact settings identical; worker serving off, smoke test at $url;" \
  "Prometheus job tollgate-serve on :${management_port}" >&2
