"""Trains the bike-rental regressor with LightGBM and exports it as ONNX with onnxmltools,
following Tollgate's training contract (docs/training-contract.md). Tollgate runs it as the
spec's `training.command`:

    python train.py --n_estimators 300 --learning_rate 0.05 --num_leaves 31

It reads   $TOLLGATE_CHANNEL_TRAIN/train.csv   the training rows of Tollgate's split (never the holdout)
           $TOLLGATE_HYPERPARAMETERS           hyperparameters.json, the spec's `params`
writes     $TOLLGATE_MODEL_DIR/model.onnx      the model Tollgate measures, gates and serves
           $TOLLGATE_OUTPUT_DIR/metrics.json   figures it measured on its own validation slice
           $TOLLGATE_OUTPUT_DIR/failure        why it failed, when it did (Tollgate shows it)
and prints `tollgate:progress <0..1> <text>` lines, which become the run's progress (here one per
50 boosting rounds, from a LightGBM callback).
Also writes $TOLLGATE_OUTPUT_DIR/validation_predictions.csv (LightGBM's own answers on that
slice) for checking the ONNX file by hand; Tollgate ignores it.
"""

import argparse
import csv
import json
import os
import sys
from pathlib import Path

import lightgbm
import numpy as np
from onnxmltools import convert_lightgbm
from onnxmltools.convert.common.data_types import FloatTensorType

# The spec's data.features, in that order: the ONNX model takes them as one float tensor whose
# columns Tollgate fills in this order. Change both together.
FEATURES = ["hour", "day_of_week", "month", "temperature", "humidity", "wind_speed", "holiday"]
TARGET = "rentals"
# onnxmltools 1.16 converts LightGBM up to opset 15; Tollgate's ONNX Runtime loads up to 26.
TARGET_OPSET = 15
DEFAULTS = {"n_estimators": 300, "learning_rate": 0.05, "num_leaves": 31,
            "min_child_samples": 20, "validation_share": 0.2, "seed": 7}


class Refused(Exception):
    """A problem with the input that running again will not fix (exit 1, reason in `failure`)."""


def hyperparameters():
    """Defaults, then hyperparameters.json, then --key value (the same values, when Tollgate runs
    it; by hand, the arguments alone are enough)."""
    values = dict(DEFAULTS)
    path = os.environ.get("TOLLGATE_HYPERPARAMETERS")
    if path and Path(path).is_file():
        values.update(json.loads(Path(path).read_text(encoding="utf-8")))
    parser = argparse.ArgumentParser(description="Train the bike-rental regressor (ONNX).")
    parser.add_argument("--n_estimators", type=int)
    parser.add_argument("--learning_rate", type=float)
    parser.add_argument("--num_leaves", type=int)
    parser.add_argument("--min_child_samples", type=int)
    parser.add_argument("--validation_share", type=float)
    parser.add_argument("--seed", type=int)
    given = {k: v for k, v in vars(parser.parse_args()).items() if v is not None}
    values.update(given)
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
    y = np.array([float(r[TARGET]) for r in rows])
    return x, y


def progress(rounds):
    """A LightGBM callback printing Tollgate's progress line every 50 rounds (10% to 80%)."""
    def callback(env):
        done = env.iteration + 1
        if done % 50 == 0 or done == rounds:
            print(f"tollgate:progress {0.1 + 0.7 * done / rounds:.2f} round {done} of {rounds}",
                  flush=True)
    return callback


def train(params, x, y):
    rng = np.random.default_rng(params["seed"])
    order = rng.permutation(len(y))
    cut = int(len(y) * (1 - params["validation_share"]))
    fit, val = order[:cut], order[cut:]
    model = lightgbm.LGBMRegressor(
        n_estimators=params["n_estimators"], learning_rate=params["learning_rate"],
        num_leaves=params["num_leaves"], min_child_samples=params["min_child_samples"],
        random_state=params["seed"], verbose=-1)
    model.fit(x[fit], y[fit], callbacks=[progress(params["n_estimators"])])
    return model, val


def report(model, x, y, val, output):
    predicted = model.predict(x[val])
    error = predicted - y[val]
    metrics = {"rmse": float(np.sqrt(np.mean(error ** 2))),
               "mae": float(np.mean(np.abs(error))),
               "r2": float(1 - np.sum(error ** 2) / np.sum((y[val] - y[val].mean()) ** 2))}
    (output / "metrics.json").write_text(json.dumps(metrics) + "\n", encoding="utf-8")
    with open(output / "validation_predictions.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(FEATURES + [TARGET, "predicted"])
        for i, row in enumerate(val):
            out.writerow([f"{v:.9g}" for v in x[row]] + [f"{y[row]:.9g}", f"{predicted[i]:.9g}"])
    return metrics


def main():
    params = hyperparameters()
    model_dir = folder("TOLLGATE_MODEL_DIR")
    output = folder("TOLLGATE_OUTPUT_DIR")
    try:
        x, y = read_rows(folder("TOLLGATE_CHANNEL_TRAIN") / "train.csv")
        print(f"tollgate:progress 0.1 read {len(y)} rows", flush=True)
        model, val = train(params, x, y)
        metrics = report(model, x, y, val, output)
        print(f"tollgate:progress 0.9 validation slice: {json.dumps(metrics)}", flush=True)
        onx = convert_lightgbm(model, initial_types=[("input", FloatTensorType([None, len(FEATURES)]))],
                               target_opset=TARGET_OPSET)
        (model_dir / "model.onnx").write_bytes(onx.SerializeToString())
        print("tollgate:progress 1.0 wrote model.onnx", flush=True)
    except Refused as e:
        # The first 1 KB of `failure` becomes the run's failure message.
        (output / "failure").write_text(str(e) + "\n", encoding="utf-8")
        print(e, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
