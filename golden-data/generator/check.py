"""--check: whether the committed golden files hold the values a fresh regeneration computes.

VALUES, not bytes: the same cases in the same order and every field equal (numbers bit for bit,
-0.0 included), except the header's provenance.numpy, which only records the numpy that wrote
the file. A difference is reported as the first differing case of the file.
"""
import json
import math
import re


def same_number(a, b):
    """Bit for bit: the same type (integer or float) and the same value, -0.0 and 0.0 distinct."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    return a == b


def first_difference(committed, fresh, path):
    """(path, committed value, regenerated value) of the first difference, or None."""
    if isinstance(fresh, dict):
        if not isinstance(committed, dict):
            return path, committed, fresh
        for key in fresh:
            if key not in committed:
                return "%s.%s" % (path, key) if path else key, "(missing)", fresh[key]
            found = first_difference(committed[key], fresh[key], "%s.%s" % (path, key) if path else key)
            if found:
                return found
        for key in committed:
            if key not in fresh:
                return "%s.%s" % (path, key) if path else key, committed[key], "(missing)"
        return None
    if isinstance(fresh, list):
        if not isinstance(committed, list):
            return path, committed, fresh
        for i, (c, f) in enumerate(zip(committed, fresh)):
            found = first_difference(c, f, "%s[%d]" % (path, i))
            if found:
                return found
        if len(committed) != len(fresh):
            return path + " (length)", len(committed), len(fresh)
        return None
    if isinstance(fresh, (int, float)) and not isinstance(fresh, bool):
        return None if same_number(committed, fresh) else (path, committed, fresh)
    return None if (type(committed) is type(fresh) and committed == fresh) else (path, committed, fresh)


def show(v):
    return json.dumps(v, ensure_ascii=False) if not isinstance(v, float) else repr(v)


def reject_constant(token):
    raise ValueError("bare %s (the format writes \"NaN\", \"Infinity\", \"-Infinity\" as strings)" % token)


def compare(name, text, fresh):
    """None if the committed document `text` holds the same values as `fresh` (its header's numpy
    version aside); else one line naming the first differing case."""
    if text is None:
        return "%s: missing" % name
    try:
        committed = json.loads(text, parse_constant=reject_constant)
    except ValueError as e:
        return "%s: not valid JSON: %s" % (name, e)
    if not isinstance(committed, dict):
        return "%s: not a JSON object" % name
    header = {k: v for k, v in committed.items() if k != "cases"}
    fresh_header = {k: v for k, v in fresh.items() if k != "cases"}
    if isinstance(header.get("provenance"), dict):
        header["provenance"] = {k: v for k, v in header["provenance"].items() if k != "numpy"}
    fresh_header["provenance"] = {k: v for k, v in fresh_header["provenance"].items() if k != "numpy"}
    found = first_difference(header, fresh_header, "")
    if found:
        return "%s: header field %s: committed %s, regenerated %s" % (name, found[0], show(found[1]), show(found[2]))
    cases = committed.get("cases")
    if not isinstance(cases, list):
        return "%s: \"cases\" is not a list" % name
    for i, case in enumerate(fresh["cases"]):
        if i >= len(cases):
            return "%s: case \"%s\" (cases[%d]) is missing: the file has only %d cases" % (name, case["id"], i, len(cases))
        old = cases[i]
        old_id = old.get("id") if isinstance(old, dict) else None
        if old_id != case["id"]:
            return "%s: cases[%d] is \"%s\", regenerated \"%s\"" % (name, i, old_id, case["id"])
        found = first_difference(old, case, "")
        if found:
            return "%s: case \"%s\" (cases[%d]) differs at %s: committed %s, regenerated %s" % (
                name, case["id"], i, found[0], show(found[1]), show(found[2]))
    if len(cases) > len(fresh["cases"]):
        extra = cases[len(fresh["cases"])]
        return "%s: case \"%s\" (cases[%d]) is not generated any more" % (
            name, extra.get("id") if isinstance(extra, dict) else extra, len(fresh["cases"]))
    return None


def committed_numpy(text):
    """The numpy version in a committed file's header, read even from a file that is not valid JSON."""
    found = re.search(r'"numpy"\s*:\s*"([^"]*)"', text)
    return found.group(1) if found else None
