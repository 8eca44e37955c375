"""The one JSON codec: what it writes, and what it refuses to read."""
import json
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from dlbasis_protocol.codec import decode_double, decode_tensor, encode_double, encode_tensor  # noqa: E402


class CodecTest(unittest.TestCase):
    def test_specials_are_strings_and_numbers_round_trip(self):
        self.assertEqual(["NaN", "Infinity", "-Infinity", -0.0, 0.1],
                         [encode_double(v) for v in (math.nan, math.inf, -math.inf, -0.0, 0.1)])
        self.assertEqual("0.1", json.dumps(encode_double(0.1)))
        self.assertTrue(math.isnan(decode_double("NaN")))
        self.assertEqual(-math.inf, decode_double("-Infinity"))

    def test_lower_case_specials_and_non_numbers_are_refused(self):
        for bad in ("nan", "inf", True, None, [1.0]):
            with self.assertRaises(ValueError):
                decode_double(bad)

    def test_tensors_keep_their_shape_and_reject_a_wrong_length(self):
        t = encode_tensor([[1.0, float("nan")], [3.0, 4.0]])
        self.assertEqual({"shape": [2, 2], "data": [1.0, "NaN", 3.0, 4.0]}, t)
        self.assertEqual((2, 2), decode_tensor(t).shape)
        self.assertEqual({"shape": [], "data": [2.5]}, encode_tensor(2.5))
        with self.assertRaises(ValueError):
            decode_tensor({"shape": [2], "data": [1.0, 2.0, 3.0]})
        with self.assertRaises(ValueError):
            decode_tensor({"shape": ["2"], "data": [1.0, 2.0]})


if __name__ == "__main__":
    unittest.main()
