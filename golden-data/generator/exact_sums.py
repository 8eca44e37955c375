"""Correctly rounded sums and dot products: exact fractions, rounded once to float64."""
from fractions import Fraction

import numpy as np


def correctly_rounded_dot(a, b):
    """(the correctly rounded Σ aᵢbᵢ, Σ|aᵢbᵢ| rounded), for two sequences of doubles."""
    products = [Fraction(float(x)) * Fraction(float(y)) for x, y in zip(a, b)]
    return float(sum(products, Fraction(0))), float(sum((abs(p) for p in products), Fraction(0)))


def correctly_rounded_matmul(a, b):
    """np.dot(a, b) for ranks 0 to 2, every element a correctly rounded dot product, as a 2-D array
    (a 0-d operand: the element-wise product), and the largest Σ|aᵢbᵢ| of its elements."""
    if a.ndim == 0 or b.ndim == 0:
        return a * b, 0.0
    rows = a.reshape(1, -1) if a.ndim == 1 else a
    columns = b.reshape(-1, 1) if b.ndim == 1 else b
    out = np.zeros((rows.shape[0], columns.shape[1]))
    worst = 0.0
    for i in range(rows.shape[0]):
        for j in range(columns.shape[1]):
            out[i, j], abs_sum = correctly_rounded_dot(rows[i, :], columns[:, j])
            worst = max(worst, abs_sum)
    return out, worst


def correctly_rounded_sum(a, axis, keepdims):
    """np.sum(a, axis=axis, keepdims=keepdims) with every element correctly rounded."""
    def exact_total(values):
        return float(sum((Fraction(float(v)) for v in values), Fraction(0)))
    if axis is None or a.ndim == 0:
        return np.array(exact_total(a.reshape(-1)))
    moved = np.moveaxis(a, axis, -1)
    out = np.zeros(moved.shape[:-1])
    for idx in np.ndindex(out.shape):
        out[idx] = exact_total(moved[idx])
    return np.expand_dims(out, axis) if keepdims else out
