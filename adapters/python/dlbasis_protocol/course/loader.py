"""Running course code once, to collect the functions it defines, without letting it stop the check.

Every top-level statement of every cell runs on its own, in one namespace, in order. A statement
that fails is skipped, and the load goes on: a cell that loads the course's data sets, draws a
plot, calls a test helper, trains for minutes or calls input() or sys.exit() costs a warning, not
the check. During the load stdin is empty, whatever is printed (from Python or from C) is
discarded, input(), exit(), sys.exit() and os._exit() raise, and each statement has STATEMENT_SECONDS
(the whole load LOAD_SECONDS) before it is interrupted; once the load's budget is spent, the
remaining definitions (def, class, import) still run, so that a slow cell early in a notebook
does not hide the functions after it.
"""
import ast
import builtins
import io
import linecache
import os
import re
import signal
import sys
import time

from .source import LoadError, read_cells
from .stubs import Skipped, install

STATEMENT_SECONDS = float(os.environ.get("DLBASIS_COURSE_STATEMENT_SECONDS", "5"))
LOAD_SECONDS = float(os.environ.get("DLBASIS_COURSE_LOAD_SECONDS", "12"))

#: Statements that still run once LOAD_SECONDS is spent: they only define names (cheap), and
#: skipping them would hide the student's functions behind an earlier cell's training loop.
DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)
#: The timer of a definition run after the budget (a decorator or an import may still loop).
DEFINITION_SECONDS = 1.0

#: What each kind of skipped statement means, for the warnings (one line per kind).
CATEGORIES = {
    "helper": "they call the course's helper files (data sets, test cases), which are not here",
    "library": "they import modules that are not installed",
    "input": "they call input(), which nothing answers here",
    "exit": "they call sys.exit() or exit()",
    "timeout": "they ran longer than %g s (training?) and were stopped" % STATEMENT_SECONDS,
    "syntax": "not valid Python",
    "undefined": "they use names that skipped statements would have defined",
    "error": "they raised an exception",
}


class _Timeout(BaseException):
    """A statement ran out of time (a BaseException, so that the code's own except Exception misses it)."""


class _Discard(io.TextIOBase):
    """A text stream that counts what is written to it and keeps nothing."""

    def __init__(self):
        self.count = 0

    def writable(self):
        return True

    def write(self, s):
        self.count += len(s)
        return len(s)


def _refuse(category, what):
    def refused(*args, **kwargs):
        raise Skipped("calls %s" % what, category)

    return refused


class Loaded:
    """The result of a load: the namespace, the files, and the warnings (one line per kind of skip)."""

    def __init__(self, files, namespace, skips, printed):
        self.files, self.namespace, self.skips, self.printed = files, namespace, skips, printed

    def warnings(self):
        lines = []
        for category, places in self.skips.items():
            first = places[0]
            more = "" if len(places) == 1 else " and %d more" % (len(places) - 1)
            lines.append("skipped %d statement%s: %s (first: %s: %s%s)" % (
                len(places), "" if len(places) == 1 else "s", CATEGORIES[category], first[0], first[1], more))
        return lines

    def defined(self, name):
        """The function the course code itself defines under name (in its files or next to them), or None."""
        f = self.namespace.get(name)
        return f if _own(f, self.files) else None


def _own(f, files):
    """Whether f is a function of the course code: defined in one of its files, or in a module next to them."""
    code = getattr(f, "__code__", None)
    if code is None or not callable(f):
        return False
    filename = os.path.abspath(re.sub(r" \[cell \d+\]$", "", code.co_filename))
    return filename in files or os.path.dirname(filename) in {os.path.dirname(p) for p in files}


def load(paths):
    """Runs the files (notebooks or .py, in order) in one namespace; raises LoadError when none can be read."""
    files = [os.path.abspath(p) for p in paths]
    os.environ["DLBASIS_COURSE_LOADING"] = "1"  # a check() among the cells does not start another check
    cells = [read_cells(path) for path in files]
    install(sorted({os.path.dirname(p) for p in files}))
    combined = {"__name__": "course_code", "__builtins__": builtins}
    skips, discard = {}, _Discard()
    with _Guard(discard):
        deadline = time.monotonic() + LOAD_SECONDS
        for file_cells in cells:  # each file in a namespace of its own that starts with the earlier files' names,
            namespace = dict(combined)  # so that week 2's sigmoid does not replace the one week 4's functions call
            for cell in file_cells:
                _run_cell(cell, namespace, skips, deadline)
            loaded = Loaded(files, combined, skips, discard.count)
            for name, value in namespace.items():  # a later file's import does not hide an earlier file's function
                if not (loaded.defined(name) and not _own(value, files)):
                    combined[name] = value
    return Loaded(files, combined, skips, discard.count)


def cell_file(cell):
    """The file name the cell's code is compiled under: the path, and the cell for a notebook (" [cell 3]")."""
    return cell.path + (" [cell %d]" % cell.number if cell.number else "")


def _run_cell(cell, namespace, skips, deadline):
    filename = cell_file(cell)
    linecache.cache[filename] = (len(cell.text), None, cell.text.splitlines(True), filename)
    try:
        tree = ast.parse(cell.text, filename=filename)
    except SyntaxError as e:
        if not cell.number:  # a .py file is one cell: it cannot be read at all
            raise LoadError("%s: not valid Python (line %s: %s)" % (cell.path, e.lineno, e.msg))
        skips.setdefault("syntax", []).append((cell.label, "line %s: %s" % (e.lineno, e.msg)))
        return
    for statement in tree.body:
        remaining = deadline - time.monotonic()
        if remaining <= 0 and not isinstance(statement, DEFINITIONS):
            skips.setdefault("timeout", []).append((cell.label, "line %d" % statement.lineno))
            continue
        code = compile(ast.Module(body=[statement], type_ignores=[]), filename, "exec")
        signal.setitimer(signal.ITIMER_REAL, max(min(STATEMENT_SECONDS, remaining), DEFINITION_SECONDS))
        try:
            exec(code, namespace)  # noqa: S102 - running the course code is the point
        except _Timeout:
            skips.setdefault("timeout", []).append((cell.label, "line %d" % statement.lineno))
        except Skipped as e:
            skips.setdefault(e.category, []).append((cell.label, "line %d %s" % (statement.lineno, e)))
        except SystemExit:
            skips.setdefault("exit", []).append((cell.label, "line %d" % statement.lineno))
        except Exception as e:  # noqa: BLE001 - any failure of a statement is a skipped statement
            category = "library" if isinstance(e, ImportError) else "undefined" if isinstance(e, NameError) else "error"
            skips.setdefault(category, []).append(
                (cell.label, "line %d %s: %s" % (_line(e, statement, filename), type(e).__name__, str(e)[:200])))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _line(e, statement, path):
    """The line of the course code's file where e was raised: the innermost frame in that file."""
    tb, line = e.__traceback__, statement.lineno
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class _Guard:
    """Empty stdin, discarded output, refused input() and exits, and the timer, for the time of the load."""

    def __init__(self, discard):
        self.discard = discard

    def __enter__(self):
        sys.stdout.flush()
        sys.stderr.flush()
        self.saved_fds = os.dup(1), os.dup(2)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)
        self.saved = (sys.stdin, sys.stdout, sys.stderr, builtins.input, sys.exit, os._exit,
                      signal.getsignal(signal.SIGALRM), getattr(builtins, "exit", None), getattr(builtins, "quit", None))
        sys.stdin, sys.stdout, sys.stderr = io.StringIO(""), self.discard, self.discard
        builtins.input = _refuse("input", "input()")
        os._exit = _refuse("exit", "os._exit()")
        signal.signal(signal.SIGALRM, _raise_timeout)
        return self

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        (sys.stdin, sys.stdout, sys.stderr, _input, sys.exit, os._exit, handler, exit_, quit_) = self.saved
        signal.signal(signal.SIGALRM, handler)  # input() stays refused: nothing may read the protocol's stdin
        builtins.exit, builtins.quit = exit_, quit_
        os.dup2(self.saved_fds[0], 1)
        os.dup2(self.saved_fds[1], 2)
        for fd in self.saved_fds:
            os.close(fd)
        return False


def _raise_timeout(signum, frame):
    raise _Timeout()


def guarded(f, seconds=STATEMENT_SECONDS):
    """f() with the load's guard and a time limit: (True, its result) or (False, the exception)."""
    with _Guard(_Discard()):
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return True, f()
        except (Exception, SystemExit, _Timeout) as e:  # noqa: BLE001 - a probe that fails tells what it tells
            return False, e
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
