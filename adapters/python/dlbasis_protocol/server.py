"""serve(): answer spec/PROTOCOL.md with your own functions.

    from dlbasis_protocol import serve, SpecError

    def cost(y_hat, y):
        m = y.shape[1]
        return np.squeeze(-np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)) / m)

    serve(name="my course code", functions={"cost": cost}, options={"validation": False})

The kit reads one request per line on stdin and writes one answer per line on stdout. It answers
the handshake (the capabilities follow from the operations given), answers NOT_IMPLEMENTED for
every operation it was not given and for requests outside the declared options, decodes the
inputs to float64 numpy arrays, calls the function with the request's parameters and inputs as
keyword arguments, encodes what it returns, and turns exceptions into the protocol's errors (see
README.md beside this package for the whole contract). The table of operations is in
operations.py and shape_text in shapes.py; both are re-exported here.
"""
import inspect
import io
import json
import math
import os
import sys
import traceback

import numpy as np

from .codec import decode_double, decode_tensor, encode_tensor
from .errors import KINDS, SpecError  # noqa: F401  (re-exported)
from .operations import ACTIVATIONS, DOUBLE_PARAMS, OPERATIONS, STEP_OPERATIONS, Op, operations_in  # noqa: F401
from .shapes import shape_text  # noqa: F401  (re-exported: one shape formatter)

PROTOCOL = "dlbasis-protocol/1"

#: Exit status of a program whose function raised something that is not an error of the protocol.
CRASH_STATUS = 70

_OPTION_TYPES = {"activations": "a list of activation names", "deep_activations": "a list of activation names",
                 "max_output_units": "an integer >= 1",
                 "init_scale": "a finite number >= 0 or None", "init_seed": "a boolean", "step": "a boolean",
                 "validation": "a boolean"}


def protocol_error(e):
    """The protocol's (kind, message) for an exception, or None when it is a crash.

    SpecError gives its own kind; NotImplementedError is NOT_IMPLEMENTED; numpy's own shape
    errors keep numpy's text, which is the spec's (SPEC ERR-1): the broadcasting ValueError, a
    non-broadcastable in-place operand, np.dot's "not aligned", matmul's core-dimension mismatch
    and reshape's "cannot reshape array of size" are SHAPE_MISMATCH, reshape's second -1 is
    INVALID_ARGUMENT and numpy's AxisError is AXIS_OUT_OF_BOUNDS. Anything else is a bug of the
    program, not an answer: None.
    """
    if isinstance(e, SpecError):
        return e.kind, e.message
    if isinstance(e, NotImplementedError):
        return "NOT_IMPLEMENTED", str(e) or "not implemented"
    axis_error = getattr(getattr(np, "exceptions", np), "AxisError", None)
    if axis_error is not None and isinstance(e, axis_error):
        return "AXIS_OUT_OF_BOUNDS", str(e)
    if isinstance(e, ValueError):
        text = str(e).rstrip()  # numpy 2.4 ends the broadcasting message with a space
        if text.startswith(("operands could not be broadcast together", "non-broadcastable output operand",
                            "matmul: Input operand", "cannot reshape array of size")) \
                or (text.startswith("shapes (") and " not aligned: " in text):
            return "SHAPE_MISMATCH", text
        if text == "can only specify one unknown dimension":
            return "INVALID_ARGUMENT", text
    return None


class _Crash(Exception):
    """The program's own bug: reported on stderr, and the program stops."""


def _check_options(options):
    options = dict(options or {})
    for key, value in options.items():
        if key not in _OPTION_TYPES:
            raise ValueError("unknown option %r; the options are %s" % (key, ", ".join(_OPTION_TYPES)))
        ok = True
        if key in ("activations", "deep_activations"):
            ok = isinstance(value, (list, tuple)) and all(v in ACTIVATIONS for v in value)
            options[key] = list(value) if ok else value
        elif key == "max_output_units":
            ok = value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 1)
        elif key == "init_scale":
            ok = value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)
                                   and math.isfinite(value) and value >= 0)
        else:
            ok = isinstance(value, bool)
        if not ok:
            raise ValueError("option %s must be %s, found %r%s" % (
                key, _OPTION_TYPES[key], value,
                " (one or more of %s)" % ", ".join(ACTIVATIONS) if key.endswith("activations") else ""))
    return options


def _calling(f, op_name, op):
    """How to call f: (names passed by position, names passed by keyword or None for all).

    Keyword arguments by default, only those f names (all if it takes **kwargs or has no
    signature); positional-only parameters (numpy's ufuncs: np.exp, np.add) take the operation's
    inputs, then its parameters, in the protocol's order. A required argument the operation does
    not have is a TypeError, found before serving.
    """
    order = list(op.inputs + op.params)
    if isinstance(f, np.ufunc):  # numpy < 2 gives ufuncs no signature
        return order[:f.nin], set()
    try:
        signature = inspect.signature(f)
    except (TypeError, ValueError):  # a builtin without a signature: everything by keyword
        return [], None
    positional, keywords = [], set()
    for p in signature.parameters.values():
        if p.kind == p.VAR_KEYWORD:
            keywords = None
        elif p.kind == p.POSITIONAL_ONLY:
            if p.default is p.empty:
                if len(positional) == len(order):
                    raise TypeError("functions[%r] takes %d positional arguments; %s has only %s"
                                    % (op_name, len(positional) + 1, op_name, ", ".join(order) or "none"))
                positional.append(order[len(positional)])
        elif p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
            if p.name not in op.arguments and p.default is p.empty:
                raise TypeError("functions[%r] needs an argument %r, which %s does not have; its arguments are %s"
                                % (op_name, p.name, op_name, ", ".join(op.arguments) or "none"))
            if keywords is not None:
                keywords.add(p.name)
    if keywords is not None:
        keywords -= set(positional)
    return positional, keywords


def _check_terms(terms, functions):
    """terms as the handshake sends them (spec/PROTOCOL.md "Terms"); ValueError naming what is wrong."""
    if not terms:
        return {}
    if not isinstance(terms, dict):
        raise ValueError("terms must be a dict {operation: {\"call\": ..., \"inputs\": ..., \"outputs\": ...}}, "
                         "found %s" % type(terms).__name__)
    out = {}
    for op, t in terms.items():
        if op not in functions:
            raise ValueError("terms names %r, which is not among the functions served" % (op,))
        if not isinstance(t, dict) or not isinstance(t.get("call"), str) or not t["call"].strip():
            raise ValueError("terms[%r] must be {\"call\": a non-blank string, \"inputs\": {...}, \"outputs\": {...}}, "
                             "found %r" % (op, t))
        for part in ("inputs", "outputs"):
            names = t.get(part) or {}
            if not isinstance(names, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                                      for k, v in names.items()):
                raise ValueError("terms[%r][%r] must map wire names to non-blank expressions, found %r"
                                 % (op, part, names))
        out[op] = {"call": t["call"], "inputs": dict(t.get("inputs") or {}), "outputs": dict(t.get("outputs") or {})}
    return out


class Server:
    """The protocol for one set of functions, without the I/O: answer(request) -> response."""

    def __init__(self, name, functions, options=None, capabilities=None, terms=None):
        if not isinstance(name, str) or not name.strip():
            raise ValueError("name must be a string with a non-blank character, found %r" % (name,))
        self.name = name
        self.functions = dict(functions)
        for op_name, f in self.functions.items():
            if op_name not in OPERATIONS:
                raise ValueError("functions names an unknown operation %r; the operations are %s"
                                 % (op_name, ", ".join(OPERATIONS)))
            if not callable(f):
                raise TypeError("functions[%r] is not callable: %r" % (op_name, f))
        self.calling = {op: _calling(f, op, OPERATIONS[op]) for op, f in self.functions.items()}
        declared = sorted({OPERATIONS[op].capability for op in self.functions})
        self.capabilities = list(declared if capabilities is None else capabilities)
        self.options = _check_options(options)
        if "step" not in self.options:
            models = [c for c in self.capabilities if c in STEP_OPERATIONS]
            if models and not any(STEP_OPERATIONS[c] in self.functions for c in models):
                self.options["step"] = False
        self.terms = _check_terms(terms, self.functions)

    # ------------------------------------------------------------------ one request

    def hello(self):
        answer = {"ok": True, "name": self.name, "capabilities": self.capabilities, "protocol": PROTOCOL}
        if self.options:
            answer["options"] = self.options
        if self.terms:
            answer["terms"] = self.terms
        return answer

    def answer(self, request):
        """The response to one request (without its id); raises _Crash for the program's own bugs."""
        op = request.get("op")
        if op == "hello":
            return self.hello()
        f = self.functions.get(op)
        if f is None:
            return _error("NOT_IMPLEMENTED", "%s does not provide %s" % (self.name, op))
        try:
            params = {k: _param(k, v) for k, v in (request.get("params") or {}).items()}
            inputs = {k: _input(v) for k, v in (request.get("inputs") or {}).items()}
        except (TypeError, ValueError, KeyError) as e:
            raise _Crash(op) from e
        declined = self._declined(op, params, inputs)
        if declined:
            return _error("NOT_IMPLEMENTED", declined)
        arguments = dict(params, **inputs)
        positional, keywords = self.calling[op]
        args = [arguments.pop(k) for k in positional if k in arguments]
        if keywords is not None:
            arguments = {k: v for k, v in arguments.items() if k in keywords}
        try:
            result = f(*args, **arguments)
        except Exception as e:  # noqa: BLE001 - sorted into answers and crashes here
            known = protocol_error(e)
            if known is None:
                raise _Crash(op) from e
            return _error(*known)
        try:
            return {"ok": True, "outputs": _outputs(op, result)}
        except (TypeError, ValueError) as e:
            raise _Crash(op) from e

    def _declined(self, op, params, inputs):
        """Why a request lies outside the declared options (answered NOT_IMPLEMENTED), or None."""
        network = op.startswith(("net_", "deep_"))
        activations = self.options.get("activations")
        if op.startswith("deep_") and "deep_activations" in self.options:
            activations = self.options["deep_activations"]  # the deep network's own (SPEC API-2)
        if activations is not None and params.get("activation") is not None \
                and params["activation"] not in activations:
            return "%s provides the activations %s only, not %s" % (
                self.name, ", ".join(activations) or "(none)", params["activation"])
        most = self.options.get("max_output_units")
        if network and most is not None:
            units = _output_units(op, params, inputs)
            if units is not None and units > most:
                return "%s accepts at most %d output unit%s, not %d" % (self.name, most, "s" * (most != 1), units)
        scale = self.options.get("init_scale")
        if op in ("net_initialize", "deep_initialize") and scale is not None and params.get("scale") != scale:
            return "%s initialises with scale %r only, not %r" % (self.name, scale, params.get("scale"))
        return None


def _output_units(op, params, inputs):
    """n[2] (n[L]) of a network request: from the layer sizes asked for, or from the last W."""
    if op == "net_initialize":
        return params.get("ny")
    if op == "deep_initialize":
        sizes = params.get("layer_sizes")
        return sizes[-1] if isinstance(sizes, list) and sizes else None
    p = inputs.get("params")
    if not isinstance(p, dict):
        return None
    last = p.get("w2") if op.startswith("net_") else p.get("w%d" % sum(1 for k in p if k[:1] == "w"))
    return last.shape[0] if isinstance(last, np.ndarray) and last.ndim == 2 else None


def _error(kind, message):
    return {"ok": False, "error": {"kind": kind, "message": message}}


def _param(key, value):
    if key in DOUBLE_PARAMS:
        return decode_double(value)
    return value


def _input(value):
    """A tensor as a float64 array, an object of them as a dict, a bare double as a float."""
    if isinstance(value, dict):
        if set(value) == {"shape", "data"}:
            return decode_tensor(value)
        return {k: _input(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_input(v) for v in value]
    return decode_double(value)


def _flatten(result, prefix, into):
    for key, value in result.items():
        if not isinstance(key, str):
            raise TypeError("output names are strings, found %r" % (key,))
        if isinstance(value, dict):
            _flatten(value, prefix + key + ".", into)
        else:
            into[prefix + key] = value
    return into


def _outputs(op, result):
    spec = OPERATIONS[op]
    names = spec.outputs
    if spec.layers:
        return _layer_outputs(op, spec, result)
    if isinstance(result, tuple):
        if len(result) != len(names):
            raise ValueError("%s returned a tuple of %d values; its outputs are %s (a tuple is read in that order)"
                             % (op, len(result), ", ".join(names)))
        result = dict(zip(names, result))
    elif not isinstance(result, dict):
        if len(names) != 1:
            raise ValueError("%s returned one value; its outputs are %s: return a dict (or a tuple in that order)"
                             % (op, ", ".join(names)))
        result = {names[0]: result}
    flat = _flatten(result, "", {})
    if set(flat) != set(names):
        raise ValueError("%s returned the outputs %s; its outputs are %s"
                         % (op, ", ".join(sorted(flat)) or "(none)", ", ".join(names)))
    return {k: _tensor(flat[k]) for k in names}


def _layer_outputs(op, spec, result):
    """A deep operation's outputs: each prefix numbered 1 ... L for one L, and the fixed names."""
    if not isinstance(result, dict):
        raise ValueError("%s returns a dict of outputs (%s), found %s"
                         % (op, ", ".join([p + "1 ... " + p + "L" for p in spec.layers] + list(spec.outputs)),
                            type(result).__name__))
    flat = _flatten(result, "", {})
    numbered = {}
    for key in flat:
        prefix = key.rstrip("0123456789")
        if key in spec.outputs:
            continue
        if prefix not in spec.layers or prefix == key:
            raise ValueError("%s returned an output %r; its outputs are %s" % (
                op, key, ", ".join([p + "1 ... " + p + "L" for p in spec.layers] + list(spec.outputs))))
        numbered.setdefault(prefix, set()).add(int(key[len(prefix):]))
    layers = {len(v) for v in numbered.values()}
    if set(numbered) != set(spec.layers) or len(layers) != 1 \
            or any(v != set(range(1, len(v) + 1)) for v in numbered.values()) \
            or not all(name in flat for name in spec.outputs):
        raise ValueError("%s returned the outputs %s; its outputs are %s, for the same L" % (
            op, ", ".join(sorted(flat)), ", ".join([p + "1 ... " + p + "L" for p in spec.layers] + list(spec.outputs))))
    order = [p + str(l) for l in range(1, layers.pop() + 1) for p in spec.layers] + list(spec.outputs)
    return {k: _tensor(flat[k]) for k in order}


def _tensor(value):
    if hasattr(value, "detach") and hasattr(value, "cpu"):  # a torch tensor
        value = value.detach().cpu().numpy()
    return encode_tensor(np.asarray(value, dtype=np.float64))


# ------------------------------------------------------------------ the loop


def serve(name, functions, options=None, capabilities=None, stdin=None, stdout=None, terms=None):
    """Answers spec/PROTOCOL.md on stdin/stdout until stdin ends (or "bye"), then returns.

    name: the implementation's name in reports. functions: {operation: function}; each function
    is called with the request's parameters and inputs as keyword arguments (only those it names,
    unless it takes **kwargs) and returns its output (one value, a dict of outputs, or a tuple of
    them in the protocol's order). options: the handshake's options (README.md). capabilities:
    the list to declare instead of the one derived from the operations given. terms: optional,
    {operation: {"call": ..., "inputs": {wire name: expression}, "outputs": {...}}}, the call in
    the program's own words, which the runner's failure messages then use (spec/PROTOCOL.md "Terms").

    A function that raises something the protocol does not know (see protocol_error) stops the
    program: the request and the traceback go to stderr and the process exits with status 70.
    While serving, print() writes to stderr: stdout carries the answers and nothing else.
    """
    server = Server(name, functions, options, capabilities, terms)
    real_stdout = stdout is None
    if real_stdout:
        sys.stdout.flush()
        answers_fd = os.dup(1)
        out = os.fdopen(answers_fd, "w", encoding="utf-8", closefd=False)
        os.dup2(2, 1)  # a stray print, from Python or from C, goes to stderr
        saved, sys.stdout = sys.stdout, sys.stderr
    else:
        out = stdout
    lines = stdin if stdin is not None else io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
    try:
        for line in lines:
            if not line.strip():
                continue
            request = json.loads(line)
            if request.get("op") == "bye":
                return
            try:
                response = server.answer(request)
            except _Crash as crash:
                _crash(request, crash.__cause__)
            response = dict({"id": request.get("id")}, **response)
            out.write(json.dumps(response, allow_nan=False) + "\n")
            out.flush()
    finally:
        if real_stdout:
            out.flush()
            saved.flush()
            os.dup2(answers_fd, 1)
            os.close(answers_fd)
            sys.stdout = saved


def _crash(request, cause):
    sys.stderr.write("dlbasis_protocol: %s (request %s) raised %s: %s\n" % (
        request.get("op"), request.get("id"), type(cause).__name__, cause))
    sys.stderr.write("  not an error the protocol knows, so the program stops (exit %d); raise "
                     "dlbasis_protocol.SpecError(kind, message) for an input the spec rejects\n" % CRASH_STATUS)
    traceback.print_exception(type(cause), cause, cause.__traceback__, file=sys.stderr)
    sys.stderr.flush()
    sys.exit(CRASH_STATUS)
