"""deep.json: the L-layer network of SPEC DEEP-*, exactly.

The two-layer formulas repeated layer by layer, at 60 digits and rounded once, as network.py
computes its cases. Parameters are lists [W[1], ..., W[L]] and [b[1], ..., b[L]] of exact
matrices; in a case they travel flat, as "w1", "b1", ..., "wL", "bL" (spec/PROTOCOL.md).
"""
from typing import NamedTuple

import numpy as np

from dlbasis_exact import Dec
from dlbasis_protocol.codec import encode_tensor as tensor
from dlbasis_protocol.operations import op

from . import network as two_layer
from .activations import ACTIVATIONS, label
from .draws import SEED, uniform
from .golden_file import GoldenFile
from .matrices import (as_written, elementwise, exact_matrix, matmul, number_of, plus_column, row_sums, scaled,
                       tensor_of, transpose)
from .models import check_kinks, cost_from_logits, hidden, hidden_derivative, sigmoid
from .tolerances import tolerance


def forward(ws, bs, x, kind, a):
    """Z[l] = W[l] A[l-1] + b[l]; A[l] = g(Z[l]) for l < L, A[L] = σ(Z[L]) (SPEC DEEP-2): (Zs, As)."""
    zs, acts, previous = [], [], x
    for l, (w, b) in enumerate(zip(ws, bs), start=1):
        z = plus_column(matmul(w, previous), b)
        if l < len(ws):
            check_kinks(kind, z)
            act = elementwise(lambda v: hidden(kind, a, v), z)
        else:
            act = elementwise(sigmoid, z)
        zs.append(z)
        acts.append(act)
        previous = act
    return zs, acts


def backward(ws, bs, x, y, kind, a):
    """dZ[L] = A[L] - Y; dW[l] = (1/m) dZ[l] A[l-1]ᵀ; db[l] = (1/m) Σ dZ[l] along axis 1;
    dZ[l-1] = W[l]ᵀ dZ[l] * g'(Z[l-1]) (SPEC DEEP-4): (dWs, dbs)."""
    inv_m = Dec(1) / len(x[0])
    zs, acts = forward(ws, bs, x, kind, a)
    dws, dbs = [None] * len(ws), [None] * len(ws)
    dz = elementwise(lambda ai, yi: ai - yi, acts[-1], y)
    for l in range(len(ws), 0, -1):
        previous = acts[l - 2] if l > 1 else x
        dws[l - 1] = scaled(matmul(dz, transpose(previous)), inv_m)
        dbs[l - 1] = scaled(row_sums(dz), inv_m)
        if l > 1:
            back = matmul(transpose(ws[l - 1]), dz)
            dz = elementwise(lambda s, z: s * hidden_derivative(kind, a, z), back, zs[l - 2])
    return dws, dbs


def step(ws, bs, dws, dbs, alpha):
    """Every W[l] and b[l] minus α times its gradient (SPEC DEEP-11)."""
    def update(ps, ds):
        return [elementwise(lambda v, d: v - alpha * d, p, g) for p, g in zip(ps, ds)]
    return update(ws, dws), update(bs, dbs)


def train(ws, bs, x, y, kind, a, alpha, k):
    """k steps: (Ws, bs, the k + 1 costs as a tensor) (SPEC DEEP-12)."""
    costs = []
    for _ in range(k):
        costs.append(cost_from_logits(forward(ws, bs, x, kind, a)[0][-1], y))
        ws, bs = step(ws, bs, *backward(ws, bs, x, y, kind, a), alpha)
    costs.append(cost_from_logits(forward(ws, bs, x, kind, a)[0][-1], y))
    return ws, bs, tensor([float(c) for c in costs])


def layered(first, firsts, second, seconds, encode):
    """{"w1": ..., "b1": ..., "w2": ...}: one entry per layer and prefix, layer by layer."""
    out = {}
    for l, (f, s) in enumerate(zip(firsts, seconds), start=1):
        out["%s%d" % (first, l)] = encode(f)
        out["%s%d" % (second, l)] = encode(s)
    return out


class Network(NamedTuple):
    """One network's float64 case data: its W[l] and b[l], X and Y."""

    ws: list
    bs: list
    x: np.ndarray
    y: np.ndarray


def case_set(f, prefix, net, kind, a, alpha, k, clauses=()):
    """forward, cost, backward, one step and k steps of one network, as network.json has for two layers."""
    cid = "%s-%s" % (prefix, label(kind, a))
    params = {"activation": kind, "parameter": a}
    W, B, X, Y, A = [exact_matrix(w) for w in net.ws], [exact_matrix(b) for b in net.bs], exact_matrix(net.x), \
        exact_matrix(net.y), Dec(a)
    p = layered("w", net.ws, "b", net.bs, tensor)
    inputs = {"params": p, "x": tensor(net.x), "y": tensor(net.y)}
    zs, acts = forward(W, B, X, kind, A)
    extra = list(clauses)
    f.case("forward-" + cid, ["DEEP-2"] + extra, op.deep_forward, {"params": p, "x": tensor(net.x)},
           layered("z", zs, "a", acts, tensor_of), params=params, tolerance=tolerance("MODEL"))
    f.case("cost-" + cid, ["DEEP-3"] + extra, op.deep_cost, inputs, {"out": number_of(cost_from_logits(zs[-1], Y))},
           params=params, tolerance=tolerance("MODEL"))
    dws, dbs = backward(W, B, X, Y, kind, A)
    grads = layered("dw", dws, "db", dbs, tensor_of)
    f.case("backward-" + cid, ["DEEP-4"] + extra, op.deep_backward, inputs, grads, params=params,
           tolerance=tolerance("MODEL"))
    # one step from the gradients as the case writes them
    sw, sb = step(W, B, [as_written(d) for d in dws], [as_written(d) for d in dbs], Dec(alpha))
    f.case("step-" + cid, ["DEEP-11"] + extra, op.deep_step, {"params": p, "grads": grads},
           {"params": layered("w", sw, "b", sb, tensor_of)}, params={"learning_rate": alpha},
           tolerance=tolerance("MODEL"))
    tw, tb, costs = train(W, B, X, Y, kind, A, Dec(alpha), k)
    f.case("train-%d-%s" % (k, cid), ["DEEP-12"] + extra, op.deep_train, inputs,
           {"params": layered("w", tw, "b", tb, tensor_of), "costs": costs},
           params=dict(params, learning_rate=alpha, iterations=k), tolerance=tolerance("TRAJ"))


def deep():
    f = GoldenFile("deep.json", "The L-layer network [LINEAR -> g] x (L-1) -> LINEAR -> SIGMOID (SPEC DEEP-*): "
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
    net3 = Network(*draw(sizes3, 0.75), x3, y3)
    for activation in ACTIVATIONS:
        case_set(f, "L3", net3, activation.kind, activation.parameter, alpha, 4)

    # L = 4, two output units: the cost sums both rows and divides by m
    x4 = uniform(rng, -2, 2, (4, 6))
    y4 = np.array([[1.0, 0, 1, 1, 0, 0], [0.0, 0, 1, 0, 1, 1]])
    net4 = Network(*draw([4, 5, 4, 3, 2], 0.75), x4, y4)
    for kind, a in (("tanh", 0.0), ("relu", 0.0), ("leaky_relu", 0.2), ("elu", 0.5), ("sigmoid", 0.0)):
        case_set(f, "L4", net4, kind, a, alpha, 3)

    # L = 1: no hidden layer, logistic regression with two outputs (the activation is unused)
    x1 = uniform(rng, -2, 2, (3, 4))
    y1 = np.array([[1.0, 0, 0, 1], [0.0, 1, 0, 1]])
    case_set(f, "L1", Network(*draw([3, 2], 1.0), x1, y1), "tanh", 0.0, alpha, 3, ["DEEP-1"])

    # L = 2 on network.json's inputs: the two-layer network's values (SPEC DEEP-13)
    xn, yn, pn = two_layer.drawn(np.random.default_rng(SEED + 5))
    as_two_layers = Network([pn["w1"], pn["w2"]], [pn["b1"], pn["b2"]], xn, yn)
    for kind, a in (("tanh", 0.0), ("relu", 0.0)):
        case_set(f, "L2-as-network", as_two_layers, kind, a, alpha, 5, ["DEEP-13"])

    saturated(f, net3)
    zero_initialisation(f, sizes3, x3, y3, alpha)
    errors(f, net3)
    return f


def saturated(f, net3):
    """SPEC DEEP-7: W[L] and b[L] times 100 push |Z[L]| beyond 37, where sigmoid rounds to 0 or 1."""
    ws_sat = net3.ws[:-1] + [net3.ws[-1] * 100]
    bs_sat = net3.bs[:-1] + [net3.bs[-1] * 100]
    for kind, a in (("tanh", 0.0), ("relu", 0.0)):
        name = "saturated-L3-" + kind
        W, B, X, Y = [exact_matrix(w) for w in ws_sat], [exact_matrix(b) for b in bs_sat], exact_matrix(net3.x), \
            exact_matrix(net3.y)
        zs, _ = forward(W, B, X, kind, Dec(a))
        assert max(abs(v) for v in zs[-1][0]) > 37, "not saturated"
        p = layered("w", ws_sat, "b", bs_sat, tensor)
        inputs = {"params": p, "x": tensor(net3.x), "y": tensor(net3.y)}
        params = {"activation": kind, "parameter": a}
        f.case("cost-" + name, ["DEEP-7", "DEEP-3"], op.deep_cost, inputs,
               {"out": number_of(cost_from_logits(zs[-1], Y))}, params=params, tolerance=tolerance("MODEL"))
        dws, dbs = backward(W, B, X, Y, kind, Dec(a))
        f.case("backward-" + name, ["DEEP-7", "DEEP-4"], op.deep_backward, inputs,
               layered("dw", dws, "db", dbs, tensor_of), params=params, tolerance=tolerance("MODEL"))


def zero_initialisation(f, sizes3, x3, y3, alpha):
    """SPEC DEEP-9, DEEP-10: only b[L] moves when g(0) = 0; with sigmoid W[l] first moves at step L - l + 1."""
    zero_w = [np.zeros((sizes3[l], sizes3[l - 1])) for l in range(1, 4)]
    zero_b = [np.zeros((sizes3[l], 1)) for l in range(1, 4)]
    for kind in ("sigmoid", "tanh", "relu"):
        tw, tb, costs = train([exact_matrix(w) for w in zero_w], [exact_matrix(b) for b in zero_b], exact_matrix(x3),
                              exact_matrix(y3), kind, Dec(0), Dec(alpha), 6)
        f.case("zero-init-train-6-L3-" + kind, ["DEEP-10", "DEEP-9"], op.deep_train,
               {"params": layered("w", zero_w, "b", zero_b, tensor), "x": tensor(x3), "y": tensor(y3)},
               {"params": layered("w", tw, "b", tb, tensor_of), "costs": costs},
               params={"activation": kind, "parameter": 0.0, "learning_rate": alpha, "iterations": 6},
               tolerance=tolerance("TRAJ"))
    f.case("initialize-scale-0", ["DEEP-8", "DEEP-1"], op.deep_initialize, {},
           {"params": layered("w", zero_w, "b", zero_b, tensor)},
           params={"layer_sizes": sizes3, "scale": 0.0, "seed": 3})


def errors(f, net3):
    """SPEC DEEP-1, DEEP-5, DEEP-11."""
    p3 = layered("w", net3.ws, "b", net3.bs, tensor)
    tanh = {"activation": "tanh", "parameter": 0.0}
    f.case("initialize-one-size", ["DEEP-1", "ERR-3"], op.deep_initialize, {},
           params={"layer_sizes": [3], "scale": 0.01, "seed": 1}, error={"kind": "INVALID_ARGUMENT"})
    f.case("initialize-size-0", ["DEEP-1", "ERR-3"], op.deep_initialize, {},
           params={"layer_sizes": [3, 0, 1], "scale": 0.01, "seed": 1}, error={"kind": "INVALID_ARGUMENT"})
    f.case("forward-W2-transposed", ["DEEP-5"], op.deep_forward,
           {"params": dict(p3, w2=tensor(net3.ws[1].T)), "x": tensor(net3.x)}, params=tanh,
           error={"kind": "SHAPE_MISMATCH"})
    f.case("forward-b3-rank-1", ["DEEP-5"], op.deep_forward,
           {"params": dict(p3, b3=tensor(net3.bs[2].reshape(-1))), "x": tensor(net3.x)},
           params=tanh, error={"kind": "SHAPE_MISMATCH"})
    f.case("cost-labels-transposed", ["DEEP-5"], op.deep_cost,
           {"params": p3, "x": tensor(net3.x), "y": tensor(net3.y.T)}, params=tanh,
           error={"kind": "SHAPE_MISMATCH"})
    f.case("forward-no-samples", ["DEEP-5", "ERR-2"], op.deep_forward,
           {"params": p3, "x": tensor(np.zeros((3, 0)))}, params=tanh,
           error={"kind": "EMPTY_INPUT"})
    f.case("step-negative-learning-rate", ["DEEP-11"], op.deep_step,
           {"params": p3, "grads": layered("dw", net3.ws, "db", net3.bs, tensor)}, params={"learning_rate": -0.1},
           error={"kind": "INVALID_ARGUMENT"})
