"""broadcast.json: every ordered pair of 13 shapes, for each element-wise operation (SPEC BCAST-*)."""
import itertools

import numpy as np

from dlbasis_protocol.codec import encode_tensor as tensor
from dlbasis_protocol.operations import op
from dlbasis_protocol.shapes import shape_text

from .draws import SEED
from .golden_file import GoldenFile
from .numpy_errors import numpy_error

#: 0-d, rank 1 to 3, and zero-size shapes.
SHAPES = [(), (1,), (3,), (4, 1), (1, 3), (4, 3), (3, 4), (0,), (0, 3), (1, 0), (2, 1, 3), (2, 4, 3), (1, 1, 1)]

#: The element-wise operations, in the order of each pair's cases, as numpy computes them.
ELEMENTWISE = {op.add: np.add, op.subtract: np.subtract, op.multiply: np.multiply, op.divide: np.divide,
               op.maximum: np.maximum, op.greater: lambda a, b: np.greater(a, b).astype(np.float64)}


def broadcast():
    f = GoldenFile("broadcast.json", "Broadcasting: every pair of a list of shapes, for every element-wise operation.")
    rng = np.random.default_rng(SEED + 1)
    for sa, sb in itertools.product(SHAPES, SHAPES):
        a = rng.integers(-4, 5, size=sa).astype(np.float64)
        b = rng.integers(1, 5, size=sb).astype(np.float64)  # no zero divisors: divide stays exact-friendly
        for name, numpy_op in ELEMENTWISE.items():
            cid = "%s-%s-%s" % (name, shape_text(sa), shape_text(sb))
            message = numpy_error(lambda: numpy_op(a, b))
            inputs = {"a": tensor(a), "b": tensor(b)}
            if message is not None:
                ours = "operands could not be broadcast together with shapes %s %s" % (shape_text(sa), shape_text(sb))
                assert message.rstrip() == ours, (message, ours)
                f.case(cid, ["BCAST-3", "ERR-1"], name, inputs,
                       error={"kind": "SHAPE_MISMATCH", "message": ours})
            else:
                f.case(cid, ["BCAST-1", "BCAST-2"], name, inputs, {"out": tensor(numpy_op(a, b))})
    return f
