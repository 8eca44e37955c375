#!/usr/bin/env python3
"""One command for every speed figure of BENCHMARKS.md: benchmarks/run workloads [runs]

Runs the Java reference and numpy on the same workloads, one workload at a time, each once on one
thread (1T) and once with its default threads (nT: every core), prints each line with its medians and
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


VECTOR = ["--add-modules", "jdk.incubator.vector"]


def java_run(runs, name, one_thread=True, vector=False):
    """The reference's train: on one core (the JVM sees one) or on every core (its default); plain Java,
    or with the Vector API module resolved (the reference then takes its Vector API kernel)."""
    flags = (["-XX:ActiveProcessorCount=1"] if one_thread else []) + (VECTOR if vector else [])
    return run(["java", "-Xmx4g"] + flags + ["-cp", str(JAR), "org.dlbasis.benchmarks.WorkloadBenchmark", runs, name])


def unreliable(one_thread, n_threads, load_before, load_after):
    """Why a line's figures may not be trustworthy: another process competing for the cores."""
    reasons = []
    if n_threads > 1.1 * one_thread:
        reasons.append("numpy's multi-threaded time (%.3f s) exceeds its single-threaded one (%.3f s): another "
                       "process's load likely makes this line unreliable" % (n_threads, one_thread))
    busy = max(load_before, load_after)
    if busy > os.cpu_count() + 0.5:  # the nT runs themselves keep every core busy
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
    header = "%-15s %9s %9s %9s %9s %9s | %8s %8s %8s | %s" % (
        "workload", "plain 1T", "vector 1T", "numpy 1T", "vector nT", "numpy nT", "plain/1T", "vec/1T",
        "vec/nT", "final cost (plain 1T / vector 1T / vector nT / numpy 1T)")
    print("plain: the reference as a plain dependency (no JVM flag); vector: the same jar on a JVM started with "
          "--add-modules jdk.incubator.vector (its Vector API kernel). 1T: one thread each (the JVM sees one core; "
          "numpy's BLAS limited to one thread); nT: every core, each side's default. Times: median seconds.")
    print()
    print(header, flush=True)
    for name in ("logistic", "course-network", "planar-network"):
        # one workload at a time, printed as soon as it is measured (the three take minutes)
        load_before = os.getloadavg()[0]
        plain = java_run(runs, name)[name]
        vec1 = java_run(runs, name, vector=True)[name]
        a = run([sys.executable, str(ROOT / "benchmarks/python/workloads.py"), runs, name], ONE_THREAD)[name]
        vecn = java_run(runs, name, one_thread=False, vector=True)[name]
        b = run([sys.executable, str(ROOT / "benchmarks/python/workloads.py"), runs, name])[name]
        print("%-15s %9.3f %9.3f %9.3f %9.3f %9.3f | %8.2f %8.2f %8.2f | %.10g / %.10g / %.10g / %.10g" % (
            name, plain[0], vec1[0], a[0], vecn[0], b[0], plain[0] / a[0], vec1[0] / a[0], vecn[0] / b[0],
            plain[3], vec1[3], vecn[3], a[3]), flush=True)
        for warning in unreliable(a[0], b[0], load_before, os.getloadavg()[0]):
            print("  ! " + warning, flush=True)
        if vec1[3] != vecn[3]:
            print("  ! the reference's final cost differs between 1 thread and all: threads must not change results",
                  flush=True)
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
