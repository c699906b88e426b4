"""Exports a Tollgate XGBoost model (model.ubj + metadata.json) as an MLflow model (xgboost
flavour), so `mlflow models serve` answers with the very same booster Tollgate serves.

    python export_mlflow.py ARTIFACT_FOLDER OUT_FOLDER
"""
import json
import sys

import mlflow.xgboost
import xgboost as xgb


def main(artifact: str, out: str) -> None:
    meta = json.load(open(f"{artifact}/metadata.json"))
    booster = xgb.Booster()
    booster.load_model(f"{artifact}/{meta.get('model_file', 'model.ubj')}")
    booster.feature_names = meta["features"]  # the model's inputs, in order
    mlflow.xgboost.save_model(booster, out, model_format="ubj")
    print(json.dumps({"features": meta["features"]}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
