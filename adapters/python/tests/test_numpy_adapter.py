"""The numpy adapter (adapters/numpy/dlbasis_numpy.py), served by the kit: net_collapse and NET-4, the seam
net_op, and one shape formatter. Its whole traffic is pinned by the Java tests (cli, runner)."""
import importlib.util
import io
import json
import os
import subprocess
import sys
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ADAPTER = os.path.join(HERE, "..", "..", "numpy", "dlbasis_numpy.py")
sys.path.insert(0, os.path.join(HERE, ".."))
import dlbasis_protocol  # noqa: E402
from dlbasis_protocol.codec import decode_tensor, encode_tensor  # noqa: E402

_spec = importlib.util.spec_from_file_location("dlbasis_numpy", ADAPTER)
numpy_adapter = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(numpy_adapter)

RNG = np.random.default_rng(20261130)
N0, N1, N2, M = 3, 4, 2, 5
PARAMS = {"w1": RNG.standard_normal((N1, N0)), "b1": RNG.standard_normal((N1, 1)),
          "w2": RNG.standard_normal((N2, N1)), "b2": RNG.standard_normal((N2, 1))}
X = RNG.standard_normal((N0, M))
LINEAR = {"activation": "linear", "parameter": 0.0}


tensor, array = encode_tensor, decode_tensor


def answers(requests, main=None):
    """The numpy adapter's answers to requests (after the handshake), served in this process."""
    stdin = io.StringIO("".join(json.dumps(r) + "\n" for r in [{"id": 0, "op": "hello"}] + requests))
    stdout = io.StringIO()
    (main or numpy_adapter.main)(stdin=stdin, stdout=stdout)
    return [json.loads(line) for line in stdout.getvalue().splitlines()][1:]


def collapse_request(params, rid=1):
    return {"id": rid, "op": "net_collapse", "params": {},
            "inputs": {"params": {k: tensor(v) for k, v in params.items()}}}


def forward_request(params, rid=2):
    return {"id": rid, "op": "net_forward", "params": LINEAR,
            "inputs": {"params": {k: tensor(v) for k, v in params.items()}, "x": tensor(X)}}


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class CollapseTest(unittest.TestCase):
    def test_w_is_w2_w1_and_b_is_w2_b1_plus_b2(self):
        (answer,) = answers([collapse_request(PARAMS)])
        w, b = array(answer["outputs"]["w"]), array(answer["outputs"]["b"])
        self.assertEqual(((N2, N0), (N2, 1)), (w.shape, b.shape))
        np.testing.assert_allclose(PARAMS["w2"] @ PARAMS["w1"], w, rtol=1e-12)
        np.testing.assert_allclose(PARAMS["w2"] @ PARAMS["b1"] + PARAMS["b2"], b, rtol=1e-12)

    def test_net4_the_linear_network_is_one_affine_map(self):
        collapse, forward = answers([collapse_request(PARAMS), forward_request(PARAMS)])
        w, b = array(collapse["outputs"]["w"]), array(collapse["outputs"]["b"])
        np.testing.assert_allclose(array(forward["outputs"]["a2"]), sigmoid(w @ X + b), rtol=1e-10, atol=1e-12)

    def test_a_collapsed_bias_of_b1_plus_b2_is_a_wrong_answer(self):
        """The usual slip, b = b1 + b2 (n1 = n2 here, so that its shape is right), misses NET-4 by far more
        than MODEL's tolerance: the property that compares A2 with sigma(W X + b) catches it."""
        params = dict(PARAMS, w2=RNG.standard_normal((N1, N1)), b2=RNG.standard_normal((N1, 1)))
        (collapse,) = answers([collapse_request(params)])
        (forward,) = answers([forward_request(params)])
        w, b = array(collapse["outputs"]["w"]), array(collapse["outputs"]["b"])
        slipped = params["b1"] + params["b2"]
        self.assertEqual(b.shape, slipped.shape)
        a2 = array(forward["outputs"]["a2"])
        np.testing.assert_allclose(a2, sigmoid(w @ X + b), rtol=1e-10, atol=1e-12)
        self.assertGreater(np.max(np.abs(sigmoid(w @ X + slipped) - a2)), 1e-3)

    def test_the_parameters_are_checked_as_for_the_other_network_operations(self):
        rank1 = dict(PARAMS, b1=PARAMS["b1"].reshape(-1))
        w2_wrong = dict(PARAMS, w2=PARAMS["w2"][:, :-1])
        infinite = dict(PARAMS, b2=np.array([[np.inf], [0.0]]))
        vector_w1 = dict(PARAMS, w1=PARAMS["w1"][0])
        errors = [a["error"] for a in answers([collapse_request(p, i) for i, p in enumerate(
            [rank1, w2_wrong, infinite, vector_w1], start=1)])]
        self.assertEqual([{"kind": "SHAPE_MISMATCH", "message": "b1 must have shape (4,1), found (4,)"},
                          {"kind": "SHAPE_MISMATCH", "message": "W2 must have shape (2,4), found (2,3)"},
                          {"kind": "NON_FINITE", "message": "b2 must be finite, found inf"},
                          {"kind": "SHAPE_MISMATCH",
                           "message": "W1 must be a matrix of shape (rows,columns), found (3,)"}], errors)


class ServingTest(unittest.TestCase):
    def test_every_two_layer_operation_passes_through_net_op(self):
        seen = []
        original = numpy_adapter.net_op

        def spy(op, p, i):
            seen.append((op, sorted(p), sorted(i)))
            return original(op, p, i)
        numpy_adapter.net_op = spy
        try:
            answers([collapse_request(PARAMS), forward_request(PARAMS)])
        finally:
            numpy_adapter.net_op = original
        self.assertEqual([("net_collapse", [], ["params"]), ("net_forward", ["activation", "parameter"],
                                                              ["params", "x"])], seen)

    def test_the_handshake_declares_the_capabilities_in_the_protocols_order(self):
        p = subprocess.run([sys.executable, ADAPTER], input='{"id": 0, "op": "hello"}\n', capture_output=True,
                           text=True, timeout=60)
        self.assertEqual('{"id": 0, "ok": true, "name": "numpy %s (adapters/numpy)", "capabilities": ["ARRAYS", '
                         '"ACTIVATIONS", "LOSS", "LOGISTIC_REGRESSION", "TWO_LAYER_NETWORK", "DEEP_NETWORK"], '
                         '"protocol": "dlbasis-protocol/1"}\n' % np.__version__, p.stdout)

    def test_one_shape_formatter(self):
        self.assertIs(dlbasis_protocol.shape_text, numpy_adapter.shape_text)
        self.assertEqual(["()", "(4,)", "(4,3)"], [dlbasis_protocol.shape_text(s) for s in [(), (4,), (4, 3)]])


if __name__ == "__main__":
    unittest.main()
