#!/usr/bin/env python3
"""The Python side of the training benchmark: pandas read_csv, scikit-learn, xgboost and lightgbm.

Reads the CSV files of generate_data.py, trains on the rows with holdout == 0 and scores the rows
with holdout == 1, the same split the Java harness uses. Prints one tab-separated RESULT line per
measurement (see benchmarks/README.md), which summarise.py turns into the table:

    RESULT <file> <library> <algorithm> <run> <seconds> <holdout rmse or -> <cpu seconds>

cpu seconds is the process's CPU time over the run, all threads (time.process_time).
"""

import argparse
import gc
import os
import time

import numpy as np
import pandas as pd

SEED = 42


def models(training_rows):
    """Settings as close as the libraries allow to Tollgate's (benchmarks/README.md)."""
    from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
    from xgboost import XGBRegressor

    return {
        **tollgate_default_shape(HistGradientBoostingRegressor, training_rows),
        # The same native library as Tollgate's XGBoost4J, with Tollgate's defaults for this many
        # training rows: what Tollgate's own overhead (the JVM, the copy into a DMatrix) adds.
        ("xgboost-python", "gradient_boosting_tollgate_shape"): lambda: XGBRegressor(
            n_estimators=200, max_depth=6, learning_rate=tollgate_shrinkage(training_rows),
            grow_policy="lossguide", max_leaves=31, min_child_weight=20, reg_lambda=0,
            max_bin=128 if training_rows >= 50_000 else 256, tree_method="hist",
            n_jobs=os.cpu_count(), random_state=SEED),
        **lightgbm_models(training_rows),
        # Depth-6 trees grown to the end (up to 64 leaves), as XGBoost and Smile grow them here;
        # leaves of one row and an L2 penalty of 1, as XGBoost's min_child_weight and lambda.
        ("scikit-learn", "hist_gradient_boosting"): lambda: HistGradientBoostingRegressor(
            max_iter=200, max_depth=6, learning_rate=0.1, early_stopping=False,
            max_leaf_nodes=None, min_samples_leaf=1, l2_regularization=1.0, max_bins=255,
            random_state=SEED),
        # The same with scikit-learn's defaults for the rest: at most 31 leaves of 20 rows or more.
        ("scikit-learn", "hist_gradient_boosting_31_leaves"): lambda: HistGradientBoostingRegressor(
            max_iter=200, max_depth=6, learning_rate=0.1, early_stopping=False,
            random_state=SEED),
        # Tollgate's gradient_boosting settings exactly (its defaults for what is not benchmarked).
        ("xgboost-python", "gradient_boosting_hist"): lambda: XGBRegressor(
            n_estimators=200, max_depth=6, learning_rate=0.1, subsample=0.8, colsample_bytree=1.0,
            min_child_weight=1, reg_lambda=1, reg_alpha=0, gamma=0, max_bin=256,
            tree_method="hist", n_jobs=os.cpu_count(), random_state=SEED),
        # Smile's forest as Tollgate configures it: max_depth 19 is Smile's 20 (Smile counts the
        # root as depth 1), 10,000 leaves at most, leaves of 5 rows or more, a third of the
        # features tried per split, bootstrap samples.
        ("scikit-learn", "random_forest"): lambda: RandomForestRegressor(
            n_estimators=100, max_features=1 / 3, max_depth=19, min_samples_leaf=5,
            max_leaf_nodes=10_000, bootstrap=True, n_jobs=-1, random_state=SEED),
    }


def tollgate_shrinkage(training_rows):
    """Tollgate's default shrinkage for this many training rows (AlgorithmCatalogue, ADR 0019)."""
    return 0.1 if training_rows >= 50_000 else 0.05


def tollgate_default_shape(hgb, training_rows):
    """scikit-learn in the shape of Tollgate's gradient_boosting with no params (issue 28)."""
    return {
        ("scikit-learn", "hist_gradient_boosting_tollgate_shape"): lambda: hgb(
            max_iter=200, max_depth=6, learning_rate=tollgate_shrinkage(training_rows),
            max_leaf_nodes=31, min_samples_leaf=20,
            l2_regularization=0.0, max_bins=255, early_stopping=False, random_state=SEED),
    }


def lightgbm_models(training_rows):
    """LightGBM (issue 28): in Tollgate's default shape on 1 and 2 threads, and in its own defaults.

    Tollgate's gradient_boosting with no params: 200 trees, shrinkage 0.05 below 50,000 training
    rows and 0.1 from there, best-first (LightGBM's
    only way), at most 31 leaves, depth 6, leaves of 20 rows or more, no L2, every row and column.
    LightGBM's own defaults: 100 trees, learning rate 0.1, 31 leaves, no depth limit, 20 rows a leaf.
    Both bin features into at most 255 bins (XGBoost: 256).
    """
    from lightgbm import LGBMRegressor

    def shaped(threads):
        return lambda: LGBMRegressor(
            n_estimators=200, learning_rate=tollgate_shrinkage(training_rows), num_leaves=31,
            max_depth=6,
            min_child_samples=20, min_child_weight=1e-3, reg_lambda=0.0, reg_alpha=0.0,
            subsample=1.0, colsample_bytree=1.0, max_bin=255, n_jobs=threads,
            random_state=SEED, verbose=-1)

    return {
        ("lightgbm-2t", "gradient_boosting_tollgate_shape"): shaped(2),
        ("lightgbm-1t", "gradient_boosting_tollgate_shape"): shaped(1),
        ("lightgbm-2t", "gradient_boosting_lightgbm_defaults"): lambda: LGBMRegressor(
            n_jobs=2, random_state=SEED, verbose=-1),
    }


def report(path, library, algorithm, run, seconds, cpu, rmse=None):
    shown = "-" if rmse is None else f"{rmse:.6f}"
    print(f"RESULT\t{os.path.basename(path)}\t{library}\t{algorithm}\t{run}\t{seconds:.3f}\t{shown}"
          f"\t{cpu:.3f}", flush=True)


def load(path, repeats):
    frame = None
    for run in range(1, repeats + 1):
        frame = None
        gc.collect()
        cpu, start = time.process_time(), time.perf_counter()
        frame = pd.read_csv(path)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        report(path, "pandas", "read_csv", run, seconds, cpu)
    return frame


def holdout_split(frame):
    """(x_train, y_train, x_test, y_test): the rows with holdout == 0 to train, == 1 to score."""
    held = frame["holdout"].to_numpy() == 1
    x = frame[[c for c in frame.columns if c.startswith("f")]].to_numpy(dtype=np.float64)
    y = frame["y"].to_numpy(dtype=np.float64)
    return x[~held], y[~held], x[held], y[held]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--long", type=float, default=300,
                        help="after a run longer than this many seconds, do not repeat it")
    parser.add_argument("--load-repeats", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated algorithm names")
    args = parser.parse_args()
    only = {name for name in args.only.split(",") if name}
    for path in args.files:
        x_train, y_train, x_test, y_test = holdout_split(load(path, args.load_repeats))
        for (library, algorithm), make in models(len(y_train)).items():
            if only and algorithm not in only:
                continue
            for run in range(1, args.repeats + 1):
                model = make()
                gc.collect()
                cpu, start = time.process_time(), time.perf_counter()
                model.fit(x_train, y_train)
                seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
                rmse = float(np.sqrt(np.mean((model.predict(x_test) - y_test) ** 2)))
                report(path, library, algorithm, run, seconds, cpu, rmse)
                del model
                if seconds > args.long:
                    break


if __name__ == "__main__":
    main()
