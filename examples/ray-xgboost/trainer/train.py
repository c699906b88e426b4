"""Trains the taxi-fare regressor with Ray Train's data-parallel XGBoost on the Ray cluster it runs
on, and exports it as ONNX, following Tollgate's training contract (docs/training-contract.md).
Tollgate runs it as the spec's `training.command` with `training.runner: ray`, as a Ray job:

    python train.py --num_boost_round 300 --max_depth 6 --eta 0.1 --num_workers 2

It reads   $TOLLGATE_CHANNEL_TRAIN/train.csv   the training rows of Tollgate's split (never the holdout)
           $TOLLGATE_HYPERPARAMETERS           hyperparameters.json, the spec's `params`
writes     $TOLLGATE_MODEL_DIR/model.onnx      the model Tollgate measures, gates and serves
           $TOLLGATE_OUTPUT_DIR/metrics.json   figures it measured on its own validation slice
           $TOLLGATE_OUTPUT_DIR/failure        why it failed, when it did (Tollgate shows it)
and prints `tollgate:progress <0..1> <text>` lines, which become the run's progress.

The job's own process (the driver, where Tollgate's launcher put the files) reads the rows, cuts
them into one shard per worker and puts each shard into Ray's object store; Ray Train starts
`num_workers` workers (one CPU each: on the two-node test cluster, one per node), each reads only
its own shard, and XGBoost's collective joins them into one model (histograms summed across
workers every round). Worker 0 saves the model as a Ray Train checkpoint; the driver loads it,
measures it on the validation slice and exports it.
Also writes $TOLLGATE_OUTPUT_DIR/validation_predictions.csv (XGBoost's own answers on that slice)
for checking the ONNX file by hand. Each worker prints the node it trained on into the job's log.
"""

import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

from contract import FEATURES, Refused, folder, hyperparameters, read_rows, write_outputs

# The newest opsets Tollgate's ONNX Runtime (1.29.0) loads are ai.onnx 26 and ai.onnx.ml 5;
# onnxmltools 1.16 converts XGBoost trees into ai.onnx.ml's TreeEnsembleRegressor; pinned so the
# file does not change with the converter's default.
TARGET_OPSET = 15


def train_per_worker(config):
    """Runs in each Ray Train worker: its own shard of the rows, one XGBoost model for all."""
    import ray
    import ray.train
    import xgboost
    from ray.train import Checkpoint

    context = ray.train.get_context()
    rank, size = context.get_world_rank(), context.get_world_size()
    x, y = ray.get(config["shards"][rank])
    node = ray.get_runtime_context().get_node_id()
    # One line per worker: the job's log shows which node trained which shard. (Written, not
    # print()ed: Ray Train patches print in its workers and the line would appear twice.)
    sys.stdout.write(f"ray-xgboost: worker {rank}/{size} on node {node[:12]} (pid {os.getpid()}):"
                     f" {len(y)} rows\n")
    sys.stdout.flush()
    params = {"objective": "reg:squarederror", "tree_method": "hist", "eta": config["eta"],
              "max_depth": config["max_depth"], "seed": config["seed"],
              "nthread": config["cpus_per_worker"]}
    booster = xgboost.train(params, xgboost.DMatrix(x, label=y),
                            num_boost_round=config["num_boost_round"])
    report = {"rank": rank, "node": node, "rows": len(y)}
    if rank == 0:
        # Every worker holds the same model after the last round; one copy is enough.
        with tempfile.TemporaryDirectory() as tmp:
            booster.save_model(os.path.join(tmp, "model.ubj"))
            ray.train.report(report, checkpoint=Checkpoint.from_directory(tmp))
    else:
        ray.train.report(report)
    return None


def storage_path(output):
    """Where Ray Train keeps the checkpoint: a place every worker and the driver reach. Worker 0
    writes the model there from its node, and the driver reads it from its own, so on a cluster of
    several machines it must be shared storage (s3://bucket/prefix, or a folder every node mounts):
    set TRAIN_STORAGE_PATH (the spec's training.runtime_env.env_vars). Without it, a folder beside
    the output folder, inside the run's own folder that Tollgate's launcher removes afterwards;
    that works when all nodes share one disk, as on the local test cluster."""
    return os.environ.get("TRAIN_STORAGE_PATH") or str(output.parent / "ray-train")


def check_cpus(ray, needed):
    """Ray Train waits for its workers' CPUs without a limit: a cluster that can never give them
    would keep the job running until Tollgate's timeout. Refuse that at once, and say why when
    the CPUs exist but are taken (by other jobs, or by this job's own entrypoint_num_cpus)."""
    total = ray.cluster_resources().get("CPU", 0)
    if total < needed:
        raise Refused(f"the Ray cluster has {total:g} CPUs and num_workers x cpus_per_worker"
                      f" needs {needed}: lower num_workers, or train on a bigger cluster")
    free = ray.available_resources().get("CPU", 0)
    if free < needed:
        print(f"ray-xgboost: waiting for {needed} free CPUs ({free:g} of {total:g} free now:"
              f" other jobs, or the spec's entrypoint_num_cpus for this driver, hold the rest)",
              flush=True)


def train(params, x, y, output):
    import ray
    from ray.train import RunConfig, ScalingConfig
    from ray.train.xgboost import RayTrainReportCallback, XGBoostTrainer

    rng = np.random.default_rng(params["seed"])
    order = rng.permutation(len(y))
    cut = int(len(y) * (1 - params["validation_share"]))
    fit, val = order[:cut], order[cut:]
    ray.init()  # inside a Ray job, RAY_ADDRESS points at the job's cluster
    workers = params["num_workers"]
    check_cpus(ray, workers * params["cpus_per_worker"])
    shards = [ray.put((x[part], y[part])) for part in np.array_split(fit, workers)]
    name = f"ray-xgboost-{uuid.uuid4().hex[:12]}"
    storage = storage_path(output)
    trainer = XGBoostTrainer(
        train_per_worker,
        train_loop_config={"shards": shards, **{k: params[k] for k in (
            "eta", "max_depth", "seed", "num_boost_round", "cpus_per_worker")}},
        scaling_config=ScalingConfig(
            num_workers=workers, resources_per_worker={"CPU": params["cpus_per_worker"]}),
        run_config=RunConfig(name=name, storage_path=storage),
    )
    print(f"tollgate:progress 0.2 training on {workers} Ray workers", flush=True)
    started = time.monotonic()
    result = trainer.fit()
    print(f"tollgate:progress 0.8 trained in {time.monotonic() - started:.1f}s", flush=True)
    booster = RayTrainReportCallback.get_model(result.checkpoint, filename="model.ubj")
    if not os.environ.get("TRAIN_STORAGE_PATH"):
        shutil.rmtree(Path(storage) / name, ignore_errors=True)  # the model is read; keep no copy
    return booster, val


def export(booster, model_dir):
    from onnxmltools import convert_xgboost
    from onnxmltools.convert.common.data_types import FloatTensorType

    inputs = [("input", FloatTensorType([None, len(FEATURES)]))]  # one float tensor, N rows
    onx = convert_xgboost(booster, initial_types=inputs, target_opset=TARGET_OPSET)
    (model_dir / "model.onnx").write_bytes(onx.SerializeToString())


def main():
    params = hyperparameters()
    model_dir = folder("TOLLGATE_MODEL_DIR")
    output = folder("TOLLGATE_OUTPUT_DIR")
    try:
        x, y = read_rows(folder("TOLLGATE_CHANNEL_TRAIN") / "train.csv")
        print(f"tollgate:progress 0.1 read {len(y)} rows", flush=True)
        booster, val = train(params, x, y, output)
        metrics = write_outputs(booster, x, y, val, output)
        print(f"tollgate:progress 0.9 validation slice: {json.dumps(metrics)}", flush=True)
        export(booster, model_dir)
        print("tollgate:progress 1.0 wrote model.onnx", flush=True)
    except Refused as e:
        # The first 1 KB of `failure` becomes the run's failure message.
        (output / "failure").write_text(str(e) + "\n", encoding="utf-8")
        print(e, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
