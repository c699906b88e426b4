#!/usr/bin/env python3
"""LightGBM's holdout rmse in Tollgate's shape over several seeds (issue 28's "equal or better").

The training benchmark trains LightGBM with one seed (42), Tollgate's gradient_boosting is
deterministic. LightGBM's seed picks the rows its bins are built from, so its rmse moves with the
seed; this prints it for seeds 1..N on the benchmark's own split, and the mean, so that a gap of a
few hundredths of a percent can be told from the seed's spread:

    python benchmarks/lightgbm_seeds.py benchmarks/data/regression-1m.csv [N]   (N: 8)
"""

import os
import statistics
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_sklearn import holdout_split, lightgbm_models  # noqa: E402  (the benchmark's own)


def main() -> None:
    path = sys.argv[1]
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    x_train, y_train, x_test, y_test = holdout_split(pd.read_csv(path))
    make = lightgbm_models(len(y_train))[("lightgbm-2t", "gradient_boosting_tollgate_shape")]
    scores = []
    for seed in range(1, seeds + 1):
        model = make().set_params(random_state=seed).fit(x_train, y_train)
        rmse = float(np.sqrt(np.mean((model.predict(x_test) - y_test) ** 2)))
        scores.append(rmse)
        print(f"SEED\t{os.path.basename(path)}\t{seed}\t{rmse:.6f}", flush=True)
    print(f"MEAN\t{os.path.basename(path)}\t{seeds} seeds\t{statistics.mean(scores):.6f}"
          f"\tmin {min(scores):.6f}\tmax {max(scores):.6f}")


if __name__ == "__main__":
    main()
