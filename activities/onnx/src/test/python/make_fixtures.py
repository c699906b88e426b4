"""Trains the ONNX adapter's test models for real and writes them, with the library's own answers.

Run by OnnxFixtures (Java) with the venv of scripts/install-python-ml.sh:
    python make_fixtures.py OUT_DIR
Everything is seeded, so the same pins give the same files. Writes to OUT_DIR:
  classifier.onnx     scikit-learn RandomForestClassifier, 3 string classes, skl2onnx zipmap=False
  classifier.csv      its holdout: f0..f3, label, predicted, p_<class> (scikit-learn's predict_proba)
  regressor.onnx      LightGBM LGBMRegressor exported with onnxmltools
  regressor.csv       its holdout: f0..f3, y, predicted (LightGBM's predict)
  by_name.onnx        a scikit-learn LinearRegression taking one [N,1] input per feature, by name
  by_name.csv         its holdout: f0..f3, y, predicted
  isolation.onnx      a scikit-learn IsolationForest whose scores are rescaled to Tollgate's anomaly
                      scale, -score_samples in [0, 1] (docs/training-contract.md, "Anomaly models")
  isolation.csv       its rows: f0..f3, y (0, unused), score (scikit-learn's -score_samples)
  isolation_raw.onnx  the same forest as skl2onnx exports it (decision_function): refused
and the models Tollgate must refuse (made with the onnx package): zipmap.onnx (skl2onnx's default
ZipMap output), opset_too_new.onnx, ir_too_new.onnx, wide.onnx (5 features, not 4) and nan.onnx
(a regressor whose every answer is 0/0).
"""

import sys
from pathlib import Path

import lightgbm
import numpy as np
import onnx
import pandas as pd
from onnx import TensorProto, helper, numpy_helper
from onnxmltools import convert_lightgbm
from onnxmltools.convert.common.data_types import FloatTensorType as MlFloat
from skl2onnx import to_onnx
from skl2onnx.common.data_types import FloatTensorType
from sklearn.ensemble import IsolationForest, RandomForestClassifier
from sklearn.linear_model import LinearRegression

FEATURES = ["f0", "f1", "f2", "f3"]
SEED = 24
# skl2onnx's newest tested opset is 22; pinned so the files do not change with the converter.
OPSET = {"": 17, "ai.onnx.ml": 3}


def data(rows, width, rng):
    x = rng.normal(size=(rows, width)).astype(np.float32)
    y = 2.0 * x[:, 0] - x[:, 1] + 0.5 * x[:, 2] * x[:, 3] + rng.normal(scale=0.1, size=rows)
    return x, y


def classifier(out, rng):
    x, score = data(600, 4, rng)
    labels = np.where(score < -1.0, "low", np.where(score > 1.0, "high", "mid"))
    model = RandomForestClassifier(n_estimators=20, max_depth=6, random_state=SEED)
    model.fit(x[:400], labels[:400])
    # zipmap=False: a plain [N, classes] probability tensor instead of a list of maps.
    onx = to_onnx(model, x[:1], options={"zipmap": False}, target_opset=OPSET)
    save(onx, out / "classifier.onnx")
    holdout = frame(x[400:])
    holdout["label"] = labels[400:]
    holdout["predicted"] = model.predict(x[400:])
    for c, column in zip(model.classes_, model.predict_proba(x[400:]).T):
        holdout["p_" + c] = column
    holdout.to_csv(out / "classifier.csv", index=False, float_format="%.9g")
    # The same model with skl2onnx's default ZipMap output: Tollgate must refuse it.
    save(to_onnx(model, x[:1], target_opset=OPSET), out / "zipmap.onnx")
    broken_versions(onx, out)
    wide_x, wide_score = data(200, 5, rng)
    wide = RandomForestClassifier(n_estimators=5, random_state=SEED)
    wide.fit(wide_x, np.where(wide_score > 0, "high", "low"))
    save(to_onnx(wide, wide_x[:1], options={"zipmap": False}, target_opset=OPSET),
         out / "wide.onnx")


def broken_versions(onx, out):
    too_new = onnx.ModelProto()
    too_new.CopyFrom(onx)
    for opset in too_new.opset_import:
        if opset.domain in ("", "ai.onnx"):
            opset.version = 99
    save(too_new, out / "opset_too_new.onnx")
    ir = onnx.ModelProto()
    ir.CopyFrom(onx)
    ir.ir_version = 99
    save(ir, out / "ir_too_new.onnx")


def regressor(out, rng):
    x, y = data(600, 4, rng)
    model = lightgbm.LGBMRegressor(n_estimators=40, num_leaves=15, random_state=SEED, verbose=-1)
    model.fit(x[:400], y[:400])
    onx = convert_lightgbm(model, initial_types=[("input", MlFloat([None, 4]))],
                           target_opset=15)  # onnxmltools 1.16 converts up to opset 15
    save(onx, out / "regressor.onnx")
    holdout = frame(x[400:])
    holdout["y"] = y[400:]
    holdout["predicted"] = model.predict(x[400:])
    holdout.to_csv(out / "regressor.csv", index=False, float_format="%.9g")


def by_name(out, rng):
    x, y = data(300, 4, rng)
    model = LinearRegression().fit(x[:200], y[:200])
    onx = to_onnx(model, x[:1], target_opset=OPSET)
    # One [N,1] input per feature, named after it (as a DataFrame-fed pipeline exports), joined by
    # a Concat in front of the model's own single input.
    joined = onx.graph.input[0].name
    del onx.graph.input[:]
    onx.graph.input.extend(
        helper.make_tensor_value_info(name, TensorProto.FLOAT, [None, 1]) for name in FEATURES)
    onx.graph.node.insert(0, helper.make_node("Concat", FEATURES, [joined], axis=1))
    save(onx, out / "by_name.onnx")
    holdout = frame(x[200:])
    holdout["y"] = y[200:]
    holdout["predicted"] = model.predict(x[200:])
    holdout.to_csv(out / "by_name.csv", index=False, float_format="%.9g")


def isolation(out, rng):
    x, _ = data(400, 4, rng)
    model = IsolationForest(n_estimators=50, random_state=SEED).fit(x[:300])
    raw = to_onnx(model, x[:1], target_opset=OPSET)
    save(raw, out / "isolation_raw.onnx")
    save(anomaly_scale(raw, model.offset_), out / "isolation.onnx")
    rows = frame(x[300:])
    rows["y"] = 0
    rows["score"] = -model.score_samples(x[300:])
    rows.to_csv(out / "isolation.csv", index=False, float_format="%.9g")


def anomaly_scale(raw, offset):
    """The recipe of docs/training-contract.md: scores = -(decision_function + offset_)."""
    onx = onnx.ModelProto()
    onx.CopyFrom(raw)
    for node in onx.graph.node:
        node.output[:] = ["decision" if o == "scores" else o for o in node.output]
    onx.graph.initializer.append(
        numpy_helper.from_array(np.array([offset], dtype=np.float32), "offset"))
    onx.graph.node.extend([
        helper.make_node("Add", ["decision", "offset"], ["shifted"]),
        helper.make_node("Neg", ["shifted"], ["scores"]),
    ])
    kept = [o for o in onx.graph.output if o.name == "scores"]
    del onx.graph.output[:]
    onx.graph.output.extend(kept)
    return onx


def nan_model(out):
    # X - X is 0 everywhere, and 0/0 is NaN: a model that loads fine and answers nothing usable.
    zero = helper.make_node("Sub", ["input", "input"], ["zero"])
    nan = helper.make_node("Div", ["zero", "zero"], ["ratio"])
    first = helper.make_node("ReduceSum", ["ratio", "axes"], ["variable"], keepdims=1)
    axes = helper.make_tensor("axes", TensorProto.INT64, [1], [1])
    graph = helper.make_graph(
        [zero, nan, first], "nan",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [None, 4])],
        [helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])],
        initializer=[axes])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    save(model, out / "nan.onnx")


def frame(x):
    return pd.DataFrame(x.astype(np.float64), columns=FEATURES)


def save(model, path):
    path.write_bytes(model.SerializeToString())


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    classifier(out, np.random.default_rng(SEED))
    regressor(out, np.random.default_rng(SEED + 1))
    by_name(out, np.random.default_rng(SEED + 2))
    isolation(out, np.random.default_rng(SEED + 3))
    nan_model(out)
    print("wrote", ", ".join(sorted(p.name for p in out.iterdir())))


if __name__ == "__main__":
    main()
