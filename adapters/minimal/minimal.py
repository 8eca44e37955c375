#!/usr/bin/env python3
"""The smallest useful implementation of spec/PROTOCOL.md: the ACTIVATIONS capability in plain
Python (no numpy). Everything else is reported as "not implemented".

    ./dlbasis conform --impl cmd:'python3 adapters/minimal/minimal.py'
"""
import json
import math
import sys


def num(v):  # JSON -> float
    return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}.get(v, v) if isinstance(v, str) else float(v)


def enc(v):  # float -> JSON
    return "NaN" if math.isnan(v) else ("Infinity" if v == math.inf else ("-Infinity" if v == -math.inf else v))


def sigmoid(z):
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z) if z > -math.inf else 0.0
    return e / (1 + e) if not math.isnan(z) else z


def value(kind, a, z):
    if math.isnan(z):
        return z
    if kind == "sigmoid":
        return sigmoid(z)
    if kind == "tanh":
        return math.tanh(z)
    if kind == "relu":
        return max(0.0, z)
    if kind == "leaky_relu":
        return z if z >= 0 else a * z
    if kind == "elu":
        return z if z >= 0 else a * math.expm1(z)
    return z


def derivative(kind, a, z):
    if math.isnan(z):
        return z
    if kind == "sigmoid":
        return sigmoid(z) * sigmoid(-z)
    if kind == "tanh":
        if abs(z) < 0.55:  # 4t/(1+t)^2 rounds above 1 for tiny z; 1 - tanh^2 cannot cancel here
            return 1 - math.tanh(z) ** 2
        t = math.exp(-2 * abs(z))
        return 4 * t / (1 + t) ** 2
    if kind == "relu":
        return 1.0 if z > 0 else 0.0
    if kind == "leaky_relu":
        return 1.0 if z > 0 else a
    if kind == "elu":
        return 1.0 if z >= 0 else a * math.exp(z)
    return 1.0


def maxout(pieces, grad):
    shape, data = pieces["shape"], [num(v) for v in pieces["data"]]
    if not shape or shape[0] == 0:
        raise ValueError("EMPTY_INPUT", "maxout needs k >= 1 pieces along axis 0, found shape %s" % shape)
    k, n = shape[0], len(data) // shape[0]
    out = [0.0] * (len(data) if grad else n)
    for j in range(n):
        column = [data[i * n + j] for i in range(k)]
        w = next((i for i, v in enumerate(column) if math.isnan(v)), None)
        if w is None:
            w = max(range(k), key=lambda i: (column[i], -i))  # the first maximum wins a tie
        if grad:
            for i in range(k):
                out[i * n + j] = math.nan if math.isnan(column[w]) else float(i == w)
        else:
            out[j] = column[w]
    return {"shape": shape if grad else shape[1:], "data": [enc(v) for v in out]}


def handle(req):
    op, p, i = req["op"], req.get("params", {}), req.get("inputs", {})
    if op == "hello":
        return {"name": "minimal (pure Python)", "capabilities": ["ACTIVATIONS"]}
    if op in ("activation", "activation_derivative"):
        f = value if op == "activation" else derivative
        z = i["z"]
        out = [enc(f(p["activation"], num(p["parameter"]), num(v))) for v in z["data"]]
        return {"outputs": {"out": {"shape": z["shape"], "data": out}}}
    if op in ("maxout", "maxout_derivative"):
        return {"outputs": {"out": maxout(i["pieces"], op == "maxout_derivative")}}
    return {}


def main():
    for line in sys.stdin:
        request = json.loads(line)
        try:
            response = dict(id=request["id"], ok=True, **handle(request))
        except ValueError as e:
            response = {"id": request["id"], "ok": False, "error": {"kind": e.args[0], "message": e.args[1]}}
        print(json.dumps(response), flush=True)


if __name__ == "__main__":
    main()
