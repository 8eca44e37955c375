#!/usr/bin/env python3
"""Tries the course loader as a new user would, on a folder of course solutions nobody here wrote.

    python3 adapters/python/tests/course_trial.py <folder> [--examples 5]

Runs ./dlbasis conform --impl course:<file> on every .ipynb under the folder (checkpoints left out)
and counts: loaded with no glue (the run did not stop with exit 2), and verdict with no ERROR
clause. A notebook whose saved outputs hold an exception (the course's own test cell raised when
its author ran it) is not a solved one: it is run and listed as UNSOLVED, and the last line counts
the solved ones on their own. Keep the solutions out of the repository; this script is all that
is committed.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def own_error(path):
    """The first exception the notebook's saved outputs show ("cell 45: IndexError"), or None."""
    with open(path, encoding="utf-8") as f:
        cells = json.load(f).get("cells", [])
    for i, cell in enumerate(cells):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            if out.get("output_type") == "error":
                return "cell %d: %s" % (i, out.get("ename", "error"))
    return None


def main(folder, examples="5"):
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(folder) for f in names
                   if f.endswith(".ipynb") and ".ipynb_checkpoints" not in d)
    loaded = clean = solved = solved_clean = 0
    for path in files:
        unsolved = own_error(path)
        with tempfile.TemporaryDirectory() as report:
            run = subprocess.run([os.path.join(ROOT, "dlbasis"), "conform", "--quiet", "--examples", examples,
                                  "--impl", "course:" + path, "--report", report],
                                 capture_output=True, text=True, stdin=subprocess.DEVNULL)
            result = os.path.join(report, "report.json")
            if run.returncode == 2 or not os.path.isfile(result):
                why = (run.stderr.strip().splitlines() or ["exit %d" % run.returncode])[-1]
                print("NOT LOADED  %s: %s" % (os.path.relpath(path, folder), why))
                continue
            loaded += 1
            solved += not unsolved
            with open(result, encoding="utf-8") as f:
                report_json = json.load(f)
            errors = [c["id"] for c in report_json["clauses"] if c["status"] == "ERROR"]
            fails = [c["id"] for c in report_json["clauses"] if c["status"] == "FAIL"]
            clean += not errors
            solved_clean += not errors and not unsolved
            print("%-11s %s: %s checked; FAIL %s; ERROR %s%s" % (
                "ERROR" if errors else "ok", os.path.relpath(path, folder), report_json["checked"],
                ",".join(fails) or "-", ",".join(errors) or "-",
                "; UNSOLVED (its saved outputs show %s)" % unsolved if unsolved else ""))
    print("%d files: %d loaded with no glue, %d with a verdict without any ERROR clause" % (len(files), loaded, clean))
    print("%d solved (loaded, no exception in their saved outputs): %d with a verdict without any ERROR clause"
          % (solved, solved_clean))


if __name__ == "__main__":
    main(*sys.argv[1:2], *sys.argv[3:4])
