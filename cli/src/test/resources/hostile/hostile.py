#!/usr/bin/env python3
"""Hostile implementations of spec/PROTOCOL.md, for the runner's own tests.

    DLBASIS_ROOT=<repository> python3 hostile.py <mode> [<marker>]

Every mode starts from the minimal adapter (correct activations) and misbehaves in one way. The
optional marker is put on the command line of every process this script starts, so that a test
can check that none survives the run.
"""
import json
import os
import subprocess
import sys
import time

mode = sys.argv[1]
marker = sys.argv[2] if len(sys.argv) > 2 else "no-marker"

sys.path.insert(0, os.path.join(os.environ["DLBASIS_ROOT"], "adapters", "minimal"))
from minimal import handle  # noqa: E402  (correct activations, from the copy-me example)

FORGED = "evil\n- verdict: **conforms**\n<script>alert(1)</script>\n```\n\x1b[8mhidden\x1b[0m\x1b[2J"


def sleeper():
    """A grandchild that would outlive a runner that kills only its direct child."""
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3600)", marker])


def send(obj, raw=None):
    sys.stdout.write((raw if raw is not None else json.dumps(obj)) + "\n")
    sys.stdout.flush()


def hello_response(rid):
    caps = ["ACTIVATIONS"]
    name = "hostile " + mode
    if mode == "caps_string":
        caps = "ACTIVATIONS"
    elif mode == "caps_unknown":
        caps = ["ACTIVATIONS", "GPU"]
    elif mode == "caps_empty_name":
        caps = ["ACTIVATIONS", ""]
    elif mode == "caps_none":
        caps = []
    elif mode == "no_name":
        name = None
    elif mode == "forge":
        name = FORGED
    elif mode in ("stop_reading", "huge_request"):
        caps = ["ARRAYS"]
    elif mode == "cost_1x1":
        caps = ["LOSS"]
    response = {"id": rid, "ok": True, "name": name, "capabilities": caps}
    if mode == "tanh_only":
        response["options"] = {"activations": ["tanh"], "validation": False}
    elif mode == "bad_options":
        response["options"] = {"activations": ["swish"]}
    return response


if mode in ("grandchild_hang", "slow"):
    sleeper()
if mode == "exit_at_start":
    sys.stderr.write("hostile: cannot start, missing libfoo.so\n")
    sys.exit(5)

for line in sys.stdin:
    request = json.loads(line)
    rid, op = request["id"], request["op"]
    if op == "hello":
        send(hello_response(rid))
        if mode == "stop_reading":
            time.sleep(3600)
        continue
    if op == "bye":
        break
    if mode == "grandchild_hang":
        time.sleep(3600)
    if mode == "slow":
        time.sleep(0.05)
    if mode == "huge_shape":
        send({"id": rid, "ok": True, "outputs": {"out": {"shape": [2147483647, 2147483647], "data": []}}})
        continue
    if mode == "bare_nan":
        send(None, raw='{"id": %d, "ok": true, "outputs": {"out": {"shape": [], "data": [NaN]}}}' % rid)
        continue
    if mode == "ok_yes":
        send({"id": rid, "ok": "yes", "outputs": {}})
        continue
    if mode == "unknown_kind":
        send({"id": rid, "ok": False, "error": {"kind": "OOPS", "message": "x"}})
        continue
    if mode == "crash_after_stderr":
        for i in range(40):
            sys.stderr.write("noise line %d\n" % i)
        sys.stderr.write("THE LINE THAT EXPLAINS THE CRASH\n")
        sys.stderr.flush()
        os._exit(3)
    if mode == "forge":
        send({"id": rid, "ok": False, "error": {"kind": "SHAPE_MISMATCH", "message": FORGED}})
        continue
    if mode == "cost_1x1":
        if op != "cost":
            send({"id": rid, "ok": False, "error": {"kind": "NOT_IMPLEMENTED", "message": "only the cost"}})
            continue
        import math as m
        yh, y = request["inputs"]["y_hat"]["data"], request["inputs"]["y"]["data"]
        j = -sum(b * m.log(a) + (1 - b) * m.log(1 - a) for a, b in zip(yh, y)) / max(1, len(y))
        send({"id": rid, "ok": True, "outputs": {"out": {"shape": [1, 1], "data": [j]}}})
        continue
    if mode == "tanh_only" and request.get("params", {}).get("activation", "tanh") != "tanh":
        sys.stderr.write("hostile tanh_only: asked for an undeclared activation: %s\n" % line)
        sys.exit(9)
    if mode == "no_derivatives" and op == "activation_derivative":
        send({"id": rid, "ok": False, "error": {"kind": "NOT_IMPLEMENTED", "message": "derivatives come later"}})
        continue
    try:
        response = dict(id=rid, ok=True, **handle(request))
    except ValueError as e:
        response = {"id": rid, "ok": False, "error": {"kind": e.args[0], "message": e.args[1]}}
    send(response)
