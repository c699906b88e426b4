#!/usr/bin/env python3
"""XGBoost's tree shapes against holdout rmse and time, for the proposal in docs/benchmarks.md.

XGBoost's Python package runs the same native library as Tollgate's XGBoost4J and grows the same
models, so these are the figures Tollgate's gradient_boosting would give with these settings.
Median wall time of 3 fits; same files and split as train_sklearn.py.

    python benchmarks/xgboost_shapes.py benchmarks/data/regression-100k.csv benchmarks/data/regression-1m.csv
"""

import os
import statistics
import sys
import time

import numpy as np
import pandas as pd
from xgboost import XGBRegressor

# Tollgate's gradient_boosting as benchmarked: 200 trees, depth 6, learning rate 0.1, its defaults.
BASE = dict(n_estimators=200, max_depth=6, learning_rate=0.1, subsample=0.8, min_child_weight=1,
            reg_lambda=1, max_bin=256, tree_method="hist", n_jobs=os.cpu_count(), random_state=42)
LOSSGUIDE_31 = dict(grow_policy="lossguide", max_leaves=31, min_child_weight=20, reg_lambda=0)
SHAPES = {
    "Tollgate's defaults": {},
    "min_child_weight 20": dict(min_child_weight=20),
    "subsample 1.0": dict(subsample=1.0),
    "lossguide, max_leaves 31, min_child_weight 20, lambda 0": LOSSGUIDE_31,
    "the same with subsample 1.0 (scikit-learn's shape)": dict(LOSSGUIDE_31, subsample=1.0),
    "max_bin 64": dict(max_bin=64),
}


def main() -> None:
    for path in sys.argv[1:]:
        frame = pd.read_csv(path)
        held = frame["holdout"].to_numpy() == 1
        x = frame[[c for c in frame.columns if c.startswith("f")]].to_numpy()
        y = frame["y"].to_numpy()
        for name, extra in SHAPES.items():
            times = []
            for _ in range(3):
                model = XGBRegressor(**{**BASE, **extra})
                start = time.perf_counter()
                model.fit(x[~held], y[~held])
                times.append(time.perf_counter() - start)
            rmse = float(np.sqrt(np.mean((model.predict(x[held]) - y[held]) ** 2)))
            print(f"{os.path.basename(path)}\t{name}\t{statistics.median(times):.2f} s\trmse {rmse:.4f}",
                  flush=True)


if __name__ == "__main__":
    main()
