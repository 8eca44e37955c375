"""note-examples.json: the note's worked examples exactly as printed (N17, N21-N28)."""
import numpy as np

from dlbasis_protocol.codec import encode_tensor as tensor
from dlbasis_protocol.operations import op

from .draws import SEED
from .exact_sums import correctly_rounded_dot
from .golden_file import GoldenFile
from .tolerances import sum_tolerance


def note_examples():
    f = GoldenFile("note-examples.json", "The note's worked examples, exactly as printed (N17, N21-N28).")
    col = np.array([[1.0], [2.0], [3.0], [4.0]])
    f.case("N21-column-plus-scalar", ["BCAST-2", "BCAST-4"], op.add,
           {"a": tensor(col), "b": tensor(np.float64(100))}, {"out": tensor(col + 100)})
    rows = np.tile(np.array([1.0, 2, 3, 4]), (4, 1))
    f.case("N22-matrix-plus-row", ["BCAST-1", "BCAST-2"], op.add,
           {"a": tensor(rows), "b": tensor(np.ones((1, 4)))}, {"out": tensor(rows + np.ones((1, 4)))})
    f.case("N23-matrix-plus-column", ["BCAST-1", "BCAST-2"], op.add,
           {"a": tensor(rows), "b": tensor(np.ones((4, 1)))}, {"out": tensor(rows + np.ones((4, 1)))})
    a = np.array([0.5, -1.25, 2.0, 3.0, -0.75])
    f.case("N24-N25-rank1-transpose", ["RANK1-1", "ARR-3"], op.transpose, {"a": tensor(a)}, {"out": tensor(a.T)})
    f.case("N26-rank1-dot-itself", ["RANK1-2"], op.dot, {"a": tensor(a), "b": tensor(a.T)},
           {"out": tensor(np.dot(a, a.T))})
    c = np.arange(1.0, 6.0).reshape(5, 1)
    f.case("N27-column-transpose", ["ARR-3", "RANK1-3"], op.transpose, {"a": tensor(c)}, {"out": tensor(c.T)})
    f.case("N27-outer-product", ["RANK1-3"], op.dot, {"a": tensor(c), "b": tensor(c.T)},
           {"out": tensor(np.dot(c, c.T))})
    f.case("N27-broadcast-product", ["RANK1-3", "BCAST-7"], op.multiply, {"a": tensor(c), "b": tensor(c.T)},
           {"out": tensor(c * c.T)})
    f.case("N28-reshape-rank1-to-column", ["RANK1-4", "ARR-7"], op.reshape, {"a": tensor(a)},
           {"out": tensor(a.reshape(5, 1))}, params={"dims": [5, 1]})
    rng = np.random.default_rng(SEED)
    n = 4096
    x, y = rng.random(n), rng.random(n)
    value, abs_sum = correctly_rounded_dot(x, y)
    f.case("N17-dot-of-two-long-vectors", ["VEC-3", "ARR-4"], op.dot, {"a": tensor(x), "b": tensor(y)},
           {"out": tensor(np.float64(value))}, tolerance=sum_tolerance(n, abs_sum))
    return f
