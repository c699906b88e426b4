"""Summarises onnx-serving.sh's raw lines (stdin) as a Markdown table, the medians over the rounds,
and checks issue 24's two goals: p99 < 5 ms at 2,000 single-row requests a second, and at least 5x
MLflow's throughput.

A raw line: round, server, load, then hey_line.py's fields, then cpu_s=, seconds=, loadavg=.
"""
import re
import statistics
import sys
from collections import defaultdict

ROWS = {"single-row @2000/s, 4 conns": 1, "single-row @2000/s, 20 conns": 1,
        "single-row max, 8 conns": 1, "100-row max, 8 conns": 100}

runs = defaultdict(list)  # (server, load) -> list of dicts
loads = []
for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 4 or not parts[0].startswith("round"):
        continue
    fields = dict(p.split("=", 1) for p in parts[3:] if "=" in p)
    runs[(parts[1], parts[2])].append(fields)
    loads.append(float(fields["loadavg"]))


def med(server, load, key):
    values = [float(r[key]) for r in runs[(server, load)] if r.get(key) not in (None, "n/a")]
    return statistics.median(values) if values else float("nan")


def cpu_per_request(server, load):
    values = [float(r["cpu_s"]) / max(1.0, float(r["rps"]) * float(r["seconds"])) * 1000
              for r in runs[(server, load)]]
    return statistics.median(values) if values else float("nan")


print("| server | load | rounds | requests/s | rows/s | p50 ms | p90 ms | p99 ms (worst round) "
      "| server CPU ms/request | non-200 |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for load, rows in ROWS.items():
    for server in ("tollgate", "mlflow"):
        if not runs[(server, load)]:
            continue
        rps = med(server, load, "rps")
        worst = max(float(r["p99_ms"]) for r in runs[(server, load)] if r["p99_ms"] != "n/a")
        errors = sum(int(r["non200"]) for r in runs[(server, load)])
        name = "**Tollgate (ONNX)**" if server == "tollgate" else "MLflow (pyfunc)"
        print(f"| {name} | {load} | {len(runs[(server, load)])} | {rps:,.0f} | {rps * rows:,.0f} "
              f"| {med(server, load, 'p50_ms'):.2f} | {med(server, load, 'p90_ms'):.2f} "
              f"| {med(server, load, 'p99_ms'):.2f} ({worst:.2f}) "
              f"| {cpu_per_request(server, load):.3f} | {errors} |")

print()
if loads:
    print(f"1-minute load average at the measurements' starts: {min(loads):.2f}-{max(loads):.2f}")
fixed = "single-row @2000/s, 4 conns"
p99, rate = med("tollgate", fixed, "p99_ms"), med("tollgate", fixed, "rps")
print(f"goal 1, p99 < 5 ms at 2,000 single-row requests/s (4 conns): Tollgate p99 {p99:.2f} ms at "
      f"{rate:,.0f} requests/s -> {'MET' if p99 < 5 and rate >= 1900 else 'NOT MET'}")
for load in ("single-row max, 8 conns", "100-row max, 8 conns"):
    t, m = med("tollgate", load, "rps"), med("mlflow", load, "rps")
    ratio = t / m if m else float("nan")
    print(f"goal 2, throughput >= 5x MLflow's, {load}: {t:,.0f} vs {m:,.0f} requests/s = "
          f"{ratio:.1f}x -> {'MET' if ratio >= 5 else 'NOT MET'}")
