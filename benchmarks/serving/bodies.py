"""Writes the request bodies of the serving benchmark: 1 and 100 rows of the energy data, as
Tollgate ({"rows": [{...}]}) and MLflow ({"dataframe_split": ...}) take them.

    python bodies.py DATA.csv FEATURES.json OUT_FOLDER
"""
import csv
import json
import sys


def main(data: str, features_file: str, out: str) -> None:
    features = json.load(open(features_file))["features"]
    rows = []
    with open(data) as f:
        for r in csv.DictReader(f):
            rows.append({k: float(r[k]) for k in features})
            if len(rows) == 100:
                break
    for n in (1, 100):
        json.dump({"rows": rows[:n]}, open(f"{out}/tollgate-{n}.json", "w"))
        split = {"columns": features, "data": [[r[k] for k in features] for r in rows[:n]]}
        json.dump({"dataframe_split": split}, open(f"{out}/mlflow-{n}.json", "w"))


if __name__ == "__main__":
    main(*sys.argv[1:4])
