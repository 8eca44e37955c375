"""logistic.json: logistic regression on fixed data, exactly (SPEC LR-*, GD-1, GD-5, BACKPROP-8)."""
import numpy as np

from dlbasis_exact import Dec
from dlbasis_protocol.codec import encode_double as number, encode_tensor as tensor
from dlbasis_protocol.operations import op

from .draws import SEED, uniform
from .golden_file import GoldenFile
from .matrices import as_written, elementwise, exact_matrix, matmul, number_of, scaled, tensor_of, transpose
from .models import cost_from_logits, sigmoid
from .tolerances import tolerance


def logits(w, b, x):
    """Z = wᵀ X + b, (1, m)."""
    return [[v + b for v in row] for row in matmul(transpose(w), x)]


def gradients(w, b, x, y):
    """dw = (1/m) X dZᵀ and db = (1/m) Σ dZ, with dZ = A - Y (SPEC LR-3)."""
    m = len(x[0])
    dz = elementwise(lambda z, yi: sigmoid(z) - yi, logits(w, b, x), y)
    return scaled(matmul(x, transpose(dz)), Dec(1) / m), sum(dz[0], Dec(0)) / m


def step(w, b, dw, db, alpha):
    """One gradient-descent step: w - α dw, b - α db (SPEC GD-1)."""
    return elementwise(lambda wi, gi: wi - alpha * gi, w, dw), b - alpha * db


def logistic():
    f = GoldenFile("logistic.json", "Logistic regression on fixed data: forward, cost, backward, one step, k steps.")
    rng = np.random.default_rng(SEED + 4)
    x = uniform(rng, -2, 2, (4, 6))
    y = np.array([[1.0, 0, 1, 1, 0, 0]])
    w = rng.standard_normal((4, 1))
    b = 0.3
    params = {"w": tensor(w), "b": number(b)}
    X, Y, W, B = exact_matrix(x), exact_matrix(y), exact_matrix(w), Dec(b)
    z = logits(W, B, X)
    f.case("forward", ["LR-1"], op.lr_forward, {"params": params, "x": tensor(x)},
           {"out": tensor_of(elementwise(sigmoid, z))}, tolerance=tolerance("MODEL"))
    f.case("cost", ["LR-2"], op.lr_cost, {"params": params, "x": tensor(x), "y": tensor(y)},
           {"out": number_of(cost_from_logits(z, Y))}, tolerance=tolerance("MODEL"))
    dw, db = gradients(W, B, X, Y)
    grads = {"dw": tensor_of(dw), "db": number_of(db)}
    f.case("backward", ["LR-3"], op.lr_backward, {"params": params, "x": tensor(x), "y": tensor(y)},
           grads, tolerance=tolerance("MODEL"))
    alpha = 0.1
    A = Dec(alpha)
    # one step from the gradients as the case writes them
    stepped_w, stepped_b = step(W, B, as_written(dw), Dec(float(db) + 0.0), A)
    f.case("step", ["GD-1"], op.lr_step, {"params": params, "grads": grads},
           {"params": {"w": tensor_of(stepped_w), "b": number_of(stepped_b)}}, params={"learning_rate": alpha},
           tolerance=tolerance("MODEL"))
    k = 10
    costs = []
    wk, bk = W, B
    for _ in range(k):
        costs.append(cost_from_logits(logits(wk, bk, X), Y))
        wk, bk = step(wk, bk, *gradients(wk, bk, X, Y), A)
    costs.append(cost_from_logits(logits(wk, bk, X), Y))
    f.case("train-10", ["GD-5"], op.lr_train, {"params": params, "x": tensor(x), "y": tensor(y)},
           {"params": {"w": tensor_of(wk), "b": number_of(bk)}, "costs": tensor([float(c) for c in costs])},
           params={"learning_rate": alpha, "iterations": k}, tolerance=tolerance("TRAJ"))
    saturated(f, w, b, X, x, y, Y)
    f.case("wrong-w-shape", ["LR-1", "DIM-3"], op.lr_forward, {"params": {"w": tensor(w.T), "b": number(b)},
                                                               "x": tensor(x)}, error={"kind": "SHAPE_MISMATCH"})
    f.case("negative-learning-rate", ["GD-2"], op.lr_step, {"params": params, "grads": grads},
           params={"learning_rate": -0.1}, error={"kind": "INVALID_ARGUMENT"})
    return f


def saturated(f, w, b, X, x, y, Y):
    """SPEC BACKPROP-8: w and b times 40 push |z| far beyond 37, where sigmoid rounds to 0 or 1."""
    ws, bs = w * 40, b * 40
    sat = {"w": tensor(ws), "b": number(bs)}
    zs = logits(exact_matrix(ws), Dec(bs), X)
    assert max(abs(v) for v in zs[0]) > 37, "not saturated"
    f.case("cost-saturated", ["BACKPROP-8", "LR-2"], op.lr_cost, {"params": sat, "x": tensor(x), "y": tensor(y)},
           {"out": number_of(cost_from_logits(zs, Y))}, tolerance=tolerance("MODEL"))
    dws, dbs = gradients(exact_matrix(ws), Dec(bs), X, Y)
    f.case("backward-saturated", ["BACKPROP-8", "LR-3"], op.lr_backward,
           {"params": sat, "x": tensor(x), "y": tensor(y)}, {"dw": tensor_of(dws), "db": number_of(dbs)},
           tolerance=tolerance("MODEL"))
