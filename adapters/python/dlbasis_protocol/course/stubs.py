"""Stand-ins for the modules course code imports but the check does not need.

Two kinds. The course's helper files (planar_utils, dnn_utils, testCases, ...) are stubbed unless
a real file of that name sits next to the course code: their activations are the course's own
(the solutions call them: forward_propagation uses planar_utils.sigmoid, week 4 uses
dnn_utils.relu_backward), and every other function of theirs -- data loading, test cases,
plotting -- raises Skipped, so that the statement calling it is skipped with a warning rather than
run on made-up data. Plotting and data libraries (matplotlib, h5py, scipy, PIL, sklearn) are
stubbed where they are absent (matplotlib always: nothing is ever drawn) by permissive objects
whose every attribute and call gives another such object.
"""
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import types

import numpy as np

#: The course's helper files, stubbed unless a real one sits next to the code.
COURSE_HELPERS = ("lr_utils", "planar_utils", "testCases", "testCases_v2", "testCases_v3", "testCases_v4",
                  "testCases_v4a", "public_tests", "test_utils", "dnn_utils", "dnn_utils_v2", "dnn_app_utils_v2",
                  "dnn_app_utils_v3")

#: Libraries stubbed where they are not installed.
LIBRARIES = ("h5py", "scipy", "PIL", "sklearn", "seaborn", "imageio", "cv2", "IPython", "ipywidgets", "tqdm")

#: Libraries stubbed always: drawing is never part of a check.
ALWAYS = ("matplotlib", "pylab")


class Skipped(Exception):
    """A statement called a stubbed course helper or a refused builtin: the statement is skipped."""

    def __init__(self, message, category):
        super().__init__(message)
        self.category = category


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _sigmoid_cached(Z):
    return _sigmoid(Z), Z


def _relu_cached(Z):
    return np.maximum(0, Z), Z


def _relu_backward(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[cache <= 0] = 0
    return dZ


def _sigmoid_backward(dA, cache):
    s = _sigmoid(cache)
    return dA * s * (1 - s)


#: The functions of a course helper that the solutions call and that the stub provides as the course writes them.
REAL = {
    "planar_utils": {"sigmoid": _sigmoid},
    "dnn_utils": {"sigmoid": _sigmoid_cached, "relu": _relu_cached, "relu_backward": _relu_backward,
                  "sigmoid_backward": _sigmoid_backward},
}
for _name in ("dnn_utils_v2", "dnn_app_utils_v2", "dnn_app_utils_v3"):
    REAL[_name] = REAL["dnn_utils"]


class Permissive(types.ModuleType):
    """A module, or anything got from one, that accepts every use: plt.plot(...), plt.figure().add_subplot(1)."""

    __path__ = []  # a package: import matplotlib.pyplot works

    def __init__(self, name="stub"):
        super().__init__(name)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return Permissive(self.__name__ + "." + name)

    def __call__(self, *args, **kwargs):
        return Permissive(self.__name__ + "()")

    def __iter__(self):
        raise Skipped("uses %s, a stand-in for a library that is not here" % self.__name__, "library")

    def __getitem__(self, key):
        return Permissive(self.__name__ + "[]")

    def __setitem__(self, key, value):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Helper(types.ModuleType):
    """A stubbed course helper file: its activations are real, its other functions raise Skipped."""

    __path__ = []

    def __init__(self, name):
        super().__init__(name)
        self.__dict__.update(REAL.get(name.split(".")[0], {}))

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        module = self.__name__

        def skipped(*args, **kwargs):
            raise Skipped("calls %s.%s, a course helper that is not here" % (module, name), "helper")

        skipped.__name__ = name
        skipped.__module__ = module
        return skipped


class StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports the stand-ins: course helpers unless found in the course code's folders, libraries if absent."""

    def __init__(self, folders):
        self.folders = list(folders)
        self.used = []

    def find_spec(self, fullname, path, target=None):
        top = fullname.split(".")[0]
        if top in ALWAYS:
            return importlib.util.spec_from_loader(fullname, self)
        if top in COURSE_HELPERS:
            if top == fullname and importlib.machinery.PathFinder.find_spec(top, self.folders) is not None:
                return None  # a real one next to the code
            return importlib.util.spec_from_loader(fullname, self)
        if top in LIBRARIES and top == fullname:
            others = [f for f in sys.meta_path if f is not self]
            for finder in others:
                try:
                    if finder.find_spec(fullname, path) is not None:
                        return None
                except Exception:  # noqa: BLE001 - a broken finder is not ours to mend
                    continue
            return importlib.util.spec_from_loader(fullname, self)
        if top in LIBRARIES and isinstance(sys.modules.get(top), Permissive):
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        top = spec.name.split(".")[0]
        if top not in self.used:
            self.used.append(top)
        return Helper(spec.name) if top in COURSE_HELPERS else Permissive(spec.name)

    def exec_module(self, module):
        pass


def install(folders):
    """Puts the stand-ins first on sys.meta_path; returns the finder (its .used names the stubs imported)."""
    for folder in folders:
        if folder not in sys.path:
            sys.path.insert(0, folder)
    finder = StubFinder(folders)
    sys.meta_path.insert(0, finder)
    os.environ.setdefault("MPLBACKEND", "Agg")
    return finder


def is_stub(value):
    """True for a stand-in or something taken from one."""
    return isinstance(value, (Permissive, Helper)) or getattr(value, "__module__", None) in _stub_modules()


def _stub_modules():
    return {name for name, m in sys.modules.items() if isinstance(m, (Permissive, Helper))}
