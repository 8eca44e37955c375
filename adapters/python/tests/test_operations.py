"""The table of operations, and the ways to name them without spelling them: operations_in, op, capabilities_of."""
import io
import json
import os
import sys
import types
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from dlbasis_protocol import OPERATIONS, Op, capabilities_of, op, operations_in, serve  # noqa: E402
from dlbasis_protocol import server  # noqa: E402


class TableTest(unittest.TestCase):
    def test_net_collapse_is_nets_affine_map(self):
        collapse = OPERATIONS["net_collapse"]
        self.assertEqual(("TWO_LAYER_NETWORK", (), ("params",), ("w", "b"), ()),
                         (collapse.capability, collapse.params, collapse.inputs, collapse.outputs, collapse.layers))

    def test_the_server_re_exports_the_one_table(self):
        self.assertIs(OPERATIONS, server.OPERATIONS)
        self.assertIs(Op, server.Op)


class NamesTest(unittest.TestCase):
    def test_an_operation_is_its_own_name(self):
        self.assertEqual("net_backward", op.net_backward)
        self.assertEqual(sorted(OPERATIONS), dir(op))

    def test_a_misspelt_operation_fails_at_once(self):
        with self.assertRaisesRegex(AttributeError, "'net_bakcward' is not an operation; the operations are add, "):
            op.net_bakcward

    def test_capabilities_in_the_protocols_order(self):
        self.assertEqual(["ARRAYS", "LOSS", "DEEP_NETWORK"], capabilities_of(["deep_cost", "cost", "exp", "dot"]))
        self.assertEqual([], capabilities_of([]))


def add(a, b):
    return a + b


def helper(a):
    return a


class OperationsInTest(unittest.TestCase):
    def test_functions_named_after_operations_and_nothing_else(self):
        found = operations_in({"add": add, "helper": helper, "exp": 3, "cost": None})
        self.assertEqual({"add": add}, found)

    def test_a_module_or_a_class(self):
        module = types.ModuleType("m")
        module.add, module.helper = add, helper
        self.assertEqual({"add": add}, operations_in(module))

        class Arrays:
            transpose = staticmethod(helper)
        self.assertEqual({"transpose": helper}, operations_in(Arrays))

    def test_more_operations_by_keyword(self):
        self.assertEqual({"add": add, "sum": helper}, operations_in({"add": add}, sum=helper))
        with self.assertRaisesRegex(ValueError, r"operations_in\(total=...\): 'total' is not an operation"):
            operations_in({}, total=helper)

    def test_what_it_finds_is_served(self):
        stdin = io.StringIO('{"id": 0, "op": "hello"}\n{"id": 1, "op": "add", "params": {}, "inputs": '
                            '{"a": {"shape": [], "data": [1.5]}, "b": {"shape": [], "data": [2]}}}\n')
        stdout = io.StringIO()
        serve("mine", operations_in(globals()), stdin=stdin, stdout=stdout)
        hello, answer = [json.loads(line) for line in stdout.getvalue().splitlines()]
        self.assertEqual(["ARRAYS"], hello["capabilities"])
        self.assertEqual({"id": 1, "ok": True, "outputs": {"out": {"shape": [], "data": [3.5]}}}, answer)


class SomeOperationsTest(unittest.TestCase):
    """A program that gives only net_collapse: the rest of its capability is NOT_IMPLEMENTED."""

    def test_only_net_collapse(self):
        params = {k: {"shape": [1, 1], "data": [v]} for k, v in (("w1", 2.0), ("b1", 3.0), ("w2", 5.0), ("b2", 7.0))}
        requests = [{"id": 0, "op": "hello"},
                    {"id": 1, "op": "net_collapse", "params": {}, "inputs": {"params": params}},
                    {"id": 2, "op": "net_forward", "params": {"activation": "linear", "parameter": 0.0},
                     "inputs": {"params": params, "x": {"shape": [1, 1], "data": [1.0]}}}]
        stdout = io.StringIO()
        serve("collapse only", {"net_collapse": lambda params: {"w": params["w2"] @ params["w1"],
                                                               "b": params["w2"] @ params["b1"] + params["b2"]}},
              stdin=io.StringIO("".join(json.dumps(r) + "\n" for r in requests)), stdout=stdout)
        hello, collapse, forward = [json.loads(line) for line in stdout.getvalue().splitlines()]
        self.assertEqual((["TWO_LAYER_NETWORK"], {"step": False}), (hello["capabilities"], hello["options"]))
        self.assertEqual({"w": {"shape": [1, 1], "data": [10.0]}, "b": {"shape": [1, 1], "data": [22.0]}},
                         collapse["outputs"])
        self.assertEqual({"kind": "NOT_IMPLEMENTED", "message": "collapse only does not provide net_forward"},
                         forward["error"])


if __name__ == "__main__":
    unittest.main()
