#!/usr/bin/env python3
"""The numpy side of the workload benchmarks (BENCHMARKS.md), on the same data as the Java side.

    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 python3 benchmarks/python/workloads.py

Prints one line per workload: name, median seconds, min, max, final cost. The data come from a
formula both languages compute identically (an integer hash of the index), so no file is shared.
"""
import sys
import time

import numpy as np

MUL = np.uint64(6364136223846793005)
INC = np.uint64(1442695040888963407)


def uniform(start, count):
    """u(k) = ((k·6364136223846793005 + 1442695040888963407) mod 2⁶⁴ >> 11) · 2⁻⁵³ for k = start … start+count−1."""
    k = np.arange(start, start + count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return ((k * MUL + INC) >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def gaussian(start, count):
    """Box-Muller on pairs of u: N(0, 1)."""
    u1 = uniform(start, count)
    u2 = uniform(start + 10 ** 9, count)
    return np.sqrt(-2 * np.log1p(-u1)) * np.cos(2 * np.pi * u2)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def cost(a, y, m):
    """The note's J (N11); both sides record it at every iteration, as the course's code does."""
    return float(-np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)) / m)


def logistic(n=12288, m=209, iterations=2000, alpha=0.005):
    x = uniform(0, n * m).reshape(n, m)
    y = (uniform(5 * 10 ** 9, m) < 0.5).astype(np.float64).reshape(1, m)
    w, b = np.zeros((n, 1)), 0.0

    def run():
        nonlocal_w, nonlocal_b = w.copy(), b
        costs = []
        for _ in range(iterations):
            a = sigmoid(np.dot(nonlocal_w.T, x) + nonlocal_b)
            costs.append(cost(a, y, m))
            dz = a - y
            dw = np.dot(x, dz.T) / m
            db = np.sum(dz) / m
            nonlocal_w = nonlocal_w - alpha * dw
            nonlocal_b = nonlocal_b - alpha * db
        return cost(sigmoid(np.dot(nonlocal_w.T, x) + nonlocal_b), y, m)
    return run


def network(nx, nh, m, iterations, alpha, hidden, xs, ys):
    w1 = gaussian(0, nh * nx).reshape(nh, nx) * 0.01
    w2 = gaussian(7 * 10 ** 8, nh).reshape(1, nh) * 0.01
    g, dg = hidden

    def run():
        W1, b1, W2, b2 = w1.copy(), np.zeros((nh, 1)), w2.copy(), np.zeros((1, 1))
        costs = []
        for _ in range(iterations):
            z1 = np.dot(W1, xs) + b1
            a1 = g(z1)
            a2 = sigmoid(np.dot(W2, a1) + b2)
            costs.append(cost(a2, ys, m))
            dz2 = a2 - ys
            dW2 = np.dot(dz2, a1.T) / m
            db2 = np.sum(dz2, axis=1, keepdims=True) / m
            dz1 = np.dot(W2.T, dz2) * dg(z1)
            dW1 = np.dot(dz1, xs.T) / m
            db1 = np.sum(dz1, axis=1, keepdims=True) / m
            W1, b1, W2, b2 = W1 - alpha * dW1, b1 - alpha * db1, W2 - alpha * dW2, b2 - alpha * db2
        a2 = sigmoid(np.dot(W2, g(np.dot(W1, xs) + b1)) + b2)
        return cost(a2, ys, m)
    return run


RELU = (lambda z: np.maximum(0, z), lambda z: (z > 0).astype(np.float64))
TANH = (np.tanh, lambda z: 1 - np.tanh(z) ** 2)


def course_network():
    nx, m = 12288, 209
    x = uniform(0, nx * m).reshape(nx, m)
    y = (uniform(5 * 10 ** 9, m) < 0.5).astype(np.float64).reshape(1, m)
    return network(nx, 7, m, 2500, 0.0075, RELU, x, y)


def planar_network():
    m = 400
    x = uniform(0, 2 * m).reshape(2, m) * 8 - 4
    y = ((x[0] * x[1]) > 0).astype(np.float64).reshape(1, m)
    return network(2, 4, m, 10000, 1.2, TANH, x, y)


def measure(run, runs):
    run()  # warm-up
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2], times[0], times[-1], result


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    only = sys.argv[2:]
    for name, make in (("logistic", logistic), ("course-network", course_network), ("planar-network", planar_network)):
        if only and name not in only:
            continue
        median, lo, hi, final = measure(make(), runs)
        print("%s %.4f %.4f %.4f %.12g" % (name, median, lo, hi, final), flush=True)
    if only and "n17-dot" not in only:
        return
    a, b = uniform(0, 10 ** 6), uniform(10 ** 7, 10 ** 6)
    vec, _, _, c = measure(lambda: np.dot(a, b), 51)
    t = time.perf_counter()
    s = 0.0
    for i in range(10 ** 6):
        s += a[i] * b[i]
    loop = time.perf_counter() - t
    print("n17-dot %.6f %.6f %.6f %.12g" % (vec, loop, loop / vec, c))


if __name__ == "__main__":
    main()
