#!/usr/bin/env bash
# The runner's overhead (issue 24): the train stage of a `training.command` spec against the same
# command run by hand on the same rows. Goal: stage <= 1.1 x by hand + 2 s at 100k rows.
#   benchmarks/command-overhead.sh [ROWS [ROUNDS]]          (default 100000 3)
# Both sides run examples/churn-sklearn/trainer/train.py (scikit-learn GradientBoostingClassifier,
# exported with skl2onnx) with the python-ml venv (scripts/install-python-ml.sh, or
# TOLLGATE_PYTHON_ML), the churn spec's params, on a seeded dataset from the example's generator.
# By hand: the same argv, the stage's own train.csv (80% of ROWS), the contract's variables; timed
# from process start to exit. The stage: TrainActivitiesImpl on Temporal's activity test
# environment, timed from the call to its result (load, split, train.csv, the command, ONNX checks,
# holdout scoring, storing, train.log). One warm-up of each, then ROUNDS interleaved rounds
# (alternating which side goes first). Builds activities/onnx and what it needs (no install).
# Appends to benchmarks/results/command-overhead-<UTC date>.txt (machine, rounds, medians, verdict).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rows="${1:-100000}"
rounds="${2:-3}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
python="${TOLLGATE_PYTHON_ML:-$(scripts/install-python-ml.sh)}"
work="${BENCH_WORK:-$(mktemp -d /tmp/command-overhead.XXXXXX)}"
[[ -n ${BENCH_WORK:-} ]] || trap 'rm -rf "$work"' EXIT
deps="$work/classpath.txt"
echo "command-overhead: building activities/onnx (test-compile, no install)" >&2
./mvnw -B -o -q -pl activities/onnx -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$deps" >&2

# The spec folder as a user has it: the example's trainer, the seeded data beside it.
mkdir -p "$work/spec/trainer"
cp examples/churn-sklearn/trainer/train.py "$work/spec/trainer/"
PYTHONDONTWRITEBYTECODE=1 "$python" examples/churn-sklearn/generate_data.py \
  "$work/spec/customers.csv" 42 "$rows" >&2

results="benchmarks/results/command-overhead-$(date -u +%Y-%m-%d).txt"
machine="$work/machine.txt"
{
  echo "# benchmarks/command-overhead.sh $rows $rounds, HEAD $(git rev-parse --short HEAD)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cores (nproc): $(nproc)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "load at start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jdk: $(java -version 2>&1 | head -1)"
  "$python" - <<'PY'
import platform, sys
import numpy, skl2onnx, sklearn
print(f"python: {platform.python_version()} ({sys.executable}); scikit-learn {sklearn.__version__},"
      f" skl2onnx {skl2onnx.__version__}, numpy {numpy.__version__}")
PY
  echo "data: examples/churn-sklearn/generate_data.py, seed 42, $rows rows"
} >"$machine"
cat "$machine" >&2
classes="activities/onnx/target/test-classes:activities/onnx/target/classes"
# The class path goes in an argument file: ONNX Runtime 1.29.0's native library crashed the JVM
# (SIGSEGV, no hs_err file) when the JVM's command line was longer than about 4 KB (the -cp here
# is 9 KB); the same class path from a file or from CLASSPATH loads fine.
echo "-cp $classes:$(cat "$deps")" >"$work/java-args"
java -Xmx${BENCH_HEAP:-2g} --enable-native-access=ALL-UNNAMED @"$work/java-args" \
  -Dlogback.configurationFile=benchmarks/logback-bench.xml \
  dev.tollgate.benchmarks.CommandOverheadBenchmark \
  "$work/home" "$python" "$work/spec/customers.csv" "$work/spec/trainer" "$rounds" "$work/rounds.txt"
{
  [[ -s $results ]] && echo   # the day's file keeps every run of the day, one after the other
  cat "$machine"
  echo "load at end (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  cat "$work/rounds.txt"
} >>"$results"
echo "command-overhead: results appended to $results" >&2
