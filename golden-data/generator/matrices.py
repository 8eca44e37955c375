"""Matrices of Decimals (lists of rows): the models' exact algebra, and their rounding into a case.

A model's inputs are read exactly (exact_matrix), every operation runs at the oracle's 60 digits,
and each expected value is rounded once when it is written (tensor_of, number_of).
"""
import numpy as np

from dlbasis_exact import Dec
from dlbasis_protocol.codec import encode_double


def exact_matrix(a):
    """A 2-D float64 array as exact Decimals."""
    a = np.asarray(a, dtype=np.float64)
    assert a.ndim == 2, a.shape
    return [[Dec(float(v)) for v in row] for row in a]


def tensor_of(m):
    """m rounded once to float64 (an exact zero is written 0.0, never -0.0), as a 2-D tensor."""
    return {"shape": [len(m), len(m[0]) if m else 0], "data": [encode_double(float(v) + 0.0) for row in m for v in row]}


def number_of(v):
    """A Decimal rounded once to float64 (0.0 for any zero), as a JSON double."""
    return encode_double(float(v) + 0.0)


def as_written(m):
    """What a case's JSON holds for m: m rounded to float64, read back exactly."""
    return [[Dec(float(v) + 0.0) for v in row] for row in m]


def matmul(a, b):
    """The matrix product a b."""
    return [[sum((a[i][k] * b[k][j] for k in range(len(b))), Dec(0)) for j in range(len(b[0]))]
            for i in range(len(a))]


def transpose(a):
    return [list(r) for r in zip(*a)]


def elementwise(f, *ms):
    """f applied to the elements of one or more matrices of the same shape."""
    return [[f(*vals) for vals in zip(*rows)] for rows in zip(*ms)]


def plus_column(a, column):
    """a + column, the (n, 1) column broadcast along a's rows (Z = W X + b)."""
    return [[v + column[i][0] for v in row] for i, row in enumerate(a)]


def row_sums(a):
    """np.sum(a, axis=1, keepdims=True)."""
    return [[sum(row, Dec(0))] for row in a]


def scaled(a, s):
    return [[v * s for v in row] for row in a]
