#!/usr/bin/env bash
# Small data (issue 28): Tollgate's gradient_boosting with no params against scikit-learn's
# HistGradientBoostingRegressor with its defaults, on scikit-learn's diabetes set and on noisy
# synthetic sets of a few hundred to a few thousand rows, SEEDS seeds each (default 11), the same
# train and holdout rows on both sides (benchmarks/small_data.py).
#   benchmarks/small-data.sh            SIZES=300,1000,3000 SEEDS=11
# Results in benchmarks/data/small-data.tsv; prints the markdown table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
venv="${BENCH_VENV:-$HOME/.cache/tollgate/bench-venv}"
sizes="${SIZES:-300,1000,3000}" seeds="${SEEDS:-11}"
dir=benchmarks/data/small results=benchmarks/data/small-data.tsv
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r benchmarks/requirements.txt
fi
python=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$venv/bin/python")
rm -rf "$dir"
"${python[@]}" benchmarks/small_data.py export "$dir" --sizes "$sizes" --seeds "$seeds"
[[ -f activities/core/target/test-classes/dev/tollgate/benchmarks/SmallDataBenchmark.class ]] ||
  ./mvnw -B -o -q -pl activities/core -am package -DskipTests
: >"$results"
BENCH_MAIN=dev.tollgate.benchmarks.SmallDataBenchmark benchmarks/train.sh "$dir" | tee -a "$results"
"${python[@]}" benchmarks/small_data.py sklearn "$dir" | tee -a "$results"
echo
"${python[@]}" benchmarks/small_data.py table "$results"
