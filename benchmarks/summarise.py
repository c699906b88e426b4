#!/usr/bin/env python3
"""Turns the RESULT/CAPPED/LOAD lines of both harnesses into the markdown tables of docs/benchmarks.md.

    python3 benchmarks/summarise.py benchmarks/data/results.tsv

Per file and library x algorithm: the median time over the runs (and how many runs), the median
holdout rmse, and the time relative to the fastest of the same family (gradient boosting or random
forest) on that file. Standard library only.
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
    runs = defaultdict(list)  # (file, library, algorithm) -> [(seconds, rmse)]
    capped = {}
    loads = []
    with open(path) as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "RESULT":
                _, file, library, algorithm, _run, seconds, rmse = fields
                runs[(file, library, algorithm)].append(
                    (float(seconds), None if rmse == "-" else float(rmse)))
            elif fields[0] == "CAPPED":
                _, file, library, algorithm, _run, seconds, trees = fields
                capped[(file, library, algorithm)] = (float(seconds), trees)
            elif fields[0] == "LOAD":
                loads.append(float(fields[1]))
    return runs, capped, loads


def training_table(runs, capped):
    rows = []
    keys = sorted({k for k in list(runs) + list(capped) if family(k[2]) != "csv"},
                  key=lambda k: (k[0], family(k[2]), k[1], k[2]))
    fastest = {}
    for key in keys:
        if key in runs:
            median = statistics.median(s for s, _ in runs[key])
            group = (key[0], family(key[2]))
            fastest[group] = min(fastest.get(group, median), median)
    print("| file | family | library | algorithm | train s (median) | runs | holdout rmse | × fastest |")
    print("|---|---|---|---|---:|---:|---:|---:|")
    for key in keys:
        file, library, algorithm = key
        group = (file, family(algorithm))
        if key in runs:
            seconds = [s for s, _ in runs[key]]
            median = statistics.median(seconds)
            rmse = statistics.median(r for _, r in runs[key])
            note = f"{median:.2f}"
            ratio = f"{median / fastest[group]:.2f}"
            rows.append((file, family(algorithm), library, algorithm, note, str(len(seconds)),
                         f"{rmse:.4f}", ratio))
        if key in capped:
            seconds, trees = capped[key]
            rows.append((file, family(algorithm), library, algorithm,
                         f"capped at {seconds:.0f} ({trees} trees)", "-", "-", "-"))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def load_table(runs):
    files = sorted({k[0] for k in runs})
    print("| file | Tollgate CsvLoader s, median (first run) | pandas read_csv s, median (first run)"
          " | Tollgate / pandas (medians) |")
    print("|---|---:|---:|---:|")
    for file in files:
        ours = runs.get((file, "tollgate", "csv_loader"))
        theirs = runs.get((file, "pandas", "read_csv"))
        if not ours or not theirs:
            continue
        a = statistics.median(s for s, _ in ours)
        b = statistics.median(s for s, _ in theirs)
        print(f"| {file} | {a:.3f} ({ours[0][0]:.3f}) | {b:.3f} ({theirs[0][0]:.3f}) | {a / b:.2f} |")


def main():
    runs, capped, loads = read(sys.argv[1])
    training_table(runs, capped)
    print()
    load_table(runs)
    if loads:
        print()
        print(f"1-minute load average at the steps' starts: min {min(loads):.2f}, "
              f"median {statistics.median(loads):.2f}, max {max(loads):.2f}")


if __name__ == "__main__":
    main()
