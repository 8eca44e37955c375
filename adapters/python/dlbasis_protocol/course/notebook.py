"""check() and %dlbasis: ./dlbasis conform on the course functions of the running kernel, as a table.

The kernel's cells (IPython's input history, or the running script) are written to a notebook in
a temporary folder and checked with ``dlbasis conform --impl course:<that notebook>``, exactly as
from the command line. The command line is found as: the environment variable DLBASIS (the path
of a checkout's ``dlbasis`` script), else ``dlbasis`` on PATH, else the ``dlbasis`` script of the
checkout this package sits in. When none is there, check() says so in one sentence and returns None.
"""
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile

#: Set while the loader runs the cells, so that a check() among them does not start another check.
LOADING = "DLBASIS_COURSE_LOADING"

NOT_FOUND = ("dlbasis: the Java command line was not found; set DLBASIS to the path of the dlbasis script of a "
             "dlbasis checkout (or put dlbasis on PATH), then call check() again.")


def command():
    """The dlbasis command line's path, or None."""
    explicit = os.environ.get("DLBASIS")
    if explicit:
        return explicit if os.path.isfile(explicit) else None
    on_path = shutil.which("dlbasis")
    if on_path:
        return on_path
    checkout = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "dlbasis")
    return os.path.normpath(checkout) if os.path.isfile(checkout) else None


def kernel_cells():
    """The source of the running kernel's cells, in order (IPython), or of the running script."""
    try:
        ipython = get_ipython()  # noqa: F821 - defined inside IPython only
    except NameError:
        ipython = None
    if ipython is not None:
        return [c for c in ipython.history_manager.input_hist_raw if c.strip()]
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    if main and os.path.isfile(main):
        with open(main, encoding="utf-8") as f:
            return [f.read()]
    return []


def check(clauses=None, examples=None, cells=None):
    """Checks the course functions defined in the running kernel; shows the verdict as a table and returns the report.

    clauses: as --clauses (e.g. "BACKPROP"); examples: as --examples; cells: the sources to check
    instead of the kernel's.
    """
    if os.environ.get(LOADING):
        return None
    dlbasis = command()
    if dlbasis is None:
        print(NOT_FOUND)
        return None
    cells = kernel_cells() if cells is None else list(cells)
    with tempfile.TemporaryDirectory(prefix="dlbasis-check-") as folder:
        notebook = os.path.join(folder, "kernel.ipynb")
        with open(notebook, "w", encoding="utf-8") as f:
            json.dump({"nbformat": 4, "nbformat_minor": 2, "metadata": {},
                       "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                                  "source": c} for c in cells]}, f)
        args = [dlbasis, "conform", "--quiet", "--impl", "course:" + notebook, "--report", folder]
        if clauses:
            args += ["--clauses", str(clauses)]
        if examples:
            args += ["--examples", str(examples)]
        run = subprocess.run(args, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        report_file = os.path.join(folder, "report.json")
        if not os.path.isfile(report_file):
            print((run.stderr.strip().splitlines() or ["dlbasis exited with status %d" % run.returncode])[-1])
            return None
        with open(report_file, encoding="utf-8") as f:
            report = json.load(f)
    notes = [line for line in run.stderr.splitlines() if line.startswith("course: ")]
    show(report, notes)
    return report


def show(report, notes=()):
    """The report as a table: HTML in a notebook, text elsewhere."""
    rows = [(c["id"], c["status"], (c.get("reason") or "").strip().splitlines()[:1]) for c in report["clauses"]
            if c["status"] != "NOT_IMPLEMENTED"]
    try:
        from IPython.display import HTML, display
    except ImportError:
        display = None
    if display is not None and "ipykernel" in sys.modules:
        body = "".join("<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (
            html.escape(i), html.escape(s), html.escape(r[0] if r else "")) for i, s, r in rows)
        display(HTML("<p><b>%s</b></p><table><tr><th>clause</th><th>status</th><th>why</th></tr>%s</table>%s" % (
            html.escape(report["verdict"]), body, "".join("<p>%s</p>" % html.escape(n) for n in notes))))
        return
    for line in notes:
        print(line)
    for i, s, r in rows:
        print("%-12s %-8s %s" % (i, s, r[0] if r else ""))
    print(report["verdict"])


def load_ipython_extension(ipython):
    """%load_ext dlbasis_protocol.course: then %dlbasis [clauses] checks the kernel's functions."""
    ipython.register_magic_function(lambda line: check(clauses=line.strip() or None), "line", "dlbasis")
