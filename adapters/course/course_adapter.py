#!/usr/bin/env python3
"""Serves course_functions.py through the dlbasis_protocol kit, unchanged: only glue here.

    ./dlbasis conform --impl cmd:'python3 adapters/course/course_adapter.py'
    DLBASIS_COURSE_BREAK=saturation ./dlbasis conform --impl cmd:'python3 adapters/course/course_adapter.py'

Week 3's network has a tanh hidden layer; week 4's helpers build ReLU layers (for L = 2 that is
the course's two_layer_model): so the two-layer network takes tanh and ReLU, the deep one ReLU.
"""
import os
import sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [here, os.path.join(here, "..", "python")]
import course_functions as c  # noqa: E402
from dlbasis_protocol import serve  # noqa: E402

up = lambda d: {k.replace("w", "W").replace("z", "Z").replace("a", "A"): v for k, v in d.items()}  # noqa: E731
down = lambda d: {k.lower(): v for k, v in d.items() if not k.startswith("dA")}  # noqa: E731


class Week3:  # forward_propagation, compute_cost, backward_propagation, update_parameters (tanh)
    @staticmethod
    def forward(x, P):
        A2, cache = c.forward_propagation(x, P)
        return A2, down(cache)
    cost = staticmethod(lambda AL, y, cache: c.compute_cost(AL, y, cache["z2"]))
    update = staticmethod(c.update_parameters)
    backward = staticmethod(lambda P, cache, x, y: c.backward_propagation(P, up(cache), x, y))


class Week4:  # L_model_forward, compute_cost, L_model_backward, update_parameters (ReLU)
    @staticmethod
    def forward(x, P):
        AL, caches = c.L_model_forward(x, P)
        a = [linear[0] for linear, _ in caches[1:]] + [AL]  # A[l] is layer l+1's A_prev
        return AL, {"%s%d" % (k, l): v for l, (z, al) in enumerate(zip([z for _, z in caches], a), 1)
                    for k, v in (("z", z), ("a", al))}
    cost = staticmethod(lambda AL, y, cache: c.compute_cost_deep(AL, y, cache["z%d" % (len(cache) // 2)]))
    update = staticmethod(c.update_parameters_deep)
    backward = staticmethod(lambda P, cache, x, y: c.L_model_backward(cache["a%d" % (len(P) // 2)], y, [
        ((x if l == 1 else cache["a%d" % (l - 1)], P["W%d" % l], P["b%d" % l]), cache["z%d" % l])
        for l in range(1, len(P) // 2 + 1)]))


def week(activation, deep):
    if activation == "relu":
        return Week4
    if activation == "tanh" and not deep:
        return Week3
    raise NotImplementedError("the course's %s network has no %s hidden layer" % ("week-4" if deep else "week-3",
                                                                                 activation))


def train(params, x, y, activation, learning_rate, iterations, deep):  # nn_model / L_layer_model, from params
    W, P, costs = week(activation, deep), up(params), []
    for _ in range(iterations):
        AL, cache = W.forward(x, P)
        costs.append(W.cost(AL, y, cache))
        P = W.update(P, W.backward(P, cache, x, y), learning_rate)
    return {"params": down(P), "costs": np.array(costs + [cost(W, P, x, y)])}


def cost(W, P, x, y):  # the course's forward and compute_cost, given the logits in the cache
    AL, cache = W.forward(x, P)
    return W.cost(AL, y, cache)


def lr_train(params, x, y, learning_rate, iterations):  # optimize, one iteration at a time to see every cost
    w, b, costs = params["w"], params["b"], []
    for _ in range(iterations):
        p, _, cost = c.optimize(w, b, x, y, num_iterations=1, learning_rate=learning_rate)
        w, b, costs = p["w"], p["b"], costs + cost
    return {"params": {"w": w, "b": b}, "costs": np.array(costs + [c.propagate(w, b, x, y)[1]])}


functions = {
    "lr_forward": lambda params, x: c.sigmoid(np.dot(params["w"].T, x) + params["b"]),
    "lr_cost": lambda params, x, y: c.propagate(params["w"], params["b"], x, y)[1],
    "lr_backward": lambda params, x, y: c.propagate(params["w"], params["b"], x, y)[0],
    "lr_train": lr_train,
    "net_initialize": lambda nx, nh, ny: {"params": down(c.initialize_parameters(nx, nh, ny))},
    "deep_initialize": lambda layer_sizes: {"params": down(c.initialize_parameters_deep(layer_sizes))},
    "net_step": lambda params, grads, learning_rate: {"params": down(Week3.update(up(params), up(grads), learning_rate))},
    "deep_step": lambda params, grads, learning_rate: {"params": down(Week4.update(up(params), up(grads), learning_rate))},
}
for prefix, deep in (("net_", False), ("deep_", True)):
    functions.update({
        prefix + "forward": lambda params, x, activation, deep=deep: week(activation, deep).forward(x, up(params))[1],
        prefix + "cost": lambda params, x, y, activation, deep=deep: cost(week(activation, deep), up(params), x, y),
        prefix + "backward": lambda params, cache, x, y, activation, deep=deep: down(
            week(activation, deep).backward(up(params), cache, x, y)),
        prefix + "train": lambda params, x, y, activation, learning_rate, iterations, deep=deep: train(
            params, x, y, activation, learning_rate, iterations, deep),
    })

serve(name="course-style functions (adapters/course)", functions=functions, options={
    "activations": ["tanh", "relu"], "deep_activations": ["relu"], "max_output_units": 1, "init_scale": 0.01, "init_seed": False,
    "validation": False})
