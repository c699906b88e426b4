"""Tollgate's launcher: runs a training command as a Ray job under Tollgate's contract.

Shipped by the worker in the job's working directory, beside the spec's code, and run by Ray as
the job's entrypoint (docs/training-contract.md, "On a Ray cluster"). Python 3 standard library
only; boto3 (on the nodes) only when the stage is s3://. It:

1. fetches the inputs from TOLLGATE_RAY_STAGE (a folder every node mounts, or s3://bucket/prefix/;
   the store's credentials are the node's own environment, never the job's) into a fresh folder
   laid out as on a worker (input/data/train, input/config, model, output, tmp);
2. sets the same TOLLGATE_* and SM_* variables as a command on a worker gets;
3. runs the command in the working directory, in its own process group: SIGTERM/SIGINT to the
   launcher (Ray's stop) go to the whole group, SIGKILL 2 s later (before Ray's own SIGKILL of the
   launcher, 3 s after its SIGTERM); what the command leaves running
   when it exits is ended too; its output passes through (Ray keeps it as the job's log);
4. uploads model/ and output/ and then result/manifest.json (exit code, files, sizes, SHA-256);
5. exits with the command's exit code. Its own failures exit 70 with a "tollgate-launcher:" line.
"""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

EX_LAUNCHER = 70


def kill_after():
    """Seconds between SIGTERM and SIGKILL: within Ray's own stop wait (RAY_JOB_STOP_WAIT_TIME_S,
    3 s by default), after which Ray SIGKILLs the launcher and the command's group, in a session of
    its own, would be left running."""
    try:
        ray_wait = float(os.environ.get("RAY_JOB_STOP_WAIT_TIME_S", "3"))
    except ValueError:
        ray_wait = 3.0
    return max(0.5, min(ray_wait - 1.0, 10.0))


KILL_AFTER = kill_after()


def fail(what):
    print("tollgate-launcher: " + what, file=sys.stderr, flush=True)
    sys.exit(EX_LAUNCHER)


class FolderStage:
    """A stage on a folder every node mounts (file:/path/ or /path/)."""

    def __init__(self, root):
        self.root = root

    def get(self, key, target):
        shutil.copyfile(os.path.join(self.root, key), target)

    def put(self, key, source):
        target = os.path.join(self.root, key)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        aside = target + ".part"
        shutil.copyfile(source, aside)
        os.replace(aside, target)


class S3Stage:
    """A stage under s3://bucket/prefix/, with the node's own AWS settings (boto3)."""

    def __init__(self, bucket, prefix):
        import boto3  # only here: a folder stage needs nothing beyond the standard library

        self.s3 = boto3.client("s3")
        self.bucket = bucket
        self.prefix = prefix

    def get(self, key, target):
        self.s3.download_file(self.bucket, self.prefix + key, target)

    def put(self, key, source):
        self.s3.upload_file(source, self.bucket, self.prefix + key)


def stage_of(uri):
    if uri.startswith("s3://"):
        bucket, _, prefix = uri[len("s3://"):].partition("/")
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        return S3Stage(bucket, prefix)
    if uri.startswith("file:"):
        return FolderStage(urllib.parse.unquote(urllib.parse.urlparse(uri).path))
    return FolderStage(uri)


def environment(run, hyperparameters):
    env = dict(os.environ)
    env.pop("TOLLGATE_RAY_STAGE", None)
    env["TMPDIR"] = os.path.join(run, "tmp")
    env.setdefault("PYTHONUNBUFFERED", "1")
    for ours, sagemaker, path in (
        ("TOLLGATE_CHANNEL_TRAIN", "SM_CHANNEL_TRAIN", "input/data/train"),
        ("TOLLGATE_MODEL_DIR", "SM_MODEL_DIR", "model"),
        ("TOLLGATE_OUTPUT_DIR", "SM_OUTPUT_DATA_DIR", "output"),
    ):
        env[ours] = env[sagemaker] = os.path.join(run, path)
    env["TOLLGATE_HYPERPARAMETERS"] = os.path.join(run, "input/config/hyperparameters.json")
    env["TOLLGATE_RUN_DIR"] = run
    with open(env["TOLLGATE_HYPERPARAMETERS"], encoding="utf-8") as f:
        env["SM_HPS"] = f.read()
    for name, value in hyperparameters.items():
        env["SM_HP_" + name.upper()] = value
    return env


def end_group(pgid, first):
    """Sends `first` to the group, then SIGKILL once KILL_AFTER has passed with members left."""
    try:
        os.killpg(pgid, first)
    except (ProcessLookupError, PermissionError):
        return
    deadline = time.monotonic() + KILL_AFTER
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.05)
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_command(argv, env):
    try:
        child = subprocess.Popen(argv, env=env, start_new_session=True)
    except OSError as e:
        fail("cannot start the command %s: %s" % (argv[0], e.strerror or e))
    stopped = []

    def forward(signum, _frame):
        if not stopped:
            stopped.append(signum)
            threading.Thread(target=end_group, args=(child.pid, signum), daemon=True).start()

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    code = child.wait()
    end_group(child.pid, signal.SIGTERM)  # whatever it left running in its group
    return (128 - code if code < 0 else code), bool(stopped)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def upload(stage, run, exit_code):
    files = []
    for folder in ("model", "output"):
        base = os.path.join(run, folder)
        for here, dirs, names in os.walk(base):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(here, name)
                rel = os.path.relpath(path, run).replace(os.sep, "/")
                if os.path.islink(path) or not os.path.isfile(path):
                    print("tollgate-launcher: not uploaded (a link): " + rel, file=sys.stderr)
                    continue
                stage.put("result/" + rel, path)
                files.append({"path": rel, "size": os.path.getsize(path), "sha256": sha256(path)})
    manifest = os.path.join(run, "manifest.json")
    with open(manifest, "w", encoding="utf-8") as f:
        json.dump({"exit_code": exit_code, "files": files}, f)
    stage.put("result/manifest.json", manifest)


def main():
    uri = os.environ.get("TOLLGATE_RAY_STAGE")
    if not uri:
        fail("TOLLGATE_RAY_STAGE is not set: this file is run by Tollgate's Ray runner")
    run = tempfile.mkdtemp(prefix="tollgate-ray-")
    try:
        for sub in ("input/data/train", "input/config", "model", "output", "tmp"):
            os.makedirs(os.path.join(run, sub))
        try:
            stage = stage_of(uri)
            stage.get("input/data/train/train.csv", os.path.join(run, "input/data/train/train.csv"))
            stage.get(
                "input/config/hyperparameters.json",
                os.path.join(run, "input/config/hyperparameters.json"),
            )
            stage.get("launch.json", os.path.join(run, "launch.json"))
            with open(os.path.join(run, "launch.json"), encoding="utf-8") as f:
                launch = json.load(f)
        except Exception as e:  # any store's error: say which, never a traceback of the stage
            fail("cannot fetch the inputs from %s: %s: %s" % (uri, type(e).__name__, str(e)[:300]))
        code, stopped = run_command(launch["argv"], environment(run, launch.get("hyperparameters", {})))
        if stopped:
            return code  # stopped by Ray (Tollgate cancelled it): nothing to hand back
        try:
            upload(stage, run, code)
        except Exception as e:
            fail("cannot upload the results to %s: %s: %s" % (uri, type(e).__name__, str(e)[:300]))
        return code
    finally:
        shutil.rmtree(run, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
