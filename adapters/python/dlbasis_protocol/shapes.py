"""shape_text: a shape the way numpy writes it in its messages, once on the Python side.

The kit, the numpy adapter and golden-data/generate.py all write shapes with it, so the texts of
SPEC ERR-1 (`W1 must have shape (3,3), found (3,2)`) and numpy's own agree. Needs nothing.
"""


def shape_text(shape):
    """(), (5,), (4,3): numpy's form, without spaces, with the trailing comma of a 1-tuple."""
    shape = tuple(shape)
    return "(" + ",".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"
