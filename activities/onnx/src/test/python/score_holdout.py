"""scikit-learn's own answers on a holdout: argv model.pkl holdout.csv out.csv.

holdout.csv has the feature columns (and maybe `label`); out.csv gets one line per row: the
predicted label, then predict_proba's columns in model.classes_ order (sorted labels).
"""
import pickle
import sys

import numpy as np
import pandas as pd

with open(sys.argv[1], "rb") as f:
    model = pickle.load(f)
holdout = pd.read_csv(sys.argv[2])
x = holdout.drop(columns=[c for c in ["label"] if c in holdout]).to_numpy(dtype=np.float64)
labels = model.predict(x)
proba = model.predict_proba(x)
with open(sys.argv[3], "w") as out:
    out.write("label," + ",".join(model.classes_) + "\n")
    for label, row in zip(labels, proba):
        out.write(label + "," + ",".join(repr(float(p)) for p in row) + "\n")
