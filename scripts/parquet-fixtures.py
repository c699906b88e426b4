#!/usr/bin/env python3
"""Writes the small Parquet files the Parquet loader's tests read (issue 28), with pyarrow.

Hardwood, the reader, has no writer, so the fixtures are committed; this script is how they were
made and how to remake them:

    ~/.cache/tollgate/bench-venv/bin/python scripts/parquet-fixtures.py

(pyarrow as pinned in benchmarks/requirements.txt). Every value is fixed, so the files only change
when pyarrow's writer does; the tests assert on values, not on bytes.
"""
import datetime as dt
import decimal
import pathlib
import sys

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "activities/core/src/test/resources/parquet"
ENERGY = ROOT / "starter/src/test/resources/energy"


def typed():
    """Every type the loader maps, five rows, one null in each nullable column's row 4."""
    utc = dt.timezone.utc
    t0 = dt.datetime(2026, 1, 1, tzinfo=utc)
    rows = 5
    hours = [t0 + dt.timedelta(hours=h) for h in range(rows)]
    return pa.table(
        {
            "d": pa.array([1.5, 2.5, -3.25, None, 5.0], pa.float64()),
            "f": pa.array([0.5, 1.5, 2.5, None, 4.5], pa.float32()),
            "i32": pa.array([1, 2, 3, None, 5], pa.int32()),
            "i64": pa.array([10, 20, 30, None, 50], pa.int64()),
            "u64": pa.array([1, 2, 2**63 + 2**11, None, 5], pa.uint64()),
            "b": pa.array([True, False, True, None, False], pa.bool_()),
            "dec": pa.array(
                [decimal.Decimal(x) if x else None for x in ["1.25", "2.50", "-3.75", None, "5.00"]],
                pa.decimal128(10, 2),
            ),
            "s": pa.array(["red", "green", "red", None, "blue"], pa.string()),
            "s_dict": pa.array(["a", "b", "a", None, "b"], pa.string()).dictionary_encode(),
            "ts_ms": pa.array(hours[:3] + [None] + hours[4:], pa.timestamp("ms", tz="UTC")),
            "ts_us": pa.array(
                [h.replace(tzinfo=None) for h in hours[:3]] + [None, hours[4].replace(tzinfo=None)],
                pa.timestamp("us"),
            ),
            "ts_ns": pa.array(hours[:3] + [None] + hours[4:], pa.timestamp("ns", tz="UTC")),
            "day": pa.array(
                [dt.date(2026, 1, 1 + i) for i in range(3)] + [None, dt.date(2026, 1, 5)],
                pa.date32(),
            ),
            "ts_text": pa.array(
                ["2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", None,
                 "2026-01-01T04:00:00Z"],
                pa.string(),
            ),
            "nan": pa.array([1.0, float("nan"), 3.0, 4.0, 5.0], pa.float64()),
            "inf": pa.array([1.0, 2.0, float("inf"), 4.0, 5.0], pa.float64()),
            "bad_time": pa.array(["2026-01-01T00:00:00Z", "yesterday", "x", "y", "z"], pa.string()),
            "y": pa.array([1.0, 2.0, 3.0, 4.0, 5.0], pa.float64()),
            "y_missing": pa.array([1.0, 2.0, None, 4.0, 5.0], pa.float64()),
            "address": pa.array(
                [{"city": "A", "zip": 1}] * rows, pa.struct([("city", pa.string()), ("zip", pa.int32())])
            ),
            "tags": pa.array([["x", "y"]] * rows, pa.list_(pa.string())),
            "attrs": pa.array([[("k", 1)]] * rows, pa.map_(pa.string(), pa.int32())),
        }
    )


def numbers(start, rows, x2_type=pa.int64(), cycle=None):
    """x1 (double), x2 (whole numbers), y = 2*x1 + x2: the table the folder tests read."""
    x1 = [float((start + i) % cycle if cycle else start + i) / 4 for i in range(rows)]
    x2 = [(start + i) % 5 for i in range(rows)]
    y = [2 * a + b for a, b in zip(x1, x2)]
    return pa.table(
        {"x1": pa.array(x1, pa.float64()), "x2": pa.array(x2, x2_type), "y": pa.array(y, pa.float64())}
    )


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    pq.write_table(typed(), OUT / "typed.parquet")  # snappy, as pandas writes by default
    for codec in ["zstd", "gzip", "none", "lz4"]:
        pq.write_table(numbers(0, 40), OUT / f"numbers-{codec}.parquet", compression=codec)
    pq.write_table(numbers(0, 40), OUT / "numbers.parquet")
    pq.write_table(numbers(0, 0), OUT / "zero-rows.parquet")
    # 70,000 rows in 4 row groups: more than one progress step, a row limit inside a later group
    pq.write_table(numbers(0, 70_000, cycle=1000), OUT / "many-rows.parquet", row_group_size=20_000)
    repeated = pa.Table.from_arrays(
        [pa.array([1.0, 2.0]), pa.array([3.0, 4.0]), pa.array([5.0, 6.0])], names=["x1", "x1", "y"]
    )
    pq.write_table(repeated, OUT / "repeated-names.parquet")
    labels = pa.table(
        {
            "x1": pa.array([float(i) for i in range(8)]),
            "label": pa.array([0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0], pa.float64()),
        }
    )
    pq.write_table(labels, OUT / "float-labels.parquet")  # as pandas writes 0/1 labels with a NaN
    spark = typed().select(["d", "ts_ms", "y"])  # timestamps as legacy Spark and Impala wrote them
    pq.write_table(spark, OUT / "int96.parquet", use_deprecated_int96_timestamps=True)
    decimals = pa.table(  # DECIMAL stored as INT32 and INT64, not only as fixed-length bytes
        {
            "d32": pa.array([decimal.Decimal("1.25"), decimal.Decimal("-2.50")], pa.decimal128(5, 2)),
            "d64": pa.array([decimal.Decimal("1.125"), decimal.Decimal("-2.5")], pa.decimal128(15, 3)),
            "y": pa.array([1.0, 2.0]),
        }
    )
    pq.write_table(decimals, OUT / "decimals-as-integers.parquet", store_decimal_as_integer=True)
    whole = (OUT / "numbers.parquet").read_bytes()
    (OUT / "truncated.parquet").write_bytes(whole[: len(whole) // 2])
    (OUT / "not-parquet.parquet").write_text("timestamp,x1,x2,y\n2026-01-01,1,2,3\n")

    parts = OUT / "parts"
    parts.mkdir(exist_ok=True)
    pq.write_table(numbers(0, 30), parts / "part-00000.parquet")
    pq.write_table(numbers(30, 20), parts / "part-00001.parquet")
    (parts / "_SUCCESS").write_text("")
    (parts / ".part-00000.parquet.crc").write_bytes(b"crc")
    (parts / "sub").mkdir(exist_ok=True)
    pq.write_table(numbers(100, 5), parts / "sub" / "part-00000.parquet")  # not read

    mixed = OUT / "parts-mixed-types"
    mixed.mkdir(exist_ok=True)
    pq.write_table(numbers(0, 10), mixed / "part-00000.parquet")
    pq.write_table(numbers(10, 10, pa.float64()), mixed / "part-00001.parquet")

    absent = OUT / "parts-missing-column"
    absent.mkdir(exist_ok=True)
    pq.write_table(numbers(0, 10), absent / "part-00000.parquet")
    pq.write_table(numbers(10, 10).drop_columns(["x2"]), absent / "part-00001.parquet")

    # The energy example's data, read as pandas would (every float exactly the CSV's text)
    csv = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if csv:
        ENERGY.mkdir(parents=True, exist_ok=True)
        table = pacsv.read_csv(
            csv,
            convert_options=pacsv.ConvertOptions(
                column_types={"timestamp": pa.timestamp("ms", tz="UTC")}
            ),
        )
        pq.write_table(table, ENERGY / "load.parquet")


if __name__ == "__main__":
    main()
