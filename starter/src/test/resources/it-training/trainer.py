"""The integration tests' training command (TrainingCommandKillIT): a regression tree exported with
skl2onnx, or a command that hangs the way a long training does, so a test can kill its worker or
cancel its run while it runs.

    python trainer.py --mode train|hang|hang-first

train.csv's last column is the target, the others the features in the model's input order.
Each start appends "start <pid>" to $IT_MARKS/starts. A hanging start also starts a child that
ignores SIGTERM (set here, explicitly: not left to what the child inherits) and writes
$IT_MARKS/child-<pid>, then prints progress every second for up to ten minutes (and goes on
silently when its output's reader, the worker, is gone).
hang-first hangs on the first start only and trains on the next (the retry after a lost worker).
"""

import argparse
import csv
import os
import subprocess
import sys
import time
from pathlib import Path

CHILD = """
import os, signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
open(os.path.join(sys.argv[1], "child-%d" % os.getpid()), "w").close()
time.sleep(600)
"""


def hang(marks):
    subprocess.Popen([sys.executable, "-c", CHILD, str(marks)])
    talking = True
    for i in range(600):
        if talking:
            try:
                print(f"tollgate:progress {i / 600:.3f} still working", flush=True)
            except OSError:
                # the worker that read our output is gone (SIGKILL): go on working, as a
                # training that does not print would, so only the worker's clean-up ends us
                talking = False
        time.sleep(1)
    sys.exit("trainer.py: hung for ten minutes and nobody stopped it")


def train():
    import numpy as np
    from skl2onnx import to_onnx
    from sklearn.tree import DecisionTreeRegressor

    with open(Path(os.environ["TOLLGATE_CHANNEL_TRAIN"]) / "train.csv", newline="") as f:
        rows = list(csv.reader(f))[1:]
    x = np.array([[float(v) for v in r[:-1]] for r in rows], dtype=np.float32)
    y = np.array([float(r[-1]) for r in rows])
    model = DecisionTreeRegressor(max_depth=8, random_state=0).fit(x, y)
    print("tollgate:progress 0.9 trained", flush=True)
    onx = to_onnx(model, x[:1], target_opset={"": 17, "ai.onnx.ml": 3})
    (Path(os.environ["TOLLGATE_MODEL_DIR"]) / "model.onnx").write_bytes(onx.SerializeToString())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", default="train", choices=["train", "hang", "hang-first"])
    mode = parser.parse_args().mode
    marks = Path(os.environ["IT_MARKS"])
    with open(marks / "starts", "a") as f:
        f.write(f"start {os.getpid()}\n")
    starts = len((marks / "starts").read_text().splitlines())
    if mode == "hang" or (mode == "hang-first" and starts == 1):
        hang(marks)
    train()


if __name__ == "__main__":
    main()
