#!/usr/bin/env python3
"""BLAS evaluation for issue #14: benchmarks/run blas [--rounds R] [--seconds S] [--only SUBSTR] [--no-limits]

Runs every implementation of the 12288-7-1 network's two hot products (Z1 = W1·X, dW1 = dZ1·Xᵀ) in its
own process (a JVM with the flags it needs, or numpy), R rounds of all of them interleaved, and reports
the median over the rounds of each run's median; then measures this machine's bandwidth and fp64 peak
and prints the lower bounds they imply for the three course workloads. Single-threaded throughout
(OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=MKL_NUM_THREADS=1, bytedeco's blas_set_num_threads(1), and
-XX:ActiveProcessorCount=1 for the JVMs that time products).

The machine may be shared: each run records the CPU time that other processes took while it ran
("others", in cores: 0 is an idle machine, 1 is a whole core busy elsewhere), and before each run the
driver waits (up to 60 s) for a moment when the other core is mostly idle.

Output: a Markdown report on stdout, also written to benchmarks/blas/target/blas-report.md, and the raw
figures to benchmarks/blas/target/blas-results.json.
"""
import argparse
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "target"
JAR = TARGET / "dlbasis-blas-eval.jar"
REF = TARGET / "blas-ref"
VEC = ["--add-modules", "jdk.incubator.vector"]
ONE = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE as this machine's environment sets them (Haswell here), or unset:
# then OpenBLAS picks its kernel for the CPU itself (SkylakeX / Cooperlake, AVX-512, on this one)
AS_SET = {}
UNSET = {"OPENBLAS_CORETYPE": None, "OPENBLAS_L2_SIZE": None}
PRODUCTS = ["Z1=W1*X", "dW1=dZ1*XT", "pair"]
N, M, H = 12288, 209, 7


def env_with(changes):
    env = dict(os.environ, **ONE)
    for k, v in changes.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def coretype_label(changes):
    return "OPENBLAS_CORETYPE unset" if "OPENBLAS_CORETYPE" in changes else "OPENBLAS_CORETYPE=%s" % os.environ.get(
        "OPENBLAS_CORETYPE", "unset")


def bytedeco_lib():
    libs = glob.glob(os.path.expanduser("~/.javacpp/cache/openblas-*/org/bytedeco/openblas/*/libopenblas_nolapack.so.0"))
    return libs[0] if libs else None


def variants():
    """(label, command, environment changes); the JVMs' impl names are Main's."""
    java = ["java", "-Xmx4g", "-XX:ActiveProcessorCount=1"]
    j = lambda flags, impl: java + flags + ["-jar", str(JAR), "products", impl]
    lib = bytedeco_lib() or "BYTEDECO_LIB"
    native = ["-Ddev.ludovic.netlib.blas.nativeLibPath=" + lib]
    return [
        ("plain Java: ProductKernels as in the reference today (dW1 over a stored Xᵀ)", j([], "plain"), AS_SET),
        ("plain Java: dW1 as multiplyTransB dots over X", j([], "plain-dots"), AS_SET),
        ("Vector API kernel, run without the flag (scalar fallback = plain)", j([], "vector"), AS_SET),
        ("Vector API kernel, --add-modules jdk.incubator.vector (512-bit)", j(VEC, "vector"), AS_SET),
        ("Vector API kernel, flag, 256-bit vectors (an AVX2-only CPU's width)",
         j(VEC + ["-Dblaseval.vectorBits=256"], "vector"), AS_SET),
        ("Vector API kernel, flag, dW1 over a stored Xᵀ", j(VEC, "vector-xt"), AS_SET),
        ("netlib 3.2.0 JavaBLAS, no flag (Java11BLAS, pure Java)", j([], "netlib-java"), AS_SET),
        ("netlib 3.2.0 JavaBLAS, flag (VectorBLAS)", j(VEC, "netlib-java"), AS_SET),
        ("netlib 3.2.0 F2jBLAS (f2j-translated reference BLAS)", j([], "netlib-f2j"), AS_SET),
        ("netlib 3.2.0 NativeBLAS, default libblas.so.3 (= Debian's reference BLAS 3.11 here)",
         j([], "netlib-native"), AS_SET),
        ("bytedeco openblas 0.3.31, cblas_dgemm on double[] (JavaCPP copies the arrays)",
         j([], "openblas-arrays"), AS_SET),
        ("bytedeco openblas 0.3.31, cblas_dgemm, X off-heap once (W1/dZ1 in, result out: timed)",
         j([], "openblas-pointers"), AS_SET),
        ("bytedeco openblas 0.3.31, X off-heap, " + coretype_label(UNSET), j([], "openblas-pointers"), UNSET),
        ("netlib NativeBLAS -> bytedeco's libopenblas (no copies: JNI critical arrays)",
         j(native, "netlib-native"), AS_SET),
        ("netlib NativeBLAS -> bytedeco's libopenblas, " + coretype_label(UNSET), j(native, "netlib-native"), UNSET),
        ("numpy 2.4 np.matmul (OpenBLAS 0.3.31), " + coretype_label(AS_SET),
         [sys.executable, str(HERE / "bench_numpy.py"), "products", str(REF)], AS_SET),
        ("numpy 2.4 np.matmul (OpenBLAS 0.3.31), " + coretype_label(UNSET),
         [sys.executable, str(HERE / "bench_numpy.py"), "products", str(REF)], UNSET),
    ]


def cpu_times():
    """(busy, total) jiffies of the whole machine."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


QUIET_WAIT = 60.0
RETRIES = 2


def wait_quiet(threshold=0.25):
    """Wait until the machine's other activity is below threshold cores (sampled over 0.5 s)."""
    end = time.time() + QUIET_WAIT
    while True:
        b0, t0 = cpu_times()
        time.sleep(0.5)
        b1, t1 = cpu_times()
        busy = (b1 - b0) / max(1, t1 - t0) * os.cpu_count()
        if busy < threshold or time.time() > end:
            return busy


def run(cmd, changes):
    """run_once, again (up to RETRIES times) while other processes took more than half a core; the quietest run."""
    best = None
    for attempt in range(1 + RETRIES):
        r = run_once(cmd, changes)
        if best is None or r[1] < best[1]:
            best = r
        if r[1] <= 0.5:
            break
    return best


def run_once(cmd, changes):
    """Runs one measurement process; returns its output and the other processes' load meanwhile (cores)."""
    quiet = wait_quiet()
    b0, t0 = cpu_times()
    r0 = os.times()
    out = subprocess.run(cmd, env=env_with(changes), capture_output=True, text=True)
    r1 = os.times()
    b1, t1 = cpu_times()
    if out.returncode != 0:
        sys.stderr.write(out.stdout + out.stderr)
        raise SystemExit("failed: %s" % " ".join(cmd))
    hz = os.sysconf("SC_CLK_TCK")
    own = (r1.children_user - r0.children_user + r1.children_system - r0.children_system) * hz
    elapsed = max(1, t1 - t0) / os.cpu_count()
    others = max(0.0, (b1 - b0 - own) / elapsed)
    return out.stdout, others, quiet


def parse(text, tag):
    return [line.split()[1:] for line in text.splitlines() if line.startswith(tag + " ")]


def info(text):
    return {k: v for k, v in (line.split(" ", 2)[1:] for line in text.splitlines()
                             if line.startswith("INFO ") and len(line.split(" ", 2)) == 3)}


def products(rounds, seconds, only):
    subprocess.run(["java", "-jar", str(JAR), "reference", str(REF)], check=True)
    # a first bytedeco run extracts the native library that the netlib -> OpenBLAS rows point at
    if bytedeco_lib() is None:
        subprocess.run(["java", "-cp", str(JAR), "-Dorg.bytedeco.javacpp.logger.debug=false",
                        "org.dlbasis.blaseval.Main", "peak", "64"], env=env_with({}), capture_output=True)
    rows = [v for v in variants() if not only or only in v[0]]
    results = {label: {"runs": [], "info": {}, "others": []} for label, _, _ in rows}
    for r in range(rounds):
        for label, cmd, changes in rows:
            text, others, quiet = run(cmd + [str(seconds)], changes)
            res = {p[1]: {"median": float(p[2]), "min": float(p[3]), "p90": float(p[4]), "reps": int(p[5]),
                          "maxdiff": float(p[6]), "bound": float(p[7]), "ok": p[8]} for p in parse(text, "RESULT")}
            results[label]["runs"].append(res)
            results[label]["others"].append(others)
            results[label]["info"].update(info(text))
            bad = [p for p, v in res.items() if v["ok"] == "WRONG"]
            sys.stderr.write("round %d/%d  %-95s %s  others %.2f cores%s\n" % (
                r + 1, rounds, label[:95], "  ".join("%s %.3f" % (p, res[p]["median"]) for p in PRODUCTS if p in res),
                others, "  WRONG: " + ",".join(bad) if bad else ""))
    for label, v in results.items():
        v["median"] = {p: statistics.median(run[p]["median"] for run in v["runs"]) for p in PRODUCTS}
        v["spread"] = {p: (min(run[p]["median"] for run in v["runs"]), max(run[p]["median"] for run in v["runs"]))
                       for p in PRODUCTS}
        v["maxdiff"] = {p: max(run[p]["maxdiff"] for run in v["runs"]) for p in PRODUCTS[:2]}
        v["ok"] = all(run[p]["ok"] == "ok" for run in v["runs"] for p in PRODUCTS[:2])
    return results


def limits(results_seconds):
    """Bandwidth (Java: read = vector sum, triad; numpy), fp64 peak (dgemm) and element-wise rates."""
    out = {"stream": {}, "peak": {}, "elementwise": {}}
    java = ["java", "-Xmx8g"] + VEC + ["-jar", str(JAR)]
    # 20 MiB per thread is X's size (20.5 MB): it stays in the 32 MiB L3 when it is the only big array;
    # 512 MiB per array is 16 times L3 (main memory)
    for mb, threads in ((20, 1), (10, 2), (512, 1), (256, 2)):
        for rep in range(2):
            text, others, _ = run(java + ["stream", str(mb), str(threads)], AS_SET)
            for kernel, mbs, th, med, best in parse(text, "STREAM"):
                out["stream"].setdefault("java-%s %s MiB x %s thread(s)" % (kernel, mbs, th), []).append(
                    (float(med), float(best), others))
    for mb in (20, 512):
        text, others, _ = run([sys.executable, str(HERE / "bench_numpy.py"), "stream", str(mb)], AS_SET)
        for kernel, mbs, th, med, best in parse(text, "STREAM"):
            out["stream"].setdefault("%s %s MiB x 1 thread" % (kernel, mbs), []).append((float(med), float(best), others))
    for label, cmd in (("numpy dgemm 3000", [sys.executable, str(HERE / "bench_numpy.py"), "peak", "3000"]),
                       ("bytedeco dgemm 3000", ["java", "-Xmx4g", "-jar", str(JAR), "peak", "3000"])):
        for changes in (AS_SET, UNSET):
            for rep in range(2):
                text, others, _ = run(cmd, changes)
                core = info(text).get("corename", "")
                for n, med, best in parse(text, "PEAK"):
                    out["peak"].setdefault("%s, %s%s" % (label, coretype_label(changes), (" (" + core + ")") if core else ""),
                                           []).append((float(med), float(best), others))
    text, _, _ = run([sys.executable, str(HERE / "bench_numpy.py"), "elementwise"], AS_SET)
    for name, ns in parse(text, "ELEMENTWISE"):
        out["elementwise"][name] = float(ns)
    return out


def workloads(bw_l3, bw_dram, peak, ew):
    """Per iteration: bytes that must come from beyond L2, flops, and the lower bounds they imply (ms)."""
    rows = []
    n, m = 12288, 209
    # 1: logistic regression. One pass over X (Z of the next iteration and dw of this one share it);
    # w (98 KB) stays in L2. flops: Z = wᵀX (2nm), dw = X dZᵀ (2nm), σ, cost, update (2n)
    rows.append(dict(name="1. logistic regression n=12288, m=209, 2000 it", iters=2000,
                     passes={"1 pass over X": 8 * n * m}, flops=4 * n * m + 2 * n + 8 * m,
                     trans=3 * m, note="w (98 KB) stays in L2"))
    # 2: network 12288-7-1. Z1 = W1X and dW1 = dZ1Xᵀ each read X; a fused loop can share one pass.
    # W1 and dW1 (688 KB each) do not both fit the 1 MiB L2: W1 read for Z1, dW1 written, W1 read and
    # written by the update (4 × 688 KB) in the two-pass form, W1 read and written once fused.
    h = 7
    rows.append(dict(name="2. network 12288-7-1, m=209, 2500 it", iters=2500,
                     passes={"1 pass over X (fused)": 8 * n * m + 2 * 8 * h * n,
                             "2 passes (Z1, dW1 separately; as BLAS and the reference do)": 16 * n * m + 4 * 8 * h * n},
                     flops=4 * h * n * m + 9 * h * m + 8 * m + 2 * h * n + 4 * h + 2, trans=3 * m,
                     note="the reference also stores Xᵀ: its 2 passes touch 41 MB, more than the 32 MiB L3"))
    # 3: network 2-4-1 tanh, m=400: everything (X 6.4 KB, 4×400 buffers 12.8 KB each) stays in L1
    n3, h3, m3 = 2, 4, 400
    rows.append(dict(name="3. network 2-4-1 tanh, m=400, 10000 it", iters=10000,
                     passes={"L1-resident (no memory traffic)": 0},
                     flops=4 * h3 * n3 * m3 + 9 * h3 * m3 + 8 * m3 + 2 * h3 * n3 + 4 * h3 + 2,
                     trans=h3 * m3 + 3 * m3, note="1600 tanh + 400 exp + 800 log per iteration"))
    for r in rows:
        r["t_flops_ms"] = r["flops"] / (peak * 1e9) * 1e3
        r["t_trans_ms"] = r["trans"] * ew / 1e6
        r["bounds"] = {}
        for label, b in r["passes"].items():
            r["bounds"][label] = {"bytes": b, "t_l3_ms": b / (bw_l3 * 1e9) * 1e3, "t_dram_ms": b / (bw_dram * 1e9) * 1e3}
    return rows


def med(xs):
    return statistics.median(x[0] for x in xs)


def report(results, lim, rounds, seconds):
    lines = []
    p = lines.append
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    flags = next((l.split(":", 1)[1].split() for l in open("/proc/cpuinfo") if l.startswith("flags")), [])
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    p("# BLAS evaluation (issue #14): `benchmarks/run blas --rounds %d --seconds %g`" % (rounds, seconds))
    p("")
    p("Machine: %s, %d cores, family %s; avx2=%s fma=%s avx512f=%s; %s; load average at the end %s." % (
        cpu, os.cpu_count(),
        next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("cpu family")), "?"),
        "avx2" in flags, "fma" in flags, "avx512f" in flags, java, "%.2f %.2f %.2f" % os.getloadavg()))
    p("")
    if results:
        numpy = next((v for k, v in results.items() if k.startswith("numpy") and "unset" not in k), None)
        p("ms per product, single-threaded; median over %d rounds of each run's median (warm, >= %g s of "
          "repetitions); [min-max of the rounds]; ratio = this / numpy with this machine's OPENBLAS_CORETYPE "
          "(the BENCHMARKS.md baseline). `pair` = Z1 then dW1, as one iteration does them. others = CPU "
          "taken by other processes meanwhile (cores, max over rounds). max|diff| against the plain kernels; "
          "every result was within the rounding bound 2·k·u·(|A|·|B|)." % (rounds, seconds) if all(
              v["ok"] for v in results.values()) else "SOME RESULTS ARE WRONG: see the ok column")
        p("")
        p("| implementation | Z1 = W1·X | dW1 = dZ1·Xᵀ | pair | ratio Z1 | ratio dW1 | ratio pair | max abs diff | others |")
        p("|---|---|---|---|---|---|---|---|---|")
        for label, v in results.items():
            cells = ["%.2f [%.2f-%.2f]" % (v["median"][q], v["spread"][q][0], v["spread"][q][1]) for q in PRODUCTS]
            ratios = ["%.2f" % (v["median"][q] / numpy["median"][q]) if numpy else "-" for q in PRODUCTS]
            diff = "%.1e%s" % (max(v["maxdiff"].values()), "" if v["ok"] else " WRONG")
            p("| %s | %s | %s | %s | %.2f |" % (label, " | ".join(cells), " | ".join(ratios), diff, max(v["others"])))
        p("")
        p("Back ends and kernels picked:")
        p("")
        for label, v in results.items():
            keep = {k: x for k, x in v["info"].items() if k.startswith(("netlib", "vector", "openblas.loaded", "numpy"))}
            if keep:
                p("* %s: %s" % (label, "; ".join("%s = %s" % kv for kv in keep.items())))
        p("")
    if lim:
        p("## This machine's limits")
        p("")
        p("| measurement | median | best | others (cores) |")
        p("|---|---|---|---|")
        for k, xs in lim["stream"].items():
            p("| bandwidth %s | %.1f GB/s | %.1f GB/s | %.2f |" % (k, med(xs), max(x[1] for x in xs), max(x[2] for x in xs)))
        for k, xs in lim["peak"].items():
            p("| fp64 %s, 1 thread | %.1f GFLOP/s | %.1f GFLOP/s | %.2f |" % (k, med(xs), max(x[1] for x in xs),
                                                                           max(x[2] for x in xs)))
        for k, ns in lim["elementwise"].items():
            p("| %s at workload 3's size | %.2f ns/element | | |" % (k, ns))
        p("")
        bw_l3 = max(med(xs) for k, xs in lim["stream"].items() if k.startswith("java-sum 20 MiB x 1"))
        bw_dram = max(med(xs) for k, xs in lim["stream"].items() if k.startswith("java-sum 512 MiB x 1"))
        peak = max(med(xs) for k, xs in lim["peak"].items() if "unset" in k)
        peak_avx2 = max(med(xs) for k, xs in lim["peak"].items() if "unset" not in k)
        ew = statistics.mean(lim["elementwise"].values()) if lim["elementwise"] else 1.0
        p("Bounds below use: read bandwidth %.1f GB/s when X stays in L3 (20 MiB, 1 thread) and %.1f GB/s "
          "from main memory (512 MiB, 1 thread); fp64 peak %.1f GFLOP/s (AVX-512 dgemm, 1 thread; %.1f with "
          "AVX2 kernels); element-wise functions at %.2f ns each (numpy's SIMD tanh/exp/log)." % (
              bw_l3, bw_dram, peak, peak_avx2, ew))
        p("")
        p("| workload | traffic assumption | MB moved / it | MFLOP / it | bound from bandwidth, L3 / DRAM (ms / it) "
          "| bound from peak (ms / it) | lower bound, L3 / DRAM (ms / it) | whole run (s) |")
        p("|---|---|---|---|---|---|---|---|")
        for r in workloads(bw_l3, bw_dram, peak, ew):
            for label, b in r["bounds"].items():
                tf = r["t_flops_ms"] + (r["t_trans_ms"] if r["name"].startswith("3") else 0)
                lo_l3 = max(b["t_l3_ms"], tf)
                lo_dram = max(b["t_dram_ms"], tf)
                p("| %s | %s | %.2f | %.3f | %.3f / %.3f | %.4f%s | %.3f / %.3f | %.2f / %.2f |" % (
                    r["name"], label, b["bytes"] / 1e6, r["flops"] / 1e6, b["t_l3_ms"], b["t_dram_ms"], r["t_flops_ms"],
                    (" + %.4f element-wise" % r["t_trans_ms"]) if r["name"].startswith("3") else "", lo_l3, lo_dram,
                    lo_l3 * r["iters"] / 1e3, lo_dram * r["iters"] / 1e3))
        p("")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=2.0, help="timed seconds per product and run")
    ap.add_argument("--only", default="", help="only the implementations whose label contains this")
    ap.add_argument("--no-limits", action="store_true", help="skip the bandwidth / peak measurements")
    ap.add_argument("--no-products", action="store_true", help="only the bandwidth / peak measurements")
    ap.add_argument("--quiet-wait", type=float, default=60.0, help="seconds to wait for an idle core before a run")
    ap.add_argument("--retries", type=int, default=2, help="runs again while others took > 0.5 core")
    a = ap.parse_args()
    global QUIET_WAIT, RETRIES
    QUIET_WAIT, RETRIES = a.quiet_wait, a.retries
    if not JAR.exists():
        raise SystemExit("build first: mvn -q -B -f benchmarks/blas/pom.xml package")
    results = {} if a.no_products else products(a.rounds, a.seconds, a.only)
    lim = None if a.no_limits else limits(a.seconds)
    text = report(results, lim, a.rounds, a.seconds)
    TARGET.mkdir(exist_ok=True)
    (TARGET / "blas-report.md").write_text(text + "\n")
    (TARGET / "blas-results.json").write_text(json.dumps({"products": results, "limits": lim}, indent=1))
    print(text)


if __name__ == "__main__":
    main()
