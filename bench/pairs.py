#!/usr/bin/env python3
"""bench/pairs.py RUNS 'COMMAND A' 'COMMAND B' - CPU time of A against B,
taken pair by pair: A and B run in turn (after one warm-up run of each),
RUNS times, and each pair's ratio is A's CPU time (user + system, the
kernel's own accounting of the finished child) over B's. On a shared
machine whose speed drifts, a ratio taken within a pair moves far less
than one taken between two separate series. Prints one line:
  A_ms B_ms RATIO LOW HIGH A_WALL_ms MIN_RATIO
the medians of A's and B's CPU milliseconds, the median pair ratio, the
lowest and highest pair ratio, the median of A's wall milliseconds, and
A's least CPU time over B's (what another program's work on a shared
machine only ever adds to: where it comes in bursts, a pair can take one
run in a burst and the other not, and the pair ratios spread to both
sides). Output of the commands is thrown away;
a command that fails makes this exit 1."""
import os
import shlex
import statistics
import subprocess
import sys
import time


def cpu_ms(argv, wall=None):
    """Runs argv, returns its CPU milliseconds (user + system); appends its
    wall milliseconds to wall when given."""
    start = time.monotonic()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=null, stderr=null)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    if wall is not None:
        wall.append((time.monotonic() - start) * 1000.0)
    if proc.returncode != 0:
        sys.exit("bench/pairs.py: %s exited with %d" % (shlex.join(argv), proc.returncode))
    return (usage.ru_utime + usage.ru_stime) * 1000.0


def main():
    if len(sys.argv) != 4 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit(__doc__.split("\n\n")[0])
    runs = int(sys.argv[1])
    a, b = shlex.split(sys.argv[2]), shlex.split(sys.argv[3])
    cpu_ms(a)
    cpu_ms(b)
    times_a, times_b, ratios, wall_a = [], [], [], []
    for _ in range(runs):
        ta, tb = cpu_ms(a, wall_a), cpu_ms(b)
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(ta / tb if tb > 0 else float("nan"))
    print("%.1f %.1f %.2f %.2f %.2f %.1f %.2f" % (statistics.median(times_a), statistics.median(times_b),
                                                  statistics.median(ratios), min(ratios), max(ratios),
                                                  statistics.median(wall_a),
                                                  min(times_a) / min(times_b) if min(times_b) > 0 else float("nan")))


if __name__ == "__main__":
    main()
