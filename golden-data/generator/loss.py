"""loss.json: loss and cost at the extremes, the loss from logits, and the label errors (SPEC LOSS-*)."""
import math

import numpy as np

import dlbasis_exact as exact
from dlbasis_protocol.codec import encode_double as number, encode_tensor as tensor
from dlbasis_protocol.operations import op

from .draws import SEED, uniform
from .golden_file import GoldenFile
from .tolerances import tolerance


def loss_of(y_hat, y):
    """L(ŷ, y), only the term the label selects (SPEC LOSS-2): -log ŷ or -log(1 - ŷ), +inf at 0 and 1."""
    return exact.rounded(exact.minus_log(y_hat) if y == 1 else exact.minus_log1m(y_hat)) + 0.0


def loss_from_logit(z, y):
    """L(σ(z), y) = log(1 + e^t), t = -z for y = 1 and z for y = 0 (SPEC LOSS-4)."""
    return exact.rounded(exact.softplus(-z if y == 1 else z)) + 0.0


def loss():
    f = GoldenFile("loss.json", "Loss and cost at the extremes; exact values via decimal at 60 digits.")
    y_hats = [0.0, 1e-300, 1e-16, 1e-8, 0.25, 0.5, 0.75, 1 - 1e-8, 1 - 2 ** -53, 1.0]
    for y in (0.0, 1.0):
        f.case("loss-y%d" % y, ["LOSS-1", "LOSS-2"], op.loss,
               {"y_hat": tensor([y_hats]), "y": tensor([[y] * len(y_hats)])},
               {"out": tensor([[loss_of(p, y) for p in y_hats]])}, tolerance=tolerance("LOSS"))
    zs = [0.0, 1.0, -1.0, 20.0, -20.0, 40.0, -40.0, 710.0, -710.0, 1000.0, -1000.0]
    for y in (0.0, 1.0):
        f.case("loss-from-logits-y%d" % y, ["LOSS-4"], op.loss_from_logits,
               {"z": tensor([zs]), "y": tensor([[y] * len(zs)])},
               {"out": tensor([[loss_from_logit(z, y) for z in zs]])}, tolerance=tolerance("LOSS"))
    rng = np.random.default_rng(SEED + 3)
    p = uniform(rng, 0.01, 0.99, (2, 7))
    y = rng.integers(0, 2, size=(2, 7)).astype(np.float64)
    total = math.fsum(loss_of(a, b) for a, b in zip(p.reshape(-1), y.reshape(-1)))
    f.case("cost-2x7", ["LOSS-5"], op.cost, {"y_hat": tensor(p), "y": tensor(y)}, {"out": number(total / 7)},
           tolerance=tolerance("LOSS"))
    zl = uniform(rng, -30, 30, (1, 9))
    yl = rng.integers(0, 2, size=(1, 9)).astype(np.float64)
    f.case("cost-from-logits-1x9", ["LOSS-5", "LOSS-4"], op.cost_from_logits, {"z": tensor(zl), "y": tensor(yl)},
           {"out": number(math.fsum(loss_from_logit(a, b) for a, b in zip(zl[0], yl[0])) / 9)},
           tolerance=tolerance("LOSS"))
    errors(f)
    return f


def errors(f):
    f.case("cost-no-samples", ["LOSS-5", "ERR-2"], op.cost,
           {"y_hat": tensor(np.zeros((1, 0))), "y": tensor(np.zeros((1, 0)))}, error={"kind": "EMPTY_INPUT"})
    f.case("cost-transposed-labels", ["LOSS-6"], op.cost, {"y_hat": tensor([[0.9, 0.2, 0.7]]),
                                                           "y": tensor([[1.0], [0.0], [1.0]])},
           error={"kind": "SHAPE_MISMATCH"})
    f.case("cost-soft-label", ["LOSS-6"], op.cost, {"y_hat": tensor([[0.9, 0.2]]), "y": tensor([[1.0, 0.5]])},
           error={"kind": "INVALID_LABEL"})
    f.case("cost-nan-prediction", ["LOSS-6", "ERR-3"], op.cost,
           {"y_hat": tensor([[0.9, math.nan]]), "y": tensor([[1.0, 0.0]])}, error={"kind": "NON_FINITE"})
