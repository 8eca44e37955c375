"""numpy's own error texts, which the spec adopts for the array operations (SPEC ERR-1)."""


def numpy_error(f):
    """numpy's message for a failing call, or None if it succeeds."""
    try:
        f()
    except Exception as e:  # numpy raises ValueError or AxisError
        return str(e)
    return None
