"""The course loader's time budget: slow cells early in a notebook do not hide the functions after them."""
import json
import os
import tempfile
import time
import unittest

from test_course import COURSE, read, run, write


def notebook(*sources):
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": s}
             for s in sources]
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})


class LoadBudgetTest(unittest.TestCase):
    def test_functions_after_the_spent_budget_are_still_defined(self):
        loops = ["while True:\n    pass\n"] * 4  # 4 × 0.5 s > the load's 1 s
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "slow.ipynb")
            write(path, notebook(*loops, read(os.path.join(COURSE, "week3_v2.py")), "nn_model_result = 1 + 1\n"))
            started = time.monotonic()
            r = run("--describe", path, env={"DLBASIS_COURSE_STATEMENT_SECONDS": "0.5",
                                             "DLBASIS_COURSE_LOAD_SECONDS": "1"})
            elapsed = time.monotonic() - started
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertIn("defines backward_propagation, compute_cost, forward_propagation", r.stdout)
        self.assertIn("they ran longer than 0.5 s", r.stdout)
        self.assertLess(elapsed, 15)


    def test_the_week4_application_notebook_is_pointed_to_step_by_step(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "app.ipynb")
            write(path, notebook("from dnn_app_utils_v3 import *\n",
                                 "def L_layer_model(X, Y, layers_dims, learning_rate=0.0075):\n    return {}\n"))
            r = run("--describe", path)
        self.assertEqual(2, r.returncode, r.stdout + r.stderr)
        self.assertEqual(1, len(r.stderr.splitlines()), r.stderr)
        self.assertIn("L_layer_model only calls the helpers of dnn_app_utils: check the notebook where you wrote them "
                      "(Building your Deep Neural Network: Step by Step)", r.stderr)


if __name__ == "__main__":
    unittest.main()
