#!/usr/bin/env bash
# The gradient-boosting comparison of the verdict, run so that a busy machine treats all sides
# alike: ROUNDS rounds (default 5), each training every contender once on one file, in turn.
#   benchmarks/boosting-interleaved.sh [SIZE]      (100k or 1m; default 1m)
# SET=all (default): Tollgate's gradient_boosting with no params (gradient_boosting_defaults), as
#   before issue 28 (gradient_boosting_before_28), in
#   scikit-learn's 31-leaf shape at shrinkage 0.1 (gradient_boosting) and in depth-6 trees
#   (gradient_boosting_depth6), then xgboost (Python), scikit-learn and LightGBM (1 and 2 threads)
#   in the matching shapes and LightGBM in its own defaults.
# SET=lightgbm: issue 28's comparison only: Tollgate's defaults against LightGBM (2 and 1 threads)
#   and scikit-learn in the same shape, and LightGBM's own defaults; and Tollgate's defaults as
#   they were before the size rule of ADR 0019 (gradient_boosting_before_28: shrinkage 0.05, 256 bins).
# Appends RESULT lines to data/interleaved-SIZE.tsv and prints the summary of that file.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv="${BENCH_VENV:-$HOME/.cache/tollgate/bench-venv}"
size="${1:-1m}" rounds="${ROUNDS:-5}" set="${SET:-all}"
file="benchmarks/data/regression-$size.csv"
out="benchmarks/data/interleaved-$size.tsv"
[[ -s $file ]] || { echo "no $file: run benchmarks/run-all.sh $size first" >&2; exit 1; }
shaped=hist_gradient_boosting_tollgate_shape,gradient_boosting_tollgate_shape,gradient_boosting_lightgbm_defaults
case $set in
  all)
    java=(gradient_boosting_defaults gradient_boosting_before_28 gradient_boosting gradient_boosting_depth6)
    python="gradient_boosting_hist,hist_gradient_boosting,hist_gradient_boosting_31_leaves,$shaped" ;;
  lightgbm)
    java=(gradient_boosting_defaults gradient_boosting_before_28)
    python="$shaped" ;;
  *) echo "SET is all or lightgbm, not $set" >&2; exit 2 ;;
esac
: >"$out"
for round in $(seq "$rounds"); do
  printf 'LOAD\t%s\tround %s\n' "$(cut -d' ' -f1 /proc/loadavg)" "$round" >>"$out"
  for setting in "${java[@]}"; do
    benchmarks/train.sh "$file" "$setting" 1 | grep '^RESULT' | tee -a "$out"
  done
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$venv/bin/python" benchmarks/train_sklearn.py \
    --repeats 1 --load-repeats 1 --only "$python" "$file" | grep -v 'read_csv' | tee -a "$out"
done
python3 benchmarks/summarise.py "$out"
