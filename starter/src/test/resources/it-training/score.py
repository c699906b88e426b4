"""Scores rows with a pickled model, as the library itself does, for the integration test.

    python score.py model.pkl rows.csv out.csv

rows.csv: the model's features in its input order (a header line, then numbers). out.csv: for a
classifier, `predicted,p_<class>...` (predict and predict_proba); for a regressor, `predicted`.
The features are float32, as the example trainers fit and as ONNX takes them.
"""

import csv
import pickle
import sys

import numpy as np

with open(sys.argv[1], "rb") as f:
    model = pickle.load(f)
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))[1:]
x = np.array([[float(v) for v in r] for r in rows], dtype=np.float32)
with open(sys.argv[3], "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f)
    predicted = model.predict(x)
    if hasattr(model, "predict_proba"):
        proba = model.predict_proba(x)
        out.writerow(["predicted"] + [f"p_{c}" for c in model.classes_])
        for label, p in zip(predicted, proba):
            out.writerow([label] + [repr(float(v)) for v in p])
    else:
        out.writerow(["predicted"])
        for v in predicted:
            out.writerow([repr(float(v))])
