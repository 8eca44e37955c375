"""Reading course code: a notebook's code cells or a .py file, as cells of Python source.

IPython's own syntax is not Python: line magics and shell lines (``%matplotlib inline``,
``!pip install``, ``x = !ls``), ``get_ipython()`` calls (nbconvert's export of them) and help lines
(``np.dot?``) become ``pass`` at the same indentation, so that a block keeps a body; a cell magic
(``%%bash``, ``%%writefile``) drops its cell, except the timing ones whose body is Python.
"""
import json
import os
import re

#: Cell magics whose body is Python: the magic line goes, the body stays.
PYTHON_CELL_MAGICS = ("%%time", "%%timeit", "%%capture")

_IPYTHON_LINE = re.compile(r"^(\s*)(?:[%!]|[\w\s,()]+=\s*[%!]|.*\bget_ipython\(\)|[\w.]+\?{1,2}\s*$)")


class LoadError(Exception):
    """Nothing can be checked: one line that says why (exit status 2)."""


class Cell:
    """One cell of Python source: where it comes from (for messages) and its text."""

    def __init__(self, path, number, text):
        self.path, self.number, self.text = path, number, text

    @property
    def label(self):
        name = os.path.basename(self.path)
        return "%s cell %d" % (name, self.number) if self.number else name


def python_only(text):
    """The text with IPython's line syntax replaced by pass; None for a cell magic that is not Python."""
    lines = text.splitlines()
    first = next((l.strip() for l in lines if l.strip()), "")
    if first.startswith("%%"):
        if not first.startswith(PYTHON_CELL_MAGICS):
            return None
        lines = lines[[l.strip() for l in lines].index(first) + 1:]
    out = []
    for line in lines:
        m = _IPYTHON_LINE.match(line)
        out.append(m.group(1) + "pass" if m and not line.lstrip().startswith("#") else line)
    return "\n".join(out) + "\n"


def read_cells(path):
    """The cells of one file: a notebook's code cells in order, or a .py file as one cell."""
    if not os.path.isfile(path):
        raise LoadError("%s: no such file" % path)
    try:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise LoadError("%s: cannot be read as UTF-8 text (%s)" % (path, e))
    if path.endswith(".ipynb"):
        return _notebook_cells(path, text)
    if not path.endswith(".py"):
        raise LoadError("%s: course code is a .ipynb notebook or a .py file" % path)
    cleaned = python_only(text)
    return [Cell(path, 0, cleaned)] if cleaned is not None else []


def _notebook_cells(path, text):
    try:
        notebook = json.loads(text)
    except ValueError as e:
        raise LoadError("%s: not a notebook: not valid JSON (%s)" % (path, e))
    if not isinstance(notebook, dict) or "nbformat" not in notebook:
        raise LoadError("%s: not a notebook: JSON without an nbformat member" % path)
    version = notebook.get("nbformat")
    if version != 4 or not isinstance(notebook.get("cells"), list):
        raise LoadError("%s: a notebook of nbformat %s; the loader reads nbformat 4 (save it again from "
                        "Jupyter, or run jupyter nbconvert --to notebook --nbformat 4 on it)" % (path, version))
    cells = []
    for cell in notebook["cells"]:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        cleaned = python_only(source)
        if cleaned is not None and cleaned.strip():
            cells.append(Cell(path, len(cells) + 1, cleaned))
    return cells
