"""Prints the CPU seconds (user + system) used so far by every live process of a process group:
a server and the workers it forked. Usage: python cpu.py PGID"""
import os
import sys

pgid, total = int(sys.argv[1]), 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        stat = open(f"/proc/{pid}/stat").read()
    except OSError:
        continue  # gone meanwhile
    fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "; comm may hold spaces
    if int(fields[2]) == pgid:  # field 5 of stat: the process group
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
print(f"{total / os.sysconf('SC_CLK_TCK'):.2f}")
