"""Python side of the dlbasis protocol (spec/PROTOCOL.md).

operations: the table of operations (OPERATIONS, Op), operations_in() and op, the operations'
names; shapes: shape_text, numpy's way of writing a shape; codec: the JSON encoding of doubles and
tensors; errors: SpecError. These need nothing but the standard library (codec's tensors need
numpy when used) and are shared by the adapters and golden-data/generate.py. serve and
protocol_error (from .server, imported on first use, with numpy): the adapter kit, see
adapters/python/README.md.
check (from .course): the course's notebooks as they are, from inside one.
"""
from .errors import SpecError
from .operations import OPERATIONS, Op, capabilities_of, op, operations_in
from .shapes import shape_text

__all__ = ["serve", "SpecError", "shape_text", "protocol_error", "OPERATIONS", "Op", "operations_in", "op",
           "capabilities_of", "check"]

_SERVER = ("serve", "protocol_error")


def __getattr__(name):
    if name == "check":  # from a notebook: from dlbasis_protocol import check; check() (the course loader's)
        from .course import check

        return check
    if name in _SERVER:
        from . import server

        return getattr(server, name)
    raise AttributeError("module %r has no attribute %r" % (__name__, name))
