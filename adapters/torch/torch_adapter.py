#!/usr/bin/env python3
"""PyTorch (float64, CPU) as an implementation of dlbasis, through the dlbasis_protocol kit.

    ./dlbasis conform --impl cmd:'python3 adapters/torch/torch_adapter.py'

Written the way a PyTorch user writes these things: torch operations, autograd for every
derivative and backward pass, torch.nn.functional's binary cross-entropy (on probabilities for
`loss`/`cost`, with logits for the models), torch.optim.SGD for steps and training, and a
torch.Generator for initialisation. Where torch's conventions differ from the spec's, the
adapter keeps torch's, so that the conformance report shows them:
  * costs are torch's default reduction="mean": the mean over all n[L]·m outputs, where the spec
    (the note) divides the sum by m -- the same for one output unit, 1/n[L] of it for more;
  * binary_cross_entropy clamps log at -100, so L(y_hat=0, y=1) = 100, not +infinity;
  * autograd's derivative of ELU at 0 is alpha (the spec's ELU'(0) is 1);
  * SGD's step is one fused multiply-add on the CPU (theta - alpha*g rounded once);
  * torch's own error texts (for the few inputs torch itself rejects) are not numpy's.
torch does not validate input the spec's way (NaN passes through, labels are not checked), so
"validation" is not declared. torch is optional: without it this program says so and exits 2.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
try:
    import torch
    import torch.nn.functional as F
except ImportError:  # torch is not a dependency of dlbasis
    sys.stderr.write("torch_adapter: PyTorch is not installed (pip install torch); nothing to serve\n")
    sys.exit(2)

import numpy as np  # noqa: E402

from dlbasis_protocol import SpecError, serve  # noqa: E402

torch.set_default_dtype(torch.float64)
NAME = "PyTorch %s float64 (adapters/torch)" % torch.__version__


def T(a, grad=False):
    """A float64 tensor from the kit's numpy array (or a float)."""
    t = torch.from_numpy(np.array(a, dtype=np.float64))
    return t.requires_grad_() if grad else t


def torch_errors(f):
    """torch's own rejections as the spec's kinds, with torch's texts."""
    def call(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except (RuntimeError, IndexError, ValueError) as e:
            text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            if isinstance(e, IndexError) and "Dimension out of range" in text:
                raise SpecError("AXIS_OUT_OF_BOUNDS", text)
            if "only one dimension can be inferred" in text or "invalid shape dimension" in text:
                raise SpecError("INVALID_ARGUMENT", text)
            if "Expected reduction dim" in text and "non-zero size" in text:
                raise SpecError("EMPTY_INPUT", text)
            if any(s in text for s in ("must match the size", "cannot be multiplied", "is invalid for input of size",
                                       "inconsistent tensor size", "size mismatch", "target size", "Expected size",
                                       "should be the same")):
                raise SpecError("SHAPE_MISMATCH", text)
            raise
    call.__signature__ = __import__("inspect").signature(f)
    return call


# ------------------------------------------------------------------ arrays

def reversed_axes(a):
    return a.permute(*reversed(range(a.dim()))) if a.dim() > 1 else a


def dot(a, b):
    a, b = T(a), T(b)
    if a.dim() > 2 or b.dim() > 2:
        raise SpecError("INVALID_ARGUMENT", "dot is specified for operands of rank <= 2, found shapes %s and %s"
                        % (tuple(a.shape), tuple(b.shape)))
    return a * b if a.dim() == 0 or b.dim() == 0 else torch.matmul(a, b)


def total(a, axis, keepdims):
    a = T(a)
    if axis is None:
        return a.sum(dim=tuple(range(a.dim())), keepdim=True) if keepdims and a.dim() > 0 else a.sum()
    return a.sum(dim=axis, keepdim=keepdims)


ARRAYS = {
    "add": lambda a, b: torch.add(T(a), T(b)),
    "subtract": lambda a, b: torch.sub(T(a), T(b)),
    "multiply": lambda a, b: torch.mul(T(a), T(b)),
    "divide": lambda a, b: torch.div(T(a), T(b)),
    "maximum": lambda a, b: torch.maximum(T(a), T(b)),
    "greater": lambda a, b: torch.gt(T(a), T(b)),
    "exp": lambda a: torch.exp(T(a)),
    "log": lambda a: torch.log(T(a)),
    "transpose": lambda a: reversed_axes(T(a)),
    "dot": dot,
    "sum": total,
    "reshape": lambda a, dims: torch.reshape(T(a), tuple(dims)),
}


# ------------------------------------------------------------------ activations (derivatives by autograd)

def g(activation, parameter):
    return {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
            "leaky_relu": lambda z: F.leaky_relu(z, parameter), "elu": lambda z: F.elu(z, parameter),
            "linear": lambda z: z}[activation]


def derivative(f, z):
    z = T(z, grad=True)
    out = f(z)
    (dz,) = torch.autograd.grad(out, z, grad_outputs=torch.ones_like(out), allow_unused=True)
    return torch.ones_like(z) if dz is None else dz  # the identity: autograd passes the gradient straight


def maxout_pieces(pieces):
    if pieces.ndim == 0:
        raise SpecError("EMPTY_INPUT", "maxout needs pieces of shape (k, ...), found a 0-d array")
    return pieces


ACTIVATIONS = {
    "activation": lambda activation, parameter, z: g(activation, parameter)(T(z)),
    "activation_derivative": lambda activation, parameter, z: derivative(g(activation, parameter), z),
    "maxout": lambda pieces: torch.max(T(maxout_pieces(pieces)), dim=0).values,
    "maxout_derivative": lambda pieces: derivative(lambda p: torch.max(p, dim=0).values, maxout_pieces(pieces)),
}


# ------------------------------------------------------------------ loss and cost: torch.nn.functional

def cost_of(value, y, from_logits):
    if value.dim() != 2:
        raise SpecError("SHAPE_MISMATCH", "predictions must be a matrix of shape (rows,columns), found %s"
                        % (tuple(value.shape),))
    if value.shape[1] == 0:
        raise SpecError("EMPTY_INPUT", "m must be >= 1 samples (columns), found m = 0")
    bce = F.binary_cross_entropy_with_logits if from_logits else F.binary_cross_entropy
    return bce(value, y)  # reduction="mean": over all n[L]·m entries


LOSS = {
    "loss": lambda y_hat, y: F.binary_cross_entropy(T(y_hat), T(y), reduction="none"),
    "loss_from_logits": lambda z, y: F.binary_cross_entropy_with_logits(T(z), T(y), reduction="none"),
    "cost": lambda y_hat, y: cost_of(T(y_hat), T(y), False),
    "cost_from_logits": lambda z, y: cost_of(T(z), T(y), True),
}


# ------------------------------------------------------------------ models: autograd and torch.optim.SGD

def lr_parameters(params):
    return [T(params["w"], grad=True), T(params["b"], grad=True)]


def lr_logits(P, x):
    w, b = P
    return w.T @ x + b


def sgd(P, grads, learning_rate):
    opt = torch.optim.SGD(P, lr=learning_rate)
    for p, d in zip(P, grads):
        p.grad = T(d)
    opt.step()
    return P


def fit(P, cost, learning_rate, iterations):
    """torch's training loop: zero_grad, cost, backward, step; the costs before each step and after the last."""
    opt, costs = torch.optim.SGD(P, lr=learning_rate), []
    for _ in range(iterations):
        opt.zero_grad()
        j = cost(P)
        costs.append(j.item())
        j.backward()
        opt.step()
    with torch.no_grad():
        costs.append(cost(P).item())
    return torch.tensor(costs)


def gradients(P, cost):
    cost(P).backward()
    return [p.grad for p in P]


def layer_names(params):
    return ["%s%d" % (k, l) for l in range(1, len(params) // 2 + 1) for k in ("w", "b")]


def net_parameters(params):
    return [T(params[k], grad=True) for k in layer_names(params)]


def net_forward(P, x, activation, parameter):
    """[LINEAR -> g] x (L-1) -> LINEAR -> SIGMOID; Z[l], A[l] for every layer."""
    f, a, out = g(activation, parameter), T(x), {}
    layers = len(P) // 2
    for l in range(1, layers + 1):
        z = P[2 * l - 2] @ a + P[2 * l - 1]
        a = torch.sigmoid(z) if l == layers else f(z)
        out["z%d" % l], out["a%d" % l] = z, a
    return out


def net_cost(P, x, y, activation, parameter):
    z = net_forward(P, x, activation, parameter)["z%d" % (len(P) // 2)]
    return F.binary_cross_entropy_with_logits(z, T(y))


def named(prefix, params, tensors):
    return {prefix + k: t for k, t in zip(layer_names(params), tensors)}


def initialize(sizes, scale, seed):
    generator = torch.Generator().manual_seed(seed % 2 ** 64)
    out = {}
    for l in range(1, len(sizes)):
        out["w%d" % l] = torch.empty(sizes[l], sizes[l - 1]).normal_(0.0, scale, generator=generator)
        out["b%d" % l] = torch.zeros(sizes[l], 1)
    return {"params": out}


def network_operations(prefix):
    def cost(params, x, y, activation, parameter):
        return net_cost(net_parameters(params), x, y, activation, parameter)

    def forward(params, x, activation, parameter):
        return net_forward(net_parameters(params), x, activation, parameter)

    def backward(params, x, y, activation, parameter):  # autograd recomputes the forward pass; cache unused
        P = net_parameters(params)
        return named("d", params, gradients(P, lambda P: net_cost(P, x, y, activation, parameter)))

    def step(params, grads, learning_rate):
        P = net_parameters(params)
        return {"params": named("", params, sgd(P, [grads["d" + k] for k in layer_names(params)], learning_rate))}

    def train(params, x, y, activation, parameter, learning_rate, iterations):
        P = net_parameters(params)
        costs = fit(P, lambda P: net_cost(P, x, y, activation, parameter), learning_rate, iterations)
        return {"params": named("", params, P), "costs": costs}

    return {prefix + "forward": forward, prefix + "cost": cost, prefix + "backward": backward,
            prefix + "step": step, prefix + "train": train}


MODELS = {
    "lr_forward": lambda params, x: torch.sigmoid(lr_logits(lr_parameters(params), T(x))),
    "lr_cost": lambda params, x, y: F.binary_cross_entropy_with_logits(lr_logits(lr_parameters(params), T(x)), T(y)),
    "lr_backward": lambda params, x, y: tuple(gradients(lr_parameters(params), lambda P: (
        F.binary_cross_entropy_with_logits(lr_logits(P, T(x)), T(y))))),
    "lr_step": lambda params, grads, learning_rate: {"params": dict(zip(("w", "b"), sgd(
        lr_parameters(params), [grads["dw"], grads["db"]], learning_rate)))},
    "lr_train": lambda params, x, y, learning_rate, iterations: (lambda P: {
        "params": dict(zip(("w", "b"), P)), "costs": fit(P, lambda P: F.binary_cross_entropy_with_logits(
            lr_logits(P, T(x)), T(y)), learning_rate, iterations)})(lr_parameters(params)),
    "net_initialize": lambda nx, nh, ny, scale, seed: initialize([nx, nh, ny], scale, seed),
    "deep_initialize": lambda layer_sizes, scale, seed: initialize(layer_sizes, scale, seed),
}
MODELS.update(network_operations("net_"))
MODELS.update(network_operations("deep_"))

if __name__ == "__main__":
    serve(name=NAME, options={"validation": False},
          functions={op: torch_errors(f) for op, f in {**ARRAYS, **ACTIVATIONS, **LOSS, **MODELS}.items()})
