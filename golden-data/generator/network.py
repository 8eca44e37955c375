"""network.json: the two-layer network for each hidden activation, exactly (SPEC NET-*, BACKPROP-*, GD-*, INIT-*).

Parameters are dicts {"w1", "b1", "w2", "b2"} of exact matrices, gradients dicts with the same keys.
"""
import numpy as np

from dlbasis_exact import Dec
from dlbasis_protocol.codec import encode_tensor as tensor
from dlbasis_protocol.operations import op

from .activations import ACTIVATIONS, label
from .draws import SEED, uniform
from .golden_file import GoldenFile
from .matrices import (as_written, elementwise, exact_matrix, matmul, number_of, plus_column, row_sums, scaled,
                       tensor_of, transpose)
from .models import check_kinks, cost_from_logits, hidden, hidden_derivative, sigmoid
from .tolerances import tolerance

BACKPROP = ["BACKPROP-2", "BACKPROP-3", "BACKPROP-4", "BACKPROP-5", "BACKPROP-6"]


def forward(p, x, kind, a):
    """Z1 = W1 X + b1, A1 = g(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2) (SPEC NET-2)."""
    z1 = plus_column(matmul(p["w1"], x), p["b1"])
    check_kinks(kind, z1)
    a1 = elementwise(lambda v: hidden(kind, a, v), z1)
    z2 = plus_column(matmul(p["w2"], a1), p["b2"])
    return z1, a1, z2, elementwise(sigmoid, z2)


def backward(p, x, y, kind, a):
    """dZ2 = A2 - Y, dW2 = (1/m) dZ2 A1ᵀ, db2 = (1/m) Σ dZ2, dZ1 = W2ᵀ dZ2 * g'(Z1), dW1 = (1/m) dZ1 Xᵀ, db1
    (SPEC BACKPROP-1 to 6); keyed like the parameters they belong to."""
    inv_m = Dec(1) / len(x[0])
    z1, a1, z2, a2 = forward(p, x, kind, a)
    dz2 = elementwise(lambda ai, yi: ai - yi, a2, y)
    dz1 = elementwise(lambda s, z: s * hidden_derivative(kind, a, z), matmul(transpose(p["w2"]), dz2), z1)
    return {"w1": scaled(matmul(dz1, transpose(x)), inv_m), "b1": scaled(row_sums(dz1), inv_m),
            "w2": scaled(matmul(dz2, transpose(a1)), inv_m), "b2": scaled(row_sums(dz2), inv_m)}


def step(p, g, alpha):
    """Every parameter minus α times its gradient (SPEC GD-1)."""
    return {key: elementwise(lambda v, d: v - alpha * d, p[key], g[key]) for key in p}


def train(p, x, y, kind, a, alpha, k):
    """k steps; the parameters after them and the k + 1 costs, as a tensor (SPEC GD-5)."""
    costs = []
    for _ in range(k):
        costs.append(cost_from_logits(forward(p, x, kind, a)[2], y))
        p = step(p, backward(p, x, y, kind, a), alpha)
    costs.append(cost_from_logits(forward(p, x, kind, a)[2], y))
    return p, tensor([float(c) for c in costs])


def inputs_of(p):
    """Float64 parameters as a case's input."""
    return {k: tensor(v) for k, v in p.items()}


def expected_of(p):
    """Exact parameters as a case's expected output."""
    return {k: tensor_of(v) for k, v in p.items()}


def gradients_of(g):
    """Exact gradients as a case's dw1, db1, dw2, db2."""
    return {"dw1": tensor_of(g["w1"]), "db1": tensor_of(g["b1"]), "dw2": tensor_of(g["w2"]), "db2": tensor_of(g["b2"])}


def drawn(rng):
    """The network every case uses: X (3, 5), Y (1, 5) and parameters of n = (3, 4, 1), from rng."""
    x = uniform(rng, -2, 2, (3, 5))
    y = np.array([[1.0, 0, 1, 0, 1]])
    p = {"w1": rng.standard_normal((4, 3)) * 0.5, "b1": rng.standard_normal((4, 1)) * 0.1,
         "w2": rng.standard_normal((1, 4)) * 0.5, "b2": np.array([[0.05]])}
    return x, y, p


def network():
    f = GoldenFile("network.json", "The two-layer network for each hidden activation: forward, cost, backward, one "
                   "step, k steps; and zero-initialisation trajectories.")
    x, y, p = drawn(np.random.default_rng(SEED + 5))
    X, Y, P = exact_matrix(x), exact_matrix(y), {key: exact_matrix(v) for key, v in p.items()}
    alpha, k = 0.5, 5
    for activation in ACTIVATIONS:
        kind, a = activation.kind, activation.parameter
        name = label(kind, a)
        params = {"activation": kind, "parameter": a}
        inputs = {"params": inputs_of(p), "x": tensor(x), "y": tensor(y)}
        z1, a1, z2, a2 = forward(P, X, kind, Dec(a))
        f.case("forward-" + name, ["NET-2", "NET-3"], op.net_forward, {"params": inputs_of(p), "x": tensor(x)},
               {"z1": tensor_of(z1), "a1": tensor_of(a1), "z2": tensor_of(z2), "a2": tensor_of(a2)}, params=params,
               tolerance=tolerance("MODEL"))
        f.case("cost-" + name, ["NET-3"], op.net_cost, inputs, {"out": number_of(cost_from_logits(z2, Y))},
               params=params, tolerance=tolerance("MODEL"))
        g = backward(P, X, Y, kind, Dec(a))
        f.case("backward-" + name, BACKPROP, op.net_backward, inputs, gradients_of(g), params=params,
               tolerance=tolerance("MODEL"))
        # one step from the gradients as the case writes them
        stepped = step(P, {key: as_written(v) for key, v in g.items()}, Dec(alpha))
        f.case("step-" + name, ["GD-1"], op.net_step, {"params": inputs_of(p), "grads": gradients_of(g)},
               {"params": expected_of(stepped)}, params={"learning_rate": alpha}, tolerance=tolerance("MODEL"))
        trained, costs = train(P, X, Y, kind, Dec(a), Dec(alpha), k)
        f.case("train-%d-%s" % (k, name), ["GD-5", "NET-3"], op.net_train, inputs,
               {"params": expected_of(trained), "costs": costs},
               params=dict(params, learning_rate=alpha, iterations=k), tolerance=tolerance("TRAJ"))
    saturated(f, p, x, y, X, Y)
    zero_initialisation(f, x, y, X, Y, alpha)
    return f


def saturated(f, p, x, y, X, Y):
    """SPEC BACKPROP-8: W[2] and b[2] times 100 push |Z[2]| beyond 37, where sigmoid rounds to 0 or 1; the
    cost from Z[2] stays finite and the gradients are their limits (dZ[2] = A[2] - Y)."""
    sat = dict(p, w2=p["w2"] * 100, b2=p["b2"] * 100)
    S = {key: exact_matrix(v) for key, v in sat.items()}
    for kind, a in (("tanh", 0.0), ("relu", 0.0), ("sigmoid", 0.0)):
        params = {"activation": kind, "parameter": a}
        inputs = {"params": inputs_of(sat), "x": tensor(x), "y": tensor(y)}
        z1, a1, z2, a2 = forward(S, X, kind, Dec(a))
        assert max(abs(v) for v in z2[0]) > 37, "not saturated"
        f.case("cost-saturated-" + kind, ["BACKPROP-8", "NET-3"], op.net_cost, inputs,
               {"out": number_of(cost_from_logits(z2, Y))}, params=params, tolerance=tolerance("MODEL"))
        f.case("backward-saturated-" + kind, ["BACKPROP-8", "BACKPROP-1"], op.net_backward, inputs,
               gradients_of(backward(S, X, Y, kind, Dec(a))), params=params, tolerance=tolerance("MODEL"))


def zero_initialisation(f, x, y, X, Y, alpha):
    """SPEC INIT-2, INIT-3: from all-zero parameters the hidden units stay identical."""
    zero = {"w1": np.zeros((4, 3)), "b1": np.zeros((4, 1)), "w2": np.zeros((1, 4)), "b2": np.zeros((1, 1))}
    for kind in ("sigmoid", "tanh", "relu"):
        trained, costs = train({key: exact_matrix(v) for key, v in zero.items()}, X, Y, kind, Dec(0), Dec(alpha), 8)
        f.case("zero-init-train-8-" + kind, ["INIT-2", "INIT-3"], op.net_train,
               {"params": inputs_of(zero), "x": tensor(x), "y": tensor(y)},
               {"params": expected_of(trained), "costs": costs},
               params={"activation": kind, "parameter": 0.0, "learning_rate": alpha, "iterations": 8},
               tolerance=tolerance("TRAJ"))
