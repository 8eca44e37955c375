#!/usr/bin/env python3
"""Generates dlbasis's golden files from numpy, independently of the Java reference.

    python3 golden-data/generate.py                # (re)write golden-data/*.json
    python3 golden-data/generate.py --check        # regenerate in memory, compare values with the files
    python3 golden-data/generate.py --check --dir D    # ... with the files in D instead

Deterministic on any CPU and with any numpy of requirements.txt: every value written is exact
(numpy's integer and IEEE + - * / results, reshapes, transposes) or is computed with Python's
`decimal` at 60 digits or exact `fractions` and rounded once to float64 (activations, losses,
sums and dot products, and the models: forward passes, costs, gradients, steps and whole
training trajectories), so numpy's own rounding (BLAS, SIMD, libm) never reaches a file. numpy
supplies the random inputs (PCG64), the array shapes and the error texts. The format is
documented in golden-data/README.md; the parts are in generator/ (one module per file, and what
they share: see generator/__init__.py).

--check compares VALUES, not bytes: the same cases in the same order, and every field equal
(numbers bit for bit, -0.0 included), except the header's provenance.numpy, which only records
the numpy that wrote the file. On a difference it names both numpy versions and the first
differing case of each file, and exits 1.
"""
import argparse
import json
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "adapters" / "python"))  # dlbasis_exact, dlbasis_protocol
import dlbasis_exact  # noqa: E402,F401  (first: the 60-digit decimal context)
import numpy as np  # noqa: E402

from generator.activations import activations  # noqa: E402
from generator.arrays import arrays  # noqa: E402
from generator.broadcast import broadcast  # noqa: E402
from generator.check import committed_numpy, compare  # noqa: E402
from generator.deep import deep  # noqa: E402
from generator.logistic import logistic  # noqa: E402
from generator.loss import loss  # noqa: E402
from generator.network import network  # noqa: E402
from generator.note_examples import note_examples  # noqa: E402

#: The files, in the order they are written and checked.
FILES = [note_examples, arrays, broadcast, activations, loss, logistic, network, deep]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare the values of the committed files with a fresh regeneration; exit 1 if they differ")
    parser.add_argument("--dir", type=Path, default=HERE,
                        help="the directory of the golden files (default: this script's directory)")
    args = parser.parse_args()
    differences, versions = [], set()
    for make in FILES:
        f = make()
        text = f.render()
        path = args.dir / f.name
        if args.check:
            old = path.read_text(encoding="utf-8") if path.is_file() else None
            difference = compare(f.name, old, json.loads(text))
            if difference:
                differences.append(difference)
                versions.add(committed_numpy(old) if old else None)
        else:
            path.write_text(text, encoding="utf-8")
            print("wrote %s: %d cases" % (path, len(f.cases)))
    running = "numpy %s (Python %s, %s)" % (np.__version__, platform.python_version(), sys.executable)
    if differences:
        committed = ", ".join(sorted("numpy " + v for v in versions if v)) or "an unknown numpy"
        print("The golden files in %s do not hold the values a fresh regeneration computes.\n"
              "First difference in each file:\n  %s\n"
              "Committed files written with: %s; regenerated with: %s.\n"
              "No golden value should depend on numpy's version or the CPU (golden-data/README.md), so this\n"
              "is a bug to report, with the lines above; do not overwrite the committed files to make it pass.\n"
              "Only if you changed generate.py on purpose: regenerate with `python3 golden-data/generate.py`,\n"
              "review the diff and run `mvn -B verify`."
              % (args.dir, "\n  ".join(differences), committed, running), file=sys.stderr)
        sys.exit(1)
    if args.check:
        print("golden files in %s hold the regenerated values (%d files; regenerated with %s)"
              % (args.dir, len(FILES), running))


if __name__ == "__main__":
    main()
