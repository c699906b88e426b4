#!/usr/bin/env python3
"""Small data (issue 28): Tollgate's gradient_boosting defaults against scikit-learn's on a few
hundred to a few thousand noisy rows, several seeds each, the same train and holdout rows.

    small_data.py export DIR [--sizes 300,1000,3000] [--seeds 11]   the CSV files, one per seed
    small_data.py sklearn DIR          HistGradientBoostingRegressor() with its defaults on each file
    small_data.py table RESULTS.tsv    the markdown table from both sides' SMALL lines

The data sets: scikit-learn's bundled diabetes set (442 rows, 10 features, a noisy target; it
ships with scikit-learn, no download), and the training benchmark's function (generate_data.py:
20 uniform features, 10 of them noise) with Gaussian noise of sd 4 instead of 1, at each size.
Seed s draws the holdout (20 % of the rows) and, for the synthetic sets, the data itself. Each
file has the features, y and holdout (1 for the rows both sides score), so Java and Python see the
same rows. Each side prints one tab-separated line per file:

    SMALL <data set> <rows> <seed> <library> <holdout rmse> <holdout r2>
"""

import argparse
import collections
import os
import statistics
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_data  # noqa: E402  (the benchmark's target function)

HOLDOUT_SHARE = 0.2
NOISE_SD = 4.0


def data_sets(sizes, seed):
    """(name, x, y) of every data set for seed: diabetes, then the synthetic sizes."""
    from sklearn.datasets import load_diabetes

    diabetes = load_diabetes()
    yield "diabetes", diabetes.data, diabetes.target
    for rows in sizes:
        rng = np.random.default_rng(20260401 + 1000 * seed + rows)
        x = np.round(rng.random((rows, generate_data.FEATURES)), 6)
        y = np.round(generate_data.target(x) + rng.normal(0.0, NOISE_SD, rows), 6)
        yield f"synthetic-{rows}", x, y


def export(directory, sizes, seeds):
    os.makedirs(directory, exist_ok=True)
    for seed in range(seeds):
        for name, x, y in data_sets(sizes, seed):
            rows = len(y)
            holdout = np.zeros(rows, dtype=np.int64)
            holdout[np.random.default_rng(seed).permutation(rows)[: round(rows * HOLDOUT_SHARE)]] = 1
            header = ",".join([f"x{j:02d}" for j in range(x.shape[1])] + ["y", "holdout"])
            path = os.path.join(directory, f"{name}-s{seed:02d}.csv")
            with open(path, "w") as out:
                out.write(header + "\n")
                for xs, yv, h in zip(x.tolist(), y.tolist(), holdout.tolist()):
                    out.write(",".join(repr(float(v)) for v in xs) + f",{float(yv)!r},{h}\n")
    print(f"small_data: wrote {len(os.listdir(directory))} files to {directory}", file=sys.stderr)


def files(directory):
    """(path, data set, seed) of each exported file, in name order."""
    for name in sorted(os.listdir(directory)):
        if name.endswith(".csv"):
            stem = name[:-4]
            data_set, seed = stem.rsplit("-s", 1)
            yield os.path.join(directory, name), data_set, int(seed)


def read(path):
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    held = table[:, -1] == 1
    x, y = table[:, :-2], table[:, -2]
    return x[~held], y[~held], x[held], y[held]


def scores(predicted, y):
    squared = float(np.sum((predicted - y) ** 2))
    return np.sqrt(squared / len(y)), 1 - squared / float(np.sum((y - y.mean()) ** 2))


def line(data_set, rows, seed, library, rmse, r2):
    print(f"SMALL\t{data_set}\t{rows}\t{seed}\t{library}\t{rmse:.6f}\t{r2:.6f}", flush=True)


def sklearn_side(directory):
    from sklearn.ensemble import HistGradientBoostingRegressor

    for path, data_set, seed in files(directory):
        x_train, y_train, x_test, y_test = read(path)
        model = HistGradientBoostingRegressor(random_state=seed).fit(x_train, y_train)
        rmse, r2 = scores(model.predict(x_test), y_test)
        line(data_set, len(y_train) + len(y_test), seed, "scikit-learn", rmse, r2)


def table(results):
    runs = collections.defaultdict(dict)  # (data set, rows) -> library -> {seed: (rmse, r2)}
    with open(results) as lines:
        for text in lines:
            fields = text.rstrip("\n").split("\t")
            if fields[0] == "SMALL":
                _, data_set, rows, seed, library, rmse, r2 = fields
                runs[(data_set, int(rows))].setdefault(library, {})[int(seed)] = (
                    float(rmse), float(r2))
    print("| data set | rows | seeds | Tollgate mean holdout rmse | scikit-learn mean rmse "
          "| Tollgate / scikit-learn | Tollgate mean r2 | scikit-learn mean r2 "
          "| seeds Tollgate better |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    ratios = []
    for (data_set, rows), by in sorted(runs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        ours, theirs = by.get("tollgate", {}), by.get("scikit-learn", {})
        seeds = sorted(set(ours) & set(theirs))
        if not seeds:
            continue
        mean = lambda side, i: statistics.fmean(side[s][i] for s in seeds)  # noqa: E731
        ratio = mean(ours, 0) / mean(theirs, 0)
        ratios.append(ratio)
        better = sum(ours[s][0] < theirs[s][0] for s in seeds)
        print(f"| {data_set} | {rows} | {len(seeds)} | {mean(ours, 0):.4f} | {mean(theirs, 0):.4f} "
              f"| {ratio:.3f} | {mean(ours, 1):.3f} | {mean(theirs, 1):.3f} | {better} |")
    if ratios:
        print(f"\nmean of the ratios: {statistics.fmean(ratios):.3f}; worst: {max(ratios):.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["export", "sklearn", "table"])
    parser.add_argument("path")
    parser.add_argument("--sizes", default="300,1000,3000")
    parser.add_argument("--seeds", type=int, default=11)
    args = parser.parse_args()
    if args.command == "export":
        export(args.path, [int(s) for s in args.sizes.split(",") if s], args.seeds)
    elif args.command == "sklearn":
        sklearn_side(args.path)
    else:
        table(args.path)


if __name__ == "__main__":
    main()
