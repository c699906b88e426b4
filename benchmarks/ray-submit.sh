#!/usr/bin/env bash
# From submission to RUNNING and to SUCCEEDED of a trivial Ray job (issue 26): Tollgate's HTTP
# adapter (HttpRayJobs: submit, then a status poll at the Ray runner's 1 s tick, and at 100 ms)
# against Ray's own CLI by hand (`ray job submit`, which waits for the end and tails the log over a
# WebSocket, and `--no-wait`), on the local two-node test cluster (scripts/start-ray.sh, started
# here in a short /tmp folder and stopped at the end; RAY_JOBS_URL=URL and RAY_CLI=PATH use a
# cluster of your own instead). The job: `echo hi`, no runtime_env. One warm-up of each way, then
# ROUNDS interleaved rounds. Builds activities/ray's test classes (no install).
# Appends to benchmarks/results/ray-submit-<UTC date>.txt (machine, rounds, the table).
#   benchmarks/ray-submit.sh [ROUNDS]          (default 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rounds="${1:-5}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
work=$(mktemp -d /tmp/ray-submit.XXXXXX)
cluster=
trap '[ -z "$cluster" ] || scripts/stop-ray.sh "$cluster"; rm -rf "$work"' EXIT
echo "ray-submit: building activities/ray (test-compile, no install)" >&2
./mvnw -B -o -q -pl activities/ray -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >&2

url=${RAY_JOBS_URL:-}
cli=${RAY_CLI:-}
if [[ -z $url ]]; then
  cluster=$work/c   # short: Ray's sockets live under it (107 bytes)
  url=$(scripts/start-ray.sh "$cluster")
  cli=$(sed -n 's/^RAY_BIN=//p' "$cluster/cluster.env")/ray
fi
[[ -n $cli ]] || cli="$(scripts/install-ray.sh)/ray"

results="benchmarks/results/ray-submit-$(date -u +%Y-%m-%d).txt"
machine="$work/machine.txt"
{
  echo "# benchmarks/ray-submit.sh $rounds, HEAD $(git rev-parse --short HEAD)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cores (nproc): $(nproc)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "load at start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jdk: $(java -version 2>&1 | head -1)"
  if [[ -n $cluster ]]; then where="scripts/start-ray.sh: two nodes of one CPU each"; else where="RAY_JOBS_URL"; fi
  echo "ray: $("$cli" --version 2>/dev/null | tail -1); cluster: $url ($where)"
} >"$machine"
cat "$machine" >&2
java -cp "activities/ray/target/test-classes:activities/ray/target/classes:$(cat "$work/classpath.txt")" \
  dev.tollgate.benchmarks.RaySubmitBenchmark "$url" "$cli" "$rounds" "$work/rounds.txt"
{
  [[ -s $results ]] && echo   # the day's file keeps every run of the day, one after the other
  cat "$machine"
  echo "load at end (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  cat "$work/rounds.txt"
} >>"$results"
echo "ray-submit: results appended to $results" >&2
