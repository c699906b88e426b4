#!/usr/bin/env python3
"""Turns the RESULT/CAPPED/LOAD lines of both harnesses into the markdown tables of docs/benchmarks.md.

    python3 benchmarks/summarise.py benchmarks/data/results.tsv

Per file and library x algorithm: the median wall time over the runs (and how many runs), the
median CPU time of the process (all threads), the median holdout rmse, and the wall time relative
to the fastest of the same family (gradient boosting or random forest) on that file. Standard
library only.
"""

import statistics
import sys
from collections import defaultdict


def family(algorithm):
    if "boosting" in algorithm:
        return "gradient boosting"
    if "forest" in algorithm:
        return "random forest"
    return "csv"


def read(path):
    runs = defaultdict(list)  # (file, library, algorithm) -> [(seconds, rmse, cpu)] in run order
    capped = {}
    loads = []
    with open(path) as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if fields[0] in ("RESULT", "CAPPED"):
                kind, file, library, algorithm, _run, seconds, result = fields[:7]
                cpu = float(fields[7]) if len(fields) > 7 else float("nan")
                if kind == "RESULT":
                    rmse = None if result == "-" else float(result)
                    runs[(file, library, algorithm)].append((float(seconds), rmse, cpu))
                else:
                    capped[(file, library, algorithm)] = (float(seconds), result, cpu)
            elif fields[0] == "LOAD":
                loads.append(float(fields[1]))
    return runs, capped, loads


def median(values):
    return statistics.median(values)


def training_table(runs, capped):
    keys = sorted({k for k in list(runs) + list(capped) if family(k[2]) != "csv"},
                  key=lambda k: (k[0], family(k[2]), k[1], k[2]))
    fastest = {}
    for key in keys:
        if key in runs:
            group = (key[0], family(key[2]))
            wall = median(s for s, _, _ in runs[key])
            fastest[group] = min(fastest.get(group, wall), wall)
    print("| file | family | library | algorithm | wall s (median) | CPU s (median) | runs "
          "| holdout rmse | wall × fastest |")
    print("|---|---|---|---|---:|---:|---:|---:|---:|")
    for key in keys:
        file, library, algorithm = key
        if key in runs:
            wall = median(s for s, _, _ in runs[key])
            cpu = median(c for _, _, c in runs[key])
            rmse = median(r for _, r, _ in runs[key])
            ratio = wall / fastest[(file, family(algorithm))]
            cells = [f"{wall:.2f}", f"{cpu:.2f}", str(len(runs[key])), f"{rmse:.4f}", f"{ratio:.2f}"]
        else:
            seconds, trees, cpu = capped[key]
            cells = [f"capped at {seconds:.0f} ({trees} trees)", f"{cpu:.0f}", "-", "-", "-"]
        print("| " + " | ".join([file, family(algorithm), library, algorithm] + cells) + " |")


# Issue 28: Tollgate's gradient_boosting with no params against the same shape elsewhere.
AGAINST_LIGHTGBM = ("tollgate/xgboost4j", "gradient_boosting_defaults")
SAME_SHAPE = [("tollgate/xgboost4j", "gradient_boosting_before_28"),
              ("xgboost-python", "gradient_boosting_tollgate_shape"),
              ("lightgbm-2t", "gradient_boosting_tollgate_shape"),
              ("lightgbm-1t", "gradient_boosting_tollgate_shape"),
              ("scikit-learn", "hist_gradient_boosting_tollgate_shape"),
              ("lightgbm-2t", "gradient_boosting_lightgbm_defaults")]


def lightgbm_table(runs):
    """Tollgate's defaults against LightGBM and scikit-learn in its shape: ratios of the medians."""
    files = sorted({k[0] for k in runs if k[1:] == AGAINST_LIGHTGBM})
    if not files:
        return
    print("| file | contender | wall s (median) | holdout rmse | Tollgate wall s | Tollgate rmse "
          "| Tollgate time / contender's |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for file in files:
        ours = runs[(file,) + AGAINST_LIGHTGBM]
        wall, rmse = median(s for s, _, _ in ours), median(r for _, r, _ in ours)
        for library, algorithm in SAME_SHAPE:
            theirs = runs.get((file, library, algorithm))
            if not theirs:
                continue
            their_wall = median(s for s, _, _ in theirs)
            their_rmse = median(r for _, r, _ in theirs)
            print(f"| {file} | {library} {algorithm} | {their_wall:.2f} | {their_rmse:.4f} "
                  f"| {wall:.2f} | {rmse:.4f} | {wall / their_wall:.2f} |")


def load_table(runs):
    print("| file | Tollgate DatasetLoader wall s, median (first run) | CPU s | pandas read_csv wall s, "
          "median (first run) | CPU s | Tollgate / pandas (wall medians) |")
    print("|---|---:|---:|---:|---:|---:|")
    for file in sorted({k[0] for k in runs}):
        ours = runs.get((file, "tollgate", "csv_loader"))
        theirs = runs.get((file, "pandas", "read_csv"))
        if not ours or not theirs:
            continue
        a, b = median(s for s, _, _ in ours), median(s for s, _, _ in theirs)
        print(f"| {file} | {a:.3f} ({ours[0][0]:.3f}) | {median(c for _, _, c in ours):.3f} "
              f"| {b:.3f} ({theirs[0][0]:.3f}) | {median(c for _, _, c in theirs):.3f} | {a / b:.2f} |")


def main():
    runs, capped, loads = read(sys.argv[1])
    training_table(runs, capped)
    print()
    lightgbm_table(runs)
    print()
    load_table(runs)
    if loads:
        print()
        print(f"1-minute load average at the steps' starts: min {min(loads):.2f}, "
              f"median {statistics.median(loads):.2f}, max {max(loads):.2f} ({len(loads)} steps)")


if __name__ == "__main__":
    main()
