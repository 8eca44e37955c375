"""serve(): the handshake, NOT_IMPLEMENTED, decoding and encoding, errors and crashes, options."""
import io
import json
import math
import os
import subprocess
import sys
import textwrap
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
KIT = os.path.join(HERE, "..")
sys.path.insert(0, KIT)
from dlbasis_protocol import SpecError, serve, shape_text  # noqa: E402
from dlbasis_protocol.server import Server, _outputs, protocol_error  # noqa: E402

HELLO = {"id": 0, "op": "hello", "protocol": "dlbasis-protocol/1"}


def tensor(a):
    a = np.asarray(a, dtype=float)
    return {"shape": list(a.shape), "data": [v for v in a.reshape(-1).tolist()]}


def run(functions, requests, **kwargs):
    """The answers serve() writes for these requests (the handshake first), as dicts."""
    stdin = io.StringIO("".join(json.dumps(r) + "\n" for r in [HELLO] + requests))
    stdout = io.StringIO()
    serve(kwargs.pop("name", "test"), functions, stdin=stdin, stdout=stdout, **kwargs)
    return [json.loads(line) for line in stdout.getvalue().splitlines()]


def program(body, requests, env=None):
    """Runs a serving script in a child process: (exit status, stdout lines, stderr)."""
    script = "import sys\nsys.path.insert(0, %r)\nimport numpy as np\nfrom dlbasis_protocol import serve, SpecError\n" \
             % KIT + textwrap.dedent(body)
    p = subprocess.run([sys.executable, "-c", script], input="".join(json.dumps(r) + "\n" for r in requests),
                       capture_output=True, text=True, timeout=60, env=dict(os.environ, **(env or {})))
    return p.returncode, p.stdout.splitlines(), p.stderr


class HandshakeTest(unittest.TestCase):
    def test_capabilities_follow_from_the_operations_given(self):
        hello = run({"cost": lambda y_hat, y: 0.0, "net_forward": lambda **kw: {}}, [], name="mine")[0]
        self.assertEqual({"id": 0, "ok": True, "name": "mine", "capabilities": ["LOSS", "TWO_LAYER_NETWORK"],
                          "protocol": "dlbasis-protocol/1", "options": {"step": False}}, hello)

    def test_capabilities_and_options_as_given(self):
        options = {"activations": ["tanh"], "max_output_units": 1, "init_scale": 0.01, "init_seed": False,
                   "step": False, "validation": False}
        hello = run({"cost": lambda y_hat, y: 0.0}, [], capabilities=["LOSS", "ARRAYS"], options=options)[0]
        self.assertEqual(["LOSS", "ARRAYS"], hello["capabilities"])
        self.assertEqual(options, hello["options"])

    def test_terms_in_the_handshake_only_when_given_and_checked(self):
        terms = {"cost": {"call": "J = compute_cost(A2, Y)", "inputs": {"y_hat": "A2", "y": "Y"},
                          "outputs": {"out": "J"}}}
        self.assertEqual(terms, run({"cost": lambda y_hat, y: 0.0}, [], terms=terms)[0]["terms"])
        self.assertNotIn("terms", run({"cost": lambda y_hat, y: 0.0}, [])[0])
        for bad, what in (({"exp": {"call": "f(x)"}}, "not among the functions served"),
                          ({"cost": {"inputs": {}}}, "non-blank string"),
                          ({"cost": {"call": "f(x)", "inputs": {"y": 1}}}, "non-blank expressions")):
            with self.assertRaises(ValueError) as e:
                run({"cost": lambda y_hat, y: 0.0}, [], terms=bad)
            self.assertIn(what, str(e.exception))

    def test_no_options_no_member_and_step_false_only_without_any_step(self):
        self.assertNotIn("options", run({"exp": np.exp}, [])[0])
        hello = run({"lr_cost": lambda **kw: 0.0, "net_cost": lambda **kw: 0.0, "net_step": lambda **kw: {}}, [])[0]
        self.assertNotIn("options", hello)

    def test_mistakes_are_found_before_serving(self):
        for functions, options, error in (
                ({"net_foward": lambda: 0}, None, ValueError),
                ({"exp": 3}, None, TypeError),
                ({"cost": lambda y_hat, Y: 0.0}, None, TypeError),  # Y: no such argument
                ({"cost": lambda y_hat, y: 0.0}, {"activation": ["tanh"]}, ValueError),  # typo
                ({"cost": lambda y_hat, y: 0.0}, {"activations": ["softmax"]}, ValueError),
                ({"cost": lambda y_hat, y: 0.0}, {"max_output_units": 0}, ValueError),
                ({"cost": lambda y_hat, y: 0.0}, {"init_scale": -1}, ValueError),
                ({"cost": lambda y_hat, y: 0.0}, {"validation": "no"}, ValueError)):
            with self.subTest(functions=list(functions), options=options), self.assertRaises(error):
                Server("x", functions, options)
        with self.assertRaises(ValueError):
            Server(" ", {})
        with self.assertRaises(ValueError):
            SpecError("SHAPE_ERROR", "no such kind")


class CallTest(unittest.TestCase):
    def test_an_operation_not_given_is_not_implemented(self):
        answers = run({"exp": np.exp}, [{"id": 1, "op": "log", "params": {}, "inputs": {"a": tensor([1.0])}},
                                        {"id": 2, "op": "deep_forward", "params": {}, "inputs": {}}])
        for answer, op in zip(answers[1:], ("log", "deep_forward")):
            self.assertEqual({"id": answer["id"], "ok": False, "error": {
                "kind": "NOT_IMPLEMENTED", "message": "test does not provide " + op}}, answer)

    def test_inputs_are_float64_arrays_objects_dicts_and_doubles_floats(self):
        seen = {}

        def lr_step(params, grads, learning_rate):
            seen.update(params=params, grads=grads, rate=learning_rate)
            return {"params": {"w": params["w"] - learning_rate * grads["dw"], "b": params["b"]}}

        answer = run({"lr_step": lr_step}, [{"id": 1, "op": "lr_step", "params": {"learning_rate": "NaN"}, "inputs": {
            "params": {"w": tensor([[1.0], [2.0]]), "b": 0.5}, "grads": {"dw": tensor([[1.0], [1.0]]), "db": "-Infinity"}}}])[1]
        self.assertEqual(np.float64, seen["params"]["w"].dtype)
        self.assertEqual((2, 1), seen["params"]["w"].shape)
        self.assertEqual(0.5, seen["params"]["b"])
        self.assertEqual(-math.inf, seen["grads"]["db"])
        self.assertTrue(math.isnan(seen["rate"]))
        self.assertEqual({"shape": [2, 1], "data": ["NaN", "NaN"]}, answer["outputs"]["params.w"])
        self.assertEqual({"shape": [], "data": [0.5]}, answer["outputs"]["params.b"])

    def test_a_function_gets_the_arguments_it_names_or_all_with_kwargs(self):
        answers = run({"sum": lambda a, axis: np.sum(a, axis=axis),
                       "net_cost": lambda **kw: float(len(kw))},
                      [{"id": 1, "op": "sum", "params": {"axis": None, "keepdims": True}, "inputs": {"a": tensor([[1, 2]])}},
                       {"id": 2, "op": "net_cost", "params": {"activation": "tanh", "parameter": 0.0},
                        "inputs": {"params": {}, "x": tensor([[1.0]]), "y": tensor([[1.0]])}}])
        self.assertEqual({"shape": [], "data": [3.0]}, answers[1]["outputs"]["out"])
        self.assertEqual({"shape": [], "data": [5.0]}, answers[2]["outputs"]["out"])

    def test_numbers_are_0d_and_shapes_are_kept_as_returned(self):
        answers = run({"cost": lambda y_hat, y: np.sum(y_hat) / 2, "lr_cost": lambda **kw: np.array([[0.25]])},
                      [{"id": 1, "op": "cost", "params": {}, "inputs": {"y_hat": tensor([[0.5, 0.5]]), "y": tensor([[1, 0]])}},
                       {"id": 2, "op": "lr_cost", "params": {}, "inputs": {}}])
        self.assertEqual({"shape": [], "data": [0.5]}, answers[1]["outputs"]["out"])
        # a (1,1) cost goes out as (1,1): the runner FAILs it (np.squeeze it), the kit does not hide it
        self.assertEqual({"shape": [1, 1], "data": [0.25]}, answers[2]["outputs"]["out"])

    def test_outputs_as_a_tuple_in_the_protocols_order_or_nested_dicts(self):
        answers = run({"lr_backward": lambda params, x: (np.zeros((2, 1)), 0.5),
                       "net_step": lambda params, grads, learning_rate: {"params": {k: v for k, v in params.items()}}},
                      [{"id": 1, "op": "lr_backward", "params": {}, "inputs": {"params": {}, "x": tensor([1.0])}},
                       {"id": 2, "op": "net_step", "params": {"learning_rate": 0.1}, "inputs": {
                           "params": {k: tensor([[1.0]]) for k in ("w1", "b1", "w2", "b2")}, "grads": {}}}])
        self.assertEqual(["dw", "db"], list(answers[1]["outputs"]))
        self.assertEqual(["params.w1", "params.b1", "params.w2", "params.b2"], list(answers[2]["outputs"]))


    def test_deep_outputs_are_numbered_per_layer(self):
        two = {"z1": np.zeros((2, 1)), "a1": np.zeros((2, 1)), "z2": np.zeros((1, 1)), "a2": np.ones((1, 1))}
        answer = run({"deep_forward": lambda params, x: two},
                     [{"id": 1, "op": "deep_forward", "params": {}, "inputs": {"params": {}, "x": tensor([[1.0]])}}])[1]
        self.assertEqual(["z1", "a1", "z2", "a2"], list(answer["outputs"]))
        for wrong in ({"z1": 0.0, "a1": 0.0, "z2": 0.0}, {"z1": 0.0, "a1": 0.0, "Z2": 0.0, "a2": 0.0},
                      {"z0": 0.0, "a0": 0.0}, (0.0, 0.0)):
            with self.subTest(wrong=wrong), self.assertRaises(ValueError):
                _outputs("deep_forward", wrong)


class ErrorTest(unittest.TestCase):
    def error(self, f, op="add", inputs=None, params=None):
        return run({op: f}, [{"id": 1, "op": op, "params": params or {}, "inputs": inputs or {}}])[1]["error"]

    def test_spec_error_and_not_implemented_error(self):
        def cost(**kw):
            raise SpecError("INVALID_LABEL", "labels must be 0 or 1, found 0.5 at index 2")

        def exp(**kw):
            raise NotImplementedError("no exp here")

        self.assertEqual({"kind": "INVALID_LABEL", "message": "labels must be 0 or 1, found 0.5 at index 2"},
                         self.error(cost, "cost"))
        self.assertEqual({"kind": "NOT_IMPLEMENTED", "message": "no exp here"}, self.error(exp, "exp"))

    def test_numpys_shape_errors_keep_numpys_text(self):
        a, b = tensor(np.ones((4, 3))), tensor(np.ones(4))
        self.assertEqual({"kind": "SHAPE_MISMATCH", "message": "operands could not be broadcast together with shapes "
                          "(4,3) (4,)"}, self.error(np.add, "add", {"a": a, "b": b}))
        self.assertEqual({"kind": "SHAPE_MISMATCH", "message": "shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 "
                          "(dim 0)"}, self.error(np.dot, "dot", {"a": tensor(np.ones((2, 3))), "b": tensor(np.ones((2, 3)))}))
        self.assertEqual({"kind": "AXIS_OUT_OF_BOUNDS", "message": "axis 2 is out of bounds for array of dimension 2"},
                         self.error(lambda a, axis: np.sum(a, axis=axis), "sum", {"a": tensor(np.ones((2, 2)))},
                                    {"axis": 2, "keepdims": False}))
        self.assertEqual({"kind": "SHAPE_MISMATCH", "message": "cannot reshape array of size 6 into shape (4,)"},
                         self.error(lambda a, dims: a.reshape(dims), "reshape", {"a": tensor(np.ones(6))}, {"dims": [4]}))
        self.assertEqual({"kind": "INVALID_ARGUMENT", "message": "can only specify one unknown dimension"},
                         self.error(lambda a, dims: a.reshape(dims), "reshape", {"a": tensor(np.ones(6))},
                                    {"dims": [-1, -1]}))
        self.assertEqual("SHAPE_MISMATCH", protocol_error(self.raised(lambda: np.ones((2, 3)) @ np.ones((2, 3))))[0])

    def test_other_exceptions_are_crashes(self):
        for f in (lambda: {}["w1"], lambda: 1 / 0, lambda: int("x"), lambda: [][1]):
            self.assertIsNone(protocol_error(self.raised(f)))

    @staticmethod
    def raised(f):
        try:
            f()
        except Exception as e:  # noqa: BLE001
            return e
        raise AssertionError("did not raise")

    def test_shape_text_is_numpys(self):
        self.assertEqual(["()", "(5,)", "(4,3)"], [shape_text(s) for s in ((), (5,), (4, 3))])


class ProcessTest(unittest.TestCase):
    def test_a_crash_writes_the_traceback_to_stderr_and_exits_70(self):
        status, out, err = program("""
            def net_forward(params, x):
                return params["W1"]  # the course's key, not the protocol's
            serve("crashes", {"net_forward": net_forward})
            """, [HELLO, {"id": 1, "op": "net_forward", "params": {"activation": "tanh", "parameter": 0.0},
                          "inputs": {"params": {"w1": tensor([[1.0]])}, "x": tensor([[1.0]])}},
                  {"id": 2, "op": "net_forward", "params": {}, "inputs": {}}])
        self.assertEqual(70, status)
        self.assertEqual(1, len(out))  # the handshake, and no answer for the crash
        self.assertIn("net_forward (request 1) raised KeyError: 'W1'", err)
        self.assertIn("Traceback (most recent call last)", err)

    def test_a_wrong_output_is_a_crash_that_names_the_outputs(self):
        status, out, err = program("""
            serve("wrong outputs", {"net_forward": lambda **kw: {"Z1": 1, "A1": 1, "Z2": 1, "A2": 1}})
            """, [HELLO, {"id": 1, "op": "net_forward", "params": {}, "inputs": {}}])
        self.assertEqual(70, status)
        self.assertIn("net_forward returned the outputs A1, A2, Z1, Z2; its outputs are z1, a1, z2, a2", err)

    def test_print_goes_to_stderr_and_stdout_holds_only_answers(self):
        status, out, err = program("""
            import os
            def exp(a):
                print("Cost after iteration 0: 0.693")
                os.write(1, b"from C\\n")
                return np.exp(a)
            serve("chatty", {"exp": exp})
            print("after serve: stdout is back")
            """, [HELLO, {"id": 1, "op": "exp", "params": {}, "inputs": {"a": tensor([0.0])}}])
        self.assertEqual(0, status, err)
        self.assertEqual(3, len(out), out)
        self.assertEqual({"shape": [1], "data": [1.0]}, json.loads(out[1])["outputs"]["out"])
        self.assertEqual("after serve: stdout is back", out[2])
        self.assertIn("Cost after iteration 0: 0.693", err)
        self.assertIn("from C", err)

    def test_bye_ends_without_an_answer(self):
        status, out, err = program('serve("x", {})\n', [HELLO, {"id": 1, "op": "bye"},
                                                         {"id": 2, "op": "exp", "params": {}, "inputs": {}}])
        self.assertEqual((0, 1), (status, len(out)), err)


class OptionsTest(unittest.TestCase):
    OPTIONS = {"activations": ["tanh"], "max_output_units": 1, "init_scale": 0.01}

    def answers(self, requests):
        net = {op: (lambda **kw: 0.0) for op in ("net_cost", "activation")}
        net["net_initialize"] = lambda nx, nh, ny: {"params": {k: np.zeros((1, 1)) for k in ("w1", "b1", "w2", "b2")}}
        return run(net, requests, options=self.OPTIONS)[1:]

    def test_requests_outside_the_options_are_not_implemented(self):
        cost = {"id": 1, "op": "net_cost", "params": {"activation": "relu", "parameter": 0.0},
                "inputs": {"params": {"w2": tensor(np.ones((1, 3)))}}}
        two_outputs = {"id": 2, "op": "net_cost", "params": {"activation": "tanh", "parameter": 0.0},
                       "inputs": {"params": {"w2": tensor(np.ones((2, 3)))}}}
        scale = {"id": 3, "op": "net_initialize", "params": {"nx": 1, "nh": 1, "ny": 1, "scale": 0.0, "seed": 1},
                 "inputs": {}}
        wide = dict(scale, id=4, params=dict(scale["params"], ny=2, scale=0.01))
        messages = [a["error"]["message"] for a in self.answers([cost, two_outputs, scale, wide])]
        self.assertEqual(["test provides the activations tanh only, not relu",
                          "test accepts at most 1 output unit, not 2",
                          "test initialises with scale 0.01 only, not 0.0",
                          "test accepts at most 1 output unit, not 2"], messages)

    def test_requests_inside_the_options_are_served(self):
        ok = [{"id": 1, "op": "net_cost", "params": {"activation": "tanh", "parameter": 0.0},
               "inputs": {"params": {"w2": tensor(np.ones((1, 3)))}}},
              {"id": 2, "op": "net_initialize", "params": {"nx": 1, "nh": 1, "ny": 1, "scale": 0.01, "seed": 7},
               "inputs": {}}]
        self.assertEqual([True, True], [a["ok"] for a in self.answers(ok)])


if __name__ == "__main__":
    unittest.main()
