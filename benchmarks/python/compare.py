#!/usr/bin/env python3
"""One command for every speed figure of BENCHMARKS.md: benchmarks/run workloads [runs]

Runs the Java reference and numpy on the same workloads, one workload at a time (numpy once with its
BLAS limited to one thread, once with its default threads), prints each line with its medians and
the ratio reference / numpy as soon as it is measured, with a warning when another process's load
makes it unreliable, then times ./dlbasis conform against the reference and the numpy adapter.
"""
import os
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JAR = ROOT / "benchmarks" / "target" / "dlbasis-benchmarks.jar"
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def run(cmd, env=None):
    out = subprocess.run(cmd, env=dict(os.environ, **(env or {})), capture_output=True, text=True, check=True)
    rows = {}
    for line in out.stdout.splitlines():
        parts = line.split()
        rows[parts[0]] = [float(v) for v in parts[1:]]
    return rows


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    import numpy
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return "%s, %d cores, %s; %s; numpy %s, Python %s" % (cpu, os.cpu_count(), platform.system(), java,
                                                           numpy.__version__, platform.python_version())


def java_run(runs, name):
    return run(["java", "-Xmx4g", "-XX:ActiveProcessorCount=1", "-cp", str(JAR),
                "org.dlbasis.benchmarks.WorkloadBenchmark", runs, name])


def unreliable(one_thread, n_threads, load_before, load_after):
    """Why a line's figures may not be trustworthy: another process competing for the cores."""
    reasons = []
    if n_threads > 1.1 * one_thread:
        reasons.append("numpy's multi-threaded time (%.3f s) exceeds its single-threaded one (%.3f s): another "
                       "process's load likely makes this line unreliable" % (n_threads, one_thread))
    busy = max(load_before, load_after)
    if busy > 1.5:
        reasons.append("the 1-minute load average was %.1f during this line (other processes were running)" % busy)
    return reasons


def timed(cmd):
    t = time.perf_counter()
    code = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True).returncode
    return time.perf_counter() - t, code


def main():
    runs = sys.argv[1] if len(sys.argv) > 1 else "3"
    print("machine:", machine())
    print("date:", date.today().isoformat(), "; runs per workload:", runs, "(median; one warm-up run first)")
    header = "%-16s %12s %12s %12s %10s %10s %s" % ("workload", "reference s", "numpy 1T s", "numpy nT s",
                                                      "ratio 1T", "ratio nT", "final cost (reference / numpy)")
    print()
    print(header, flush=True)
    for name in ("logistic", "course-network", "planar-network"):
        # one workload at a time, printed as soon as it is measured (the three take minutes)
        load_before = os.getloadavg()[0]
        j = java_run(runs, name)[name]
        a = run([sys.executable, str(ROOT / "benchmarks/python/workloads.py"), runs, name], ONE_THREAD)[name]
        b = run([sys.executable, str(ROOT / "benchmarks/python/workloads.py"), runs, name])[name]
        print("%-16s %12.3f %12.3f %12.3f %10.2f %10.2f %.10g / %.10g" % (name, j[0], a[0], b[0], j[0] / a[0],
                                                                         j[0] / b[0], j[3], a[3]), flush=True)
        for warning in unreliable(a[0], b[0], load_before, os.getloadavg()[0]):
            print("  ! " + warning, flush=True)
    jd = java_run(runs, "n17-dot")["n17-dot"]
    nd = run([sys.executable, str(ROOT / "benchmarks/python/workloads.py"), runs, "n17-dot"], ONE_THREAD)["n17-dot"]
    print()
    print("N17, dot of two 1,000,000-element vectors: Java reference dot %.6f s, Java loop %.6f s (loop/dot %.2f); "
          "numpy dot %.6f s, Python loop %.3f s (loop/dot %.0f)" % (jd[0], jd[1], jd[2], nd[0], nd[1], nd[2]))
    print()
    subprocess.run(["./dlbasis", "--version"], cwd=ROOT, capture_output=True)  # build first, if needed
    reference, code_r = timed(["./dlbasis", "conform", "--quiet", "--report", "target/bench-conform-ref"])
    numpy_adapter, code_n = timed(["./dlbasis", "conform", "--quiet", "--report", "target/bench-conform-numpy",
                                   "--impl", "cmd:python3 adapters/numpy/dlbasis_numpy.py"])
    print("./dlbasis conform (reference): %.1f s, exit %d" % (reference, code_r))
    print("./dlbasis conform (numpy adapter): %.1f s, exit %d" % (numpy_adapter, code_n))


if __name__ == "__main__":
    main()
