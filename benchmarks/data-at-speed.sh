#!/usr/bin/env bash
# Issue 28's figures in one run on one machine (docs/benchmarks.md, "Data at speed"): loading CSV and
# Parquet against pandas, gradient boosting against LightGBM, XGBoost (Python) and scikit-learn at
# 100k and 1M rows, and the small-data table. Each step is its own script, run here in turn:
#   benchmarks/data-load.sh 100k 1m
#   ROUNDS=9 SET=lightgbm benchmarks/boosting-interleaved.sh 100k   (LightGBM 1 and 2 threads, XGBoost (Python), scikit-learn)
#   ROUNDS=7 SET=lightgbm benchmarks/boosting-interleaved.sh 1m
#   (ROUNDS_100K, ROUNDS_1M: two runs of 5 and 3 rounds put Tollgate at 1.07x and 1.24x LightGBM's
#   time at 100k, 1.31x and 1.01x at 1M: a few rounds' medians move more than the gap itself)
#   SEEDS=31 benchmarks/small-data.sh           (31 seeds: at 11 a 1 % difference is the seeds' noise)
# About 15 minutes on 2 quiet cores (data made beforehand). Everything printed is kept in
# benchmarks/results/data-at-speed-<UTC time>.log, with the machine and the load average before
# each step; the steps' own result files are kept beside it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
log="benchmarks/results/data-at-speed-$stamp.log"
mkdir -p benchmarks/results benchmarks/data
{
  echo "# data-at-speed $stamp"
  benchmarks/machine.sh || true
  ./mvnw -B -o -q -pl activities/core -am package -DskipTests
  echo "## load average before loading: $(cut -d' ' -f1-3 /proc/loadavg)"
  SKIP_BUILD=1 benchmarks/data-load.sh 100k 1m
  for size in 100k 1m; do
    rounds=${ROUNDS_100K:-9}
    [[ $size == 1m ]] && rounds=${ROUNDS_1M:-7}
    rm -f "benchmarks/data/interleaved-$size.tsv"
    echo "## load average before boosting $size: $(cut -d' ' -f1-3 /proc/loadavg)"
    ROUNDS=$rounds SET=lightgbm benchmarks/boosting-interleaved.sh "$size"
    cp "benchmarks/data/interleaved-$size.tsv" "benchmarks/results/interleaved-$size-$stamp.tsv"
  done
  echo "## load average before small data: $(cut -d' ' -f1-3 /proc/loadavg)"
  SEEDS=${SEEDS:-31} benchmarks/small-data.sh
  cp benchmarks/data/small-data.tsv "benchmarks/results/small-data-$stamp.tsv"
} 2>&1 | tee "$log"
