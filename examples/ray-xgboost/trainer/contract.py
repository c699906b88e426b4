"""The training contract's side of train.py (docs/training-contract.md): the hyperparameters, the
folders Tollgate names in TOLLGATE_* variables, train.csv, and metrics.json. Nothing here knows
Ray: it is the same for a command, a container and a Ray job.
"""

import argparse
import csv
import json
import os
from pathlib import Path

import numpy as np

# The spec's data.features, in that order: the ONNX model takes them as one float tensor whose
# columns Tollgate fills in this order. Change both together.
FEATURES = ["distance_km", "duration_min", "hour", "day_of_week", "passengers", "airport", "rain"]
TARGET = "fare"
DEFAULTS = {"num_boost_round": 300, "max_depth": 6, "eta": 0.1, "num_workers": 2,
            "cpus_per_worker": 1, "validation_share": 0.2, "seed": 7}


class Refused(Exception):
    """A problem with the input that running again will not fix (exit 1, reason in `failure`)."""


def hyperparameters():
    """Defaults, then hyperparameters.json, then --key value (the same values, when Tollgate runs
    it; by hand, the arguments alone are enough)."""
    values = dict(DEFAULTS)
    path = os.environ.get("TOLLGATE_HYPERPARAMETERS")
    if path and Path(path).is_file():
        values.update(json.loads(Path(path).read_text(encoding="utf-8")))
    parser = argparse.ArgumentParser(description="Train the taxi-fare regressor on Ray (ONNX).")
    for name in ("num_boost_round", "max_depth", "num_workers", "cpus_per_worker", "seed"):
        parser.add_argument(f"--{name}", type=int)
    for name in ("eta", "validation_share"):
        parser.add_argument(f"--{name}", type=float)
    values.update({k: v for k, v in vars(parser.parse_args()).items() if v is not None})
    if values["num_workers"] < 1 or values["cpus_per_worker"] < 1:
        raise SystemExit("num_workers and cpus_per_worker must be at least 1")
    return values


def folder(name):
    value = os.environ.get(name)
    if not value:
        raise Refused(f"{name} is not set: run me through Tollgate, or set it as the README shows")
    return Path(value)


def read_rows(train_csv):
    """The features as float32 (as ONNX takes them) and the target."""
    with open(train_csv, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in FEATURES + [TARGET] if c not in (reader.fieldnames or [])]
        if missing:
            raise Refused(f"train.csv has no column {', '.join(missing)}: the spec's data.features"
                          f" and target must be {FEATURES} and {TARGET!r}")
        rows = list(reader)
    if len(rows) < 100:
        raise Refused(f"train.csv has {len(rows)} rows; at least 100 are needed")
    x = np.array([[float(r[c]) for c in FEATURES] for r in rows], dtype=np.float32)
    y = np.array([float(r[TARGET]) for r in rows], dtype=np.float32)
    return x, y


def write_outputs(booster, x, y, val, output):
    """metrics.json of the validation slice (rmse, mae, r2: the names Tollgate measures, so
    reported_vs_measured compares them) and XGBoost's own answers on that slice."""
    import xgboost

    predicted = booster.predict(xgboost.DMatrix(x[val]))
    err = predicted - y[val]
    ss_tot = float(np.sum((y[val] - y[val].mean()) ** 2))
    metrics = {"rmse": float(np.sqrt(np.mean(err ** 2))), "mae": float(np.mean(np.abs(err))),
               "r2": 1 - float(np.sum(err ** 2)) / ss_tot}
    (output / "metrics.json").write_text(json.dumps(metrics) + "\n", encoding="utf-8")
    with open(output / "validation_predictions.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(FEATURES + [TARGET, "predicted"])
        for i, row in enumerate(val):
            out.writerow([f"{v:.9g}" for v in x[row]] + [f"{y[row]:.9g}", f"{predicted[i]:.9g}"])
    return metrics
