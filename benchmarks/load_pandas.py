#!/usr/bin/env python3
"""The Python side of the loading benchmark: pandas read_csv (C engine) and read_parquet (pyarrow).

    load_pandas.py parquet CSV PARQUET        writes a Parquet copy of CSV with pyarrow
    load_pandas.py time [--repeats N] FILE... times loading each FILE (.csv or .parquet)

The Parquet copy is pyarrow's defaults: snappy compression, its default row-group size, the types
pyarrow infers (double for the features and y, int64 for holdout). Timing prints one tab-separated
RESULT line per load, the format of the Java harness (benchmarks/README.md):

    RESULT <file> pandas read_csv|read_parquet <run> <seconds> - <cpu seconds>

cpu seconds is the process's CPU time over the load, all threads (time.process_time): pyarrow
reads Parquet on several threads.
"""

import argparse
import gc
import os
import time

import pandas as pd


def write_parquet(csv_path, parquet_path):
    import pyarrow.csv
    import pyarrow.parquet

    table = pyarrow.csv.read_csv(csv_path)
    partial = parquet_path + ".partial"
    pyarrow.parquet.write_table(table, partial, compression="snappy")
    os.replace(partial, parquet_path)
    meta = pyarrow.parquet.ParquetFile(parquet_path).metadata
    print(f"{parquet_path}: {meta.num_rows} rows, {meta.num_row_groups} row groups, "
          f"{os.path.getsize(parquet_path)} bytes", flush=True)


def time_loads(path, repeats):
    parquet = path.endswith(".parquet")
    reader = "read_parquet" if parquet else "read_csv"
    for run in range(1, repeats + 1):
        frame = None
        gc.collect()
        cpu, start = time.process_time(), time.perf_counter()
        if parquet:
            frame = pd.read_parquet(path, engine="pyarrow")
        else:
            frame = pd.read_csv(path, engine="c")
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        if len(frame) == 0:
            raise SystemExit(f"{path}: no rows")
        print(f"RESULT\t{os.path.basename(path)}\tpandas\t{reader}\t{run}\t{seconds:.3f}\t-"
              f"\t{cpu:.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    copy = commands.add_parser("parquet", help="write a Parquet copy of a CSV file")
    copy.add_argument("csv")
    copy.add_argument("parquet")
    timing = commands.add_parser("time", help="time pandas loading each file")
    timing.add_argument("files", nargs="+")
    timing.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if args.command == "parquet":
        write_parquet(args.csv, args.parquet)
    else:
        for path in args.files:
            time_loads(path, args.repeats)


if __name__ == "__main__":
    main()
