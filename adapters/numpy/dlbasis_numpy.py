#!/usr/bin/env python3
"""numpy as an implementation of dlbasis, served by the dlbasis_protocol kit (spec/PROTOCOL.md).

    ./dlbasis conform --impl cmd:'python3 adapters/numpy/dlbasis_numpy.py'

Every function named after an operation of the protocol is that operation (operations_in): it
takes the request's parameters and inputs by name, as float64 arrays, and the kit does the wire.
The operations are written the way a numpy user writes the note's formulas (np.dot,
broadcasting, np.sum with axis and keepdims). Where a literal transcription of the note would
break a MUST clause, the function says so and does what the spec requires instead:
  * sigmoid: 1/(1+np.exp(-z)) overflows for z < -709 (E-8); we use the two-branch form;
  * loss: y*log(a) + (1-y)*log(1-a) is NaN at a in {0,1} (E-5); we select the term with np.where;
  * numpy broadcasts labels (m,1) against predictions (1,m) (E-10); we check shapes first;
  * the L-layer network (deep_*) is the course's week 4 (initialize_parameters_deep,
    L_model_forward, L_model_backward, update_parameters), except that L_model_backward starts
    from dZL = AL - Y: week 4's dAL = -(Y/AL - (1-Y)/(1-AL)) is 0/0 once AL saturates (DEEP-7).
The derivatives stay as the note writes them (s*(1-s), 1-tanh^2, alpha*(e^z-1)): they meet the
MUST tolerance (absolute) and miss the SHOULD of ACT-14 (relative accuracy in the tails), which
the conformance report shows as a warning.

Environment variables, for testing the runner against a misbehaving implementation:
  DLBASIS_NUMPY_BREAK=relu_derivative|db_no_keepdims|crash_on_dot|hang_on_dot|garbage_on_dot
"""
import functools
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from dlbasis_protocol import OPERATIONS, SpecError, capabilities_of, operations_in, shape_text  # noqa: E402

NAME = "numpy %s (adapters/numpy)" % np.__version__
BREAK = os.environ.get("DLBASIS_NUMPY_BREAK", "")


# ------------------------------------------------------------------ arrays (numpy itself)

def numpy_call(f, *args):
    """Runs a numpy operation, turning numpy's errors into the spec's kinds and texts."""
    try:
        with np.errstate(all="ignore"):
            return f(*args)
    except getattr(np, "exceptions", np).AxisError as e:
        raise SpecError("AXIS_OUT_OF_BOUNDS", str(e))
    except ValueError as e:
        message = str(e).rstrip()  # numpy 2.4 ends the broadcast message with a space (SPEC ERR-1)
        kind = "INVALID_ARGUMENT" if "unknown dimension" in message else "SHAPE_MISMATCH"
        raise SpecError(kind, message)


def add(a, b):
    return numpy_call(np.add, a, b)


def subtract(a, b):
    return numpy_call(np.subtract, a, b)


def multiply(a, b):
    return numpy_call(np.multiply, a, b)


def divide(a, b):
    return numpy_call(np.divide, a, b)


def maximum(a, b):
    return numpy_call(np.maximum, a, b)


def greater(a, b):
    return numpy_call(np.greater, a, b).astype(np.float64)


def exp(a):
    return numpy_call(np.exp, a)


def log(a):
    return numpy_call(np.log, a)


def transpose(a):
    return a.T


def dot(a, b):
    if a.ndim > 2 or b.ndim > 2:
        raise SpecError("INVALID_ARGUMENT", "dot is specified for operands of rank <= 2, found shapes %s and %s"
                        % (shape_text(a.shape), shape_text(b.shape)))
    if BREAK == "crash_on_dot":
        os._exit(3)
    if BREAK == "hang_on_dot":
        import time
        time.sleep(3600)
    if BREAK == "garbage_on_dot":
        print("this is not json", flush=True)
    return numpy_call(np.dot, a, b)


def total(a, axis, keepdims):
    """The operation sum (a def sum would hide Python's)."""
    return numpy_call(lambda: np.sum(a, axis=axis, keepdims=keepdims))


def reshape(a, dims):
    dims = list(dims)
    if dims.count(-1) == 1 and a.size != 0 and int(np.prod([d for d in dims if d != -1])) != 0 \
            and a.size % int(np.prod([d for d in dims if d != -1])) != 0:
        # numpy prints only the known dimensions here, "(4)"; the spec prints the request (ERR-1)
        raise SpecError("SHAPE_MISMATCH", "cannot reshape array of size %d into shape %s" % (a.size, shape_text(dims)))
    if dims.count(-1) == 1 and int(np.prod([d for d in dims if d != -1])) == 0:
        raise SpecError("SHAPE_MISMATCH", "cannot reshape array of size %d into shape %s" % (a.size, shape_text(dims)))
    return numpy_call(lambda: a.reshape(dims))


# ------------------------------------------------------------------ activations, as the note writes them

def sigmoid(z):
    # the note's 1/(1+np.exp(-z)) overflows for very negative z (E-8): evaluate each side stably
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def g(kind, a, z):
    with np.errstate(all="ignore"):
        if kind == "sigmoid":
            return sigmoid(z)
        if kind == "tanh":
            return np.tanh(z)
        if kind == "relu":
            return np.maximum(0, z)
        if kind == "leaky_relu":
            return np.where(z >= 0, z, a * z)  # max(a*z, z) for 0 <= a < 1 (N35)
        if kind == "elu":
            return np.where(z >= 0, z, a * (np.exp(z) - 1))
        return z


def dg(kind, a, z):
    with np.errstate(all="ignore"):
        if kind == "sigmoid":
            s = sigmoid(z)
            return s * (1 - s)  # N38
        if kind == "tanh":
            return 1 - np.tanh(z) ** 2  # N39
        nan = np.isnan(z)
        if kind == "relu":
            d = np.where(z > 0, 1.0, 0.0)  # ReLU'(0) = 0 (ACT-6)
            if BREAK == "relu_derivative":
                d = np.where(z >= 0, 1.0, 0.0)
        elif kind == "leaky_relu":
            d = np.where(z > 0, 1.0, a)  # LeakyReLU'(0) = a (ACT-8)
        elif kind == "elu":
            d = np.where(z >= 0, 1.0, a * np.exp(z))  # ELU'(0) = 1 (ACT-10)
        else:
            d = np.ones_like(z)
        return np.where(nan, np.nan, d)


def hidden_activation(kind, a):
    """(kind, a) once its parameter is checked: a Leaky ReLU slope in [0, 1), a finite ELU alpha > 0."""
    if kind == "leaky_relu" and not (0 <= a < 1):
        raise SpecError("INVALID_ARGUMENT", "Leaky ReLU slope must be in [0, 1), found %r" % a)
    if kind == "elu" and not (a > 0 and math.isfinite(a)):
        raise SpecError("INVALID_ARGUMENT", "ELU alpha must be finite and > 0, found %r" % a)
    return kind, a


def activation(z, activation, parameter):
    return g(*hidden_activation(activation, parameter), z)


def activation_derivative(z, activation, parameter):
    return dg(*hidden_activation(activation, parameter), z)


def maxout_pieces(pieces):
    if pieces.ndim == 0 or pieces.shape[0] == 0:
        raise SpecError("EMPTY_INPUT", "maxout needs k >= 1 pieces along axis 0, found shape %s"
                        % shape_text(pieces.shape))
    return pieces


def maxout(pieces):
    return np.max(maxout_pieces(pieces), axis=0)


def maxout_derivative(pieces):
    pieces = maxout_pieces(pieces)
    winner = np.argmax(pieces, axis=0)  # first maximum on ties (ACT-11)
    d = (np.arange(pieces.shape[0]).reshape((-1,) + (1,) * (pieces.ndim - 1)) == winner).astype(np.float64)
    return np.where(np.isnan(pieces).any(axis=0), np.nan, d)


# ------------------------------------------------------------------ loss and cost

def check_labels(pred, y):
    if pred.shape != y.shape:
        # numpy would broadcast (1,m) against (m,1) to (m,m) without a word (E-10)
        raise SpecError("SHAPE_MISMATCH", "labels must have shape %s, found %s" % (shape_text(pred.shape),
                                                                                   shape_text(y.shape)))
    bad = ~((y == 0) | (y == 1))
    if bad.any():
        raise SpecError("INVALID_LABEL", "labels must be 0 or 1, found %r" % float(y[bad][0]))


def check_probabilities(a):
    if np.isnan(a).any():
        raise SpecError("NON_FINITE", "predictions must be finite, found NaN")
    if ((a < 0) | (a > 1)).any():
        raise SpecError("INVALID_LABEL", "predictions must be in [0, 1]")


def check_finite(name, a):
    if not np.isfinite(a).all():
        raise SpecError("NON_FINITE", "%s must be finite, found %r" % (name, float(a[~np.isfinite(a)][0])))


def loss(y_hat, y):
    check_labels(y_hat, y)
    check_probabilities(y_hat)
    with np.errstate(divide="ignore"):
        # only the term the label selects (LOSS-2): 0*log(0) would be NaN
        return np.where(y == 1, -np.log(y_hat), -np.log1p(-y_hat)) + 0.0


def loss_from_logits(z, y):
    check_labels(z, y)
    check_finite("logits", z)
    t = np.where(y == 1, -z, z)
    return np.maximum(t, 0) + np.log1p(np.exp(-np.abs(t)))


def mean_over_samples(losses, pred):
    if pred.ndim != 2:
        raise SpecError("SHAPE_MISMATCH", "predictions must be a matrix of shape (rows,columns), found %s"
                        % shape_text(pred.shape))
    if pred.shape[1] == 0:
        raise SpecError("EMPTY_INPUT", "m must be >= 1 samples (columns), found m = 0")
    return np.sum(losses) / pred.shape[1]


def cost(y_hat, y):
    mean_over_samples(np.zeros(0), y_hat)
    return mean_over_samples(loss(y_hat, y), y_hat)


def cost_from_logits(z, y):
    mean_over_samples(np.zeros(0), z)
    return mean_over_samples(loss_from_logits(z, y), z)


# ------------------------------------------------------------------ models: checks they share

def check_shape(name, a, shape):
    if a.shape != tuple(shape):
        raise SpecError("SHAPE_MISMATCH", "%s must have shape %s, found %s" % (name, shape_text(shape),
                                                                               shape_text(a.shape)))


def check_x(x):
    if x.ndim != 2:
        raise SpecError("SHAPE_MISMATCH", "X must be a matrix of shape (rows,columns), found %s" % shape_text(x.shape))
    if x.shape[1] == 0:
        raise SpecError("EMPTY_INPUT", "m must be >= 1 samples (columns), found m = 0")
    check_finite("X", x)
    return x.shape[1]


def check_y(y, rows, m):
    check_shape("Y", y, (rows, m))
    check_labels(y, y)


def check_rate(alpha):
    if not (alpha > 0 and math.isfinite(alpha)):
        raise SpecError("INVALID_ARGUMENT", "learning rate must be finite and > 0, found %r" % alpha)


def check_iterations(k):
    if k < 0:
        raise SpecError("INVALID_ARGUMENT", "iterations must be >= 0, found %d" % k)


# ------------------------------------------------------------------ logistic regression

def logits(w, b, x):
    check_x(x)
    check_shape("w", w, (x.shape[0], 1))
    check_finite("w", w)
    check_finite("b", np.array(b))
    return np.dot(w.T, x) + b


def gradients(w, b, x, y):
    m = x.shape[1]
    a = sigmoid(logits(w, b, x))
    check_y(y, 1, m)
    dz = a - y
    return np.dot(x, dz.T) / m, np.sum(dz) / m


def logistic_cost(w, b, x, y):
    z = logits(w, b, x)
    check_y(y, 1, x.shape[1])
    return cost_from_logits(z, y)


def gradient_step(w, b, dw, db, alpha):
    check_rate(alpha)
    check_shape("dw", dw, w.shape)
    check_finite("dw", dw)
    check_finite("db", np.array(db))
    return w - alpha * dw, b - alpha * db


def lr_forward(params, x):
    return sigmoid(logits(params["w"], params["b"], x))


def lr_cost(params, x, y):
    return logistic_cost(params["w"], params["b"], x, y)


def lr_backward(params, x, y):
    return gradients(params["w"], params["b"], x, y)


def lr_step(params, grads, learning_rate):
    return gradient_step(params["w"], params["b"], grads["dw"], grads["db"], learning_rate)


def lr_train(params, x, y, learning_rate, iterations):
    w, b, alpha, k = params["w"], params["b"], learning_rate, int(iterations)
    check_rate(alpha)
    check_iterations(k)
    costs = []
    for _ in range(k):
        costs.append(logistic_cost(w, b, x, y))
        dw, db = gradients(w, b, x, y)
        w, b = gradient_step(w, b, dw, db, alpha)
    costs.append(logistic_cost(w, b, x, y))
    return {"params.w": w, "params.b": b, "costs": np.array(costs)}


# ------------------------------------------------------------------ the two-layer network

NET_KEYS = ("w1", "b1", "w2", "b2")


def network_parameters(node):
    return {k: node[k] for k in NET_KEYS}


def check_network(P, nx):
    """W1 and W2 matrices, then W1 (n1, nx), b1 (n1, 1), W2 (n2, n1), b2 (n2, 1), then all finite."""
    for name in ("W1", "W2"):
        if P[name.lower()].ndim != 2:
            raise SpecError("SHAPE_MISMATCH", "%s must be a matrix of shape (rows,columns), found %s"
                            % (name, shape_text(P[name.lower()].shape)))
    n1, n2 = P["w1"].shape[0], P["w2"].shape[0]
    check_shape("W1", P["w1"], (n1, P["w1"].shape[1] if nx is None else nx))
    check_shape("b1", P["b1"], (n1, 1))
    check_shape("W2", P["w2"], (n2, n1))
    check_shape("b2", P["b2"], (n2, 1))
    for k in NET_KEYS:
        check_finite(k, P[k])


def check_net(P, x):
    m = check_x(x)
    check_network(P, x.shape[0])
    return m


def network_forward(P, x, kind, a):
    check_net(P, x)
    z1 = np.dot(P["w1"], x) + P["b1"]  # N44, with b[1] ...
    a1 = g(kind, a, z1)
    z2 = np.dot(P["w2"], a1) + P["b2"]  # ... and b[2]
    return {"z1": z1, "a1": a1, "z2": z2, "a2": sigmoid(z2)}


def network_backward(P, cache, x, y, kind, a):
    m = check_net(P, x)
    n1, n2 = P["w1"].shape[0], P["w2"].shape[0]
    for k, rows in (("z1", n1), ("a1", n1), ("z2", n2), ("a2", n2)):
        check_shape(k.upper(), cache[k], (rows, m))
    check_y(y, n2, m)
    dz2 = cache["a2"] - y  # N45
    dw2 = (1 / m) * np.dot(dz2, cache["a1"].T)  # N46
    db2 = (1 / m) * np.sum(dz2, axis=1, keepdims=BREAK != "db_no_keepdims")  # N47
    dz1 = np.dot(P["w2"].T, dz2) * dg(kind, a, cache["z1"])  # N48
    dw1 = (1 / m) * np.dot(dz1, x.T)  # N49
    db1 = (1 / m) * np.sum(dz1, axis=1, keepdims=True)  # N50
    return {"dw1": dw1, "db1": db1, "dw2": dw2, "db2": db2}


def network_step(P, G, alpha):
    check_rate(alpha)
    out = {}
    for k in NET_KEYS:
        check_shape("d" + k.upper() if k[0] == "w" else "d" + k, G["d" + k], P[k].shape)
        check_finite("d" + k, G["d" + k])
        out[k] = P[k] - alpha * G["d" + k]
    return out


def network_cost(P, x, y, kind, a):
    c = network_forward(P, x, kind, a)
    check_y(y, P["w2"].shape[0], x.shape[1])
    return cost_from_logits(c["z2"], y)


def prefixed(P):
    return {"params." + k: v for k, v in P.items()}


def net_initialize(nx, nh, ny, scale, seed):
    nx, nh, ny = int(nx), int(nh), int(ny)
    if min(nx, nh, ny) < 1:
        raise SpecError("INVALID_ARGUMENT", "layer sizes must be >= 1, found (%d, %d, %d)" % (nx, nh, ny))
    rng = np.random.default_rng(int(seed) & 0xFFFFFFFFFFFFFFFF)
    # N54, N57: W = randn * scale, b = zeros((n, 1)) -- a tuple, not np.zeros(n, 1) (E-12)
    return {"params.w1": rng.standard_normal((nh, nx)) * scale + 0.0, "params.b1": np.zeros((nh, 1)),
            "params.w2": rng.standard_normal((ny, nh)) * scale + 0.0, "params.b2": np.zeros((ny, 1))}


def net_forward(params, x, activation, parameter):
    P = network_parameters(params)
    return network_forward(P, x, *hidden_activation(activation, parameter))


def net_cost(params, x, y, activation, parameter):
    P = network_parameters(params)
    return network_cost(P, x, y, *hidden_activation(activation, parameter))


def net_backward(params, x, y, activation, parameter, cache=None):
    P = network_parameters(params)
    kind, a = hidden_activation(activation, parameter)
    if cache is None:
        cache = network_forward(P, x, kind, a)
    return network_backward(P, cache, x, y, kind, a)


def net_step(params, grads, learning_rate):
    P = network_parameters(params)
    return prefixed(network_step(P, {"d" + k: grads["d" + k] for k in NET_KEYS}, learning_rate))


def net_train(params, x, y, activation, parameter, learning_rate, iterations):
    P = network_parameters(params)
    kind, a = hidden_activation(activation, parameter)
    alpha, k = learning_rate, int(iterations)
    check_rate(alpha)
    check_iterations(k)
    costs = []
    for _ in range(k):
        c = network_forward(P, x, kind, a)
        costs.append(network_cost(P, x, y, kind, a))
        P = network_step(P, network_backward(P, c, x, y, kind, a), alpha)
    costs.append(network_cost(P, x, y, kind, a))
    out = prefixed(P)
    out["costs"] = np.array(costs)
    return out


def net_collapse(params):
    """NET-4: with a linear hidden layer, A2 = sigmoid(W X + b) for W = W2 W1 and b = W2 b1 + b2."""
    P = network_parameters(params)
    check_network(P, None)
    return {"w": np.dot(P["w2"], P["w1"]), "b": np.dot(P["w2"], P["b1"]) + P["b2"]}


def net_op(op, p, i):
    """The two-layer network's operation op, on the request's parameters p and inputs i.

    Every two-layer operation is served through this function (see main), so that a program can
    wrap it to break one of them: cli's GradcheckCommandTest imports this module, replaces net_op
    and calls main().
    """
    return globals()[op](**p, **i)


# ------------------------------------------------------------------ the L-layer network, as week 4 writes it

def deep_parameters(node):
    """{"w1": .., "b1": .., ..., "wL": .., "bL": ..} -> the course's dictionary {"W1": .., "b1": .., ...}."""
    L = len(node) // 2
    if L == 0 or sorted(node) != sorted(k + str(l) for l in range(1, L + 1) for k in ("w", "b")):
        raise SpecError("INVALID_ARGUMENT", "the parameters must be w1 ... wL and b1 ... bL for one L >= 1, found %s"
                        % sorted(node))
    parameters = {}
    for l in range(1, L + 1):
        parameters["W" + str(l)] = node["w" + str(l)]
        parameters["b" + str(l)] = node["b" + str(l)]
    return parameters


def check_deep(parameters, X):
    """X, then every W[l] a matrix, then W[l], b[l] layer by layer, then their values (SPEC DEEP-5)."""
    m = check_x(X)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        if parameters["W" + str(l)].ndim != 2:
            raise SpecError("SHAPE_MISMATCH", "W%d must be a matrix of shape (rows,columns), found %s"
                            % (l, shape_text(parameters["W" + str(l)].shape)))
    n_prev = X.shape[0]
    for l in range(1, L + 1):
        n = parameters["W" + str(l)].shape[0]
        check_shape("W" + str(l), parameters["W" + str(l)], (n, n_prev))
        check_shape("b" + str(l), parameters["b" + str(l)], (n, 1))
        n_prev = n
    for l in range(1, L + 1):
        check_finite("W" + str(l), parameters["W" + str(l)])
        check_finite("b" + str(l), parameters["b" + str(l)])
    return m


def L_model_forward(X, parameters, kind, a):
    """[LINEAR -> g] x (L-1) -> LINEAR -> SIGMOID; caches[l-1] = (A_prev, Z) of layer l."""
    check_deep(parameters, X)
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A_prev = A
        Z = np.dot(parameters["W" + str(l)], A_prev) + parameters["b" + str(l)]
        A = g(kind, a, Z) if l < L else sigmoid(Z)
        caches.append((A_prev, Z, A))
    return caches


def deep_forward_outputs(caches):
    out = {}
    for l, (_, Z, A) in enumerate(caches, start=1):
        out["z%d" % l], out["a%d" % l] = Z, A
    return out


def L_model_backward(parameters, cache, X, Y, kind, a):
    """From dZL = AL - Y down to layer 1. The course's week-4 code starts from
    dAL = -(Y/AL - (1-Y)/(1-AL)), which is 0/0 once AL rounds to 0 or 1 (SPEC DEEP-7): for a sigmoid
    output with cross-entropy dAL * sigma'(ZL) is exactly AL - Y, so we start there."""
    m = check_deep(parameters, X)
    L = len(parameters) // 2
    if len(cache) // 2 != L:
        raise SpecError("SHAPE_MISMATCH", "the cache must have %d layers (Z1 ... Z%d, A1 ... A%d), found %d"
                        % (L, L, L, len(cache) // 2))
    for l in range(1, L + 1):
        rows = parameters["W" + str(l)].shape[0]
        check_shape("Z" + str(l), cache["z" + str(l)], (rows, m))
        check_shape("A" + str(l), cache["a" + str(l)], (rows, m))
    check_y(Y, parameters["W" + str(L)].shape[0], m)
    grads = {}
    dZ = cache["a" + str(L)] - Y
    for l in reversed(range(1, L + 1)):
        A_prev = cache["a" + str(l - 1)] if l > 1 else X
        grads["dw" + str(l)] = (1 / m) * np.dot(dZ, A_prev.T)
        grads["db" + str(l)] = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            dA_prev = np.dot(parameters["W" + str(l)].T, dZ)
            dZ = dA_prev * dg(kind, a, cache["z" + str(l - 1)])
    return {k: grads[k] for l in range(1, L + 1) for k in ("dw" + str(l), "db" + str(l))}


def update_parameters(parameters, grads, alpha):
    check_rate(alpha)
    L = len(parameters) // 2
    if len(grads) // 2 != L:
        raise SpecError("SHAPE_MISMATCH", "the gradients must have %d layers (dW1 ... dW%d, db1 ... db%d), found %d"
                        % (L, L, L, len(grads) // 2))
    out = {}
    for l in range(1, L + 1):
        for name, key in (("W", "dw"), ("b", "db")):
            d = grads[key + str(l)]
            check_shape(("dW" if name == "W" else "db") + str(l), d, parameters[name + str(l)].shape)
            check_finite(("dW" if name == "W" else "db") + str(l), d)
            out[name + str(l)] = parameters[name + str(l)] - alpha * d
    return out


def compute_cost(AL_logits, Y):
    return cost_from_logits(AL_logits, Y)  # from ZL, so that it is finite (SPEC DEEP-3, LOSS-4)


def deep_network_cost(parameters, X, Y, kind, a):
    caches = L_model_forward(X, parameters, kind, a)
    ZL = caches[-1][1]
    check_y(Y, ZL.shape[0], X.shape[1])
    return compute_cost(ZL, Y)


def deep_out(parameters):
    L = len(parameters) // 2
    return {"params.%s%d" % (k, l): parameters[("W" if k == "w" else "b") + str(l)]
            for l in range(1, L + 1) for k in ("w", "b")}


def initialize_parameters_deep(layer_sizes, scale, seed):
    layer_dims = [int(n) for n in layer_sizes]
    if len(layer_dims) < 2:
        raise SpecError("INVALID_ARGUMENT", "layer sizes must be n[0], n[1], ..., n[L] with L >= 1, found %s"
                        % (tuple(layer_dims),))
    if min(layer_dims) < 1:
        raise SpecError("INVALID_ARGUMENT", "layer sizes must be >= 1, found %s" % (tuple(layer_dims),))
    rng = np.random.default_rng(int(seed) & 0xFFFFFFFFFFFFFFFF)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * scale + 0.0
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def deep_initialize(layer_sizes, scale, seed):
    return deep_out(initialize_parameters_deep(layer_sizes, scale, seed))


def deep_forward(params, x, activation, parameter):
    parameters = deep_parameters(params)
    return deep_forward_outputs(L_model_forward(x, parameters, *hidden_activation(activation, parameter)))


def deep_cost(params, x, y, activation, parameter):
    parameters = deep_parameters(params)
    return deep_network_cost(parameters, x, y, *hidden_activation(activation, parameter))


def deep_backward(params, x, y, activation, parameter, cache=None):
    parameters = deep_parameters(params)
    kind, a = hidden_activation(activation, parameter)
    if cache is None:
        cache = deep_forward_outputs(L_model_forward(x, parameters, kind, a))
    return L_model_backward(parameters, cache, x, y, kind, a)


def deep_step(params, grads, learning_rate):
    return deep_out(update_parameters(deep_parameters(params), grads, learning_rate))


def deep_train(params, x, y, activation, parameter, learning_rate, iterations):
    parameters = deep_parameters(params)
    kind, a = hidden_activation(activation, parameter)
    alpha, k = learning_rate, int(iterations)
    check_rate(alpha)
    check_iterations(k)
    costs = []
    for _ in range(k):
        cache = deep_forward_outputs(L_model_forward(x, parameters, kind, a))
        costs.append(deep_network_cost(parameters, x, y, kind, a))
        parameters = update_parameters(parameters, L_model_backward(parameters, cache, x, y, kind, a), alpha)
    costs.append(deep_network_cost(parameters, x, y, kind, a))
    out = deep_out(parameters)
    out["costs"] = np.array(costs)
    return out


# ------------------------------------------------------------------ serving

def through_net_op(op, **arguments):
    """Calls net_op (looked up now, so that a wrapper set after import is used) with op's parameters and inputs."""
    spec = OPERATIONS[op]
    return net_op(op, {k: v for k, v in arguments.items() if k in spec.params},
                  {k: v for k, v in arguments.items() if k in spec.inputs})


def operations():
    """{operation: function} as served: every function of this module named after an operation, the
    two-layer network's through net_op."""
    functions = operations_in(globals(), sum=total)
    for op in functions:
        if OPERATIONS[op].capability == "TWO_LAYER_NETWORK":
            functions[op] = functools.partial(through_net_op, op)
    return functions


def main(stdin=None, stdout=None):
    """Serves operations() until stdin ends; the capabilities in the protocol's order (the kit would sort them)."""
    from dlbasis_protocol import serve  # the kit's server (and its imports) only when serving

    functions = operations()
    if BREAK == "garbage_on_dot" and stdout is None:
        stdout = sys.stdout  # the garbage must reach the runner: print() writes to the answers' stream
    serve(name=NAME, functions=functions, capabilities=capabilities_of(functions), stdin=stdin, stdout=stdout)


if __name__ == "__main__":
    main()
