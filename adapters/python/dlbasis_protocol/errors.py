"""SpecError: an input the spec rejects, as the kit answers it. Needs nothing (no numpy).

Its own module so that importing a program that raises it does not import the kit's server and
its imports too: a program imported by another (as cli's GradcheckCommandTest imports the numpy
adapter) starts as fast as it would without the kit.
"""

#: The error kinds of SPEC ERR-1, and NOT_IMPLEMENTED.
KINDS = ("SHAPE_MISMATCH", "AXIS_OUT_OF_BOUNDS", "NON_FINITE", "INVALID_LABEL", "EMPTY_INPUT",
         "INVALID_ARGUMENT", "NOT_IMPLEMENTED")


class SpecError(Exception):
    """An input the spec rejects: answered as {"ok": false, "error": {"kind": kind, "message": message}}.

    kind is one of SHAPE_MISMATCH, AXIS_OUT_OF_BOUNDS, NON_FINITE, INVALID_LABEL, EMPTY_INPUT,
    INVALID_ARGUMENT (SPEC ERR-1) or NOT_IMPLEMENTED.
    """

    def __init__(self, kind, message):
        if kind not in KINDS:
            raise ValueError("an error kind is one of %s, found %r" % (", ".join(KINDS), kind))
        super().__init__(message)
        self.kind = kind
        self.message = str(message)
