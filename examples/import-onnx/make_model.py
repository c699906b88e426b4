"""Stands for "a model trained elsewhere": trains a scikit-learn RandomForestRegressor on its own
deliveries (generate_data.py's generator with another seed: other rows than deliveries.csv, which
Tollgate measures the model on) and exports it to model/model.onnx with skl2onnx, the file the
spec imports (`training.import.uri: file:model/model.onnx`). Tollgate runs nothing of this: it
takes the file, checks it fits the spec (inputs, outputs, opset), scores its holdout of
deliveries.csv with it, gates, asks and deploys.

    python examples/import-onnx/make_model.py [model folder]

Default: model/ beside this script. Needs requirements.txt (scikit-learn, skl2onnx); see the
README. Seeded: the same pins make the same file. Also writes check.csv beside the model:
scikit-learn's own predictions on 200 rows it did not train on, for checking the ONNX file's
answers by hand (Tollgate ignores it).
"""

import csv
import random
import sys
from pathlib import Path

import numpy as np
from generate_data import HEADER, delivery
from skl2onnx import to_onnx
from sklearn.ensemble import RandomForestRegressor

# The spec's data.features, in that order: the ONNX model takes them as one float tensor whose
# columns Tollgate fills in this order.
FEATURES = ["distance_km", "items", "hour", "rain_mm", "courier_trips"]
TARGET = "minutes"
# Tollgate's ONNX Runtime (1.29.0) loads up to ai.onnx 26 and ai.onnx.ml 5; pinned lower so the
# file does not change with the converter's default.
TARGET_OPSET = {"": 17, "ai.onnx.ml": 3}
CHECK_ROWS = 200
ROWS = 4000
SEED = 2024  # not deliveries.csv's 42: elsewhere's own data


def main(argv):
    model_dir = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent / "model"
    rng = random.Random(SEED)
    rows = [dict(zip(HEADER, delivery(rng))) for _ in range(ROWS)]
    x = np.array([[float(r[c]) for c in FEATURES] for r in rows], dtype=np.float32)
    y = np.array([float(r[TARGET]) for r in rows])
    model = RandomForestRegressor(n_estimators=60, max_depth=10, min_samples_leaf=5,
                                  random_state=7)
    model.fit(x[:-CHECK_ROWS], y[:-CHECK_ROWS])
    model_dir.mkdir(parents=True, exist_ok=True)
    onx = to_onnx(model, x[:1], target_opset=TARGET_OPSET)
    (model_dir / "model.onnx").write_bytes(onx.SerializeToString())
    predicted = model.predict(x[-CHECK_ROWS:])
    with open(model_dir / "check.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(FEATURES + [TARGET, "predicted"])
        for features, truth, answer in zip(x[-CHECK_ROWS:], y[-CHECK_ROWS:], predicted):
            out.writerow([f"{v:.9g}" for v in features] + [f"{truth:.9g}", f"{answer:.9g}"])
    rmse = float(np.sqrt(np.mean((predicted - y[-CHECK_ROWS:]) ** 2)))
    print(f"wrote {model_dir / 'model.onnx'} (rmse {rmse:.2f} on {CHECK_ROWS} rows it did not train on)")


if __name__ == "__main__":
    main(sys.argv)
