"""Reads hey's report on stdin and prints one tab-separated line: name, rps, p50, p90, p99 (ms),
errors. Usage: hey ... | python hey_line.py NAME"""
import re
import sys

text = sys.stdin.read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
# hey writes "  99%% in 0.0031 secs" (a Go template, so the %% stays doubled).
pct = dict(re.findall(r"\s(\d+)%+ in ([\d.]+) secs", text))
codes = re.findall(r"\[(\d+)\]\s+(\d+) responses", text)
errors = sum(int(n) for c, n in codes if c != "200")
errs = re.search(r"Error distribution:(.*)", text, re.S)
if errs:
    errors += sum(int(n) for n in re.findall(r"\[(\d+)\]", errs.group(1)))
ms = lambda k: f"{float(pct[k]) * 1000:.2f}" if k in pct else "n/a"
print(f"{sys.argv[1]}\trps={float(rps.group(1)):.0f}\tp50_ms={ms('50')}\tp90_ms={ms('90')}\tp99_ms={ms('99')}\tnon200={errors}")
