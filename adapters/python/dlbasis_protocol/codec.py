"""The JSON encoding of spec/PROTOCOL.md and golden-data/README.md, once.

A double is a JSON number (written with Python's shortest round-trip repr) or one of the strings
"NaN", "Infinity", "-Infinity" (case-sensitive: "nan" is an error, and so is a bare NaN token,
which json.dumps writes by default but which is not JSON). A tensor is
{"shape": [d0, ...], "data": [doubles in row-major order]}; "shape": [] is 0-d.
"""
import math

_SPECIAL = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def encode_double(x):
    """A float64 as JSON: the number itself, or "NaN" / "Infinity" / "-Infinity"."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def decode_double(v):
    """A JSON double as a float; ValueError for anything else (a bool, "nan", a list)."""
    if isinstance(v, str):
        if v not in _SPECIAL:
            raise ValueError('a double is a number or "NaN", "Infinity", "-Infinity", found %r' % v)
        return _SPECIAL[v]
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ValueError("a double is a number, found %r" % (v,))
    return float(v)


def encode_tensor(a):
    """A numpy array (or anything numpy.asarray takes) as a float64 JSON tensor."""
    import numpy as np

    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [encode_double(v) for v in a.reshape(-1)]}


def decode_tensor(node):
    """A JSON tensor as a float64 numpy array of its shape; ValueError if data and shape disagree."""
    import numpy as np

    shape, data = node["shape"], node["data"]
    size = 1
    for d in shape:
        if isinstance(d, bool) or not isinstance(d, int) or d < 0:
            raise ValueError("a shape holds non-negative integers, found %r" % (shape,))
        size *= d
    if len(data) != size:
        raise ValueError("shape %r needs %d values, found %d" % (shape, size, len(data)))
    return np.array([decode_double(v) for v in data], dtype=np.float64).reshape(shape)
