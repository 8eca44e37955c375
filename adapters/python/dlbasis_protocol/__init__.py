"""Python side of the dlbasis protocol (spec/PROTOCOL.md).

codec: the JSON encoding of doubles and tensors, shared by the numpy adapter and the golden-data
generator. serve, SpecError, shape_text (from .server, imported on first use so that the codec
alone needs nothing): the adapter kit, see adapters/python/README.md. check (from .course): the
course's notebooks as they are, from inside one.
"""

__all__ = ["serve", "SpecError", "shape_text", "protocol_error", "OPERATIONS"]


def __getattr__(name):
    if name == "check":  # from a notebook: from dlbasis_protocol import check; check() (the course loader's)
        from .course import check

        return check
    if name in __all__:
        from . import server

        return getattr(server, name)
    raise AttributeError("module %r has no attribute %r" % (__name__, name))
