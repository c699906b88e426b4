"""Trains the scikit-learn model of the ONNX serving benchmark and exports it twice: as ONNX
(skl2onnx) for Tollgate and as a pickle that log_mlflow_sklearn.py logs with mlflow.sklearn, so
both servers answer with the very same fitted estimator.

    python onnx_model.py OUT_FOLDER        (the python-ml venv: scripts/install-python-ml.sh)

Writes OUT/model.onnx, OUT/model.pkl, OUT/features.json, OUT/rows.csv (100 held-out rows, the
request bodies' rows), OUT/expected.json (scikit-learn's own predictions of those rows) and
OUT/measure.csv (900 other held-out rows, on which Tollgate's import run measures the model).
The data is the energy example's shape (hour, day_of_week, temperature, humidity -> load),
generated here with a fixed seed so the benchmark needs nothing else.
"""
import json
import pickle
import sys

import numpy as np
import pandas as pd
import sklearn
import skl2onnx
from skl2onnx import to_onnx
from skl2onnx.common.data_types import FloatTensorType
from sklearn.ensemble import GradientBoostingRegressor

FEATURES = ["hour", "day_of_week", "temperature", "humidity"]


def energy(rows: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    hour = rng.integers(0, 24, rows)
    day = rng.integers(0, 7, rows)
    temperature = np.round(rng.normal(15, 8, rows), 1)
    humidity = np.round(rng.uniform(20, 95, rows), 1)
    load = (
        50
        + 20 * np.sin((hour - 6) / 24 * 2 * np.pi)
        - 8 * (day >= 5)
        + 0.9 * np.abs(temperature - 18)
        + 0.05 * humidity
        + rng.normal(0, 3, rows)
    )
    return pd.DataFrame(
        {"hour": hour, "day_of_week": day, "temperature": temperature, "humidity": humidity,
         "load": np.round(load, 2)}
    )


def main(out: str) -> None:
    data = energy(10_000, 42)
    train, held = data.iloc[:9_000], data.iloc[9_000:9_100]
    # The energy example's settings (trees: 200, max_depth: 6, shrinkage: 0.05) in scikit-learn's
    # gradient boosting. (HistGradientBoostingRegressor would be the faster trainer, but skl2onnx
    # 1.20.0 fails to convert scikit-learn 1.9.1's: a bool in an ints attribute.)
    model = GradientBoostingRegressor(
        n_estimators=200, max_depth=6, learning_rate=0.05, random_state=0
    ).fit(train[FEATURES].astype(np.float32), train["load"])
    # Inputs as float32, as ONNX takes them, so both servers see the same numbers.
    onnx = to_onnx(
        model,
        initial_types=[("input", FloatTensorType([None, len(FEATURES)]))],
        target_opset={"": 17, "ai.onnx.ml": 3},
        options={"zipmap": False} if hasattr(model, "predict_proba") else None,
    )
    with open(f"{out}/model.onnx", "wb") as f:
        f.write(onnx.SerializeToString())
    with open(f"{out}/model.pkl", "wb") as f:
        pickle.dump(model, f)
    held.to_csv(f"{out}/rows.csv", index=False)
    # The rows Tollgate's import run measures the model on: none of them trained it.
    data.iloc[9_100:].to_csv(f"{out}/measure.csv", index=False)
    expected = model.predict(held[FEATURES].astype(np.float32)).tolist()
    json.dump({"features": FEATURES}, open(f"{out}/features.json", "w"))
    json.dump({"predictions": expected}, open(f"{out}/expected.json", "w"))
    print(f"scikit-learn {sklearn.__version__}, skl2onnx {skl2onnx.__version__}: "
          f"GradientBoostingRegressor, {model.n_estimators_} trees, trained on {len(train)} rows",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
