"""The Python side's one oracle: exact values at 60 significant digits, rounded once to float64.

Shared by golden-data/generate.py (the golden files' expected values) and
benchmarks/python/correctly_rounded.py (UlpSurvey's correctly rounded reference values), which
both put adapters/python on sys.path. Only the standard library.

Every function takes a double (a Python float, read exactly: every double is a finite decimal
fraction) or a Decimal and returns a Decimal: NaN for NaN, the limits at the infinities. Series
take over where a difference would cancel (expm1, log1p of small arguments), so each result is
within a few units of the 60th digit; rounded() then rounds it to the nearest double (CPython's
float(Decimal) is correctly rounded). Rounding twice, to 60 digits and then to 53 bits, could
differ from rounding once only for an exact value within 1e-60 (relative) of a midpoint between
two doubles, which these transcendental values at nonzero arguments are not.

Importing this module makes CONTEXT the thread's decimal context: the importing program's own
Decimal arithmetic (the golden models' matrix products) then runs at 60 digits too.
"""
import decimal

#: 60 significant digits and an exponent range that never underflows or overflows here.
CONTEXT = decimal.Context(prec=60, Emin=decimal.MIN_EMIN, Emax=decimal.MAX_EMAX)
decimal.setcontext(CONTEXT)

Dec = decimal.Decimal
_SMALL = Dec("1e-3")  # below it, expm1 and log1p use their series
_NEGLIGIBLE = Dec("1e-70")  # a series stops when its term is this small relative to the sum


def exact(x):
    """A double as the Decimal it is exactly (a Decimal as it is)."""
    return x if isinstance(x, Dec) else Dec(float(x))


def rounded(d):
    """The double nearest to d (correctly rounded, ties to even; beyond the range: ±inf)."""
    return float(d)


def expm1(y):
    """exp(y) - 1, with the series where exp(y) - 1 would cancel."""
    y = exact(y)
    if y.is_nan() or abs(y) >= _SMALL:
        return y.exp() - 1
    term = total = y
    k = 1
    while term != 0 and abs(term) > abs(total) * _NEGLIGIBLE:
        k += 1
        term = term * y / k
        total += term
    return total


def log1p(x):
    """log(1 + x) for x >= -1 (-Infinity at -1), with the series where 1 + x would round x away."""
    x = exact(x)
    if x.is_nan():
        return x
    if x == -1:
        return Dec("-Infinity")
    if abs(x) >= _SMALL:
        return (1 + x).ln()
    power = total = x
    k = 1
    while power != 0 and abs(power) > abs(total) * _NEGLIGIBLE:
        k += 1
        power = -power * x
        total += power / k
    return total


def exp(x):
    """e^x: 0 at -Infinity, Infinity at Infinity."""
    return exact(x).exp()


def log(x):
    """The natural logarithm: -Infinity at ±0, NaN below 0."""
    x = exact(x)
    if x.is_nan() or x < 0:
        return Dec("NaN")
    if x == 0:
        return Dec("-Infinity")
    return x.ln()


def sigmoid(z):
    """1 / (1 + e^-z), as e^z / (1 + e^z) below 0 (no overflow)."""
    z = exact(z)
    if z.is_nan():
        return z
    if z >= 0:
        return 1 / (1 + (-z).exp())
    e = z.exp()
    return e / (1 + e)


def sigmoid_derivative(z):
    """sigma(z)(1 - sigma(z)) = e / (1 + e)^2 with e = e^-|z|: products and quotients, no cancellation."""
    z = exact(z)
    if z.is_nan():
        return z
    e = (-abs(z)).exp()
    return e / ((1 + e) * (1 + e))


def tanh(z):
    """tanh(z) = -y / (2 + y) with y = expm1(-2|z|), the sign of z (-0 stays -0)."""
    z = exact(z)
    if z.is_nan() or z == 0:
        return z
    if z.is_infinite():
        return Dec(1).copy_sign(z)
    y = expm1(-2 * abs(z))  # in (-1, 0]
    return (-y / (2 + y)).copy_sign(z)


def tanh_derivative(z):
    """1 - tanh(z)^2 = 4t / (1 + t)^2 with t = e^-2|z|: no cancellation."""
    z = exact(z)
    if z.is_nan():
        return z
    t = (-2 * abs(z)).exp()
    return 4 * t / ((1 + t) * (1 + t))


def elu(z, alpha):
    """z for z >= 0 (-0 included), alpha (e^z - 1) below."""
    z = exact(z)
    if z.is_nan() or z >= 0:
        return z
    return exact(alpha) * expm1(z)


def elu_derivative(z, alpha):
    """1 for z >= 0, alpha e^z below (ELU'(0) = 1)."""
    z = exact(z)
    if z.is_nan():
        return z
    return Dec(1) if z >= 0 else exact(alpha) * z.exp()


def softplus(t):
    """log(1 + e^t), as t + log1p(e^-t) above 0: the loss from a logit (SPEC LOSS-4)."""
    t = exact(t)
    if t.is_nan():
        return t
    if t.is_infinite():
        return t if t > 0 else Dec(0)
    if t > 0:
        return t + log1p((-t).exp())
    return log1p(t.exp())


def minus_log(p):
    """-log(p): the loss of a prediction p for the label 1 (Infinity at 0)."""
    return -log(p)


def minus_log1m(p):
    """-log(1 - p): the loss of a prediction p for the label 0 (Infinity at 1, +0 at 0)."""
    return 0 - log1p(-exact(p))
