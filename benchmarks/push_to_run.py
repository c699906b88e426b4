"""From a push's delivery to the run starting: the driver of benchmarks/push-to-run.sh.

Each round commits a change to one spec in the work tree, pushes it to the bare repository the
worker fetches from, signs a push payload as GitHub does and POSTs it to the worker's
/github/webhook, noting the time just before the POST. It then reads, from the server's history,
when the delivery's workflow started, when the run's workflow started and when the run's first
activity (its first stage) was scheduled, and terminates the run so the next round has the machine
to itself. Times are wall-clock on one machine (the server's event times against time.time()).
"""

import argparse
import datetime
import hashlib
import hmac
import json
import statistics
import subprocess
import time
import urllib.request
import uuid


def git(work, *args):
    subprocess.run(["git", "-C", work, *args], check=True, capture_output=True)


def head(work):
    out = subprocess.run(["git", "-C", work, "rev-parse", "HEAD"], check=True, capture_output=True)
    return out.stdout.decode().strip()


def payload(repo, before, after, spec):
    return json.dumps({
        "ref": "refs/heads/main", "before": before, "after": after, "created": False,
        "deleted": False, "forced": False,
        "commits": [{"id": after, "message": "bench", "added": [], "removed": [],
                     "modified": [spec]}],
        "head_commit": {"id": after},
        "repository": {"full_name": repo, "name": repo.split("/")[1],
                       "clone_url": f"https://github.com/{repo}.git"},
        "pusher": {"name": "bench"},
    }).encode()


def post(url, secret, body, delivery):
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "X-GitHub-Event": "push",
        "X-GitHub-Delivery": delivery, "X-Hub-Signature-256": signature})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.status


def history(temporal, address, workflow_id, deadline):
    while True:
        out = subprocess.run([temporal, "workflow", "show", "-w", workflow_id, "-o", "json",
                              "--address", address], capture_output=True)
        if out.returncode == 0:
            events = json.loads(out.stdout).get("events", [])
            if any(kind(e) == "ACTIVITYTASKSCHEDULED" for e in events):
                return events
        if time.time() > deadline:
            raise SystemExit(f"push_to_run: {workflow_id} did not start a stage in time")
        time.sleep(0.2)


def event_time(event):
    text = event["eventTime"].rstrip("Z")
    seconds, _, fraction = text.partition(".")
    base = datetime.datetime.fromisoformat(seconds).replace(tzinfo=datetime.timezone.utc)
    return base.timestamp() + float("0." + (fraction or "0"))


def kind(event):
    """EVENT_TYPE_WORKFLOW_EXECUTION_STARTED or WorkflowExecutionStarted: WORKFLOWEXECUTIONSTARTED."""
    return event.get("eventType", "").upper().replace("_", "").removeprefix("EVENTTYPE")


def first(events, wanted):
    for e in events:
        if kind(e) == wanted:
            return event_time(e)
    raise SystemExit(f"push_to_run: no {wanted} event")


def main():
    p = argparse.ArgumentParser()
    for name in ("--work", "--spec", "--model", "--url", "--secret", "--repo", "--temporal",
                 "--address"):
        p.add_argument(name, required=True)
    p.add_argument("--rounds", type=int, default=10)
    a = p.parse_args()
    rows = []
    for i in range(a.rounds + 1):  # round 0 warms the worker up and is not counted
        before = head(a.work)
        with open(f"{a.work}/{a.spec}", "a") as spec:
            spec.write(f"# round {i}\n")
        git(a.work, "commit", "-qam", f"round {i}")
        git(a.work, "push", "-q", "origin", "HEAD:refs/heads/main")
        after = head(a.work)
        body = payload(a.repo, before, after, a.spec)
        delivery = str(uuid.uuid4())
        sent = time.time()
        status = post(a.url, a.secret, body, delivery)
        answered = time.time()
        if status != 202:
            raise SystemExit(f"push_to_run: the webhook answered {status}")
        run = f"pipeline/{a.model}/push-{after[:7]}-{delivery[:8]}"
        events = history(a.temporal, a.address, run, sent + 120)
        recorded = first(history_of(a, delivery), "WORKFLOWEXECUTIONSTARTED")
        started = first(events, "WORKFLOWEXECUTIONSTARTED")
        stage = first(events, "ACTIVITYTASKSCHEDULED")
        activity = next(e for e in events if kind(e) == "ACTIVITYTASKSCHEDULED").get(
            "activityTaskScheduledEventAttributes", {}).get("activityType", {}).get("name", "?")
        subprocess.run([a.temporal, "workflow", "terminate", "-w", run, "--reason", "benchmark",
                        "--address", a.address], capture_output=True)
        row = [(answered - sent) * 1000, (recorded - sent) * 1000, (started - sent) * 1000,
               (stage - sent) * 1000]
        print(f"round {i}: answer {row[0]:.0f} ms, delivery workflow {row[1]:.0f} ms, "
              f"run started {row[2]:.0f} ms, first activity ({activity}) scheduled {row[3]:.0f} ms"
              + (" (warm-up, not counted)" if i == 0 else ""), flush=True)
        if i > 0:
            rows.append(row)
        time.sleep(1)
    names = ["webhook answered (202)", "delivery workflow started", "run workflow started",
             "run's first activity scheduled"]
    print(f"\n{len(rows)} rounds, ms from the POST:  median  min  max")
    for k, name in enumerate(names):
        values = [r[k] for r in rows]
        print(f"  {name:30} {statistics.median(values):7.0f} {min(values):5.0f} {max(values):5.0f}")


def history_of(a, delivery):
    out = subprocess.run([a.temporal, "workflow", "show", "-w", f"github-delivery/{delivery}",
                          "-o", "json", "--address", a.address], capture_output=True, check=True)
    return json.loads(out.stdout).get("events", [])


if __name__ == "__main__":
    main()
