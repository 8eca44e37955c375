"""The tolerance classes of SPEC.md ("Tolerance model"), as a case's "tolerance" member."""

#: The unit roundoff of float64, 2^-53: the rtol of a SUM(n) case (the rounding of its value).
U = 2.0 ** -53

#: (atol, rtol) of every class but SUM(n); the Java reader insists on exactly these.
CLASSES = {
    "EXACT": (0.0, 0.0),
    "ELEM": (2.2250738585072014e-308, 1e-15),
    "DERIV": (1e-15, 1e-15),
    "LOSS": (1e-15, 1e-15),
    "MODEL": (1e-12, 1e-10),
    "TRAJ": (1e-10, 1e-8),
}


def tolerance(name, atol=None, rtol=None):
    """{"class": name, "atol": ..., "rtol": ...}: the class's own values unless given."""
    a, r = CLASSES.get(name, (0.0, 0.0))
    return {"class": name, "atol": a if atol is None else atol, "rtol": r if rtol is None else rtol}


def gamma(n):
    """gamma_n = n u / (1 - n u): the relative error bound of a sum of n terms."""
    return n * U / (1 - n * U)


def sum_tolerance(n, abs_sum, slack=1.0):
    """SUM(n) for a sum or dot product of n terms whose absolute values sum to abs_sum: atol gamma_n·abs_sum
    (times slack, where abs_sum was itself rounded), rtol u."""
    return tolerance("SUM(%d)" % n, gamma(n) * abs_sum * slack, U)
