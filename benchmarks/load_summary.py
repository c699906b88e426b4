#!/usr/bin/env python3
"""Turns the loading benchmark's RESULT lines into the markdown table of docs/benchmarks.md.

    load_summary.py RESULTS_FILE

One row per file and format: Tollgate's median wall time over the loads (the first load in
brackets: it pays for the JIT), its median CPU time, the same for pandas, and Tollgate's median
over pandas' median.
"""

import statistics
import sys
from collections import defaultdict

SIZES = {"regression-100k": "100k", "regression-1m": "1M"}


def describe(file):
    stem, _, ext = file.rpartition(".")
    return SIZES.get(stem, stem), ("Parquet" if ext == "parquet" else "CSV")


def main() -> None:
    runs = defaultdict(list)  # (file, side) -> [(run, wall, cpu)]
    sizes = {}
    with open(sys.argv[1]) as results:
        for line in results:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "RESULT":
                _, file, library, _, run, wall, _, cpu = fields
                runs[(file, library)].append((int(run), float(wall), float(cpu)))
            elif fields[0] == "SIZE":
                sizes[fields[1]] = int(fields[2])
    files = sorted({file for file, _ in runs},
                   key=lambda f: (describe(f)[0] != "100k", describe(f)[1] != "CSV"))
    print("| rows | format (file size) | Tollgate wall s | Tollgate CPU s | pandas wall s "
          "| pandas CPU s | Tollgate / pandas |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for file in files:
        rows, form = describe(file)
        size = f" ({sizes[file] / 1e6:.0f} MB)" if file in sizes else ""
        cells, medians = [], []
        for side in ("tollgate", "pandas"):
            measured = sorted(runs.get((file, side), []))
            if not measured:
                cells += ["-", "-"]
                medians.append(None)
                continue
            wall = statistics.median(w for _, w, _ in measured)
            cpu = statistics.median(c for _, _, c in measured)
            cells += [f"{wall:.3f} (first {measured[0][1]:.3f})", f"{cpu:.3f}"]
            medians.append(wall)
        ratio = f"{medians[0] / medians[1]:.2f}×" if None not in medians else "-"
        print(f"| {rows} | {form}{size} | " + " | ".join(cells) + f" | {ratio} |")


if __name__ == "__main__":
    main()
