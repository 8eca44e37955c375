"""From loaded course code to serve()'s arguments: the functions, their options, and what to tell the student."""
import inspect
import os
import re

import numpy as np

from . import weeks
from .loader import guarded, load
from .source import LoadError

NAMES = sorted(set(weeks.WEEK2 + weeks.WEEK3 + weeks.WEEK4))

#: Why the correct course code FAILs the clauses of COURSE_FORMULA_CLAUSES, told once.
COURSE_FORMULAS = ("the course's own formulas FAIL %s with NaN once sigma rounds to 0 or 1 (saturated outputs): "
                   "the cost takes np.log of sigma (0*log 0)%s. That is the course's, not a slip of yours; the "
                   "cure is the cost from Z (np.logaddexp(0, -Z) where Y = 1, np.logaddexp(0, Z) where Y = 0)%s")


_TEMPLATE_NONE = re.compile(r"^\s*[^=#]+=\s*None\b")


def unwritten_reason(name, f):
    """Why f is the assignment's template still ("W1 = None" between START CODE HERE and END CODE HERE), or None."""
    try:
        lines = inspect.getsource(f).splitlines()
    except (OSError, TypeError):
        return None
    inside = False
    for line in lines:
        if "START CODE HERE" in line:
            inside = True
        elif "END CODE HERE" in line:
            inside = False
        elif inside and _TEMPLATE_NONE.match(line):
            return "`%s` is not written yet (%s)" % (name, line.split("#")[0].strip())
    return None


class Course:
    """Loaded course code: the CourseCode adapter, the weeks it is, and the lines to tell the student."""

    def __init__(self, paths):
        self.loaded = load(paths)
        functions = {n: self.loaded.defined(n) for n in NAMES}
        unwritten = {n: why for n, why in ((n, unwritten_reason(n, f)) for n, f in functions.items() if f) if why}
        functions = {n: (None if n in unwritten else f) for n, f in functions.items()}
        self.warnings = self.loaded.warnings()
        reseeds = self._reseeds(functions)
        generic = self._generic_update(functions)
        self.code = weeks.CourseCode(functions, reseeds=reseeds, generic_update=generic, unwritten=unwritten)
        self.weeks = self.code.weeks()
        if not self.code.capabilities() and unwritten:
            raise LoadError("%s: none of the course's functions is written yet (%s): nothing to check" % (
                ", ".join(os.path.basename(p) for p in self.loaded.files), "; ".join(list(unwritten.values())[:2])))
        if not self.code.capabilities():
            raise LoadError("%s: defines none of the course's functions (%s): nothing to check%s" % (
                ", ".join(os.path.basename(p) for p in self.loaded.files),
                ", ".join(m for w in sorted(weeks.MARKS) for m in weeks.MARKS[w][:2]), self._application_hint()))

    def _application_hint(self):
        """Week 4's application notebook only assembles helpers imported from dnn_app_utils: say where they are."""
        models = [n for n in ("L_layer_model", "two_layer_model") if callable(self.loaded.namespace.get(n))]
        if not models:
            return ""
        return ("; %s only calls the helpers of dnn_app_utils: check the notebook where you wrote them "
                "(Building your Deep Neural Network: Step by Step)" % " and ".join(models))

    @property
    def name(self):
        return "course code: %s (week %s)" % (", ".join(os.path.basename(p) for p in self.loaded.files),
                                              ", ".join(map(str, self.weeks)) or "?")

    def describe(self):
        """The lines the check prints before it starts: what was found, the warnings, the course-formula note."""
        defined = [n for n in NAMES if self.code.has(n)]
        lines = ["%s: defines %s" % (self.name, ", ".join(defined))]
        for op, f in self.code.functions().items():  # the operations in the student's terms, for reading the verdict
            if isinstance(f, weeks.Missing):
                lines.append("  %s: not implemented (%s)" % (op, f.reason))
            else:
                lines.append("  %s: your %s" % (op, f.__doc__.strip().splitlines()[0]))
        lines += ["warning: " + w for w in self.warnings]
        clauses = [c for w in self.weeks for c in weeks.COURSE_FORMULA_CLAUSES.get(w, ())]
        clauses = sorted(set(clauses), key=clauses.index)
        if clauses:
            deep = 4 in self.weeks
            lines.append("note: " + COURSE_FORMULAS % (
                ", ".join(clauses), " and week 4's dAL = -(Y/AL - (1-Y)/(1-AL)) is 0/0" if deep else "",
                " and dZL = AL - Y" if deep else ""))
        return lines

    def _reseeds(self, functions):
        """Whether every initialiser draws from np.random's global state (so the request's seed can be set first).

        One that seeds itself, as the course's do, ignores the request's seed; one whose weights
        follow the caller's seed only in part has np.random.seed between its draws: a warning.
        """
        probes = (("initialize_parameters", (3, 2, 1), ("W1", "W2")),
                  ("initialize_parameters_deep", ([3, 2, 1],), ("W1", "W2")))
        follows = []
        for name, args, keys in probes:
            f = functions.get(name)
            if f is None:
                continue
            draws = []
            for seed in (1, 2):
                ok, P = guarded(lambda: (np.random.seed(seed), f(*args))[1])
                if not ok or not isinstance(P, dict) or not all(k in P for k in keys):
                    break
                draws.append(P)
            if len(draws) != 2:
                continue
            moved = [k for k in keys if not np.array_equal(draws[0][k], draws[1][k])]
            if moved and len(moved) < len(keys):
                fixed = [k for k in keys if k not in moved]
                self.warnings.append("%s: %s change with the caller's np.random.seed but %s do not: np.random.seed "
                                     "is called between the draws (the course calls it once, first)"
                                     % (name, ", ".join(moved), ", ".join(fixed)))
            follows.append(len(moved) == len(keys))
        return bool(follows) and all(follows)

    @staticmethod
    def _generic_update(functions):
        """Whether update_parameters updates L layers (week 4's) rather than exactly two (week 3's)."""
        f = functions.get("update_parameters")
        if f is None:
            return False
        P = {k: np.ones((1, 1)) for k in ("W1", "b1", "W2", "b2", "W3", "b3")}
        G = {"d" + k: np.ones((1, 1)) for k in P}
        ok, generic = guarded(lambda: bool(np.allclose(f(P, G, 0.5)["W3"], 0.5)))
        return ok and generic
