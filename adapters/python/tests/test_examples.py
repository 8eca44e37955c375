"""The two examples written with the kit, through real processes: adapters/course and adapters/torch.

The torch tests are skipped when `import torch` fails: torch is never needed by the build.
"""
import importlib.util
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ADAPTERS = os.path.join(HERE, "..", "..")
COURSE = os.path.join(ADAPTERS, "course", "course_adapter.py")
TORCH = os.path.join(ADAPTERS, "torch", "torch_adapter.py")
HELLO = {"id": 0, "op": "hello", "protocol": "dlbasis-protocol/1"}
HAS_TORCH = importlib.util.find_spec("torch") is not None


def tensor(a):
    a = np.asarray(a, dtype=float)
    return {"shape": list(a.shape), "data": a.reshape(-1).tolist()}


def array(t):
    return np.array([{"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}.get(v, v) for v in t["data"]],
                    dtype=float).reshape(t["shape"])


def ask(script, requests, env=None, timeout=120):
    """(exit status, answers, stderr) of a program given the handshake and these requests."""
    lines = "".join(json.dumps(dict(r, id=i)) + "\n" for i, r in enumerate([HELLO] + requests))
    p = subprocess.run([sys.executable, script], input=lines, capture_output=True, text=True, timeout=timeout,
                       env=dict(os.environ, **(env or {})))
    return p.returncode, [json.loads(line) for line in p.stdout.splitlines()], p.stderr


def saturated_deep_case():
    """A 3-2-1 ReLU network whose output logits are about +-80: sigma rounds to exactly 1 (y = 1) and ~0."""
    w1 = np.array([[1.0, 0.5, -0.25], [0.5, -1.0, 1.0]])
    b1 = np.array([[0.5], [0.5]])
    w2 = np.array([[40.0, 40.0]])
    b2 = np.array([[1.0]])
    x = np.array([[1.0, -1.0], [0.5, 0.0], [1.0, 2.0]])
    y = np.array([[1.0, 0.0]])
    params = {"w1": tensor(w1), "b1": tensor(b1), "w2": tensor(w2), "b2": tensor(b2)}
    return params, x, y


class CourseTest(unittest.TestCase):
    def test_the_handshake_declares_what_the_course_has(self):
        status, answers, err = ask(COURSE, [])
        self.assertEqual(0, status, err)
        self.assertEqual(["DEEP_NETWORK", "LOGISTIC_REGRESSION", "TWO_LAYER_NETWORK"], answers[0]["capabilities"])
        self.assertEqual({"activations": ["tanh", "relu"], "deep_activations": ["relu"], "max_output_units": 1,
                          "init_scale": 0.01, "init_seed": False, "validation": False}, answers[0]["options"])

    def test_week3_forward_and_backward_through_the_protocol(self):
        rng = np.random.default_rng(1)
        w1, b1, w2, b2 = rng.normal(size=(4, 3)), rng.normal(size=(4, 1)), rng.normal(size=(1, 4)), rng.normal(size=(1, 1))
        x, y = rng.normal(size=(3, 5)), np.array([[1.0, 0, 1, 1, 0]])
        params = {"w1": tensor(w1), "b1": tensor(b1), "w2": tensor(w2), "b2": tensor(b2)}
        act = {"activation": "tanh", "parameter": 0.0}
        status, answers, err = ask(COURSE, [
            {"op": "net_forward", "params": act, "inputs": {"params": params, "x": tensor(x)}},
            {"op": "net_cost", "params": act, "inputs": {"params": params, "x": tensor(x), "y": tensor(y)}},
            {"op": "net_forward", "params": {"activation": "sigmoid", "parameter": 0.0},
             "inputs": {"params": params, "x": tensor(x)}}])
        self.assertEqual(0, status, err)
        a2 = 1 / (1 + np.exp(-(w2 @ np.tanh(w1 @ x + b1) + b2)))
        np.testing.assert_allclose(a2, array(answers[1]["outputs"]["a2"]), rtol=1e-14)
        self.assertEqual([], answers[2]["outputs"]["out"]["shape"])  # compute_cost's float: 0-d
        self.assertEqual("NOT_IMPLEMENTED", answers[3]["error"]["kind"])

    def test_the_deep_backward_is_finite_at_saturation_unless_the_planted_bug_is_on(self):
        params, x, y = saturated_deep_case()
        act = {"activation": "relu", "parameter": 0.0}
        requests = [{"op": "deep_forward", "params": act, "inputs": {"params": params, "x": tensor(x)}}]
        status, answers, err = ask(COURSE, requests)
        cache = answers[1]["outputs"]
        self.assertEqual(1.0, array(cache["a2"])[0, 0])  # sigma rounded to exactly 1
        backward = {"op": "deep_backward", "params": act,
                    "inputs": {"params": params, "x": tensor(x), "y": tensor(y), "cache": cache}}
        for env, finite in (({}, True), ({"DLBASIS_COURSE_BREAK": "saturation"}, False)):
            status, answers, err = ask(COURSE, [backward], env)
            self.assertEqual(0, status, err)
            grads = answers[1]["outputs"]
            self.assertEqual(["dw1", "db1", "dw2", "db2"], list(grads))
            self.assertEqual(finite, all(np.isfinite(array(g)).all() for g in grads.values()), (env, grads))


@unittest.skipUnless(HAS_TORCH, "torch is not installed")
class TorchTest(unittest.TestCase):
    def test_torch_keeps_its_conventions(self):
        y_hat, y = np.array([[0.0, 0.5], [0.25, 1.0]]), np.array([[1.0, 0.0], [0.0, 1.0]])
        status, answers, err = ask(TORCH, [
            {"op": "loss", "params": {}, "inputs": {"y_hat": tensor(y_hat), "y": tensor(y)}},
            {"op": "cost", "params": {}, "inputs": {"y_hat": tensor(y_hat[1:]), "y": tensor(y[1:])}},
            {"op": "cost", "params": {}, "inputs": {"y_hat": tensor([[0.5, 0.5], [0.5, 0.5]]), "y": tensor(y)}},
            {"op": "activation_derivative", "params": {"activation": "elu", "parameter": 0.5},
             "inputs": {"z": tensor([0.0, 1.0])}}])
        self.assertEqual(0, status, err)
        self.assertEqual(100.0, array(answers[1]["outputs"]["out"])[0, 0])  # log clamped at -100
        self.assertEqual([], answers[2]["outputs"]["out"]["shape"])
        self.assertAlmostEqual(math.log(2), array(answers[3]["outputs"]["out"]), places=15)  # mean over n*m: /4
        self.assertEqual([0.5, 1.0], array(answers[4]["outputs"]["out"]).tolist())  # ELU'(0) = alpha

    def test_autograd_gives_dz_equals_a_minus_y_at_saturation(self):
        params, x, y = saturated_deep_case()
        status, answers, err = ask(TORCH, [{"op": "deep_backward", "params": {"activation": "relu", "parameter": 0.0},
                                            "inputs": {"params": params, "x": tensor(x), "y": tensor(y)}}])
        self.assertEqual(0, status, err)
        self.assertTrue(all(np.isfinite(array(g)).all() for g in answers[1]["outputs"].values()))


class WithoutTorchTest(unittest.TestCase):
    def test_the_torch_adapter_says_torch_is_missing_and_exits_2(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "torch.py"), "w") as f:
                f.write("raise ImportError('No module named torch (hidden by the test)')\n")
            status, answers, err = ask(TORCH, [], {"PYTHONPATH": d})
        self.assertEqual((2, []), (status, answers))
        self.assertIn("PyTorch is not installed", err)


if __name__ == "__main__":
    unittest.main()
