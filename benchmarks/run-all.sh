#!/usr/bin/env bash
# The whole training benchmark in one go (benchmarks/README.md): makes the data, builds Tollgate,
# runs the Java and the Python harness on each size, and prints the tables of docs/benchmarks.md.
#   benchmarks/run-all.sh [SIZE...]        sizes: 100k 1m (default: both)
# Environment: REPEATS (3), LOAD_REPEATS (5), CAP seconds per Java run (600), LONG seconds after
# which a run is not repeated (300), BENCH_VENV (~/.cache/tollgate/bench-venv).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
venv="${BENCH_VENV:-$HOME/.cache/tollgate/bench-venv}"
repeats="${REPEATS:-3}" load_repeats="${LOAD_REPEATS:-5}" cap="${CAP:-600}" long="${LONG:-300}"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100k 1m)
data=benchmarks/data results=benchmarks/data/results.tsv
mkdir -p "$data"

if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r benchmarks/requirements.txt
fi
files=()
for size in "${sizes[@]}"; do
  case $size in 100k) rows=100000 ;; 1m) rows=1000000 ;; *) echo "unknown size $size" >&2; exit 2 ;; esac
  file="$data/regression-$size.csv"
  [[ -s $file ]] || "$venv/bin/python" benchmarks/generate_data.py --rows "$rows" --out "$file"
  files+=("$file")
done
./mvnw -B -o -q -pl activities/core -am package -DskipTests

benchmarks/machine.sh "$venv" | tee "$data/machine.txt"
: >"$results"
step() { # records the load average before each step, for the report
  local load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  printf 'LOAD\t%s\t%s\n' "$load" "$*" >>"$results"
  echo "== $* (load $load)" >&2
}
for file in "${files[@]}"; do
  step java csv_loader "$file"
  benchmarks/train.sh "$file" load "$load_repeats" | grep -E '^(RESULT|CAPPED)' | tee -a "$results"
  for algorithm in gradient_boosting_defaults gradient_boosting smile_gradient_boosting random_forest; do
    step java "$algorithm" "$file"
    benchmarks/train.sh "$file" "$algorithm" "$repeats" "$cap" "$long" |
      grep -E '^(RESULT|CAPPED)' | tee -a "$results"
  done
  step python "$file"
  # The machine sets OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE for old OpenBLAS builds; numpy's own
  # OpenBLAS needs neither, so they are unset for the Python side only.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$venv/bin/python" benchmarks/train_sklearn.py \
    --repeats "$repeats" --load-repeats "$load_repeats" --long "$long" "$file" | tee -a "$results"
done
step finished
echo
python3 benchmarks/summarise.py "$results" | tee "$data/summary.md"
