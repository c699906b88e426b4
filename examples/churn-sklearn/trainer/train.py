"""Trains the churn classifier and exports it as ONNX, following Tollgate's training contract
(docs/training-contract.md). Tollgate runs it as the spec's `training.command`:

    python train.py --n_estimators 150 --learning_rate 0.05 --max_depth 3

It reads   $TOLLGATE_CHANNEL_TRAIN/train.csv   the training rows of Tollgate's split (never the holdout)
           $TOLLGATE_HYPERPARAMETERS           hyperparameters.json, the spec's `params`
writes     $TOLLGATE_MODEL_DIR/model.onnx      the model Tollgate measures, gates and serves
           $TOLLGATE_OUTPUT_DIR/metrics.json   figures it measured on its own validation slice
           $TOLLGATE_OUTPUT_DIR/failure        why it failed, when it did (Tollgate shows it)
and prints `tollgate:progress <0..1> <text>` lines, which become the run's progress.
Also writes $TOLLGATE_OUTPUT_DIR/validation_predictions.csv (scikit-learn's own answers on that
slice) for checking the ONNX file by hand; Tollgate ignores it.
"""

import argparse
import csv
import json
import os
import sys
from pathlib import Path

import numpy as np
from skl2onnx import to_onnx
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score, roc_auc_score

# The spec's data.features, in that order: the ONNX model takes them as one float tensor whose
# columns Tollgate fills in this order. Change both together.
FEATURES = ["tenure_months", "monthly_charges", "contract_months", "support_calls",
            "late_payments", "data_usage_gb"]
TARGET = "churned"
# The newest opsets Tollgate's ONNX Runtime (1.29.0) loads are ai.onnx 26 and ai.onnx.ml 5;
# pinned lower so the file does not change with the converter's default.
TARGET_OPSET = {"": 17, "ai.onnx.ml": 3}
DEFAULTS = {"n_estimators": 150, "learning_rate": 0.05, "max_depth": 3, "validation_share": 0.2,
            "seed": 7}


class Refused(Exception):
    """A problem with the input that running again will not fix (exit 1, reason in `failure`)."""


def hyperparameters():
    """Defaults, then hyperparameters.json, then --key value (the same values, when Tollgate runs
    it; by hand, the arguments alone are enough)."""
    values = dict(DEFAULTS)
    path = os.environ.get("TOLLGATE_HYPERPARAMETERS")
    if path and Path(path).is_file():
        values.update(json.loads(Path(path).read_text(encoding="utf-8")))
    parser = argparse.ArgumentParser(description="Train the churn classifier (ONNX).")
    parser.add_argument("--n_estimators", type=int)
    parser.add_argument("--learning_rate", type=float)
    parser.add_argument("--max_depth", type=int)
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
    """The features as float32 (as ONNX takes them) and the labels as written in the file."""
    with open(train_csv, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in FEATURES + [TARGET] if c not in (reader.fieldnames or [])]
        if missing:
            raise Refused(f"train.csv has no column {', '.join(missing)}: the spec's data.features"
                          f" and target must be {FEATURES} and {TARGET!r}")
        rows = list(reader)
    if len(rows) < 50:
        raise Refused(f"train.csv has {len(rows)} rows; at least 50 are needed")
    x = np.array([[float(r[c]) for c in FEATURES] for r in rows], dtype=np.float32)
    y = np.array([r[TARGET] for r in rows])
    return x, y


def train(params, x, y):
    rng = np.random.default_rng(params["seed"])
    order = rng.permutation(len(y))
    cut = int(len(y) * (1 - params["validation_share"]))
    fit, val = order[:cut], order[cut:]
    model = GradientBoostingClassifier(
        n_estimators=params["n_estimators"], learning_rate=params["learning_rate"],
        max_depth=params["max_depth"], random_state=params["seed"])
    model.fit(x[fit], y[fit])
    return model, val


def report(model, x, y, val, output):
    proba = model.predict_proba(x[val])
    predicted = model.predict(x[val])
    positive = list(model.classes_).index("yes") if "yes" in model.classes_ else 1
    metrics = {"accuracy": float(accuracy_score(y[val], predicted)),
               "auc": float(roc_auc_score(y[val] == model.classes_[positive], proba[:, positive]))}
    (output / "metrics.json").write_text(json.dumps(metrics) + "\n", encoding="utf-8")
    with open(output / "validation_predictions.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(FEATURES + [TARGET, "predicted"] + [f"p_{c}" for c in model.classes_])
        for i, row in enumerate(val):
            out.writerow([f"{v:.9g}" for v in x[row]] + [y[row], predicted[i]]
                         + [f"{p:.9g}" for p in proba[i]])
    return metrics


def main():
    params = hyperparameters()
    model_dir = folder("TOLLGATE_MODEL_DIR")
    output = folder("TOLLGATE_OUTPUT_DIR")
    try:
        x, y = read_rows(folder("TOLLGATE_CHANNEL_TRAIN") / "train.csv")
        print(f"tollgate:progress 0.1 read {len(y)} rows", flush=True)
        model, val = train(params, x, y)
        print("tollgate:progress 0.7 trained", flush=True)
        metrics = report(model, x, y, val, output)
        print(f"tollgate:progress 0.8 validation slice: {json.dumps(metrics)}", flush=True)
        # zipmap=False: a plain [N, classes] probability tensor, which Tollgate reads; the
        # default ZipMap (a list of maps) is refused.
        onx = to_onnx(model, x[:1], options={"zipmap": False}, target_opset=TARGET_OPSET)
        (model_dir / "model.onnx").write_bytes(onx.SerializeToString())
        print("tollgate:progress 1.0 wrote model.onnx", flush=True)
    except Refused as e:
        # The first 1 KB of `failure` becomes the run's failure message.
        (output / "failure").write_text(str(e) + "\n", encoding="utf-8")
        print(e, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
