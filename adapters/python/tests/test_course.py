"""The course loader (dlbasis_protocol.course) on the course solutions in tests/course/ and on hostile files.

Each load runs in a subprocess of its own (the loader installs import stubs and refuses input()
for good). The slips the suite must name are pinned end to end in cli/.../CourseCodeTest.java.
"""
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
KIT = os.path.dirname(HERE)
COURSE = os.path.join(HERE, "course")

#: Runs in the subprocess: the operations of the loaded files on fixed inputs, against numpy oracles.
PROBE = textwrap.dedent("""
    import json, sys
    import numpy as np
    from dlbasis_protocol.course.adapter import Course
    course = Course(sys.argv[1:])
    f = course.code.functions()
    rng = np.random.RandomState(0)
    x, y = rng.randn(3, 5), (rng.rand(1, 5) > 0.5) * 1.0
    p = {"w1": rng.randn(4, 3), "b1": rng.randn(4, 1), "w2": rng.randn(1, 4), "b2": rng.randn(1, 1)}
    out = {"weeks": course.weeks, "options": course.code.options(), "warnings": course.warnings}
    def oracle(g, dg):
        z1 = p["w1"] @ x + p["b1"]; a1 = g(z1); z2 = p["w2"] @ a1 + p["b2"]; a2 = 1 / (1 + np.exp(-z2))
        dz2 = a2 - y; dz1 = p["w2"].T @ dz2 * dg(z1, a1)
        grads = {"dw1": dz1 @ x.T / 5, "db1": dz1.sum(1, keepdims=True) / 5, "dw2": dz2 @ a1.T / 5,
                 "db2": dz2.sum(1, keepdims=True) / 5}
        cost = -np.mean(y * np.log(a2) + (1 - y) * np.log(1 - a2))
        return {"z1": z1, "a1": a1, "z2": z2, "a2": a2}, grads, cost
    def same(a, b):
        return all(np.shape(a[k]) == np.shape(b[k]) and np.allclose(a[k], b[k], rtol=1e-9, atol=1e-12) for k in b)
    for act, g, dg in (("tanh", np.tanh, lambda z, a: 1 - a ** 2), ("relu", lambda z: np.maximum(z, 0), lambda z, a: (z > 0) * 1.0)):
        if act not in course.code.net_activations():
            continue
        cache, grads, cost = oracle(g, dg)
        fw = f["net_forward"](params=p, x=x, activation=act)
        bw = f["net_backward"](params=p, x=x, y=y, activation=act, cache=cache)
        c = f["net_cost"](params=p, x=x, y=y, activation=act)
        out[act] = [same(fw, cache), same(bw, grads), np.shape(c) == () and bool(np.isclose(c, cost))]
    if "deep_forward" in f and "relu" in course.code.deep_activations():
        cache, grads, cost = oracle(lambda z: np.maximum(z, 0), lambda z, a: (z > 0) * 1.0)
        out["deep"] = same(f["deep_backward"](params=p, x=x, y=y, activation="relu", cache=cache), grads)
    if "lr_backward" in f:
        w, b = rng.randn(3, 1), 0.5
        a = 1 / (1 + np.exp(-(w.T @ x + b)))
        g = f["lr_backward"](params={"w": w, "b": b}, x=x, y=y)
        t = f["lr_train"](params={"w": w, "b": b}, x=x, y=y, learning_rate=0.1, iterations=3)
        out["lr"] = [bool(np.allclose(g["dw"], x @ (a - y).T / 5)) and np.shape(g["db"]) == (),
                     np.shape(t["costs"]) == (4,)]
    print(json.dumps(out))
""")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def run(*args, code=None, env=None):
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "dlbasis_protocol.course"]
    return subprocess.run(command + list(args), capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          env=dict(os.environ, PYTHONPATH=KIT, **(env or {})))


def probe(*files):
    r = run(*[os.path.join(COURSE, f) for f in files], code=PROBE)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


class CourseSolutionsTest(unittest.TestCase):
    def test_week3_both_signatures_give_the_oracles_values(self):
        for name in ("week3_v1.ipynb", "week3_v2.py"):
            out = probe(name)
            self.assertEqual([3], out["weeks"], name)
            self.assertEqual([True, True, True], out["tanh"], name)
            self.assertEqual(["tanh"], out["options"]["activations"], name)

    def test_week4_both_versions_give_the_oracles_values(self):
        for name in ("week4_v1.ipynb", "week4_v2.py"):
            out = probe(name)
            self.assertEqual([4], out["weeks"], name)
            self.assertTrue(out["deep"], name)
            self.assertEqual([True, True, True], out["relu"], name)
            self.assertEqual(["relu", "sigmoid"], out["options"]["activations"], name)

    def test_week2_and_a_file_of_several_weeks(self):
        out = probe("week2.py", "week4_v1.ipynb")
        self.assertEqual([2, 4], out["weeks"])
        self.assertEqual([True, True], out["lr"])  # week 2's sigmoid does not replace the one week 4 calls
        self.assertTrue(out["deep"])

    def test_the_seed_the_course_sets_inside_decides_init_seed(self):
        self.assertFalse(probe("week3_v1.ipynb")["options"]["init_seed"])  # np.random.seed(2) inside
        self.assertTrue(probe("week3_v2.py")["options"]["init_seed"])  # seeded by the caller: the request's seed

    def test_a_seed_moved_between_the_draws_is_named(self):
        with tempfile.TemporaryDirectory() as d:
            text = read(os.path.join(COURSE, "week3_v2.py")).replace(
                "    b1 = np.zeros((n_h, 1))\n", "    b1 = np.zeros((n_h, 1))\n    np.random.seed(2)\n", 1)
            path = os.path.join(d, "seed.py")
            write(path, text)
            r = run("--describe", path)
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertIn("initialize_parameters: W1 change with the caller's np.random.seed but W2 do not", r.stdout)


    def test_a_failing_assert_in_the_students_code_names_its_function_and_line(self):
        code = textwrap.dedent("""
            import sys
            import numpy as np
            from dlbasis_protocol.course.adapter import Course
            f = Course(sys.argv[1:]).code.functions()
            r = np.random.RandomState(0)
            p = {"w1": r.randn(2, 3), "b1": r.randn(2, 1), "w2": r.randn(1, 2), "b2": r.randn(1, 1)}
            try:
                f["deep_backward"](params=p, x=r.randn(3, 4), y=np.ones((1, 4)), activation="relu")
            except Exception as e:
                print(type(e).__name__, e)
        """)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "assert.py")
            write(path, read(os.path.join(COURSE, "week4_v2.py")).replace(
                "    assert (db.shape == b.shape)", "    assert (isinstance(db, float))"))
            r = run(path, code=code)
        self.assertIn("CourseError an assert in your code failed while L_model_backward ran: linear_backward, "
                      "line 125: assert (isinstance(db, float)); to reproduce in the notebook: "
                      "L_model_backward(np.array([[", r.stdout, r.stderr)


    def test_the_handshake_gives_the_courses_terms(self):
        hello = json.dumps({"id": 0, "op": "hello", "protocol": "dlbasis-protocol/1"}) + "\n"
        r = subprocess.run([sys.executable, "-m", "dlbasis_protocol.course", os.path.join(COURSE, "week3_v2.py")],
                           input=hello, capture_output=True, text=True, timeout=120, env=dict(os.environ, PYTHONPATH=KIT))
        answer = json.loads(r.stdout.splitlines()[0])
        backward = answer["terms"]["net_backward"]
        self.assertEqual("grads = backward_propagation(parameters, cache, X, Y)", backward["call"])
        self.assertEqual('parameters["W1"]', backward["inputs"]["params.w1"])
        self.assertEqual('cache["A1"]', backward["inputs"]["cache.a1"])
        self.assertEqual('grads["db2"]', backward["outputs"]["db2"])
        self.assertEqual("cost = compute_cost(A2, Y)", answer["terms"]["net_cost"]["call"].split("; ")[1])
        try:
            import jsonschema  # noqa: F401
        except ImportError:
            return
        with tempfile.TemporaryDirectory() as d:
            traffic = os.path.join(d, "hello.jsonl")
            write(traffic, hello + json.dumps(answer) + "\n")
            v = subprocess.run([sys.executable, os.path.join(KIT, "..", "..", "spec", "schema", "validate.py"), traffic],
                               capture_output=True, text=True, timeout=60)
            self.assertEqual(0, v.returncode, v.stdout + v.stderr)

    def test_the_assignments_template_is_not_implemented_not_an_error(self):
        text = read(os.path.join(COURSE, "week3_v2.py")).replace(
            "    dW1 = (1 / m) * np.dot(dZ1, X.T)\n", "    ### START CODE HERE ###\n    dW1 = None\n    ### END CODE HERE ###\n")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "half.py")
            write(path, text)
            r = run("--describe", path)
            self.assertEqual(0, r.returncode, r.stderr)
            self.assertIn("net_backward: not implemented (`backward_propagation` is not written yet (dW1 = None))",
                          r.stdout)
            write(path, "def propagate(w, b, X, Y):\n    ### START CODE HERE ###\n    A = None\n"
                        "    ### END CODE HERE ###\n    return A\n")
            r = run("--describe", path)
        self.assertEqual(2, r.returncode, r.stdout)
        self.assertEqual("course: half.py: none of the course's functions is written yet (`propagate` is not written "
                         "yet (A = None)): nothing to check\n", r.stderr)


class HostileFilesTest(unittest.TestCase):
    def describe(self, name, text):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, name)
            write(path, text)
            return run("--describe", path, env={"DLBASIS_COURSE_STATEMENT_SECONDS": "0.5"})

    def assert_refused(self, r, text):
        self.assertEqual(2, r.returncode, r.stdout + r.stderr)
        self.assertEqual("", r.stdout)
        self.assertEqual(1, len(r.stderr.splitlines()), r.stderr)
        self.assertIn(text, r.stderr)

    def test_nothing_to_check_is_one_line_and_exit_2(self):
        self.assert_refused(self.describe("a.ipynb", "{not json"), "a.ipynb: not a notebook: not valid JSON")
        self.assert_refused(self.describe("b.ipynb", json.dumps({"nbformat": 3, "worksheets": []})),
                            "b.ipynb: a notebook of nbformat 3; the loader reads nbformat 4")
        self.assert_refused(self.describe("c.py", "def f(:\n"), "c.py: not valid Python (line 1: invalid syntax)")
        self.assert_refused(self.describe("d.py", "def g(x):\n    return x\n"),
                            "d.py: defines none of the course's functions")

    def test_hostile_statements_are_skipped_and_the_functions_stay(self):
        week3 = read(os.path.join(COURSE, "week3_v2.py"))
        hostile = textwrap.dedent("""
            import no_such_module_anywhere
            print("x" * 5000000)
            name = input("your name? ")
            raise RuntimeError("raised on import")
            while True:
                pass
            import sys
            sys.exit(3)
            print("after exit")
        """)
        r = self.describe("hostile.py", hostile + week3)
        self.assertEqual(0, r.returncode, r.stderr)
        for text in ("they import modules that are not installed (first: hostile.py: line 2 ModuleNotFoundError",
                     "they call input(), which nothing answers here", "RuntimeError: raised on import",
                     "they ran longer than 0.5 s", "they call sys.exit() or exit()",
                     "defines backward_propagation, compute_cost, forward_propagation"):
            self.assertIn(text, r.stdout)
        self.assertLess(len(r.stdout), 10000)


if __name__ == "__main__":
    unittest.main()
