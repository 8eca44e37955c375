#!/usr/bin/env python3
"""numpy's side of the BLAS evaluation (issue #14), driven by run.py; prints the harness's line format.

  bench_numpy.py products REFDIR [seconds]   np.matmul for Z1 = W1·X and dW1 = dZ1·Xᵀ (X.T is a view:
                                             OpenBLAS gets the transpose flag), checked against the
                                             plain Java kernels' results in REFDIR
  bench_numpy.py peak N                      square dgemm N×N×N, GFLOP/s
  bench_numpy.py stream MB                   single-threaded read (sum) and add bandwidth
  bench_numpy.py elementwise                 ns per element of tanh / exp / log on workload 3's sizes
  bench_numpy.py corename                    which OpenBLAS kernel numpy runs under this environment

Thread count: run it with OPENBLAS_NUM_THREADS=1 (run.py does).
"""
import ctypes
import glob
import os
import sys
import time

import numpy as np

N, M, H = 12288, 209, 7


def fill(length, salt, scale, shift):
    """Data.fill of the Java harness: ((hash(i + salt) in [0, 1)) + shift) * scale, bit for bit."""
    i = np.arange(length, dtype=np.uint64) + np.uint64(salt)
    h = (i * np.uint64(0x9E3779B1)) & np.uint64(0xFFFFFFFF)
    return ((h >> np.uint64(8)).astype(np.float64) / 16777216.0 + shift) * scale


def load():
    return "%.2f %.2f %.2f" % os.getloadavg()


def timeit(fn, seconds):
    end = time.perf_counter() + seconds * 0.5
    warm = 0
    while warm < 20 or time.perf_counter() < end:
        fn()
        warm += 1
    t = []
    end = time.perf_counter() + seconds
    while len(t) < 4000 and (len(t) < 30 or time.perf_counter() < end):
        t0 = time.perf_counter()
        fn()
        t.append((time.perf_counter() - t0) * 1e3)
    t.sort()
    return t[len(t) // 2], t[0], t[int(len(t) * 0.9)], len(t)


def products(refdir, seconds):
    x = fill(N * M, 1, 1.0, 0.0).reshape(N, M)
    w1 = fill(H * N, 2, 0.02, -0.5).reshape(H, N)
    dz1 = fill(H * M, 3, 1.0, -0.5).reshape(H, M)
    head = np.fromfile(os.path.join(refdir, "x-head.f8"), dtype="<f8")
    assert np.array_equal(head, x.ravel()[:16]), "numpy's X differs from Java's"
    ref_z1 = np.fromfile(os.path.join(refdir, "z1.f8"), dtype="<f8").reshape(H, M)
    ref_dw1 = np.fromfile(os.path.join(refdir, "dw1.f8"), dtype="<f8").reshape(H, N)
    z1 = np.empty((H, M))
    dw1 = np.empty((H, N))
    print("INFO numpy", np.__version__, "corename", corename())
    print("INFO load.before", load())
    u = np.finfo(np.float64).eps / 2
    for product, fn, out, ref, bound in (
        ("Z1=W1*X", lambda: np.matmul(w1, x, out=z1), z1, ref_z1, 2 * N * u * (np.abs(w1) @ np.abs(x))),
        ("dW1=dZ1*XT", lambda: np.matmul(dz1, x.T, out=dw1), dw1, ref_dw1, 2 * M * u * (np.abs(dz1) @ np.abs(x).T)),
        ("pair", lambda: (np.matmul(w1, x, out=z1), np.matmul(dz1, x.T, out=dw1)), None, None, None),
    ):
        med, lo, p90, reps = timeit(fn, seconds)
        if out is None:
            print("RESULT numpy %s %.4f %.4f %.4f %d 0 0 -" % (product, med, lo, p90, reps))
        else:
            e = np.abs(out - ref)
            ok = bool(np.all(e <= bound))
            print("RESULT numpy %s %.4f %.4f %.4f %d %.3e %.3e %s"
                  % (product, med, lo, p90, reps, e.max(), bound.max(), "ok" if ok else "WRONG"))
        sys.stdout.flush()
    print("INFO load.after", load())


def peak(n):
    a = fill(n * n, 5, 1.0, -0.5).reshape(n, n)
    b = fill(n * n, 6, 1.0, -0.5).reshape(n, n)
    c = np.empty((n, n))
    g = []
    for rep in range(9):
        t0 = time.perf_counter()
        np.matmul(a, b, out=c)
        s = time.perf_counter() - t0
        if rep >= 2:
            g.append(2.0 * n ** 3 / s / 1e9)
    g.sort()
    print("INFO corename", corename())
    print("PEAK %d %.2f %.2f" % (n, g[len(g) // 2], g[-1]))


def stream(mb):
    n = mb * 1024 * 1024 // 8
    a = np.ones(n)
    b = np.ones(n)
    c = np.empty(n)
    for name, fn, bytes_ in (("sum", lambda: a.sum(), 8 * n), ("add", lambda: np.add(a, b, out=c), 24 * n)):
        reps = max(5, min(200, (20 << 30) // bytes_))
        g = []
        for rep in range(reps + 3):
            t0 = time.perf_counter()
            fn()
            s = time.perf_counter() - t0
            if rep >= 3:
                g.append(bytes_ / s / 1e9)
        g.sort()
        print("STREAM numpy-%s %d 1 %.2f %.2f" % (name, mb, g[len(g) // 2], g[-1]))


def elementwise():
    """Workload 3's element-wise functions at its sizes (4 × 400 and 1 × 400), ns per element."""
    z = fill(1600, 7, 4.0, -0.5)
    out = np.empty(1600)
    for name, fn, count in (("tanh", lambda: np.tanh(z, out=out), 1600), ("exp", lambda: np.exp(z, out=out), 1600),
                            ("log", lambda: np.log(z + 3.0), 1600)):
        med, lo, _, _ = timeit(fn, 1.0)
        print("ELEMENTWISE numpy-%s %.2f" % (name, med * 1e6 / count))


def corename():
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "*openblas*.so*"))
    for lib in libs:
        dll = ctypes.CDLL(lib)
        for sym in ("scipy_openblas_get_corename64_", "openblas_get_corename64_", "openblas_get_corename"):
            if hasattr(dll, sym):
                f = getattr(dll, sym)
                f.restype = ctypes.c_char_p
                return f().decode()
    return "?"


def lib_corename(path):
    dll = ctypes.CDLL(path)
    f = dll.openblas_get_corename
    f.restype = ctypes.c_char_p
    g = dll.openblas_get_config
    g.restype = ctypes.c_char_p
    return "%s (%s)" % (f().decode(), g().decode())


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "products":
        products(sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 3.0)
    elif what == "peak":
        peak(int(sys.argv[2]))
    elif what == "stream":
        stream(int(sys.argv[2]))
    elif what == "elementwise":
        elementwise()
    elif what == "corename":
        print(corename() if len(sys.argv) < 3 else lib_corename(sys.argv[2]))
    else:
        sys.exit(__doc__)
