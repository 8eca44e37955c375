"""arrays.json: transpose, dot, sum, reshape, exp and log, with numpy's error texts (SPEC ARR-*)."""
import math

import numpy as np

import dlbasis_exact as exact
from dlbasis_protocol.codec import encode_tensor as tensor
from dlbasis_protocol.operations import op
from dlbasis_protocol.shapes import shape_text

from .draws import SEED
from .exact_sums import correctly_rounded_matmul, correctly_rounded_sum
from .golden_file import GoldenFile
from .numpy_errors import numpy_error
from .tolerances import sum_tolerance, tolerance

#: exp and log at zeros, tiny and huge values, the overflow threshold, the infinities and NaN.
SPECIALS = [0.0, -0.0, 1.0, -1.0, 1e-300, 700.0, 710.0, -750.0, math.inf, -math.inf, math.nan, 2.5]


def arrays():
    f = GoldenFile("arrays.json", "transpose, dot, sum, reshape, exp and log, with numpy's error texts.")
    rng = np.random.default_rng(SEED + 2)
    transposes(f, rng)
    dots(f, rng)
    sums(f, rng)
    reshapes(f, rng)
    f.case("exp-specials", ["ARR-2"], op.exp, {"a": tensor(SPECIALS)},
           {"out": tensor([exact.rounded(exact.exp(v)) for v in SPECIALS])}, tolerance=tolerance("ELEM"))
    f.case("log-specials", ["ARR-2"], op.log, {"a": tensor(SPECIALS)},
           {"out": tensor([exact.rounded(exact.log(v)) for v in SPECIALS])}, tolerance=tolerance("ELEM"))
    return f


def transposes(f, rng):
    for s in [(), (5,), (2, 3), (3, 1), (0, 2), (2, 3, 4)]:
        a = rng.standard_normal(s)
        f.case("transpose-%s" % shape_text(s), ["ARR-3"], op.transpose, {"a": tensor(a)}, {"out": tensor(a.T)})


def dots(f, rng):
    for sa, sb in [((), (2, 3)), ((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 2)), ((2, 3), (3, 4)), ((0, 3), (3, 2)),
                   ((2, 0), (0, 2)), ((4, 1), (1, 4)), ((2, 3), (2, 3)), ((4, 3), (4,)), ((3,), (4,)), ((4,), (3, 2))]:
        a, b = rng.standard_normal(sa), rng.standard_normal(sb)
        cid = "dot-%s-%s" % (shape_text(sa), shape_text(sb))
        message = numpy_error(lambda: np.dot(a, b))
        if message is not None:
            f.case(cid, ["ARR-4", "ERR-1"], op.dot, {"a": tensor(a), "b": tensor(b)},
                   error={"kind": "SHAPE_MISMATCH", "message": message})
            continue
        out = np.dot(a, b)
        value, worst = correctly_rounded_matmul(a, b)
        k = sa[-1] if len(sa) and len(sb) else 1
        f.case(cid, ["ARR-4"], op.dot, {"a": tensor(a), "b": tensor(b)}, {"out": tensor(value.reshape(out.shape))},
               tolerance=sum_tolerance(max(k, 1), worst))


def sums(f, rng):
    for s in [(), (4,), (3, 4), (2, 3, 4), (0, 3), (2, 0)]:
        a = rng.standard_normal(s)
        for axis in [None] + list(range(-len(s) - 1, len(s) + 1)):
            for keep in (False, True):
                cid = "sum-%s-axis%s-%s" % (shape_text(s), axis, "keep" if keep else "drop")
                message = numpy_error(lambda: np.sum(a, axis=axis, keepdims=keep))
                params = {"axis": axis, "keepdims": keep}
                if message is not None:
                    f.case(cid, ["ARR-6", "ERR-1"], op.sum, {"a": tensor(a)}, params=params,
                           error={"kind": "AXIS_OUT_OF_BOUNDS", "message": message})
                    continue
                out = np.sum(a, axis=axis, keepdims=keep)
                value = correctly_rounded_sum(a, axis, keep)
                n = a.size if (axis is None or s == ()) else s[axis]
                worst = float(np.max(correctly_rounded_sum(np.abs(a), axis, keep))) if out.size else 0.0
                # Σ|a| is itself rounded: 0.01 % more
                f.case(cid, ["ARR-6"], op.sum, {"a": tensor(a)}, {"out": tensor(value.reshape(out.shape))},
                       params=params, tolerance=sum_tolerance(max(n, 1), worst, 1.0001))


def reshapes(f, rng):
    for s, dims in [((6,), [2, 3]), ((6,), [-1, 2]), ((2, 3), [3, 2]), ((2, 3), [-1]), ((2, 3, 4), [4, -1]),
                    ((0, 3), [3, 0]), ((5,), [5, 1]), ((5, 1), [-1]), ((1,), [])]:
        a = rng.standard_normal(s)
        f.case("reshape-%s-to-%s" % (shape_text(s), shape_text(dims)), ["ARR-7"], op.reshape, {"a": tensor(a)},
               {"out": tensor(a.reshape(dims))}, params={"dims": dims})
    # numpy prints only the known dimensions for a -1 that cannot be inferred, "(4)"; the spec the request
    for s, dims, kind, ours in [((6,), [4], "SHAPE_MISMATCH", None), ((6,), [-1, 4], "SHAPE_MISMATCH",
                                "cannot reshape array of size 6 into shape (-1,4)"),
                               ((6,), [-1, -1], "INVALID_ARGUMENT", None)]:
        a = np.zeros(s)
        message = numpy_error(lambda: a.reshape(dims))
        f.case("reshape-%s-to-%s-error" % (shape_text(s), shape_text(dims)), ["ARR-7", "ERR-1"], op.reshape,
               {"a": tensor(a)}, params={"dims": dims}, error={"kind": kind, "message": ours or message})
