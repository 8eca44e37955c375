#!/usr/bin/env python3
"""Generates dlbasis's golden files from numpy, independently of the Java reference.

    python3 golden-data/generate.py                # (re)write golden-data/*.json
    python3 golden-data/generate.py --check        # regenerate in memory, compare values with the files
    python3 golden-data/generate.py --check --dir D    # ... with the files in D instead

Deterministic on any CPU and with any numpy of requirements.txt: every value written is exact
(numpy's integer and IEEE + - * / results, reshapes, transposes) or is computed with Python's
`decimal` at 60 digits or exact `fractions` and rounded once to float64 (activations, losses,
sums and dot products, and the models: forward passes, costs, gradients, steps and whole
training trajectories), so numpy's own rounding (BLAS, SIMD, libm) never reaches a file. numpy
supplies the random inputs (PCG64), the array shapes and the error texts. The format is
documented in golden-data/README.md.

--check compares VALUES, not bytes: the same cases in the same order, and every field equal
(numbers bit for bit, -0.0 included), except the header's provenance.numpy, which only records
the numpy that wrote the file. On a difference it names both numpy versions and the first
differing case of each file, and exits 1.
"""
import argparse
import decimal
import fractions
import itertools
import json
import math
import platform
import re
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "adapters" / "python"))
from dlbasis_protocol.codec import encode_double, encode_tensor  # noqa: E402  (the one JSON codec)

SEED = 20261130
U = 2.0 ** -53
D = decimal.Context(prec=60, Emin=-10**6, Emax=10**6)
decimal.setcontext(D)  # every Decimal operator too, not only D's methods, works at 60 digits

TOL = {
    "EXACT": (0.0, 0.0),
    "ELEM": (2.2250738585072014e-308, 1e-15),
    "DERIV": (1e-15, 1e-15),
    "LOSS": (1e-15, 1e-15),
    "MODEL": (1e-12, 1e-10),
    "TRAJ": (1e-10, 1e-8),
}


# ---------------------------------------------------------------- encoding

num = encode_double
tensor = encode_tensor


def tol(name, atol=None, rtol=None):
    a, r = TOL.get(name, (0.0, 0.0))
    return {"class": name, "atol": a if atol is None else atol, "rtol": r if rtol is None else rtol}


def gamma(n):
    return n * U / (1 - n * U)


class File:
    def __init__(self, name, description):
        self.name = name
        self.description = description
        self.cases = []

    def case(self, cid, clauses, op, inputs, expected=None, error=None, params=None, tolerance=None):
        c = {"id": cid, "clauses": clauses, "op": op, "params": params or {}, "inputs": inputs}
        if error is not None:
            c["error"] = error
        else:
            c["expected"] = expected
            c["tolerance"] = tolerance or tol("EXACT")
        if any(x["id"] == cid for x in self.cases):
            raise ValueError("duplicate case id " + cid)
        self.cases.append(c)

    def render(self):
        doc = {
            "format": "dlbasis-golden/1",
            "file": self.name,
            "description": self.description,
            "provenance": {
                "generator": "golden-data/generate.py",
                "numpy": np.__version__,
                "seed": SEED,
                "exact_values": "decimal (60 digits) and fractions, rounded once to float64",
            },
            "cases": self.cases,
        }
        return json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


# ---------------------------------------------------------------- exact helpers

def uniform(rng, low, high, size):
    """rng.uniform(low, high, size): the same draws, but low + (high - low)·u as two separate IEEE
    operations on every platform (numpy's C loop may be compiled to a fused multiply-add)."""
    return low + (high - low) * rng.random(size)


def dec(x):
    return D.create_decimal(float(x))


def rounded(d):
    return float(d)


def ln1p(x):
    """log(1 + x) to 60 digits for a Decimal or Fraction x > -1: at 60 digits 1 + x would lose a
    tiny x (1 + 1e-300 rounds to 1, and its log to 0), so below 1e-20 it is the series x - x^2/2 + ...
    (three terms leave an error under x^4 / 4 < 1e-80 |x|)."""
    if isinstance(x, fractions.Fraction):
        x = D.divide(decimal.Decimal(x.numerator), decimal.Decimal(x.denominator))
    if abs(x) < Dec("1e-20"):
        return x - x * x / 2 + x * x * x / 3
    return D.ln(1 + x)


def exact_sigmoid(z):
    if math.isnan(z):
        return math.nan
    if math.isinf(z):
        return 1.0 if z > 0 else 0.0
    return rounded(D.divide(1, D.add(1, D.exp(-dec(z)))))


def exact_tanh(z):
    if math.isnan(z):
        return math.nan
    if math.isinf(z):
        return math.copysign(1.0, z)
    if z == 0:
        return z
    e = D.exp(D.multiply(2, dec(z)))
    return rounded(D.divide(D.subtract(e, 1), D.add(e, 1)))


def exact_tanh_derivative(z):
    if math.isnan(z):
        return math.nan
    if math.isinf(z):
        return 0.0
    e = D.exp(dec(z))
    s = D.add(e, D.divide(1, e))
    return rounded(D.divide(4, D.multiply(s, s)))


def exact_sigmoid_derivative(z):
    if math.isnan(z):
        return math.nan
    if math.isinf(z):
        return 0.0
    e = D.exp(-dec(abs(z)))
    s = D.add(1, e)
    return rounded(D.divide(e, D.multiply(s, s)))


def exact_elu(z, alpha):
    if math.isnan(z):
        return math.nan
    if z >= 0:
        return z
    if math.isinf(z):
        return -alpha
    return rounded(D.multiply(dec(alpha), D.subtract(D.exp(dec(z)), 1)))


def activation_value(kind, p, z):
    if kind == "sigmoid":
        return exact_sigmoid(z)
    if kind == "tanh":
        return exact_tanh(z)
    if kind == "relu":
        return math.nan if math.isnan(z) else max(0.0, z)
    if kind == "leaky_relu":
        return z if (z >= 0 or math.isnan(z)) else p * z
    if kind == "elu":
        return exact_elu(z, p)
    return z


def activation_derivative(kind, p, z):
    if math.isnan(z):
        return math.nan
    if kind == "sigmoid":
        return exact_sigmoid_derivative(z)
    if kind == "tanh":
        return exact_tanh_derivative(z)
    if kind == "relu":
        return 1.0 if z > 0 else 0.0
    if kind == "leaky_relu":
        return 1.0 if z > 0 else p
    if kind == "elu":
        return 1.0 if z >= 0 else (0.0 if math.isinf(z) else rounded(D.multiply(dec(p), D.exp(dec(z)))))
    return 1.0


def exact_loss(yhat, y):
    """Only the selected term (SPEC LOSS-2)."""
    if (yhat if y == 1 else 1 - yhat) == 0:
        return math.inf
    if y == 1:
        return rounded(-D.ln(dec(yhat))) + 0.0
    return rounded(-ln1p(-fractions.Fraction(yhat))) + 0.0  # log(1 - yhat), exactly, even for yhat = 1e-300


def exact_loss_from_logit(z, y):
    t = -z if y == 1 else z
    return rounded(ln1p(D.exp(dec(t)))) + 0.0


def exact_dot(a, b):
    """Correctly rounded Σ aᵢbᵢ, and Σ|aᵢbᵢ|."""
    s = sum((fractions.Fraction(float(x)) * fractions.Fraction(float(y)) for x, y in zip(a, b)), fractions.Fraction(0))
    return float(s), float(sum(abs(fractions.Fraction(float(x)) * fractions.Fraction(float(y))) for x, y in zip(a, b)))


# ---------------------------------------------------------------- numpy error texts

def numpy_error(f):
    """numpy's message for a failing call, or None if it succeeds."""
    try:
        f()
    except Exception as e:  # numpy raises ValueError or AxisError
        return str(e)
    return None


def shape_text(s):
    return "(" + ",".join(str(d) for d in s) + ("," if len(s) == 1 else "") + ")"


# ---------------------------------------------------------------- files

def note_examples():
    f = File("note-examples.json", "The note's worked examples, exactly as printed (N17, N21-N28).")
    col = np.array([[1.0], [2.0], [3.0], [4.0]])
    f.case("N21-column-plus-scalar", ["BCAST-2", "BCAST-4"], "add",
           {"a": tensor(col), "b": tensor(np.float64(100))}, {"out": tensor(col + 100)})
    rows = np.tile(np.array([1.0, 2, 3, 4]), (4, 1))
    f.case("N22-matrix-plus-row", ["BCAST-1", "BCAST-2"], "add",
           {"a": tensor(rows), "b": tensor(np.ones((1, 4)))}, {"out": tensor(rows + np.ones((1, 4)))})
    f.case("N23-matrix-plus-column", ["BCAST-1", "BCAST-2"], "add",
           {"a": tensor(rows), "b": tensor(np.ones((4, 1)))}, {"out": tensor(rows + np.ones((4, 1)))})
    a = np.array([0.5, -1.25, 2.0, 3.0, -0.75])
    f.case("N24-N25-rank1-transpose", ["RANK1-1", "ARR-3"], "transpose", {"a": tensor(a)}, {"out": tensor(a.T)})
    f.case("N26-rank1-dot-itself", ["RANK1-2"], "dot", {"a": tensor(a), "b": tensor(a.T)},
           {"out": tensor(np.dot(a, a.T))})
    c = np.arange(1.0, 6.0).reshape(5, 1)
    f.case("N27-column-transpose", ["ARR-3", "RANK1-3"], "transpose", {"a": tensor(c)}, {"out": tensor(c.T)})
    f.case("N27-outer-product", ["RANK1-3"], "dot", {"a": tensor(c), "b": tensor(c.T)},
           {"out": tensor(np.dot(c, c.T))})
    f.case("N27-broadcast-product", ["RANK1-3", "BCAST-7"], "multiply", {"a": tensor(c), "b": tensor(c.T)},
           {"out": tensor(c * c.T)})
    f.case("N28-reshape-rank1-to-column", ["RANK1-4", "ARR-7"], "reshape", {"a": tensor(a)},
           {"out": tensor(a.reshape(5, 1))}, params={"dims": [5, 1]})
    rng = np.random.default_rng(SEED)
    n = 4096
    x, y = rng.random(n), rng.random(n)
    exact, abs_sum = exact_dot(x, y)
    f.case("N17-dot-of-two-long-vectors", ["VEC-3", "ARR-4"], "dot", {"a": tensor(x), "b": tensor(y)},
           {"out": tensor(np.float64(exact))}, tolerance=tol("SUM(4096)", gamma(n) * abs_sum, U))
    return f


SHAPES = [(), (1,), (3,), (4, 1), (1, 3), (4, 3), (3, 4), (0,), (0, 3), (1, 0), (2, 1, 3), (2, 4, 3), (1, 1, 1)]
BINARY = ["add", "subtract", "multiply", "divide", "maximum", "greater"]
NUMPY = {"add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.divide,
         "maximum": np.maximum, "greater": lambda a, b: np.greater(a, b).astype(np.float64)}


def broadcast():
    f = File("broadcast.json", "Broadcasting: every pair of a list of shapes, for every element-wise operation.")
    rng = np.random.default_rng(SEED + 1)
    for i, (sa, sb) in enumerate(itertools.product(SHAPES, SHAPES)):
        a = rng.integers(-4, 5, size=sa).astype(np.float64)
        b = rng.integers(1, 5, size=sb).astype(np.float64)  # no zero divisors: divide stays exact-friendly
        for op in BINARY:
            cid = "%s-%s-%s" % (op, shape_text(sa), shape_text(sb))
            message = numpy_error(lambda: NUMPY[op](a, b))
            inputs = {"a": tensor(a), "b": tensor(b)}
            if message is not None:
                ours = "operands could not be broadcast together with shapes %s %s" % (shape_text(sa), shape_text(sb))
                assert message.rstrip() == ours, (message, ours)
                f.case(cid, ["BCAST-3", "ERR-1"], op, inputs,
                       error={"kind": "SHAPE_MISMATCH", "message": ours})
            else:
                f.case(cid, ["BCAST-1", "BCAST-2"], op, inputs, {"out": tensor(NUMPY[op](a, b))})
    return f


def arrays():
    f = File("arrays.json", "transpose, dot, sum, reshape, exp and log, with numpy's error texts.")
    rng = np.random.default_rng(SEED + 2)
    for s in [(), (5,), (2, 3), (3, 1), (0, 2), (2, 3, 4)]:
        a = rng.standard_normal(s)
        f.case("transpose-%s" % shape_text(s), ["ARR-3"], "transpose", {"a": tensor(a)}, {"out": tensor(a.T)})
    for sa, sb in [((), (2, 3)), ((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 2)), ((2, 3), (3, 4)), ((0, 3), (3, 2)),
                   ((2, 0), (0, 2)), ((4, 1), (1, 4)), ((2, 3), (2, 3)), ((4, 3), (4,)), ((3,), (4,)), ((4,), (3, 2))]:
        a, b = rng.standard_normal(sa), rng.standard_normal(sb)
        cid = "dot-%s-%s" % (shape_text(sa), shape_text(sb))
        message = numpy_error(lambda: np.dot(a, b))
        if message is not None:
            f.case(cid, ["ARR-4", "ERR-1"], "dot", {"a": tensor(a), "b": tensor(b)},
                   error={"kind": "SHAPE_MISMATCH", "message": message})
            continue
        out = np.dot(a, b)
        exact, worst = exact_matmul(a, b)
        k = sa[-1] if len(sa) and len(sb) else 1
        f.case(cid, ["ARR-4"], "dot", {"a": tensor(a), "b": tensor(b)}, {"out": tensor(exact.reshape(out.shape))},
               tolerance=tol("SUM(%d)" % max(k, 1), gamma(max(k, 1)) * worst, U))
    for s in [(), (4,), (3, 4), (2, 3, 4), (0, 3), (2, 0)]:
        a = rng.standard_normal(s)
        for axis in [None] + list(range(-len(s) - 1, len(s) + 1)):
            for keep in (False, True):
                cid = "sum-%s-axis%s-%s" % (shape_text(s), axis, "keep" if keep else "drop")
                message = numpy_error(lambda: np.sum(a, axis=axis, keepdims=keep))
                params = {"axis": axis, "keepdims": keep}
                if message is not None:
                    f.case(cid, ["ARR-6", "ERR-1"], "sum", {"a": tensor(a)}, params=params,
                           error={"kind": "AXIS_OUT_OF_BOUNDS", "message": message})
                    continue
                out = np.sum(a, axis=axis, keepdims=keep)
                exact = exact_sum(a, axis, keep)
                n = a.size if (axis is None or s == ()) else s[axis]
                worst = float(np.max(exact_sum(np.abs(a), axis, keep))) if out.size else 0.0
                f.case(cid, ["ARR-6"], "sum", {"a": tensor(a)}, {"out": tensor(exact.reshape(out.shape))},
                       params=params, tolerance=tol("SUM(%d)" % max(n, 1), gamma(max(n, 1)) * worst * 1.0001, U))
    for s, dims in [((6,), [2, 3]), ((6,), [-1, 2]), ((2, 3), [3, 2]), ((2, 3), [-1]), ((2, 3, 4), [4, -1]),
                    ((0, 3), [3, 0]), ((5,), [5, 1]), ((5, 1), [-1]), ((1,), [])]:
        a = rng.standard_normal(s)
        f.case("reshape-%s-to-%s" % (shape_text(s), shape_text(dims)), ["ARR-7"], "reshape", {"a": tensor(a)},
               {"out": tensor(a.reshape(dims))}, params={"dims": dims})
    for s, dims, kind, ours in [((6,), [4], "SHAPE_MISMATCH", None), ((6,), [-1, 4], "SHAPE_MISMATCH",
                                "cannot reshape array of size 6 into shape (-1,4)"),
                               ((6,), [-1, -1], "INVALID_ARGUMENT", None)]:
        a = np.zeros(s)
        message = numpy_error(lambda: a.reshape(dims))
        f.case("reshape-%s-to-%s-error" % (shape_text(s), shape_text(dims)), ["ARR-7", "ERR-1"], "reshape",
               {"a": tensor(a)}, params={"dims": dims}, error={"kind": kind, "message": ours or message})
    specials = np.array([0.0, -0.0, 1.0, -1.0, 1e-300, 700.0, 710.0, -750.0, math.inf, -math.inf, math.nan, 2.5])
    with np.errstate(all="ignore"):
        f.case("exp-specials", ["ARR-2"], "exp", {"a": tensor(specials)},
               {"out": tensor([exact_exp(v) for v in specials])}, tolerance=tol("ELEM"))
        f.case("log-specials", ["ARR-2"], "log", {"a": tensor(specials)},
               {"out": tensor([exact_log(v) for v in specials])}, tolerance=tol("ELEM"))
    return f


def exact_exp(v):
    if math.isnan(v) or math.isinf(v):
        return np.exp(v)
    return rounded(D.exp(dec(v)))


def exact_log(v):
    if math.isnan(v) or v < 0:
        return math.nan
    if v == 0:
        return -math.inf
    if math.isinf(v):
        return math.inf
    return rounded(D.ln(dec(v)))


def exact_matmul(a, b):
    a2 = np.atleast_2d(a) if a.ndim else a
    if a.ndim == 0 or b.ndim == 0:
        return a * b, 0.0
    a2 = a.reshape(1, -1) if a.ndim == 1 else a
    b2 = b.reshape(-1, 1) if b.ndim == 1 else b
    out = np.zeros((a2.shape[0], b2.shape[1]))
    worst = 0.0
    for i in range(a2.shape[0]):
        for j in range(b2.shape[1]):
            out[i, j], abs_sum = exact_dot(a2[i, :], b2[:, j])
            worst = max(worst, abs_sum)
    return out, worst


def exact_sum(a, axis, keep):
    def fsum(values):
        return float(sum((fractions.Fraction(float(v)) for v in values), fractions.Fraction(0)))
    if axis is None or a.ndim == 0:
        return np.array(fsum(a.reshape(-1)))
    moved = np.moveaxis(a, axis, -1)
    out = np.zeros(moved.shape[:-1])
    for idx in np.ndindex(out.shape):
        out[idx] = fsum(moved[idx])
    return np.expand_dims(out, axis) if keep else out


GRID = [0.0, -0.0, 1e-12, -1e-12, 1.0, -1.0, 20.0, -20.0, 40.0, -40.0, 710.0, -710.0, 1000.0, -1000.0,
        0.5, -0.5, 3.0, -3.0, math.inf, -math.inf, math.nan]
ACTIVATIONS = [("sigmoid", 0.0, "ACT-1", "ACT-2", "ELEM", "DERIV"), ("tanh", 0.0, "ACT-3", "ACT-4", "ELEM", "DERIV"),
               ("relu", 0.0, "ACT-5", "ACT-6", "EXACT", "EXACT"),
               ("leaky_relu", 0.1, "ACT-7", "ACT-8", "EXACT", "EXACT"),
               ("leaky_relu", 0.2, "ACT-7", "ACT-8", "EXACT", "EXACT"),
               ("elu", 1.0, "ACT-9", "ACT-10", "DERIV", "DERIV"), ("elu", 0.5, "ACT-9", "ACT-10", "DERIV", "DERIV"),
               ("linear", 0.0, "ACT-12", "ACT-12", "EXACT", "EXACT")]


def activations():
    f = File("activations.json", "Every activation and derivative on the grid 0, ±1e-12, ±1, ±20, ±40, ±710, "
             "±1000 (and ±0.5, ±3, ±inf, NaN), correctly rounded via decimal at 60 digits.")
    z = np.array(GRID)
    for kind, p, value_clause, deriv_clause, value_tol, deriv_tol in ACTIVATIONS:
        params = {"activation": kind, "parameter": p}
        name = kind if kind in ("sigmoid", "tanh", "relu", "linear") else "%s(%s)" % (kind, p)
        f.case("value-" + name, [value_clause, "ACT-13"], "activation", {"z": tensor(z)},
               {"out": tensor([activation_value(kind, p, v) for v in GRID])}, params=params, tolerance=tol(value_tol))
        f.case("derivative-" + name, [deriv_clause, "ACT-13"], "activation_derivative", {"z": tensor(z)},
               {"out": tensor([activation_derivative(kind, p, v) for v in GRID])}, params=params,
               tolerance=tol(deriv_tol))
    pieces = np.array([[1.0, 2.0, -1.0, 0.0], [3.0, 2.0, -2.0, 0.0], [0.0, 2.0, -1.0, 0.0]])
    winners = np.argmax(pieces, axis=0)
    onehot = np.zeros_like(pieces)
    onehot[winners, np.arange(pieces.shape[1])] = 1
    f.case("maxout-ties", ["ACT-11"], "maxout", {"pieces": tensor(pieces)}, {"out": tensor(pieces.max(axis=0))})
    f.case("maxout-derivative-ties", ["ACT-11"], "maxout_derivative", {"pieces": tensor(pieces)},
           {"out": tensor(onehot)})
    f.case("maxout-no-pieces", ["ACT-11", "ERR-2"], "maxout", {"pieces": tensor(np.zeros((0, 3)))},
           error={"kind": "EMPTY_INPUT"})
    return f


def loss():
    f = File("loss.json", "Loss and cost at the extremes; exact values via decimal at 60 digits.")
    yhats = [0.0, 1e-300, 1e-16, 1e-8, 0.25, 0.5, 0.75, 1 - 1e-8, 1 - 2 ** -53, 1.0]
    for y in (0.0, 1.0):
        f.case("loss-y%d" % y, ["LOSS-1", "LOSS-2"], "loss",
               {"y_hat": tensor([yhats]), "y": tensor([[y] * len(yhats)])},
               {"out": tensor([[exact_loss(p, y) for p in yhats]])}, tolerance=tol("LOSS"))
    zs = [0.0, 1.0, -1.0, 20.0, -20.0, 40.0, -40.0, 710.0, -710.0, 1000.0, -1000.0]
    for y in (0.0, 1.0):
        f.case("loss-from-logits-y%d" % y, ["LOSS-4"], "loss_from_logits",
               {"z": tensor([zs]), "y": tensor([[y] * len(zs)])},
               {"out": tensor([[exact_loss_from_logit(z, y) for z in zs]])}, tolerance=tol("LOSS"))
    rng = np.random.default_rng(SEED + 3)
    p = uniform(rng, 0.01, 0.99, (2, 7))
    y = rng.integers(0, 2, size=(2, 7)).astype(np.float64)
    losses = [exact_loss(a, b) for a, b in zip(p.reshape(-1), y.reshape(-1))]
    total = math.fsum(losses)
    f.case("cost-2x7", ["LOSS-5"], "cost", {"y_hat": tensor(p), "y": tensor(y)}, {"out": num(total / 7)},
           tolerance=tol("LOSS"))
    zl = uniform(rng, -30, 30, (1, 9))
    yl = rng.integers(0, 2, size=(1, 9)).astype(np.float64)
    f.case("cost-from-logits-1x9", ["LOSS-5", "LOSS-4"], "cost_from_logits", {"z": tensor(zl), "y": tensor(yl)},
           {"out": num(math.fsum(exact_loss_from_logit(a, b) for a, b in zip(zl[0], yl[0])) / 9)},
           tolerance=tol("LOSS"))
    f.case("cost-no-samples", ["LOSS-5", "ERR-2"], "cost", {"y_hat": tensor(np.zeros((1, 0))),
                                                          "y": tensor(np.zeros((1, 0)))}, error={"kind": "EMPTY_INPUT"})
    f.case("cost-transposed-labels", ["LOSS-6"], "cost", {"y_hat": tensor([[0.9, 0.2, 0.7]]),
                                                          "y": tensor([[1.0], [0.0], [1.0]])},
           error={"kind": "SHAPE_MISMATCH"})
    f.case("cost-soft-label", ["LOSS-6"], "cost", {"y_hat": tensor([[0.9, 0.2]]), "y": tensor([[1.0, 0.5]])},
           error={"kind": "INVALID_LABEL"})
    f.case("cost-nan-prediction", ["LOSS-6", "ERR-3"], "cost", {"y_hat": tensor([[0.9, math.nan]]),
                                                               "y": tensor([[1.0, 0.0]])}, error={"kind": "NON_FINITE"})
    return f


# ---------------------------------------------------------------- models, exactly

# The models' expected values are the exact real-number results of the note's formulas on the
# case's float64 inputs: forward pass, cost (the stable logit form, mathematically the same
# cost), back propagation, one step, and whole training trajectories, all evaluated in decimal at
# 60 digits (the relative error stays far below 1e-40 through a trajectory) and rounded once to
# float64. A float64 implementation differs from them by its own rounding, which MODEL and TRAJ
# cover; numpy's rounding (BLAS, SIMD, libm) does not enter.

Dec = decimal.Decimal
KINKED = ("relu", "leaky_relu", "elu")


def dmat(a):
    """A 2-D float64 array as exact Decimals (lists of rows)."""
    a = np.asarray(a, dtype=np.float64)
    assert a.ndim == 2, a.shape
    return [[Dec(float(v)) for v in row] for row in a]


def dtensor(m):
    """Decimals rounded once to float64 (an exact zero is written 0.0), as a 2-D tensor."""
    return {"shape": [len(m), len(m[0]) if m else 0], "data": [num(float(v) + 0.0) for row in m for v in row]}


def dnum(v):
    return num(float(v) + 0.0)


def rounded_mat(m):
    """What a case's JSON holds: m rounded to float64, read back exactly."""
    return [[Dec(float(v) + 0.0) for v in row] for row in m]


def mm(a, b):
    return [[sum((a[i][k] * b[k][j] for k in range(len(b))), Dec(0)) for j in range(len(b[0]))]
            for i in range(len(a))]


def tr(a):
    return [list(r) for r in zip(*a)]


def emap(f, *ms):
    return [[f(*vals) for vals in zip(*rows)] for rows in zip(*ms)]


def plus_column(a, col):
    return [[v + col[i][0] for v in row] for i, row in enumerate(a)]


def row_sums(a):
    return [[sum(row, Dec(0))] for row in a]


def scaled(a, s):
    return [[v * s for v in row] for row in a]


def d_sigmoid(z):
    return 1 / (1 + (-z).exp())


def d_g(kind, p, z):
    if kind == "sigmoid":
        return d_sigmoid(z)
    if kind == "tanh":
        if z == 0:
            return Dec(0)
        e = (2 * z).exp()
        return (e - 1) / (e + 1)
    if kind == "relu":
        return z if z > 0 else Dec(0)
    if kind == "leaky_relu":
        return z if z >= 0 else p * z
    if kind == "elu":
        return z if z >= 0 else p * (z.exp() - 1)
    return z


def d_dg(kind, p, z):
    if kind == "sigmoid":
        e = (-abs(z)).exp()
        return e / ((1 + e) * (1 + e))
    if kind == "tanh":
        s = z.exp() + (-z).exp()
        return 4 / (s * s)
    if kind == "relu":
        return Dec(1) if z > 0 else Dec(0)
    if kind == "leaky_relu":
        return Dec(1) if z > 0 else p
    if kind == "elu":
        return Dec(1) if z >= 0 else p * z.exp()
    return Dec(1)


def d_cost(z, y):
    """(1/m) Σ log(1 + exp(t)), t = −z where y = 1 and z where y = 0 (SPEC LOSS-4, LOSS-5)."""
    terms = [ln1p((-zi if yi == 1 else zi).exp()) for zi, yi in zip(z[0], y[0])]
    return sum(terms, Dec(0)) / len(terms)


def check_kinks(kind, z):
    """A kinked activation's branch must not depend on rounding: no pre-activation within 1e-6 of 0
    unless it is exactly 0 (zero initialisation), where every implementation computes 0 too."""
    if kind in KINKED:
        for row in z:
            for v in row:
                assert v == 0 or abs(v) > Dec("1e-6"), "pre-activation %s is too close to the kink" % v


def lr_forward(w, b, x):
    return [[v + b for v in row] for row in mm(tr(w), x)]


def lr_backward(w, b, x, y):
    m = len(x[0])
    dz = emap(lambda a, yi: d_sigmoid(a) - yi, lr_forward(w, b, x), y)
    return scaled(mm(x, tr(dz)), Dec(1) / m), sum(dz[0], Dec(0)) / m


def logistic():
    f = File("logistic.json", "Logistic regression on fixed data: forward, cost, backward, one step, k steps.")
    rng = np.random.default_rng(SEED + 4)
    x = uniform(rng, -2, 2, (4, 6))
    y = np.array([[1.0, 0, 1, 1, 0, 0]])
    w = rng.standard_normal((4, 1))
    b = 0.3
    params = {"w": tensor(w), "b": num(b)}
    X, Y, W, B = dmat(x), dmat(y), dmat(w), Dec(b)
    z = lr_forward(W, B, X)
    f.case("forward", ["LR-1"], "lr_forward", {"params": params, "x": tensor(x)},
           {"out": dtensor(emap(d_sigmoid, z))}, tolerance=tol("MODEL"))
    f.case("cost", ["LR-2"], "lr_cost", {"params": params, "x": tensor(x), "y": tensor(y)},
           {"out": dnum(d_cost(z, Y))}, tolerance=tol("MODEL"))
    dw, db = lr_backward(W, B, X, Y)
    grads = {"dw": dtensor(dw), "db": dnum(db)}
    f.case("backward", ["LR-3"], "lr_backward", {"params": params, "x": tensor(x), "y": tensor(y)},
           grads, tolerance=tol("MODEL"))
    alpha = 0.1
    A = Dec(alpha)
    stepped_w = emap(lambda wi, gi: wi - A * gi, W, rounded_mat(dw))
    stepped_b = B - A * Dec(float(db) + 0.0)
    f.case("step", ["GD-1"], "lr_step", {"params": params, "grads": grads},
           {"params": {"w": dtensor(stepped_w), "b": dnum(stepped_b)}}, params={"learning_rate": alpha},
           tolerance=tol("MODEL"))
    k = 10
    costs = []
    wk, bk = W, B
    for _ in range(k):
        costs.append(d_cost(lr_forward(wk, bk, X), Y))
        gw, gb = lr_backward(wk, bk, X, Y)
        wk, bk = emap(lambda wi, gi: wi - A * gi, wk, gw), bk - A * gb
    costs.append(d_cost(lr_forward(wk, bk, X), Y))
    f.case("train-10", ["GD-5"], "lr_train", {"params": params, "x": tensor(x), "y": tensor(y)},
           {"params": {"w": dtensor(wk), "b": dnum(bk)}, "costs": tensor([float(c) for c in costs])},
           params={"learning_rate": alpha, "iterations": k}, tolerance=tol("TRAJ"))
    # saturated (SPEC BACKPROP-8): w and b times 40 push |z| far beyond 37, where sigmoid rounds to 0 or 1
    ws, bs = w * 40, b * 40
    sat = {"w": tensor(ws), "b": num(bs)}
    zs = lr_forward(dmat(ws), Dec(bs), X)
    assert max(abs(v) for v in zs[0]) > 37, "not saturated"
    f.case("cost-saturated", ["BACKPROP-8", "LR-2"], "lr_cost", {"params": sat, "x": tensor(x), "y": tensor(y)},
           {"out": dnum(d_cost(zs, Y))}, tolerance=tol("MODEL"))
    dws, dbs = lr_backward(dmat(ws), Dec(bs), X, Y)
    f.case("backward-saturated", ["BACKPROP-8", "LR-3"], "lr_backward",
           {"params": sat, "x": tensor(x), "y": tensor(y)}, {"dw": dtensor(dws), "db": dnum(dbs)},
           tolerance=tol("MODEL"))
    f.case("wrong-w-shape", ["LR-1", "DIM-3"], "lr_forward", {"params": {"w": tensor(w.T), "b": num(b)},
                                                             "x": tensor(x)}, error={"kind": "SHAPE_MISMATCH"})
    f.case("negative-learning-rate", ["GD-2"], "lr_step", {"params": params, "grads": grads},
           params={"learning_rate": -0.1}, error={"kind": "INVALID_ARGUMENT"})
    return f


def net_forward(p, x, kind, a):
    z1 = plus_column(mm(p["w1"], x), p["b1"])
    check_kinks(kind, z1)
    a1 = emap(lambda v: d_g(kind, a, v), z1)
    z2 = plus_column(mm(p["w2"], a1), p["b2"])
    return z1, a1, z2, emap(d_sigmoid, z2)


def net_backward(p, x, y, kind, a):
    inv_m = Dec(1) / len(x[0])
    z1, a1, z2, a2 = net_forward(p, x, kind, a)
    dz2 = emap(lambda ai, yi: ai - yi, a2, y)
    dz1 = emap(lambda s, z: s * d_dg(kind, a, z), mm(tr(p["w2"]), dz2), z1)
    return {"w1": scaled(mm(dz1, tr(x)), inv_m), "b1": scaled(row_sums(dz1), inv_m),
            "w2": scaled(mm(dz2, tr(a1)), inv_m), "b2": scaled(row_sums(dz2), inv_m)}


def net_step(p, g, alpha):
    return {key: emap(lambda v, d: v - alpha * d, p[key], g[key]) for key in p}


def net_params(p):
    return {k: tensor(v) for k, v in p.items()}


def net_dparams(p):
    return {k: dtensor(v) for k, v in p.items()}


def net_grads(g):
    return {"dw1": dtensor(g["w1"]), "db1": dtensor(g["b1"]), "dw2": dtensor(g["w2"]), "db2": dtensor(g["b2"])}


def net_train(p, x, y, kind, a, alpha, k):
    costs = []
    for _ in range(k):
        costs.append(d_cost(net_forward(p, x, kind, a)[2], y))
        p = net_step(p, net_backward(p, x, y, kind, a), alpha)
    costs.append(d_cost(net_forward(p, x, kind, a)[2], y))
    return p, tensor([float(c) for c in costs])


def network():
    f = File("network.json", "The two-layer network for each hidden activation: forward, cost, backward, one "
             "step, k steps; and zero-initialisation trajectories.")
    rng = np.random.default_rng(SEED + 5)
    x = uniform(rng, -2, 2, (3, 5))
    y = np.array([[1.0, 0, 1, 0, 1]])
    p = {"w1": rng.standard_normal((4, 3)) * 0.5, "b1": rng.standard_normal((4, 1)) * 0.1,
         "w2": rng.standard_normal((1, 4)) * 0.5, "b2": np.array([[0.05]])}
    X, Y, P = dmat(x), dmat(y), {key: dmat(v) for key, v in p.items()}
    alpha, k = 0.5, 5
    for kind, a, *_ in ACTIVATIONS:
        name = kind if kind in ("sigmoid", "tanh", "relu", "linear") else "%s(%s)" % (kind, a)
        params = {"activation": kind, "parameter": a}
        inputs = {"params": net_params(p), "x": tensor(x), "y": tensor(y)}
        z1, a1, z2, a2 = net_forward(P, X, kind, Dec(a))
        f.case("forward-" + name, ["NET-2", "NET-3"], "net_forward", {"params": net_params(p), "x": tensor(x)},
               {"z1": dtensor(z1), "a1": dtensor(a1), "z2": dtensor(z2), "a2": dtensor(a2)}, params=params,
               tolerance=tol("MODEL"))
        f.case("cost-" + name, ["NET-3"], "net_cost", inputs, {"out": dnum(d_cost(z2, Y))},
               params=params, tolerance=tol("MODEL"))
        g = net_backward(P, X, Y, kind, Dec(a))
        f.case("backward-" + name, ["BACKPROP-2", "BACKPROP-3", "BACKPROP-4", "BACKPROP-5", "BACKPROP-6"],
               "net_backward", inputs, net_grads(g), params=params, tolerance=tol("MODEL"))
        stepped = net_step(P, {key: rounded_mat(v) for key, v in g.items()}, Dec(alpha))
        f.case("step-" + name, ["GD-1"], "net_step", {"params": net_params(p), "grads": net_grads(g)},
               {"params": net_dparams(stepped)}, params={"learning_rate": alpha}, tolerance=tol("MODEL"))
        trained, costs = net_train(P, X, Y, kind, Dec(a), Dec(alpha), k)
        f.case("train-%d-%s" % (k, name), ["GD-5", "NET-3"], "net_train", inputs,
               {"params": net_dparams(trained), "costs": costs},
               params=dict(params, learning_rate=alpha, iterations=k), tolerance=tol("TRAJ"))
    # saturated outputs (SPEC BACKPROP-8): W[2] and b[2] times 100 push |Z[2]| beyond 37, where sigmoid
    # rounds to 0 or 1; the cost from Z[2] stays finite and the gradients are their limits (dZ[2] = A[2] - Y)
    sat = dict(p, w2=p["w2"] * 100, b2=p["b2"] * 100)
    S = {key: dmat(v) for key, v in sat.items()}
    for kind, a in (("tanh", 0.0), ("relu", 0.0), ("sigmoid", 0.0)):
        params = {"activation": kind, "parameter": a}
        inputs = {"params": net_params(sat), "x": tensor(x), "y": tensor(y)}
        z1, a1, z2, a2 = net_forward(S, X, kind, Dec(a))
        assert max(abs(v) for v in z2[0]) > 37, "not saturated"
        f.case("cost-saturated-" + kind, ["BACKPROP-8", "NET-3"], "net_cost", inputs, {"out": dnum(d_cost(z2, Y))},
               params=params, tolerance=tol("MODEL"))
        f.case("backward-saturated-" + kind, ["BACKPROP-8", "BACKPROP-1"], "net_backward", inputs,
               net_grads(net_backward(S, X, Y, kind, Dec(a))), params=params, tolerance=tol("MODEL"))
    zero = {"w1": np.zeros((4, 3)), "b1": np.zeros((4, 1)), "w2": np.zeros((1, 4)), "b2": np.zeros((1, 1))}
    for kind in ("sigmoid", "tanh", "relu"):
        trained, costs = net_train({key: dmat(v) for key, v in zero.items()}, X, Y, kind, Dec(0), Dec(alpha), 8)
        f.case("zero-init-train-8-" + kind, ["INIT-2", "INIT-3"], "net_train",
               {"params": net_params(zero), "x": tensor(x), "y": tensor(y)},
               {"params": net_dparams(trained), "costs": costs},
               params={"activation": kind, "parameter": 0.0, "learning_rate": alpha, "iterations": 8},
               tolerance=tol("TRAJ"))
    return f


# ---------------------------------------------------------------- deep networks, exactly

# The L-layer network of SPEC DEEP-*: the two-layer formulas above, repeated layer by layer, in
# decimal at 60 digits and rounded once, exactly as network() computes its cases. Parameters are
# lists [W[1], ..., W[L]] and [b[1], ..., b[L]] of exact matrices; in a case they travel flat, as
# "w1", "b1", ..., "wL", "bL" (spec/PROTOCOL.md).

def deep_forward(ws, bs, x, kind, a):
    """Z[l] = W[l] A[l-1] + b[l]; A[l] = g(Z[l]) for l < L, A[L] = sigmoid(Z[L]) (SPEC DEEP-2)."""
    zs, acts, previous = [], [], x
    for l, (w, b) in enumerate(zip(ws, bs), start=1):
        z = plus_column(mm(w, previous), b)
        if l < len(ws):
            check_kinks(kind, z)
            act = emap(lambda v: d_g(kind, a, v), z)
        else:
            act = emap(d_sigmoid, z)
        zs.append(z)
        acts.append(act)
        previous = act
    return zs, acts


def deep_cost(z, y):
    """(1/m) times the sum over all n[L]*m outputs of log(1 + exp(t)), t = -z where y = 1 and z where
    y = 0 (SPEC DEEP-3, LOSS-4, LOSS-5)."""
    terms = [ln1p((-zi if yi == 1 else zi).exp()) for zrow, yrow in zip(z, y) for zi, yi in zip(zrow, yrow)]
    return sum(terms, Dec(0)) / len(z[0])


def deep_backward(ws, bs, x, y, kind, a):
    """dZ[L] = A[L] - Y; dW[l] = (1/m) dZ[l] A[l-1]^T; db[l] = (1/m) sum(dZ[l], axis 1);
    dZ[l-1] = W[l]^T dZ[l] * g'(Z[l-1]) (SPEC DEEP-4)."""
    inv_m = Dec(1) / len(x[0])
    zs, acts = deep_forward(ws, bs, x, kind, a)
    dws, dbs = [None] * len(ws), [None] * len(ws)
    dz = emap(lambda ai, yi: ai - yi, acts[-1], y)
    for l in range(len(ws), 0, -1):
        previous = acts[l - 2] if l > 1 else x
        dws[l - 1] = scaled(mm(dz, tr(previous)), inv_m)
        dbs[l - 1] = scaled(row_sums(dz), inv_m)
        if l > 1:
            dz = emap(lambda s, z: s * d_dg(kind, a, z), mm(tr(ws[l - 1]), dz), zs[l - 2])
    return dws, dbs


def deep_step(ws, bs, dws, dbs, alpha):
    step = lambda ps, ds: [emap(lambda v, d: v - alpha * d, p, g) for p, g in zip(ps, ds)]
    return step(ws, dws), step(bs, dbs)


def deep_train(ws, bs, x, y, kind, a, alpha, k):
    costs = []
    for _ in range(k):
        costs.append(deep_cost(deep_forward(ws, bs, x, kind, a)[0][-1], y))
        ws, bs = deep_step(ws, bs, *deep_backward(ws, bs, x, y, kind, a), alpha)
    costs.append(deep_cost(deep_forward(ws, bs, x, kind, a)[0][-1], y))
    return ws, bs, tensor([float(c) for c in costs])


def layered(first, firsts, second, seconds, encode):
    """{"w1": ..., "b1": ..., "w2": ...}: one entry per layer and prefix, layer by layer."""
    out = {}
    for l, (f, s) in enumerate(zip(firsts, seconds), start=1):
        out["%s%d" % (first, l)] = encode(f)
        out["%s%d" % (second, l)] = encode(s)
    return out


def deep_case_set(f, label, sizes, kind, a, ws, bs, x, y, alpha, k, clauses_extra=()):
    """forward, cost, backward, one step and k steps of one network, as network() does for two layers."""
    name = kind if kind in ("sigmoid", "tanh", "relu", "linear") else "%s(%s)" % (kind, a)
    cid = "%s-%s" % (label, name)
    params = {"activation": kind, "parameter": a}
    W, B, X, Y, A = [dmat(w) for w in ws], [dmat(b) for b in bs], dmat(x), dmat(y), Dec(a)
    p = layered("w", ws, "b", bs, tensor)
    inputs = {"params": p, "x": tensor(x), "y": tensor(y)}
    zs, acts = deep_forward(W, B, X, kind, A)
    extra = list(clauses_extra)
    f.case("forward-" + cid, ["DEEP-2"] + extra, "deep_forward", {"params": p, "x": tensor(x)},
           layered("z", zs, "a", acts, dtensor), params=params, tolerance=tol("MODEL"))
    f.case("cost-" + cid, ["DEEP-3"] + extra, "deep_cost", inputs, {"out": dnum(deep_cost(zs[-1], Y))},
           params=params, tolerance=tol("MODEL"))
    dws, dbs = deep_backward(W, B, X, Y, kind, A)
    grads = layered("dw", dws, "db", dbs, dtensor)
    f.case("backward-" + cid, ["DEEP-4"] + extra, "deep_backward", inputs, grads, params=params,
           tolerance=tol("MODEL"))
    sw, sb = deep_step(W, B, [rounded_mat(d) for d in dws], [rounded_mat(d) for d in dbs], Dec(alpha))
    f.case("step-" + cid, ["DEEP-11"] + extra, "deep_step", {"params": p, "grads": grads},
           {"params": layered("w", sw, "b", sb, dtensor)}, params={"learning_rate": alpha}, tolerance=tol("MODEL"))
    tw, tb, costs = deep_train(W, B, X, Y, kind, A, Dec(alpha), k)
    f.case("train-%d-%s" % (k, cid), ["DEEP-12"] + extra, "deep_train", inputs,
           {"params": layered("w", tw, "b", tb, dtensor), "costs": costs},
           params=dict(params, learning_rate=alpha, iterations=k), tolerance=tol("TRAJ"))


def deep():
    f = File("deep.json", "The L-layer network [LINEAR -> g] x (L-1) -> LINEAR -> SIGMOID (SPEC DEEP-*): "
             "L = 3 for each hidden activation, L = 4 with two outputs, L = 1, L = 2 against network.json's "
             "network, saturated outputs, zero initialisation, and errors.")
    rng = np.random.default_rng(SEED + 6)
    alpha = 0.5

    def draw(sizes, scale):
        ws = [rng.standard_normal((sizes[l], sizes[l - 1])) * scale for l in range(1, len(sizes))]
        bs = [rng.standard_normal((sizes[l], 1)) * 0.125 for l in range(1, len(sizes))]
        return ws, bs

    # L = 3, every hidden activation, one output
    sizes3 = [3, 4, 3, 1]
    x3 = uniform(rng, -2, 2, (3, 5))
    y3 = np.array([[1.0, 0, 1, 0, 1]])
    ws3, bs3 = draw(sizes3, 0.75)
    for kind, a, *_ in ACTIVATIONS:
        deep_case_set(f, "L3", sizes3, kind, a, ws3, bs3, x3, y3, alpha, 4)

    # L = 4, two output units: the cost sums both rows and divides by m
    sizes4 = [4, 5, 4, 3, 2]
    x4 = uniform(rng, -2, 2, (4, 6))
    y4 = np.array([[1.0, 0, 1, 1, 0, 0], [0.0, 0, 1, 0, 1, 1]])
    ws4, bs4 = draw(sizes4, 0.75)
    for kind, a in (("tanh", 0.0), ("relu", 0.0), ("leaky_relu", 0.2), ("elu", 0.5), ("sigmoid", 0.0)):
        deep_case_set(f, "L4", sizes4, kind, a, ws4, bs4, x4, y4, alpha, 3)

    # L = 1: no hidden layer, logistic regression with two outputs (the activation is unused)
    x1 = uniform(rng, -2, 2, (3, 4))
    y1 = np.array([[1.0, 0, 0, 1], [0.0, 1, 0, 1]])
    ws1, bs1 = draw([3, 2], 1.0)
    deep_case_set(f, "L1", [3, 2], "tanh", 0.0, ws1, bs1, x1, y1, alpha, 3, ["DEEP-1"])

    # L = 2 on network.json's inputs: the two-layer network's values (SPEC DEEP-13)
    net = np.random.default_rng(SEED + 5)
    xn = uniform(net, -2, 2, (3, 5))
    yn = np.array([[1.0, 0, 1, 0, 1]])
    pn = {"w1": net.standard_normal((4, 3)) * 0.5, "b1": net.standard_normal((4, 1)) * 0.1,
          "w2": net.standard_normal((1, 4)) * 0.5, "b2": np.array([[0.05]])}
    for kind, a in (("tanh", 0.0), ("relu", 0.0)):
        deep_case_set(f, "L2-as-network", [3, 4, 1], kind, a, [pn["w1"], pn["w2"]], [pn["b1"], pn["b2"]], xn, yn,
                      alpha, 5, ["DEEP-13"])

    # saturated outputs: W[L] and b[L] times 100 push |Z[L]| beyond 37, where sigmoid rounds to 0 or 1
    ws_sat = ws3[:-1] + [ws3[-1] * 100]
    bs_sat = bs3[:-1] + [bs3[-1] * 100]
    for kind, a in (("tanh", 0.0), ("relu", 0.0)):
        name = "saturated-L3-" + kind
        W, B, X, Y = [dmat(w) for w in ws_sat], [dmat(b) for b in bs_sat], dmat(x3), dmat(y3)
        zs, _ = deep_forward(W, B, X, kind, Dec(a))
        assert max(abs(v) for v in zs[-1][0]) > 37, "not saturated"
        p = layered("w", ws_sat, "b", bs_sat, tensor)
        inputs = {"params": p, "x": tensor(x3), "y": tensor(y3)}
        params = {"activation": kind, "parameter": a}
        f.case("cost-" + name, ["DEEP-7", "DEEP-3"], "deep_cost", inputs, {"out": dnum(deep_cost(zs[-1], Y))},
               params=params, tolerance=tol("MODEL"))
        dws, dbs = deep_backward(W, B, X, Y, kind, Dec(a))
        f.case("backward-" + name, ["DEEP-7", "DEEP-4"], "deep_backward", inputs,
               layered("dw", dws, "db", dbs, dtensor), params=params, tolerance=tol("MODEL"))

    # zero initialisation: only b[L] moves when g(0) = 0; with sigmoid W[l] first moves at step L - l + 1
    zero_w = [np.zeros((sizes3[l], sizes3[l - 1])) for l in range(1, 4)]
    zero_b = [np.zeros((sizes3[l], 1)) for l in range(1, 4)]
    for kind in ("sigmoid", "tanh", "relu"):
        tw, tb, costs = deep_train([dmat(w) for w in zero_w], [dmat(b) for b in zero_b], dmat(x3), dmat(y3), kind,
                                   Dec(0), Dec(alpha), 6)
        f.case("zero-init-train-6-L3-" + kind, ["DEEP-10", "DEEP-9"], "deep_train",
               {"params": layered("w", zero_w, "b", zero_b, tensor), "x": tensor(x3), "y": tensor(y3)},
               {"params": layered("w", tw, "b", tb, dtensor), "costs": costs},
               params={"activation": kind, "parameter": 0.0, "learning_rate": alpha, "iterations": 6},
               tolerance=tol("TRAJ"))
    f.case("initialize-scale-0", ["DEEP-8", "DEEP-1"], "deep_initialize", {},
           {"params": layered("w", zero_w, "b", zero_b, tensor)},
           params={"layer_sizes": sizes3, "scale": 0.0, "seed": 3})

    # errors (SPEC DEEP-1, DEEP-5, DEEP-11)
    p3 = layered("w", ws3, "b", bs3, tensor)
    f.case("initialize-one-size", ["DEEP-1", "ERR-3"], "deep_initialize", {},
           params={"layer_sizes": [3], "scale": 0.01, "seed": 1}, error={"kind": "INVALID_ARGUMENT"})
    f.case("initialize-size-0", ["DEEP-1", "ERR-3"], "deep_initialize", {},
           params={"layer_sizes": [3, 0, 1], "scale": 0.01, "seed": 1}, error={"kind": "INVALID_ARGUMENT"})
    f.case("forward-W2-transposed", ["DEEP-5"], "deep_forward",
           {"params": dict(p3, w2=tensor(ws3[1].T)), "x": tensor(x3)}, params={"activation": "tanh", "parameter": 0.0},
           error={"kind": "SHAPE_MISMATCH"})
    f.case("forward-b3-rank-1", ["DEEP-5"], "deep_forward",
           {"params": dict(p3, b3=tensor(bs3[2].reshape(-1))), "x": tensor(x3)},
           params={"activation": "tanh", "parameter": 0.0}, error={"kind": "SHAPE_MISMATCH"})
    f.case("cost-labels-transposed", ["DEEP-5"], "deep_cost",
           {"params": p3, "x": tensor(x3), "y": tensor(y3.T)}, params={"activation": "tanh", "parameter": 0.0},
           error={"kind": "SHAPE_MISMATCH"})
    f.case("forward-no-samples", ["DEEP-5", "ERR-2"], "deep_forward",
           {"params": p3, "x": tensor(np.zeros((3, 0)))}, params={"activation": "tanh", "parameter": 0.0},
           error={"kind": "EMPTY_INPUT"})
    f.case("step-negative-learning-rate", ["DEEP-11"], "deep_step",
           {"params": p3, "grads": layered("dw", ws3, "db", bs3, tensor)}, params={"learning_rate": -0.1},
           error={"kind": "INVALID_ARGUMENT"})
    return f


FILES = [note_examples, arrays, broadcast, activations, loss, logistic, network, deep]


# ---------------------------------------------------------------- --check: compare values

def same_number(a, b):
    """Bit for bit: the same type (integer or float) and the same value, -0.0 and 0.0 distinct."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    return a == b


def first_difference(committed, fresh, path):
    """(path, committed value, regenerated value) of the first difference, or None."""
    if isinstance(fresh, dict):
        if not isinstance(committed, dict):
            return path, committed, fresh
        for key in fresh:
            if key not in committed:
                return "%s.%s" % (path, key) if path else key, "(missing)", fresh[key]
            found = first_difference(committed[key], fresh[key], "%s.%s" % (path, key) if path else key)
            if found:
                return found
        for key in committed:
            if key not in fresh:
                return "%s.%s" % (path, key) if path else key, committed[key], "(missing)"
        return None
    if isinstance(fresh, list):
        if not isinstance(committed, list):
            return path, committed, fresh
        for i, (c, f) in enumerate(zip(committed, fresh)):
            found = first_difference(c, f, "%s[%d]" % (path, i))
            if found:
                return found
        if len(committed) != len(fresh):
            return path + " (length)", len(committed), len(fresh)
        return None
    if isinstance(fresh, (int, float)) and not isinstance(fresh, bool):
        return None if same_number(committed, fresh) else (path, committed, fresh)
    return None if (type(committed) is type(fresh) and committed == fresh) else (path, committed, fresh)


def show(v):
    return json.dumps(v, ensure_ascii=False) if not isinstance(v, float) else repr(v)


def reject_constant(token):
    raise ValueError("bare %s (the format writes \"NaN\", \"Infinity\", \"-Infinity\" as strings)" % token)


def compare(name, text, fresh):
    """None if the committed document `text` holds the same values as `fresh` (its header's numpy
    version aside); else one line naming the first differing case."""
    if text is None:
        return "%s: missing" % name
    try:
        committed = json.loads(text, parse_constant=reject_constant)
    except ValueError as e:
        return "%s: not valid JSON: %s" % (name, e)
    if not isinstance(committed, dict):
        return "%s: not a JSON object" % name
    header = {k: v for k, v in committed.items() if k != "cases"}
    fresh_header = {k: v for k, v in fresh.items() if k != "cases"}
    if isinstance(header.get("provenance"), dict):
        header["provenance"] = {k: v for k, v in header["provenance"].items() if k != "numpy"}
    fresh_header["provenance"] = {k: v for k, v in fresh_header["provenance"].items() if k != "numpy"}
    found = first_difference(header, fresh_header, "")
    if found:
        return "%s: header field %s: committed %s, regenerated %s" % (name, found[0], show(found[1]), show(found[2]))
    cases = committed.get("cases")
    if not isinstance(cases, list):
        return "%s: \"cases\" is not a list" % name
    for i, case in enumerate(fresh["cases"]):
        if i >= len(cases):
            return "%s: case \"%s\" (cases[%d]) is missing: the file has only %d cases" % (name, case["id"], i, len(cases))
        old = cases[i]
        old_id = old.get("id") if isinstance(old, dict) else None
        if old_id != case["id"]:
            return "%s: cases[%d] is \"%s\", regenerated \"%s\"" % (name, i, old_id, case["id"])
        found = first_difference(old, case, "")
        if found:
            return "%s: case \"%s\" (cases[%d]) differs at %s: committed %s, regenerated %s" % (
                name, case["id"], i, found[0], show(found[1]), show(found[2]))
    if len(cases) > len(fresh["cases"]):
        extra = cases[len(fresh["cases"])]
        return "%s: case \"%s\" (cases[%d]) is not generated any more" % (
            name, extra.get("id") if isinstance(extra, dict) else extra, len(fresh["cases"]))
    return None


def committed_numpy(text):
    """The numpy version in a committed file's header, read even from a file that is not valid JSON."""
    found = re.search(r'"numpy"\s*:\s*"([^"]*)"', text)
    return found.group(1) if found else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare the values of the committed files with a fresh regeneration; exit 1 if they differ")
    parser.add_argument("--dir", type=Path, default=HERE,
                        help="the directory of the golden files (default: this script's directory)")
    args = parser.parse_args()
    differences, versions = [], set()
    for make in FILES:
        f = make()
        text = f.render()
        path = args.dir / f.name
        if args.check:
            old = path.read_text(encoding="utf-8") if path.is_file() else None
            difference = compare(f.name, old, json.loads(text))
            if difference:
                differences.append(difference)
                versions.add(committed_numpy(old) if old else None)
        else:
            path.write_text(text, encoding="utf-8")
            print("wrote %s: %d cases" % (path, len(f.cases)))
    running = "numpy %s (Python %s, %s)" % (np.__version__, platform.python_version(), sys.executable)
    if differences:
        committed = ", ".join(sorted("numpy " + v for v in versions if v)) or "an unknown numpy"
        print("The golden files in %s do not hold the values a fresh regeneration computes.\n"
              "First difference in each file:\n  %s\n"
              "Committed files written with: %s; regenerated with: %s.\n"
              "No golden value should depend on numpy's version or the CPU (golden-data/README.md), so this\n"
              "is a bug to report, with the lines above; do not overwrite the committed files to make it pass.\n"
              "Only if you changed generate.py on purpose: regenerate with `python3 golden-data/generate.py`,\n"
              "review the diff and run `mvn -B verify`."
              % (args.dir, "\n  ".join(differences), committed, running), file=sys.stderr)
        sys.exit(1)
    if args.check:
        print("golden files in %s hold the regenerated values (%d files; regenerated with %s)"
              % (args.dir, len(FILES), running))


if __name__ == "__main__":
    main()
