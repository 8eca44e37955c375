"""The operations of spec/PROTOCOL.md, once on the Python side: OPERATIONS and ways to name them.

OPERATIONS is the kit's table (a Java test compares it field by field with the Java catalogue);
everything else in Python takes the operations' names from it instead of spelling them again:

* operations_in(namespace): the functions of a module (or a class, or globals()) that are named
  after an operation, as serve()'s functions: def net_backward(params, x, y, cache, ...) is
  net_backward;
* op.net_backward == "net_backward": a name written as an attribute, so that a misspelt one is an
  AttributeError at once instead of a case or request nobody reads (golden-data/generate.py).

Needs nothing but the standard library.
"""

#: The hidden activations of the protocol.
ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "linear")


class Op:
    """One operation of spec/PROTOCOL.md: its capability, parameters, inputs and outputs.

    The deep network's outputs are per layer: layers names the prefixes numbered 1 ... L
    (params.w1 ... params.wL), outputs the names that are not.
    """

    def __init__(self, capability, params, inputs, outputs, layers=()):
        self.capability, self.params, self.inputs, self.outputs = capability, params, inputs, outputs
        self.layers = layers

    @property
    def arguments(self):
        return self.params + self.inputs


_ACT = ("activation", "parameter")
_NET = ("params.w1", "params.b1", "params.w2", "params.b2")

#: Every operation of the protocol, by wire name.
OPERATIONS = {}
for _name in ("add", "subtract", "multiply", "divide", "maximum", "greater", "dot"):
    OPERATIONS[_name] = Op("ARRAYS", (), ("a", "b"), ("out",))
for _name in ("exp", "log", "transpose"):
    OPERATIONS[_name] = Op("ARRAYS", (), ("a",), ("out",))
OPERATIONS["sum"] = Op("ARRAYS", ("axis", "keepdims"), ("a",), ("out",))
OPERATIONS["reshape"] = Op("ARRAYS", ("dims",), ("a",), ("out",))
OPERATIONS["activation"] = Op("ACTIVATIONS", _ACT, ("z",), ("out",))
OPERATIONS["activation_derivative"] = Op("ACTIVATIONS", _ACT, ("z",), ("out",))
OPERATIONS["maxout"] = Op("ACTIVATIONS", (), ("pieces",), ("out",))
OPERATIONS["maxout_derivative"] = Op("ACTIVATIONS", (), ("pieces",), ("out",))
OPERATIONS["loss"] = Op("LOSS", (), ("y_hat", "y"), ("out",))
OPERATIONS["cost"] = Op("LOSS", (), ("y_hat", "y"), ("out",))
OPERATIONS["loss_from_logits"] = Op("LOSS", (), ("z", "y"), ("out",))
OPERATIONS["cost_from_logits"] = Op("LOSS", (), ("z", "y"), ("out",))
OPERATIONS["lr_forward"] = Op("LOGISTIC_REGRESSION", (), ("params", "x"), ("out",))
OPERATIONS["lr_cost"] = Op("LOGISTIC_REGRESSION", (), ("params", "x", "y"), ("out",))
OPERATIONS["lr_backward"] = Op("LOGISTIC_REGRESSION", (), ("params", "x", "y"), ("dw", "db"))
OPERATIONS["lr_step"] = Op("LOGISTIC_REGRESSION", ("learning_rate",), ("params", "grads"), ("params.w", "params.b"))
OPERATIONS["lr_train"] = Op("LOGISTIC_REGRESSION", ("learning_rate", "iterations"), ("params", "x", "y"),
                            ("params.w", "params.b", "costs"))
OPERATIONS["net_initialize"] = Op("TWO_LAYER_NETWORK", ("nx", "nh", "ny", "scale", "seed"), (), _NET)
OPERATIONS["net_forward"] = Op("TWO_LAYER_NETWORK", _ACT, ("params", "x"), ("z1", "a1", "z2", "a2"))
OPERATIONS["net_cost"] = Op("TWO_LAYER_NETWORK", _ACT, ("params", "x", "y"), ("out",))
OPERATIONS["net_backward"] = Op("TWO_LAYER_NETWORK", _ACT, ("params", "x", "y", "cache"), ("dw1", "db1", "dw2", "db2"))
OPERATIONS["net_step"] = Op("TWO_LAYER_NETWORK", ("learning_rate",), ("params", "grads"), _NET)
OPERATIONS["net_train"] = Op("TWO_LAYER_NETWORK", _ACT + ("learning_rate", "iterations"), ("params", "x", "y"),
                             _NET + ("costs",))
# NET-4: with a linear hidden layer the network is one affine map, W = W2·W1 (n2, n0), b = W2·b1 + b2 (n2, 1)
OPERATIONS["net_collapse"] = Op("TWO_LAYER_NETWORK", (), ("params",), ("w", "b"))

_DEEP_PARAMS = ("params.w", "params.b")
OPERATIONS["deep_initialize"] = Op("DEEP_NETWORK", ("layer_sizes", "scale", "seed"), (), (), _DEEP_PARAMS)
OPERATIONS["deep_forward"] = Op("DEEP_NETWORK", _ACT, ("params", "x"), (), ("z", "a"))
OPERATIONS["deep_cost"] = Op("DEEP_NETWORK", _ACT, ("params", "x", "y"), ("out",))
OPERATIONS["deep_backward"] = Op("DEEP_NETWORK", _ACT, ("params", "x", "y", "cache"), (), ("dw", "db"))
OPERATIONS["deep_step"] = Op("DEEP_NETWORK", ("learning_rate",), ("params", "grads"), (), _DEEP_PARAMS)
OPERATIONS["deep_train"] = Op("DEEP_NETWORK", _ACT + ("learning_rate", "iterations"), ("params", "x", "y"),
                              ("costs",), _DEEP_PARAMS)

#: Parameters that are doubles on the wire (a number or "NaN", "Infinity", "-Infinity").
DOUBLE_PARAMS = {"parameter", "learning_rate", "scale"}

#: For each model capability, its operation that takes one step with given gradients.
STEP_OPERATIONS = {"LOGISTIC_REGRESSION": "lr_step", "TWO_LAYER_NETWORK": "net_step", "DEEP_NETWORK": "deep_step"}


def capabilities_of(operations):
    """The capabilities of some operations, in the protocol's order (ARRAYS, ACTIVATIONS, LOSS, ...)."""
    found = {OPERATIONS[name].capability for name in operations}
    return list(dict.fromkeys(spec.capability for spec in OPERATIONS.values() if spec.capability in found))


def operations_in(namespace, **more):
    """{operation: function} for every callable of namespace named after an operation, and more.

    namespace: a module, a class (its attributes) or a dict such as globals(). more: operations
    whose function has another name (sum=total, where def sum would hide the builtin); each
    keyword must be an operation's name. Anything else in namespace is left alone.
    """
    members = namespace if isinstance(namespace, dict) else {n: getattr(namespace, n) for n in dir(namespace)}
    found = {name: members[name] for name in OPERATIONS if callable(members.get(name))}
    for name, f in more.items():
        if name not in OPERATIONS:
            raise ValueError("operations_in(%s=...): %r is not an operation; the operations are %s"
                             % (name, name, ", ".join(OPERATIONS)))
        found[name] = f
    return found


class _Names:
    """op.<name> is "<name>" for every operation of OPERATIONS, and an AttributeError otherwise."""

    def __getattr__(self, name):
        if name not in OPERATIONS:
            raise AttributeError("%r is not an operation; the operations are %s" % (name, ", ".join(OPERATIONS)))
        return name

    def __dir__(self):
        return list(OPERATIONS)


#: The operations' names as attributes: op.net_backward == "net_backward".
op = _Names()
