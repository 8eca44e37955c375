"""The course's functions as the protocol's operations, by their names and signatures.

Each method of CourseCode named after an operation answers it by calling the student's functions
the way the course's notebooks call them, with the course's dictionaries ("W1", "dW1", "A1"),
week 4's caches (a list of ((A_prev, W, b), Z) per layer) and both historical signatures
(compute_cost(A2, Y, parameters) and compute_cost(A2, Y)). Which operations exist, and the
handshake's options, follow from the names the code defines; an operation of a declared capability
whose function is missing answers NOT_IMPLEMENTED naming that function.
"""
import inspect
import linecache
import re

import numpy as np

WEEK2 = ("sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict", "model")
WEEK3 = ("layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost", "backward_propagation",
         "update_parameters", "nn_model", "predict")
WEEK4 = ("initialize_parameters", "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
         "L_model_forward", "compute_cost", "linear_backward", "linear_activation_backward", "L_model_backward",
         "update_parameters", "sigmoid", "relu", "sigmoid_backward", "relu_backward")
#: The names that decide a week: defined by that week's assignment and no other.
MARKS = {2: ("propagate", "optimize", "initialize_with_zeros"),
         3: ("forward_propagation", "backward_propagation", "nn_model", "layer_sizes"),
         4: ("L_model_forward", "L_model_backward", "linear_activation_forward", "linear_activation_backward",
             "initialize_parameters_deep", "linear_forward", "linear_backward")}

#: Clauses the course's own formulas fail, by week: np.log of σ in the cost (NaN or ∞ once σ rounds
#: to 0 or 1) and week 4's dA[L] = −(Y/A − (1−Y)/(1−A)) (0/0). Filled in from runs of the correct
#: solutions in tests/course/.
COURSE_FORMULA_CLAUSES = {2: ("LOSS-5", "LR-2", "LR-5", "GD-5", "BACKPROP-8"), 3: ("NET-3", "BACKPROP-8"),
                          4: ("NET-3", "BACKPROP-1", "BACKPROP-8", "DEEP-3", "DEEP-4", "DEEP-7")}


class CourseError(Exception):
    """The student's function returned something the course does not return: the message says what, in its terms."""


def up(d):
    """The protocol's lower-case names as the course spells them: w1 -> W1, dw1 -> dW1, z1 -> Z1, a1 -> A1."""
    return {re.sub(r"^(d?)([wza])(\d+)$", lambda m: m.group(1) + m.group(2).upper() + m.group(3), k): v
            for k, v in d.items()}


def down(d, what, call, keys):
    """The course's dictionary in the protocol's names; CourseError naming the missing keys."""
    if d is None:
        raise NotImplementedError("%s returned None: not written yet?" % call)
    if not isinstance(d, dict):
        raise CourseError("%s returned %s, where the course returns the dictionary %s"
                          % (call, type(d).__name__, what))
    missing = [k for k in keys if k not in d]
    if missing:
        raise CourseError('%s returned %s without %s (its keys: %s)' % (
            call, what, ", ".join('"%s"' % k for k in missing), ", ".join(map(str, d)) or "none"))
    unwritten = [k for k in keys if d[k] is None]
    if unwritten:  # the assignment's template, "W1 = None": nothing to check yet
        raise NotImplementedError("%s returned %s with %s = None: not written yet?" % (
            call, what, ", ".join('"%s"' % k for k in unwritten)))
    return {k.lower(): d[k] for k in keys}


def written(value, call):
    """A cost or an activation's value; NOT_IMPLEMENTED for the template's None."""
    if value is None:
        raise NotImplementedError("%s returned None: not written yet?" % call)
    return value


def layer_keys(prefixes, L):
    return [p + str(l) for l in range(1, L + 1) for p in prefixes]


def required(f):
    """How many arguments f needs (its positional parameters without a default)."""
    try:
        return sum(1 for p in inspect.signature(f).parameters.values()
                   if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty)
    except (TypeError, ValueError):
        return -1


def value(result):
    """An activation's value: week 4's helpers return (A, cache)."""
    return result[0] if isinstance(result, tuple) else result


class Missing:
    """An operation whose course function is not defined (or not written yet): NOT_IMPLEMENTED, naming it."""

    def __init__(self, names, unwritten=None):
        unwritten = unwritten or {}
        self.reason = " and ".join(unwritten.get(n, "no `%s` defined" % n) for n in names)

    def __call__(self, **kwargs):
        raise NotImplementedError(self.reason)


class CourseCode:
    """The operations the course functions in namespace (name -> function) can answer."""

    def __init__(self, functions, reseeds=True, generic_update=False, unwritten=None):
        self.f = functions
        self.unwritten = dict(unwritten or {})
        self.reseeds, self.generic_update = reseeds, generic_update

    def has(self, *names):
        return all(self.f.get(n) is not None for n in names)

    def weeks(self):
        return [w for w, marks in MARKS.items() if any(self.has(n) for n in marks)]

    # -------------------------------------------------------------- which operations, which options

    #: operation -> the course functions it needs (alternatives: a list of tuples, the first that is defined)
    def needs(self):
        tanh_net = ("forward_propagation",)
        return {
            self.lr_forward: [("sigmoid",)], self.lr_cost: [("propagate",)], self.lr_backward: [("propagate",)],
            self.lr_train: [("propagate", "optimize")],
            self.net_initialize: [("initialize_parameters",)],
            self.net_forward: [tanh_net, ("L_model_forward",), ("linear_activation_forward",)],
            self.net_cost: [tanh_net + ("compute_cost",), ("L_model_forward", "compute_cost")],
            self.net_backward: [tanh_net + ("backward_propagation",), ("L_model_forward", "L_model_backward")],
            self.net_step: [("update_parameters",)],
            self.net_train: [tanh_net + ("compute_cost", "backward_propagation", "update_parameters"),
                             ("L_model_forward", "compute_cost", "L_model_backward", "update_parameters")],
            self.deep_initialize: [("initialize_parameters_deep",)],
            self.deep_forward: [("L_model_forward",), ("linear_activation_forward",)],
            self.deep_cost: [("L_model_forward", "compute_cost")],
            self.deep_backward: [("L_model_forward", "L_model_backward")],
            self.deep_step: [("update_parameters",)] if self.generic_update or self.has("L_model_forward") else
            [("update_parameters (the L-layer one)",)],
            self.deep_train: [("L_model_forward", "compute_cost", "L_model_backward", "update_parameters")],
        }

    def net_activations(self):
        return [a for a, names in (("tanh", ("forward_propagation",)), ("relu", ("L_model_forward",)),
                                   ("sigmoid", ("linear_activation_forward", "linear_activation_backward")))
                if self.has(*names)]

    def deep_activations(self):
        return [a for a, names in (("relu", ("L_model_forward",)),
                                   ("sigmoid", ("linear_activation_forward", "linear_activation_backward")))
                if self.has(*names)]

    def capabilities(self):
        caps = []
        if self.has("propagate") or self.has("optimize"):
            caps.append("LOGISTIC_REGRESSION")
        if self.net_activations() or self.has("initialize_parameters"):
            caps.append("TWO_LAYER_NETWORK")
        if self.deep_activations() or self.has("initialize_parameters_deep"):
            caps.append("DEEP_NETWORK")
        return caps

    def functions(self):
        """{operation: function} for serve(): the defined ones, and Missing for the others of a declared capability."""
        prefixes = {"LOGISTIC_REGRESSION": "lr_", "TWO_LAYER_NETWORK": "net_", "DEEP_NETWORK": "deep_"}
        wanted = tuple(prefixes[c] for c in self.capabilities())
        out = {}
        for method, alternatives in self.needs().items():
            name = method.__name__
            if not name.startswith(wanted):
                continue
            if any(self.has(*names) for names in alternatives):
                out[name] = method
            else:
                out[name] = Missing([n for n in alternatives[0] if not self.has(n)], self.unwritten)
        return out

    def options(self):
        net, deep = self.net_activations(), self.deep_activations()
        options = {"activations": net or deep or ["relu"], "max_output_units": 1, "init_scale": 0.01,
                   "init_seed": bool(self.reseeds), "validation": False}
        if deep and deep != options["activations"]:
            options["deep_activations"] = deep
        return options

    def terms(self):
        """The handshake's terms (spec/PROTOCOL.md "Terms"): each served operation as the course calls it.

        Only where one course call answers the operation with the course's names: week 2's, and
        week 3's when tanh is its only hidden activation (week 4's caches and L layers have no
        fixed names).
        """
        served = {op for op, f in self.functions().items() if not isinstance(f, Missing)}
        w = {"params.w": "w", "params.b": "b", "x": "X", "y": "Y"}
        P = {"params.%s%d" % (k, l): 'parameters["%s%d"]' % (k.replace("w", "W"), l) for k in "wb" for l in (1, 2)}
        xy = {"x": "X", "y": "Y"}
        cache = {"%s%d" % (k, l): 'cache["%s%d"]' % (k.upper(), l) for k in "za" for l in (1, 2)}
        grads = {"d%s%d" % (k, l): 'grads["d%s%d"]' % (k.replace("w", "W"), l) for k in "wb" for l in (1, 2)}
        cost3 = ("compute_cost(A2, Y, parameters)" if self.has("compute_cost") and required(self.f["compute_cost"]) >= 3
                 else "compute_cost(A2, Y)")
        table = {
            "lr_forward": ("A = sigmoid(np.dot(w.T, X) + b)", w, {"out": "A"}),
            "lr_cost": ("grads, cost = propagate(w, b, X, Y)", w, {"out": "cost"}),
            "lr_backward": ("grads, cost = propagate(w, b, X, Y)", w, {"dw": 'grads["dw"]', "db": 'grads["db"]'}),
        }
        if self.net_activations() == ["tanh"]:
            table.update({
                "net_forward": ("A2, cache = forward_propagation(X, parameters)", dict(P, **xy), cache),
                "net_cost": ("A2, cache = forward_propagation(X, parameters); cost = " + cost3, dict(P, **xy),
                             {"out": "cost"}),
                "net_backward": ("grads = backward_propagation(parameters, cache, X, Y)",
                                 dict(P, **xy, **{"cache." + k: v for k, v in cache.items()}), grads),
            })
        if self.net_activations() == ["tanh"] or not self.generic_update:
            table["net_step"] = ("parameters = update_parameters(parameters, grads, learning_rate)",
                                 dict(P, learning_rate="learning_rate", **{"grads." + k: v for k, v in grads.items()}),
                                 {k.split(".")[1]: v for k, v in P.items()})
        return {op: {"call": call, "inputs": inputs, "outputs": outputs}
                for op, (call, inputs, outputs) in table.items() if op in served}

    # -------------------------------------------------------------- calling the student's functions

    def call(self, name, *args):
        try:
            return self.f[name](*args)
        except SystemExit as e:
            raise CourseError("%s called sys.exit(%s)" % (name, e.code if e.code is not None else ""))
        except AssertionError as e:  # the course's own asserts, in the student's function: say which failed
            raise CourseError("an assert in your code failed while %s ran: %s; to reproduce in the notebook: %s"
                              % (name, failed_assert(e), reproducer(name, args))) from e

    def cost(self, A, Y, parameters):
        """compute_cost(A2, Y, parameters) or compute_cost(A2, Y), whichever the code defines."""
        if required(self.f["compute_cost"]) >= 3:
            return written(self.call("compute_cost", A, Y, parameters), "compute_cost(A2, Y, parameters)")
        return written(self.call("compute_cost", A, Y), "compute_cost(AL, Y)")

    # -------------------------------------------------------------- week 2: logistic regression

    def lr_forward(self, params, x):
        """sigmoid(np.dot(w.T, X) + b), as propagate's first lines"""
        return written(value(self.call("sigmoid", np.dot(params["w"].T, x) + params["b"])), "sigmoid(z)")

    def _propagate(self, params, x, y):
        result = self.call("propagate", params["w"], params["b"], x, y)
        if not (isinstance(result, tuple) and len(result) == 2):
            raise CourseError("propagate(w, b, X, Y) returned %s, where the course returns grads, cost"
                              % type(result).__name__)
        return result

    def lr_cost(self, params, x, y):
        """propagate(w, b, X, Y)'s cost"""
        return written(self._propagate(params, x, y)[1], "propagate(w, b, X, Y)'s cost")

    def lr_backward(self, params, x, y):
        """propagate(w, b, X, Y)'s grads["dw"], grads["db"]"""
        grads = self._propagate(params, x, y)[0]
        return down(grads, "grads", "propagate(w, b, X, Y)", ("dw", "db"))

    def lr_train(self, params, x, y, learning_rate, iterations):
        """optimize(w, b, X, Y, 1, learning_rate), once per iteration; each cost from propagate"""
        w, b, costs = params["w"], params["b"], []
        for _ in range(iterations):
            costs.append(self._propagate({"w": w, "b": b}, x, y)[1])
            result = self.call("optimize", w, b, x, y, 1, learning_rate)
            p = down(result[0] if isinstance(result, tuple) else result, "params",
                     "optimize(w, b, X, Y, num_iterations, learning_rate)", ("w", "b"))
            w, b = p["w"], p["b"]
        costs.append(self._propagate({"w": w, "b": b}, x, y)[1])
        return {"params": {"w": w, "b": b}, "costs": np.array(costs)}

    # -------------------------------------------------------------- week 3: one hidden layer (tanh)

    def net_initialize(self, nx, nh, ny, seed):
        """initialize_parameters(n_x, n_h, n_y)"""
        if self.reseeds:
            np.random.seed(seed % 2 ** 32)
        P = self.call("initialize_parameters", nx, nh, ny)
        return {"params": down(P, "parameters", "initialize_parameters(n_x, n_h, n_y)", ("W1", "b1", "W2", "b2"))}

    def _tanh(self, activation):
        if activation == "tanh":
            return True
        if activation in self.deep_activations():
            return False
        raise NotImplementedError("the course's %s has a %s hidden layer, not %s" % (
            "forward_propagation" if self.has("forward_propagation") else "L_model_forward",
            "tanh" if self.has("forward_propagation") else "ReLU", activation))

    def _forward3(self, params, x):
        result = self.call("forward_propagation", x, up(params))
        if not (isinstance(result, tuple) and len(result) == 2):
            raise CourseError("forward_propagation(X, parameters) returned %s, where the course returns A2, cache"
                              % type(result).__name__)
        return result

    def net_forward(self, params, x, activation):
        """forward_propagation(X, parameters) (tanh), L_model_forward(X, parameters) (ReLU)"""
        if self._tanh(activation):
            cache = self._forward3(params, x)[1]
            return down(cache, "cache", "forward_propagation(X, parameters)", ("Z1", "A1", "Z2", "A2"))
        return self.deep_forward(params, x, activation)

    def net_cost(self, params, x, y, activation):
        """compute_cost(A2, Y[, parameters]) after forward_propagation(X, parameters)"""
        if self._tanh(activation):
            return self.cost(self._forward3(params, x)[0], y, up(params))
        return self.deep_cost(params, x, y, activation)

    def net_backward(self, params, x, y, activation, cache=None):
        """backward_propagation(parameters, cache, X, Y) (tanh), L_model_backward(AL, Y, caches) (ReLU)"""
        if not self._tanh(activation):
            return self.deep_backward(params, x, y, activation, cache)
        course_cache = up(cache) if cache is not None else self._forward3(params, x)[1]
        grads = self.call("backward_propagation", up(params), course_cache, x, y)
        return down(grads, "grads", "backward_propagation(parameters, cache, X, Y)", ("dW1", "db1", "dW2", "db2"))

    def net_step(self, params, grads, learning_rate):
        """update_parameters(parameters, grads, learning_rate)"""
        P = self.call("update_parameters", up(params), up(grads), learning_rate)
        return {"params": down(P, "parameters", "update_parameters(parameters, grads, learning_rate)",
                               ("W1", "b1", "W2", "b2"))}

    def net_train(self, params, x, y, activation, learning_rate, iterations):
        """nn_model's loop: forward_propagation, compute_cost, backward_propagation, update_parameters"""
        if not self._tanh(activation):
            return self.deep_train(params, x, y, activation, learning_rate, iterations)
        costs = []
        for _ in range(iterations):
            costs.append(self.net_cost(params, x, y, activation))
            grads = self.net_backward(params, x, y, activation)
            params = self.net_step(params, grads, learning_rate)["params"]
        costs.append(self.net_cost(params, x, y, activation))
        return {"params": params, "costs": np.array(costs)}

    # -------------------------------------------------------------- week 4: L layers

    def deep_initialize(self, layer_sizes, seed):
        """initialize_parameters_deep(layer_dims)"""
        if self.reseeds:
            np.random.seed(seed % 2 ** 32)
        P = self.call("initialize_parameters_deep", list(layer_sizes))
        return {"params": down(P, "parameters", "initialize_parameters_deep(layer_dims)",
                               layer_keys(("W", "b"), len(layer_sizes) - 1))}

    def _forward4(self, params, x, activation):
        """AL and the course's caches: L_model_forward for ReLU, linear_activation_forward layer by layer for σ."""
        P, L = up(params), len(params) // 2
        if activation == "relu":
            result = self.call("L_model_forward", x, P)
            if not (isinstance(result, tuple) and len(result) == 2):
                raise CourseError("L_model_forward(X, parameters) returned %s, where the course returns AL, caches"
                                  % type(result).__name__)
            return result
        A, caches = x, []
        for l in range(1, L + 1):
            A, cache = self.call("linear_activation_forward", A, P["W%d" % l], P["b%d" % l], "sigmoid")
            caches.append(cache)
        return A, caches

    def deep_forward(self, params, x, activation):
        """L_model_forward(X, parameters): Z of each layer from its cache, A from the next layer's A_prev"""
        AL, caches = self._forward4(params, x, activation)
        L = len(params) // 2
        layers = [unpack(c, "L_model_forward(X, parameters)", l) for l, c in enumerate(caches, 1)]
        if len(layers) != L:
            raise CourseError("L_model_forward(X, parameters) returned %d caches for %d layers" % (len(layers), L))
        a = [layers[l][0] for l in range(1, L)] + [AL]
        out = {"z%d" % l: layers[l - 1][3] for l in range(1, L + 1)}
        out.update({"a%d" % l: a[l - 1] for l in range(1, L + 1)})
        return out

    def deep_cost(self, params, x, y, activation):
        """compute_cost(AL, Y) after L_model_forward(X, parameters)"""
        return self.cost(self._forward4(params, x, activation)[0], y, up(params))

    def deep_backward(self, params, x, y, activation, cache=None):
        """L_model_backward(AL, Y, caches), the caches built from the cache sent"""
        AL, caches = self._forward4(params, x, activation)
        L = len(params) // 2
        if cache is not None and all(standard(c) for c in caches):
            P = up(params)
            caches = [((x if l == 1 else cache["a%d" % (l - 1)], P["W%d" % l], P["b%d" % l]), cache["z%d" % l])
                      for l in range(1, L + 1)]
            AL = cache["a%d" % L]
        if activation == "relu":
            grads = self.call("L_model_backward", AL, y, caches)
        else:  # L_model_backward's loop with σ in every layer
            grads, dA = {}, -(np.divide(y, AL) - np.divide(1 - y, 1 - AL))
            for l in range(L, 0, -1):
                dA, grads["dW%d" % l], grads["db%d" % l] = self.call(
                    "linear_activation_backward", dA, caches[l - 1], "sigmoid")
        return down(grads, "grads", "L_model_backward(AL, Y, caches)", layer_keys(("dW", "db"), L))

    def deep_step(self, params, grads, learning_rate):
        """update_parameters(parameters, grads, learning_rate)"""
        P = self.call("update_parameters", up(params), up(grads), learning_rate)
        return {"params": down(P, "parameters", "update_parameters(parameters, grads, learning_rate)",
                               layer_keys(("W", "b"), len(params) // 2))}

    def deep_train(self, params, x, y, activation, learning_rate, iterations):
        """L_layer_model's loop: L_model_forward, compute_cost, L_model_backward, update_parameters"""
        costs = []
        for _ in range(iterations):
            costs.append(self.deep_cost(params, x, y, activation))
            grads = self.deep_backward(params, x, y, activation)
            params = self.deep_step(params, grads, learning_rate)["params"]
        costs.append(self.deep_cost(params, x, y, activation))
        return {"params": params, "costs": np.array(costs)}


def literal(value):
    """Python source that rebuilds value: np.array([[...]]) for arrays, dicts and tuples of them, repr otherwise."""
    if isinstance(value, np.ndarray):
        return "np.array(%r)" % (value.tolist(),)
    if isinstance(value, dict):
        return "{%s}" % ", ".join("%r: %s" % (k, literal(v)) for k, v in value.items())
    if isinstance(value, (tuple, list)):
        inner = ", ".join(literal(v) for v in value)
        return "(%s%s)" % (inner, "," if len(value) == 1 else "") if isinstance(value, tuple) else "[%s]" % inner
    return repr(value)


def reproducer(name, args, limit=4000):
    """The call as one line to paste into the notebook (cut at limit characters)."""
    text = "%s(%s)" % (name, ", ".join(literal(a) for a in args))
    return text if len(text) <= limit else text[:limit] + " ... (cut)"


def failed_assert(e):
    """The innermost frame's function and source line: "linear_backward, line 27: assert (isinstance(db, float))"."""
    tb = e.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code
    line = linecache.getline(code.co_filename, tb.tb_lineno).strip()
    return "%s, line %d: %s" % (code.co_name, tb.tb_lineno, line or "(source not available)")


def standard(cache):
    """True for the course's layer cache ((A_prev, W, b), Z)."""
    return isinstance(cache, tuple) and len(cache) == 2 and isinstance(cache[0], tuple) and len(cache[0]) == 3 \
        and isinstance(cache[1], np.ndarray)


def unpack(cache, call, layer):
    """(A_prev, W, b, Z) from one layer's cache: ((A_prev, W, b), Z), (A_prev, W, b, Z) or a dict."""
    if isinstance(cache, dict):
        c = {k.lower(): v for k, v in cache.items()}
        try:
            return c.get("a_prev", c.get("a")), c["w"], c["b"], c["z"]
        except KeyError:
            raise CourseError("%s returned a cache for layer %d with the keys %s, where the course keeps "
                              "A_prev, W, b and Z" % (call, layer, ", ".join(cache)))
    if isinstance(cache, (tuple, list)) and len(cache) == 2:
        linear, activation = cache
        if isinstance(activation, (tuple, list)):
            activation = activation[0]
        if isinstance(activation, dict):
            activation = {k.lower(): v for k, v in activation.items()}.get("z")
        if isinstance(linear, dict):
            return unpack(dict(linear, Z=activation), call, layer)
        return tuple(linear) + (activation,)
    if isinstance(cache, (tuple, list)) and len(cache) == 4:
        return tuple(cache)
    raise CourseError("%s returned a cache for layer %d that is a %s, where the course keeps "
                      "((A_prev, W, b), Z)" % (call, layer, type(cache).__name__))
