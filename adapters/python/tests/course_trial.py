#!/usr/bin/env python3
"""Tries the course loader as a new user would, on a folder of course solutions nobody here wrote.

    python3 adapters/python/tests/course_trial.py <folder> [--examples 5]

Runs ./dlbasis conform --impl course:<file> on every .ipynb under the folder (checkpoints left out)
and counts: loaded with no glue (the run did not stop with exit 2), and verdict with no ERROR
clause. Keep the solutions out of the repository; this script is all that is committed.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def main(folder, examples="5"):
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(folder) for f in names
                   if f.endswith(".ipynb") and ".ipynb_checkpoints" not in d)
    loaded = clean = 0
    for path in files:
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
            with open(result, encoding="utf-8") as f:
                report_json = json.load(f)
            errors = [c["id"] for c in report_json["clauses"] if c["status"] == "ERROR"]
            fails = [c["id"] for c in report_json["clauses"] if c["status"] == "FAIL"]
            clean += not errors
            print("%-11s %s: %s checked; FAIL %s; ERROR %s" % (
                "ERROR" if errors else "ok", os.path.relpath(path, folder), report_json["checked"],
                ",".join(fails) or "-", ",".join(errors) or "-"))
    print("%d files: %d loaded with no glue, %d with a verdict without any ERROR clause" % (len(files), loaded, clean))


if __name__ == "__main__":
    main(*sys.argv[1:2], *sys.argv[3:4])
