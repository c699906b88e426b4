"""A team's training script as Tollgate's contract runs it (docs/training-contract.md).

Reads $TOLLGATE_CHANNEL_TRAIN/train.csv (the training rows only), fits a scikit-learn
LogisticRegression on every column but `label`, and writes $TOLLGATE_MODEL_DIR/model.onnx with
skl2onnx (zipmap=False unless ZIPMAP=1). Test knobs, all optional: --C (a hyperparameter, as
Tollgate passes it), REPORTED (the accuracy to claim in metrics.json), KEEP_DIR (where to keep the
fitted model as a pickle for the test to score the holdout with scikit-learn itself).
"""
import argparse
import json
import os
import pickle

import numpy as np
import pandas as pd
from skl2onnx import to_onnx
from sklearn.linear_model import LogisticRegression

parser = argparse.ArgumentParser()
parser.add_argument("--C", type=float, default=1.0)
args, _ = parser.parse_known_args()

train = pd.read_csv(os.path.join(os.environ["TOLLGATE_CHANNEL_TRAIN"], "train.csv"))
x = train.drop(columns=["label"]).to_numpy(dtype=np.float32)
y = train["label"].astype(str).to_numpy()
print("tollgate:progress 0.2 read %d rows" % len(y), flush=True)

model = LogisticRegression(C=args.C, max_iter=1000).fit(x, y)
print("tollgate:progress 0.8 fitted", flush=True)

zipmap = os.environ.get("ZIPMAP") == "1"
onx = to_onnx(model, x[:1], options={"zipmap": zipmap}, target_opset={"": 17, "ai.onnx.ml": 3})
with open(os.path.join(os.environ["TOLLGATE_MODEL_DIR"], "model.onnx"), "wb") as f:
    f.write(onx.SerializeToString())

reported = os.environ.get("REPORTED")
if reported is not None:
    with open(os.path.join(os.environ["TOLLGATE_OUTPUT_DIR"], "metrics.json"), "w") as f:
        json.dump({"accuracy": float(reported)}, f)

keep = os.environ.get("KEEP_DIR")
if keep:
    with open(os.path.join(keep, "model.pkl"), "wb") as f:
        pickle.dump(model, f)
    with open(os.path.join(keep, "model.onnx"), "wb") as f:
        f.write(onx.SerializeToString())
print("trained on %d rows" % len(y))
