"""Logs the benchmark's fitted scikit-learn model (onnx_model.py's model.pkl) with mlflow.sklearn
into a local file store, and prints the model's URI for `mlflow models serve -m`.

    MLFLOW_TRACKING_URI=file:STORE python log_mlflow_sklearn.py FOLDER   (the MLflow venv)

The pickle is unpickled, not retrained, so MLflow serves the estimator the ONNX file was exported
from; the venv must have the scikit-learn version that pickled it (onnx-serving.sh checks).
"""
import json
import pickle
import sys

import mlflow
import mlflow.sklearn
import pandas as pd
import sklearn
from mlflow.models import infer_signature


def main(folder: str) -> None:
    model = pickle.load(open(f"{folder}/model.pkl", "rb"))
    features = json.load(open(f"{folder}/features.json"))["features"]
    rows = pd.read_csv(f"{folder}/rows.csv")[features].astype("float32")
    mlflow.set_experiment("onnx-serving-benchmark")
    with mlflow.start_run():
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            signature=infer_signature(rows, model.predict(rows)),
            # MLflow's default format (skops) refuses tree node arrays unless told they are
            # trusted; this model was fitted by onnx_model.py a moment ago.
            skops_trusted_types=["sklearn.tree._tree.Tree"],
        )
    print(f"mlflow {mlflow.__version__}, scikit-learn {sklearn.__version__}", file=sys.stderr)
    print(info.model_uri)


if __name__ == "__main__":
    main(sys.argv[1])
