#!/usr/bin/env python3
"""Turns the loading benchmark's RESULT lines into the markdown table of docs/benchmarks.md.

    load_summary.py RESULTS_FILE

One row per file and format: Tollgate's median wall time over the loads (the first load in
brackets: it pays for the JIT), its median CPU time, the same for pandas, and Tollgate's median
over pandas' median. Tollgate has two rows where both were measured: every load hashing the file
(the loader `*_hashed`) and the worker's kept digest (the first load hashes, the others reuse it).
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
                _, file, library, loader, run, wall, _, cpu = fields
                side = "tollgate-hashed" if loader.endswith("_hashed") else library
                runs[(file, side)].append((int(run), float(wall), float(cpu)))
            elif fields[0] == "SIZE":
                sizes[fields[1]] = int(fields[2])
    files = sorted({file for file, _ in runs},
                   key=lambda f: (describe(f)[0] != "100k", describe(f)[1] != "CSV"))
    print("| rows | format (file size) | Tollgate's digest | Tollgate wall s | Tollgate CPU s "
          "| pandas wall s | pandas CPU s | Tollgate / pandas |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for file in files:
        rows, form = describe(file)
        size = f" ({sizes[file] / 1e6:.0f} MB)" if file in sizes else ""
        pandas = cells_of(runs.get((file, "pandas"), []))
        for side, digest in (("tollgate-hashed", "hashed each load"), ("tollgate", "kept")):
            if (file, side) not in runs:
                continue
            tollgate = cells_of(runs[(file, side)])
            ratio = f"{tollgate[0] / pandas[0]:.2f}×" if tollgate[0] and pandas[0] else "-"
            print(f"| {rows} | {form}{size} | {digest} | " + " | ".join(tollgate[1] + pandas[1])
                  + f" | {ratio} |")


def cells_of(measured):
    """(median wall, [wall cell, CPU cell]) of one side's loads; (None, ["-", "-"]) for none."""
    measured = sorted(measured)
    if not measured:
        return None, ["-", "-"]
    wall = statistics.median(w for _, w, _ in measured)
    cpu = statistics.median(c for _, _, c in measured)
    return wall, [f"{wall:.3f} (first {measured[0][1]:.3f})", f"{cpu:.3f}"]


if __name__ == "__main__":
    main()
