"""Checks, before anything is measured, that both servers answer the benchmark's 100 rows with
scikit-learn's own predictions: POSTs each server's 100-row body and compares the answers with
expected.json (onnx_model.py). Prints one line per server; exits 1 if either is off by more than
TOLERANCE (the ONNX side computes in float32, scikit-learn in float64).

    python agree.py FOLDER TOLLGATE_URL MLFLOW_URL [TOLERANCE]
"""
import json
import sys
import urllib.request


def post(url: str, body_file: str) -> list:
    request = urllib.request.Request(
        url, data=open(body_file, "rb").read(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)["predictions"]


def main(folder: str, tollgate: str, mlflow: str, tolerance: float) -> int:
    expected = json.load(open(f"{folder}/expected.json"))["predictions"]
    worst = 0.0
    for name, url in (("tollgate", tollgate), ("mlflow", mlflow)):
        got = post(url, f"{folder}/{name}-100.json")
        if len(got) != len(expected):
            print(f"{name}: {len(got)} predictions for {len(expected)} rows")
            return 1
        diff = max(abs(float(g) - e) for g, e in zip(got, expected))
        worst = max(worst, diff)
        print(f"agreement {name}: {len(got)} rows, max |prediction - scikit-learn| = {diff:.2e}"
              f" (first row {float(got[0]):.6f} vs {expected[0]:.6f})")
    return 0 if worst <= tolerance else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 1e-3))
