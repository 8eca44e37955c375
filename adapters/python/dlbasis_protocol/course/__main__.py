"""python3 -m dlbasis_protocol.course [--describe] FILE...: serve course code (notebooks, .py) as it is.

What ./dlbasis conform --impl course:FILE runs. --describe prints what was found (the functions, the
warnings of the load, the course-formula note) and exits; without it the files are served on
stdin/stdout (spec/PROTOCOL.md). Nothing to check: one line on stderr, exit status 2.
"""
import os
import sys

_exit = os._exit


def main(argv):
    describe = argv[:1] == ["--describe"]
    paths = argv[1:] if describe else argv
    if not paths:
        sys.stderr.write("course: name one or more .ipynb or .py files\n")
        return 2
    from .adapter import Course
    from .source import LoadError

    try:
        course = Course(paths)
    except LoadError as e:
        sys.stderr.write("course: %s\n" % e)
        return 2
    except Exception as e:  # noqa: BLE001 - the loader's own bug: still one line, never a stack trace
        sys.stderr.write("course: the loader failed on %s (%s: %s); please report it\n"
                         % (", ".join(paths), type(e).__name__, e))
        return 2
    if describe:
        sys.stdout.write("".join(line + "\n" for line in course.describe()))
        return 0
    from dlbasis_protocol import serve

    serve(name=course.name, functions=course.code.functions(), options=course.code.options(),
          capabilities=course.code.capabilities(), terms=course.code.terms())
    return 0


if __name__ == "__main__":
    status = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    _exit(status)  # threads the course code started do not keep the process alive
