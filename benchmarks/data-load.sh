#!/usr/bin/env bash
# The loading benchmark (benchmarks/README.md): Tollgate's DatasetLoader against pandas, CSV and
# Parquet, on the files of generate_data.py, in one run:
#   benchmarks/data-load.sh [SIZE...]        sizes: 100k 1m (default: both)
# Makes (or reuses) the CSV files and their Parquet copies (pyarrow: snappy, its default row
# groups), builds Tollgate, then per size times Tollgate CSV, pandas read_csv (C engine), Tollgate
# Parquet (DatasetLoader on the .parquet file) and pandas read_parquet (pyarrow): REPEATS loads each
# (default 5) in one process, the first one included. Tollgate runs twice per file: every load
# hashing the file (`hashed`: a run's first stage on a new file) and with the digest the worker
# keeps for an unchanged file (`kept`: the first load hashes, the others do not, as later stages). Prints the markdown table and keeps it, with
# the raw lines, the machine and the load average before each step, in
# benchmarks/results/data-load-<UTC time>.{txt,md}.
# The Java side gets the JVM options a worker gets from the `tollgate` launcher
# (--enable-native-access=ALL-UNNAMED, and --sun-misc-unsafe-memory-access=allow on JDK 24 and
# later), plus a fixed heap (below): no other option measurably changed a load (benchmarks/README.md).
# Environment: REPEATS (5), BENCH_VENV (~/.cache/tollgate/bench-venv), BENCH_HEAP (-Xmx, 8g),
# BENCH_HEAP_MIN (-Xms, 2g: a worker's heap stays grown between loads; without it the System.gc()
# before each timed load shrinks the heap and every load grows it again, which a worker does not:
# +50 % CPU at 100k rows on the busy 2-core machine), BENCH_JAVA_OPTS (extra JVM options),
# SKIP_BUILD=1 (use the classes already built).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
venv="${BENCH_VENV:-$HOME/.cache/tollgate/bench-venv}"
repeats="${REPEATS:-5}"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100k 1m)
data=benchmarks/data
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
results="benchmarks/results/data-load-$stamp.txt" table="benchmarks/results/data-load-$stamp.md"
mkdir -p "$data" benchmarks/results

if ! "$venv/bin/python" -c 'import pandas, pyarrow' 2>/dev/null; then
  [[ -x $venv/bin/python ]] || python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r benchmarks/requirements.txt
fi
py() { # numpy's own OpenBLAS needs neither of the machine's settings for old builds (run-all.sh)
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$venv/bin/python" "$@"
}
for size in "${sizes[@]}"; do
  case $size in 100k) rows=100000 ;; 1m) rows=1000000 ;; *) echo "unknown size $size" >&2; exit 2 ;; esac
  csv="$data/regression-$size.csv" parquet="$data/regression-$size.parquet"
  [[ -s $csv ]] || py benchmarks/generate_data.py --rows "$rows" --out "$csv"
  [[ -s $parquet && $parquet -nt $csv ]] || py benchmarks/load_pandas.py parquet "$csv" "$parquet"
done

[[ ${SKIP_BUILD:-} == 1 ]] || ./mvnw -B -o -q -pl activities/core -am package -DskipTests
deps="$root/$data/classpath.txt"
if [[ ! -s $deps || activities/core/pom.xml -nt $deps || pom.xml -nt $deps ]]; then
  ./mvnw -q -pl activities/core dependency:build-classpath -Dmdep.outputFile="$deps" >&2
fi
# Tollgate's own modules come from this work tree, not from ~/.m2 (as train.sh).
external="$(tr ':' '\n' <"$deps" | grep -v '/dev/tollgate/' | paste -sd: -)"
classes="activities/core/target/test-classes:activities/core/target/classes:workflows/target/classes"
# the launcher's options (./tollgate): the worker's JVM as `tollgate worker` starts it
# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
worker_opts=(--enable-native-access=ALL-UNNAMED)
if [[ $(tollgate_java_major "$JAVA_HOME/bin/java") -ge 24 ]]; then
  worker_opts+=(--sun-misc-unsafe-memory-access=allow)
fi
java_loads() {
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" -Xmx"${BENCH_HEAP:-8g}" -Xms"${BENCH_HEAP_MIN:-2g}" \
    "${worker_opts[@]}" ${BENCH_JAVA_OPTS:-} \
    -cp "$classes:$external" dev.tollgate.benchmarks.LoadBenchmark "$1" "$repeats" "$2"
}

benchmarks/machine.sh "$venv" | sed 's/^/MACHINE\t/' >"$results"
step() { # the load average before each step: the figures mean little on a busy machine
  local load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  printf 'LOAD\t%s\t%s\n' "$load" "$*" >>"$results"
  echo "== $* (load $load)" >&2
}
for size in "${sizes[@]}"; do
  for format in csv parquet; do
    file="$data/regression-$size.$format"
    printf 'SIZE\t%s\t%s\n' "$(basename "$file")" "$(stat -L -c %s "$file")" >>"$results"
    # hashed: every load hashes the file (a run's first stage on it); kept: the first load hashes
    # it and the worker keeps the digest of the unchanged file for the others (later stages)
    for digest in hashed kept; do
      step "tollgate ($digest digest)" "$file"
      java_loads "$file" "$digest" | grep -E '^RESULT' | tee -a "$results"
    done
    step pandas "$file"
    py benchmarks/load_pandas.py time --repeats "$repeats" "$file" | tee -a "$results"
  done
done
step finished
echo
py benchmarks/load_summary.py "$results" | tee "$table"
echo "raw lines: $results; table: $table" >&2
