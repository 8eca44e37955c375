#!/usr/bin/env python3
"""Correctly rounded reference values for UlpSurvey, and the fit of the reference's tanh polynomial.

    python3 benchmarks/python/correctly_rounded.py              # write benchmarks/target/ulp-points.tsv
    python3 benchmarks/python/correctly_rounded.py --per-binade 8 --out F   # fewer points, another file
    python3 benchmarks/python/correctly_rounded.py --fit-tanh   # Remez fit of tanh on [0, 0.55)

Only the standard library: every value comes from adapters/python/dlbasis_exact, the oracle the
golden files' generator uses too: `decimal` at 60 significant digits (with series where a
difference would cancel: expm1 and log1p of small arguments), rounded once to float64 by
float(Decimal), which is correctly rounded. Rounding twice (60 digits, then 53 bits) could differ
from the correctly rounded value only if the exact value lay within 1e-60 (relative) of a midpoint
between two doubles, which does not happen for these transcendental values at nonzero arguments.
The sample is deterministic (random.Random(SEED)), so every run writes the same
file.

The file has one line per point: function, sample set, the argument's IEEE bits (16 hex digits),
the correctly rounded result's bits, and the exact value to 40 significant digits ("nan", "inf",
"-inf" where it is one), which UlpSurvey uses to measure errors in fractions of an ulp.

Functions (their names in the file):
  tanh        tanh(x)                       every binade of both signs, subnormals included
  tanh'       1 - tanh(x)^2 = sech(x)^2     the same arguments
  sigmoid     1 / (1 + exp(-x))
  log1p       log(1 + x) for x in [-1, 1]   the range the loss uses
  softplus    log(1 + exp(t))               the loss from a logit, L(sigma(z), 0) = softplus(z)
  nlog1mp     -log(1 - p) for p in [0, 1]   the loss of a prediction p for the label 0

--fit-tanh runs the Remez exchange algorithm for the odd polynomial
tanh(z) ~ z + z^3 (c0 + c1 z^2 + ... + cn z^(2n)) on 0 <= z < 0.55 that minimises the maximum
RELATIVE error, in decimal at 60 digits, and prints the coefficients rounded to double (as Java
literals) with the approximation error of the rounded polynomial (evaluated exactly).
"""
import argparse
import math
import random
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "adapters" / "python"))
import dlbasis_exact as exact  # noqa: E402  (the one 60-digit oracle, shared with golden-data/generate.py)
from dlbasis_exact import Dec, expm1  # noqa: E402

SEED = 20261130
TINY = Dec("1e-400")


# ---------------------------------------------------------------- exact functions (dlbasis_exact)

FUNCTIONS = {
    "tanh": exact.tanh,
    "tanh'": exact.tanh_derivative,
    "sigmoid": exact.sigmoid,
    "log1p": exact.log1p,
    "softplus": exact.softplus,
    "nlog1mp": exact.minus_log1m,
}


# ---------------------------------------------------------------- sample points

def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def binades(rng, per, lo=-1074, hi=1023, sign=1.0):
    """per random doubles in every binade [2^e, 2^(e+1)) for lo <= e <= hi, subnormals included
    (a 'binade' of subnormals has the mantissa's leading bit at position e + 1074)."""
    out = []
    for e in range(lo, hi + 1):
        for _ in range(per):
            if e >= -1022:
                b = ((e + 1023) << 52) | rng.getrandbits(52)
            else:
                k = e + 1074  # leading bit of the subnormal mantissa
                b = (1 << k) | (rng.getrandbits(k) if k > 0 else 0)
            out.append(math.copysign(from_bits(b), sign))
    return out


def uniform(rng, lo, hi, n):
    return [lo + (hi - lo) * rng.random() for _ in range(n)]


def around(x, k):
    """The 2k + 1 consecutive doubles centred on x."""
    out = [x]
    up = down = x
    for _ in range(k):
        up = math.nextafter(up, math.inf)
        down = math.nextafter(down, -math.inf)
        out += [up, down]
    return sorted(out)


SPECIALS = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, -2.2250738585072014e-308, 1e-300, -1e-300,
            1.42e-16, -1.42e-16, 2.0 ** -28, 0.5, -0.5, 0.55, -0.55, 1.0, -1.0, 20.0, -20.0, 40.0, -40.0,
            710.0, -710.0, 1000.0, -1000.0, 1e308, -1e308, 1.7976931348623157e308, -1.7976931348623157e308,
            math.inf, -math.inf, math.nan]


def samples(per):
    """(function, set, argument) for every point, deterministic."""
    rng = random.Random(SEED)
    sets = []
    switch = 0.55
    for f in ("tanh", "tanh'"):
        sets += [
            (f, "special", SPECIALS),
            (f, "binades+ 2^-1074..2^1023", binades(rng, per)),
            (f, "binades- 2^-1074..2^1023", binades(rng, max(1, per // 4), sign=-1.0)),
            (f, "uniform [0, 0.55)", uniform(rng, 0.0, switch, 800 * per)),
            (f, "uniform (-0.55, 0)", uniform(rng, -switch, 0.0, 10 * per)),
            (f, "switch 0.55 +-1000 ulp", around(switch, 1000)),
            (f, "switch -0.55 +-100 ulp", around(-switch, 100)),
            (f, "uniform [0.5, 0.6]", uniform(rng, 0.5, 0.6, 20 * per)),
            (f, "uniform [0.55, 20]", uniform(rng, switch, 20.0, 200 * per)),
            (f, "uniform [15, 25]", uniform(rng, 15.0, 25.0, 5 * per)),
        ]
    sets += [
        ("sigmoid", "special", SPECIALS),
        ("sigmoid", "binades+ 2^-1074..2^1023", binades(rng, per)),
        ("sigmoid", "binades- 2^-1074..2^1023", binades(rng, per, sign=-1.0)),
        ("sigmoid", "uniform [-40, 40]", uniform(rng, -40.0, 40.0, 40 * per)),
        ("sigmoid", "uniform [-746, -700]", uniform(rng, -746.0, -700.0, 5 * per)),
    ]
    sets += [
        ("log1p", "special", [0.0, -0.0, 5e-324, -5e-324, 2.0 ** -53, -(2.0 ** -54), 2.0 ** -52, 1e-300, 0.5, -0.5,
                              1.0, -1.0, math.nextafter(-1.0, 0.0), math.nan]),
        ("log1p", "binades+ 2^-1074..2^0", binades(rng, per, hi=-1) + [1.0]),
        ("log1p", "binades- 2^-1074..2^0", binades(rng, per, hi=-1, sign=-1.0)),
        ("log1p", "uniform [0, 1]", uniform(rng, 0.0, 1.0, 40 * per)),
        ("log1p", "uniform [-1, 0]", uniform(rng, -1.0, 0.0, 20 * per)),
        ("log1p", "around 2^-53 +-500 ulp", around(2.0 ** -53, 500)),
        ("log1p", "around -2^-54 +-500 ulp", around(-(2.0 ** -54), 500)),
        ("log1p", "around -0.5 +-500 ulp", around(-0.5, 500)),
        ("log1p", "around 2^-26 +-500 ulp", around(2.0 ** -26, 500)),
        ("log1p", "around -2^-26 +-500 ulp", around(-(2.0 ** -26), 500)),
        ("log1p", "uniform [0, 2^-20]", uniform(rng, 0.0, 2.0 ** -20, 10 * per)),
    ]
    sets += [
        ("softplus", "special", SPECIALS),
        ("softplus", "binades+ 2^-1074..2^1023", binades(rng, per)),
        ("softplus", "binades- 2^-1074..2^1023", binades(rng, per, sign=-1.0)),
        ("softplus", "uniform [-40, 40]", uniform(rng, -40.0, 40.0, 60 * per)),
        ("softplus", "uniform [-750, -700]", uniform(rng, -750.0, -700.0, 5 * per)),
        ("softplus", "around 0 +-500 ulp", around(0.0, 500)),
        ("softplus", "around 26 ln 2 +-500 ulp", around(26 * math.log(2), 500)),
    ]
    below_one = [1.0]
    for _ in range(1000):
        below_one.append(math.nextafter(below_one[-1], 0.0))
    sets += [
        ("nlog1mp", "special", [0.0, 5e-324, 1e-300, 1e-16, 2.0 ** -53, 0.25, 0.5, 0.75, 1 - 2.0 ** -53, 1.0, math.nan]),
        ("nlog1mp", "binades 2^-1074..2^-1", binades(rng, per, hi=-1)),
        ("nlog1mp", "uniform [0, 1]", uniform(rng, 0.0, 1.0, 40 * per)),
        ("nlog1mp", "1000 doubles below 1", below_one),
        ("nlog1mp", "around 0.5 +-500 ulp", around(0.5, 500)),
        ("nlog1mp", "around 2^-26 +-500 ulp", around(2.0 ** -26, 500)),
    ]
    for f, name, xs in sets:
        for x in xs:
            yield f, name, x


# ---------------------------------------------------------------- output

def exact_text(d):
    if d.is_nan():
        return "nan"
    if d.is_infinite():
        return "inf" if d > 0 else "-inf"
    if d == 0:
        return "-0" if d.is_signed() else "0"
    if abs(d) < TINY:  # far below 2^-1074 (and below what Java's BigDecimal can hold): as good as 1e-400
        return "{:.39e}".format(TINY.copy_sign(d))
    return "{:.39e}".format(d)


def write_points(out, per):
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(out, "w") as f:
        f.write("# function\tset\targument bits\tcorrectly rounded bits\texact (40 digits)\n")
        for fn, name, x in samples(per):
            d = Dec("NaN") if math.isnan(x) else FUNCTIONS[fn](x)
            f.write("%s\t%s\t%016x\t%016x\t%s\n" % (fn, name, bits(x), bits(exact.rounded(d)), exact_text(d)))
            count += 1
    print("wrote %d points to %s" % (count, out), file=sys.stderr)


# ---------------------------------------------------------------- Remez fit of tanh on [0, 0.55)

def tanh_ratio_minus_one_over_s(s):
    """g(s) = (tanh(z)/z - 1)/s with s = z^2 (the even function the polynomial approximates)."""
    if s == 0:
        return Dec(-1) / 3
    z = s.sqrt()
    if s < Dec("1e-12"):  # the series, where the quotient would cancel
        return Dec(-1) / 3 + 2 * s / 15 - 17 * s * s / 315
    y = expm1(-2 * z)
    return (-y / (2 + y) / z - 1) / s


def weight(s):
    """Relative error of tanh = weight(s)·(P(s) − g(s)): z^3/tanh(z) = s·z/tanh(z)."""
    if s == 0:
        return Dec(0)
    z = s.sqrt()
    y = expm1(-2 * z)
    return s * z / (-y / (2 + y))


def poly(c, s):
    p = Dec(0)
    for cj in reversed(c):
        p = p * s + cj
    return p


def solve(a, b):
    """Gaussian elimination with partial pivoting, in decimal."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for k in range(col, n + 1):
                m[r][k] -= f * m[col][k]
    x = [Dec(0)] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def remez(degree, right, iterations=40, grid=1500):
    n = degree + 1  # coefficients c0..c_degree
    N = n + 1  # reference points
    pi = Dec("3.14159265358979323846264338327950288419716939937510582097494459")
    xs = [right * (1 - Dec(math.cos(float(pi) * (i + 1) / N))) / 2 for i in range(N)]
    gs = {}
    ws = {}

    def g(s):
        if s not in gs:
            gs[s] = tanh_ratio_minus_one_over_s(s)
            ws[s] = weight(s)
        return gs[s]

    def err(c, s):
        g(s)
        return ws[s] * (poly(c, s) - gs[s])

    cells = [right * i / grid for i in range(grid + 1)]
    c = None
    for _ in range(iterations):
        for x in xs:
            g(x)  # fills the caches
        a = [[ws[x] * x ** j for j in range(n)] + [Dec(-1) ** i] for i, x in enumerate(xs)]
        sol = solve(a, [ws[x] * gs[x] for x in xs])
        c, level = sol[:n], sol[n]
        vals = [err(c, s) for s in cells]
        ext = []
        for i in range(1, grid + 1):
            v = abs(vals[i])
            if v >= abs(vals[i - 1]) and (i == grid or v >= abs(vals[i + 1])):
                ext.append(refine(lambda s: abs(err(c, s)), cells[i - 1], cells[min(i + 1, grid)]))
        sel = []
        for s in ext:
            e = err(c, s)
            if sel and (e > 0) == (err(c, sel[-1]) > 0):
                if abs(e) > abs(err(c, sel[-1])):
                    sel[-1] = s
            else:
                sel.append(s)
        while len(sel) > N:
            if abs(err(c, sel[0])) < abs(err(c, sel[-1])):
                sel.pop(0)
            else:
                sel.pop()
        if len(sel) < N:
            break
        emax = max(abs(err(c, s)) for s in sel)
        emin = min(abs(err(c, s)) for s in sel)
        xs = sel
        if (emax - emin) / emax < Dec("1e-8"):
            break
    return c, abs(level)


def refine(f, lo, hi, steps=60):
    """Golden-section search for the maximum of f on [lo, hi]."""
    r = (Dec(5).sqrt() - 1) / 2
    a, b = lo, hi
    x1, x2 = b - r * (b - a), a + r * (b - a)
    f1, f2 = f(x1), f(x2)
    for _ in range(steps):
        if f1 > f2:
            b, x2, f2 = x2, x1, f1
            x1 = b - r * (b - a)
            f1 = f(x1)
        else:
            a, x1, f1 = x1, x2, f2
            x2 = a + r * (b - a)
            f2 = f(x2)
    best = max((f(lo), lo), (f(hi), hi), (f1, x1), (f2, x2))
    return best[1]


def fit_tanh(degree, switch):
    right = exact.exact(switch) * exact.exact(switch)
    c, level = remez(degree, right)
    rounded_c = [float(cj) for cj in c]
    worst = Dec(0)
    for i in range(1, 4001):
        s = right * i / 4000
        z = s.sqrt()
        t = -expm1(-2 * z) / (2 + expm1(-2 * z))
        approx = z + z * s * poly([exact.exact(v) for v in rounded_c], s)
        worst = max(worst, abs(approx - t) / t)
    print("// tanh(z) ~ z + z^3·P(z^2) on [0, %r), P of degree %d (Remez, relative error)" % (switch, degree))
    print("// equioscillation level %.3e; rounded coefficients: max relative error %.3e = %.4f ulp(1)"
          % (level, worst, worst / Dec(2) ** -52))
    for j, v in enumerate(rounded_c):
        print("private static final double T%d = %s;" % (j, repr(v)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "target" / "ulp-points.tsv")
    ap.add_argument("--per-binade", type=int, default=24, help="random points per binade (default 24)")
    ap.add_argument("--fit-tanh", action="store_true", help="print the Remez fit of tanh instead")
    ap.add_argument("--degree", type=int, default=10, help="degree of P in z^2 for --fit-tanh (default 10)")
    ap.add_argument("--switch", type=float, default=0.55, help="right end of the fit (default 0.55)")
    args = ap.parse_args()
    if args.fit_tanh:
        fit_tanh(args.degree, args.switch)
    else:
        write_points(args.out, args.per_binade)


if __name__ == "__main__":
    main()
