"""What the three models' exact cases share: the hidden activations and the cost, on Decimals.

The models' expected values are the exact real-number results of the note's formulas on the case's
float64 inputs: forward pass, cost (the stable logit form, mathematically the same cost), back
propagation, one step, and whole training trajectories, all evaluated at the oracle's 60 digits
(the relative error stays far below 1e-40 through a trajectory) and rounded once to float64. A
float64 implementation differs from them by its own rounding, which MODEL and TRAJ cover; numpy's
rounding (BLAS, SIMD, libm) does not enter.
"""
import dlbasis_exact as exact
from dlbasis_exact import Dec

#: The activations with a kink at 0, where a branch must not depend on rounding (check_kinks).
KINKED = ("relu", "leaky_relu", "elu")

sigmoid = exact.sigmoid


def hidden(kind, p, z):
    """g(z) for a hidden layer's activation kind with parameter p (a Decimal), on a Decimal z."""
    if kind == "sigmoid":
        return exact.sigmoid(z)
    if kind == "tanh":
        return exact.tanh(z)
    if kind == "relu":
        return z if z > 0 else Dec(0)
    if kind == "leaky_relu":
        return z if z >= 0 else p * z
    if kind == "elu":
        return exact.elu(z, p)
    return z


def hidden_derivative(kind, p, z):
    """g'(z), with the spec's values at the kinks: ReLU'(0) = 0, LeakyReLU'(0) = p, ELU'(0) = 1."""
    if kind == "sigmoid":
        return exact.sigmoid_derivative(z)
    if kind == "tanh":
        return exact.tanh_derivative(z)
    if kind == "relu":
        return Dec(1) if z > 0 else Dec(0)
    if kind == "leaky_relu":
        return Dec(1) if z > 0 else p
    if kind == "elu":
        return exact.elu_derivative(z, p)
    return Dec(1)


def cost_from_logits(z, y):
    """(1/m) times the sum over all n·m outputs of log(1 + exp(t)), t = -z where y = 1 and z where
    y = 0 (SPEC LOSS-4, LOSS-5, DEEP-3), for logits z and labels y of shape (n, m)."""
    terms = [exact.softplus(-zi if yi == 1 else zi) for zrow, yrow in zip(z, y) for zi, yi in zip(zrow, yrow)]
    return sum(terms, Dec(0)) / len(z[0])


def check_kinks(kind, z):
    """A kinked activation's branch must not depend on rounding: no pre-activation within 1e-6 of 0
    unless it is exactly 0 (zero initialisation), where every implementation computes 0 too."""
    if kind in KINKED:
        for row in z:
            for v in row:
                assert v == 0 or abs(v) > Dec("1e-6"), "pre-activation %s is too close to the kink" % v
