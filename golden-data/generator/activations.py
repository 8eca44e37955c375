"""activations.json: every activation and derivative on a grid of points, correctly rounded (SPEC ACT-*).

Also the activations the models' cases draw from (ACTIVATIONS) and how a case names one (label).
"""
import math
from typing import NamedTuple

import numpy as np

import dlbasis_exact as exact
from dlbasis_protocol.codec import encode_tensor as tensor
from dlbasis_protocol.operations import op

from .golden_file import GoldenFile
from .tolerances import tolerance

#: 0, the tails, the overflow thresholds, the infinities and NaN.
GRID = [0.0, -0.0, 1e-12, -1e-12, 1.0, -1.0, 20.0, -20.0, 40.0, -40.0, 710.0, -710.0, 1000.0, -1000.0,
        0.5, -0.5, 3.0, -3.0, math.inf, -math.inf, math.nan]


class Activation(NamedTuple):
    """One activation with its parameter, the clauses of its value and derivative, and their tolerance classes."""

    kind: str
    parameter: float
    value_clause: str
    derivative_clause: str
    value_tolerance: str
    derivative_tolerance: str


ACTIVATIONS = [
    Activation("sigmoid", 0.0, "ACT-1", "ACT-2", "ELEM", "DERIV"),
    Activation("tanh", 0.0, "ACT-3", "ACT-4", "ELEM", "DERIV"),
    Activation("relu", 0.0, "ACT-5", "ACT-6", "EXACT", "EXACT"),
    Activation("leaky_relu", 0.1, "ACT-7", "ACT-8", "EXACT", "EXACT"),
    Activation("leaky_relu", 0.2, "ACT-7", "ACT-8", "EXACT", "EXACT"),
    Activation("elu", 1.0, "ACT-9", "ACT-10", "DERIV", "DERIV"),
    Activation("elu", 0.5, "ACT-9", "ACT-10", "DERIV", "DERIV"),
    Activation("linear", 0.0, "ACT-12", "ACT-12", "EXACT", "EXACT"),
]

#: The activations without a parameter, named by their kind alone.
_PLAIN = ("sigmoid", "tanh", "relu", "linear")


def label(kind, parameter):
    """How a case id names an activation: tanh, leaky_relu(0.2)."""
    return kind if kind in _PLAIN else "%s(%s)" % (kind, parameter)


def value(kind, p, z):
    """g(z) for a double z, correctly rounded; exact where it is (ReLU, Leaky ReLU, linear)."""
    if kind == "sigmoid":
        return exact.rounded(exact.sigmoid(z))
    if kind == "tanh":
        return exact.rounded(exact.tanh(z))
    if kind == "relu":
        return math.nan if math.isnan(z) else max(0.0, z)
    if kind == "leaky_relu":
        return z if (z >= 0 or math.isnan(z)) else p * z
    if kind == "elu":
        return exact.rounded(exact.elu(z, p))
    return z


def derivative(kind, p, z):
    """g'(z) for a double z, correctly rounded, with the spec's values at the kinks (ACT-6, ACT-8, ACT-10)."""
    if math.isnan(z):
        return math.nan
    if kind == "sigmoid":
        return exact.rounded(exact.sigmoid_derivative(z))
    if kind == "tanh":
        return exact.rounded(exact.tanh_derivative(z))
    if kind == "relu":
        return 1.0 if z > 0 else 0.0
    if kind == "leaky_relu":
        return 1.0 if z > 0 else p
    if kind == "elu":
        return exact.rounded(exact.elu_derivative(z, p))
    return 1.0


def activations():
    f = GoldenFile("activations.json", "Every activation and derivative on the grid 0, ±1e-12, ±1, ±20, ±40, ±710, "
                   "±1000 (and ±0.5, ±3, ±inf, NaN), correctly rounded via decimal at 60 digits.")
    z = np.array(GRID)
    for a in ACTIVATIONS:
        params = {"activation": a.kind, "parameter": a.parameter}
        name = label(a.kind, a.parameter)
        f.case("value-" + name, [a.value_clause, "ACT-13"], op.activation, {"z": tensor(z)},
               {"out": tensor([value(a.kind, a.parameter, v) for v in GRID])}, params=params,
               tolerance=tolerance(a.value_tolerance))
        f.case("derivative-" + name, [a.derivative_clause, "ACT-13"], op.activation_derivative, {"z": tensor(z)},
               {"out": tensor([derivative(a.kind, a.parameter, v) for v in GRID])}, params=params,
               tolerance=tolerance(a.derivative_tolerance))
    maxouts(f)
    return f


def maxouts(f):
    pieces = np.array([[1.0, 2.0, -1.0, 0.0], [3.0, 2.0, -2.0, 0.0], [0.0, 2.0, -1.0, 0.0]])
    winners = np.argmax(pieces, axis=0)
    onehot = np.zeros_like(pieces)
    onehot[winners, np.arange(pieces.shape[1])] = 1
    f.case("maxout-ties", ["ACT-11"], op.maxout, {"pieces": tensor(pieces)}, {"out": tensor(pieces.max(axis=0))})
    f.case("maxout-derivative-ties", ["ACT-11"], op.maxout_derivative, {"pieces": tensor(pieces)},
           {"out": tensor(onehot)})
    f.case("maxout-no-pieces", ["ACT-11", "ERR-2"], op.maxout, {"pieces": tensor(np.zeros((0, 3)))},
           error={"kind": "EMPTY_INPUT"})
