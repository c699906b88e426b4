#!/usr/bin/env python3
"""SciPy side of the drift benchmark (docs/benchmarks.md).

Reads the data DriftBenchmark wrote with --dump (little-endian float64, feature-major), times
scipy.stats.ks_2samp over every feature, and, for the full side-by-side, numpy versions of the
z-test and PSI with the definitions the Java code documents. Then checks that the Java results in
java-results.csv agree: same KS statistic, p-values within 1e-6.

    benchmarks/drift.sh --dump /tmp/drift-data
    python3 benchmarks/drift_scipy.py /tmp/drift-data
"""

import argparse
import csv
import os
import pathlib
import platform
import time

import numpy as np
import scipy
from scipy import stats


def psi(reference, current, bins=10, epsilon=1e-4):
    s = np.sort(reference)
    n = len(s)
    ranks = [-(-i * n // bins) - 1 for i in range(1, bins)]
    edges = np.unique(s[ranks])
    edges = edges[edges < s[-1]]
    e = np.bincount(np.searchsorted(edges, reference), minlength=len(edges) + 1) / n
    a = np.bincount(np.searchsorted(edges, current), minlength=len(edges) + 1) / len(current)
    e, a = np.maximum(e, epsilon), np.maximum(a, epsilon)
    return float(np.sum((a - e) * np.log(a / e)))


def z_test(reference, current):
    se = np.sqrt(reference.var(ddof=1) / len(reference) + current.var(ddof=1) / len(current))
    z = (current.mean() - reference.mean()) / se
    return z, 2 * stats.norm.sf(abs(z))


def timed(label, work, features):
    start = time.perf_counter()
    out = [work(f) for f in range(features)]
    seconds = time.perf_counter() - start
    print(f"{label:28s} {seconds * 1000:10.0f} ms")
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dump", type=pathlib.Path)
    args = parser.parse_args()
    java = list(csv.DictReader(open(args.dump / "java-results.csv")))
    features, rows = len(java), int(java[0]["rows"])
    ref = np.fromfile(args.dump / "reference.f64", dtype="<f8").reshape(features, rows)
    cur = np.fromfile(args.dump / "current.f64", dtype="<f8").reshape(features, rows)
    print(f"SciPy {scipy.__version__}, numpy {np.__version__}, Python {platform.python_version()},"
          f" {os.cpu_count()} cores; {rows:,} rows x {features} features, one thread")
    ks = timed("scipy.stats.ks_2samp loop", lambda f: stats.ks_2samp(ref[f], cur[f]), features)
    timed("numpy z-test loop", lambda f: z_test(ref[f], cur[f]), features)
    timed("numpy PSI loop (sorts)", lambda f: psi(ref[f], cur[f]), features)

    worst_d = max(abs(float(j["ks_statistic"]) - r.statistic) for j, r in zip(java, ks))
    worst_p = max(abs(float(j["ks_pvalue"]) - r.pvalue) / max(r.pvalue, 1e-300)
                  for j, r in zip(java, ks) if r.pvalue > 1e-250)
    print(f"Java vs SciPy over {features} features: max |D diff| {worst_d:.3g},"
          f" max relative p diff {worst_p:.3g} (p > 1e-250)")
    if worst_d > 0 or worst_p > 1e-6:
        raise SystemExit("Java and SciPy disagree")


if __name__ == "__main__":
    main()
