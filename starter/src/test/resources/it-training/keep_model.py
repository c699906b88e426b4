"""Runs an example's train.py unchanged and keeps, for the integration test, what Tollgate throws
away: the fitted model object (pickled just before the ONNX export) and the train.csv it was given.

    python keep_model.py [train.py's arguments]        (IT_KEEP: the folder to keep them in)

The test derives Tollgate's holdout as the data's rows minus train.csv's, scores it with the pickled
model (the library's own predict_proba / predict) and compares with what ONNX Runtime for Java
answers over HTTP.
"""

import os
import pickle
import runpy
import shutil
import sys
from pathlib import Path

keep = Path(os.environ["IT_KEEP"])
shutil.copy(Path(os.environ["TOLLGATE_CHANNEL_TRAIN"]) / "train.csv", keep / "train.csv")


def capturing(convert):
    def convert_and_keep(model, *args, **kwargs):
        with open(keep / "model.pkl", "wb") as f:
            pickle.dump(model, f)
        return convert(model, *args, **kwargs)

    return convert_and_keep


# train.py imports the converter by name at its start: patch the modules before it runs.
source = Path("train.py").read_text(encoding="utf-8")
if "skl2onnx" in source:
    import skl2onnx

    skl2onnx.to_onnx = capturing(skl2onnx.to_onnx)
if "onnxmltools" in source:
    import onnxmltools

    onnxmltools.convert_lightgbm = capturing(onnxmltools.convert_lightgbm)

sys.argv[0] = "train.py"
runpy.run_path("train.py", run_name="__main__")
if not (keep / "model.pkl").exists():
    sys.exit("keep_model.py: train.py exported no model through a converter it knows")
