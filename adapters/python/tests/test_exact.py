"""dlbasis_exact, the one 60-digit oracle: correctly rounded values where they are known, and the special values."""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import dlbasis_exact as exact  # noqa: E402
from dlbasis_exact import Dec  # noqa: E402


def r(d):
    return exact.rounded(d)


class ValuesTest(unittest.TestCase):
    def test_correctly_rounded_where_float64_formulas_are_not(self):
        # numpy's 1/(1+exp(-20)) gives 0.9999999979388463, one ulp below (golden-data/README.md)
        self.assertEqual(0.9999999979388464, r(exact.sigmoid(20.0)))
        self.assertEqual(1e-300, r(exact.minus_log1m(1e-300)))  # 1 - 1e-300 would round to 1
        self.assertEqual(1e-20, r(exact.log1p(1e-20)))
        self.assertEqual(1e-20, r(exact.expm1(1e-20)))
        self.assertEqual(1e-12, r(exact.tanh(1e-12)))
        self.assertEqual(1000.0, r(exact.softplus(1000.0)))

    def test_identities(self):
        for z in (-30.0, -1.0, 0.0, 0.5, 3.0):
            s = exact.sigmoid(z)
            self.assertLess(abs(exact.sigmoid_derivative(z) - s * (1 - s)), Dec("1e-55"))
            t = exact.tanh(z)
            self.assertLess(abs(exact.tanh_derivative(z) - (1 - t * t)), Dec("1e-55"))
            self.assertLess(abs(exact.softplus(z) - exact.log(1 + exact.exp(z))), Dec("1e-55"))

    def test_the_context_has_60_digits(self):
        self.assertEqual(60, len((Dec(1) / 3).as_tuple().digits))


class SpecialValuesTest(unittest.TestCase):
    def test_infinities_give_the_limits(self):
        self.assertEqual((1.0, 0.0), (r(exact.sigmoid(math.inf)), r(exact.sigmoid(-math.inf))))
        self.assertEqual((1.0, -1.0), (r(exact.tanh(math.inf)), r(exact.tanh(-math.inf))))
        self.assertEqual((0.0, 0.0), (r(exact.tanh_derivative(math.inf)), r(exact.sigmoid_derivative(-math.inf))))
        self.assertEqual((math.inf, 0.0), (r(exact.softplus(math.inf)), r(exact.softplus(-math.inf))))
        self.assertEqual(-0.5, r(exact.elu(-math.inf, 0.5)))
        self.assertEqual((math.inf, 0.0), (r(exact.exp(710.0)), r(exact.exp(-math.inf))))

    def test_logarithms_at_their_edges(self):
        self.assertEqual(-math.inf, r(exact.log(-0.0)))
        self.assertTrue(math.isnan(r(exact.log(-1.0))))
        self.assertEqual(-math.inf, r(exact.log1p(-1.0)))
        self.assertEqual((math.inf, math.inf), (r(exact.minus_log(0.0)), r(exact.minus_log1m(1.0))))
        self.assertEqual("0.0", repr(r(exact.minus_log1m(0.0))))

    def test_signed_zeros_and_nan(self):
        self.assertEqual("-0.0", repr(r(exact.tanh(-0.0))))
        self.assertEqual("-0.0", repr(r(exact.elu(-0.0, 1.0))))
        for f in (exact.sigmoid, exact.tanh, exact.tanh_derivative, exact.sigmoid_derivative, exact.softplus,
                  exact.log, exact.log1p, exact.expm1):
            self.assertTrue(math.isnan(r(f(math.nan))), f.__name__)


if __name__ == "__main__":
    unittest.main()
