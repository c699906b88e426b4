#!/usr/bin/env bash
# The gradient-boosting comparison of the verdict, run so that a busy machine treats all sides
# alike: ROUNDS rounds (default 5), each training Tollgate's gradient_boosting (XGBoost4J) once in
# its default shape (31 leaves, as scikit-learn's) and once in depth-6 trees
# (gradient_boosting_depth6, as xgboost-python's), then xgboost (Python) and both scikit-learn
# configurations once, on one file.
#   benchmarks/boosting-interleaved.sh [SIZE]      (100k or 1m; default 1m)
# Appends RESULT lines to data/interleaved-SIZE.tsv and prints the summary of that file.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv="${BENCH_VENV:-$HOME/.cache/tollgate/bench-venv}"
size="${1:-1m}" rounds="${ROUNDS:-5}"
file="benchmarks/data/regression-$size.csv"
out="benchmarks/data/interleaved-$size.tsv"
[[ -s $file ]] || { echo "no $file: run benchmarks/run-all.sh $size first" >&2; exit 1; }
: >"$out"
for round in $(seq "$rounds"); do
  printf 'LOAD\t%s\tround %s\n' "$(cut -d' ' -f1 /proc/loadavg)" "$round" >>"$out"
  benchmarks/train.sh "$file" gradient_boosting 1 | grep '^RESULT' | tee -a "$out"
  benchmarks/train.sh "$file" gradient_boosting_depth6 1 | grep '^RESULT' | tee -a "$out"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$venv/bin/python" benchmarks/train_sklearn.py \
    --repeats 1 --load-repeats 1 \
    --only gradient_boosting_hist,hist_gradient_boosting,hist_gradient_boosting_31_leaves "$file" |
    grep -v 'read_csv' | tee -a "$out"
done
python3 benchmarks/summarise.py "$out"
