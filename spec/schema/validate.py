#!/usr/bin/env python3
"""Validates dlbasis documents against the JSON Schemas next to this file (draft 2020-12).

    python3 spec/schema/validate.py golden-data/*.json                 # golden files
    python3 spec/schema/validate.py reports/conform/report.json        # a conformance report
    python3 spec/schema/validate.py traffic.jsonl                      # protocol lines, requests and responses mixed
    python3 spec/schema/validate.py --requests in.jsonl --responses out.jsonl   # one recorded exchange

A .json file is a golden file or a conformance report, told apart by its "format". A .jsonl file
holds one protocol message per line: a line with "op" is a request, any other a response.
--requests/--responses take the two sides of one exchange (e.g. recorded with
`--impl cmd:'tee -a in.jsonl | my-program | tee -a out.jsonl'`) and pair them line by line:
each response must repeat its request's id, and a successful answer must carry the outputs of
the request's operation (operations.schema.json#/$defs/<op>_outputs).

Stops at the first invalid document and prints where it is: the file, the line for JSONL, the
JSON path inside the document and the schema's complaint. Exit status: 0 every document is
valid; 1 a document is invalid (also: not JSON, a bare NaN, a duplicate key in a golden file);
2 usage error or unreadable file; 3 the Python package jsonschema is not installed.

Needs Python 3.8+ and jsonschema (4.x; with 4.18+ through its `referencing` package, before
that through RefResolver). Nothing else.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The schemas have no $id and refer to each other by file name; they are registered under this
# base, so that "operations.schema.json#/$defs/add" resolves the same way from every one of them.
BASE = "file:///dlbasis/spec/schema/"
SCHEMAS = ["tensor.schema.json", "operations.schema.json", "protocol-request.schema.json",
           "protocol-response.schema.json", "golden-file.schema.json", "conformance-report.schema.json"]
FORMATS = {"dlbasis-golden/1": "golden-file.schema.json",
           "dlbasis-conformance-report/1": "conformance-report.schema.json"}

try:
    import jsonschema
except ImportError:  # pragma: no cover - depends on the machine
    jsonschema = None


class Invalid(Exception):
    """A document that is not valid: where (file, line, JSON path) and why."""


class Duplicates(list):
    """The duplicate keys met while parsing one document."""


def parse(text, where, duplicates):
    def no_constant(name):
        raise ValueError("a bare %s is not JSON: write the string \"%s\"" % (name, name))

    def pairs(items):
        seen = {}
        for k, v in items:
            if k in seen:
                duplicates.append(k)
            seen[k] = v
        return seen

    try:
        return json.loads(text, parse_constant=no_constant, object_pairs_hook=pairs)
    except ValueError as e:
        raise Invalid("%s: not JSON: %s" % (where, e))


def json_path(path):
    out = "$"
    for p in path:
        out += "[%d]" % p if isinstance(p, int) else "." + str(p)
    return out


class Validators:
    def __init__(self, directory):
        self.docs = {}
        for name in SCHEMAS:
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                self.docs[name] = json.load(f)
        cls = jsonschema.Draft202012Validator
        for doc in self.docs.values():
            cls.check_schema(doc)
        try:
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT202012
            registry = Registry().with_resources(
                (BASE + name, Resource.from_contents(doc, default_specification=DRAFT202012))
                for name, doc in self.docs.items())
            self.make = lambda schema: cls(schema, registry=registry)
        except ImportError:  # jsonschema < 4.18
            store = {BASE + name: doc for name, doc in self.docs.items()}
            self.make = lambda schema: cls(schema, resolver=jsonschema.RefResolver("", schema, store=store))
        self.cache = {}

    def check(self, schema_ref, document, where):
        """Validates `document` against "<file>" or "<file>#/$defs/<name>"; raises Invalid."""
        validator = self.cache.get(schema_ref)
        if validator is None:
            validator = self.cache[schema_ref] = self.make({"$ref": BASE + schema_ref})
        error = jsonschema.exceptions.best_match(validator.iter_errors(document))
        if error is not None:
            message = error.message if len(error.message) <= 300 else error.message[:300] + "…"
            raise Invalid("%s: %s: %s (schema %s, at %s)" % (
                where, json_path(error.absolute_path), message, schema_ref,
                "/".join(str(p) for p in error.absolute_schema_path)))


def read_text(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeDecodeError) as e:
        print("validate.py: cannot read %s: %s" % (path, e), file=sys.stderr)
        sys.exit(2)


def check_json_file(v, path):
    duplicates = Duplicates()
    doc = parse(read_text(path), path, duplicates)
    fmt = doc.get("format") if isinstance(doc, dict) else None
    if fmt not in FORMATS:
        raise Invalid("%s: $.format: expected one of %s, found %s" % (path, sorted(FORMATS), json.dumps(fmt)))
    if duplicates and fmt == "dlbasis-golden/1":
        raise Invalid("%s: duplicate key %s (the golden reader rejects duplicate keys)" % (path, json.dumps(duplicates[0])))
    v.check(FORMATS[fmt], doc, path)
    return fmt


def jsonl(path):
    """(line number, parsed message) for every non-empty line."""
    out = []
    for n, line in enumerate(read_text(path).splitlines(), 1):
        if line.strip():
            out.append((n, parse(line, "%s:%d" % (path, n), Duplicates())))
    return out


def check_line(v, message, where):
    if isinstance(message, dict) and "op" in message:
        v.check("protocol-request.schema.json", message, where)
        return "request"
    v.check("protocol-response.schema.json", message, where)
    return "response"


def check_exchange(v, requests_path, responses_path):
    requests, responses = jsonl(requests_path), jsonl(responses_path)
    for n, r in requests:
        v.check("protocol-request.schema.json", r, "%s:%d" % (requests_path, n))
    for n, r in responses:
        v.check("protocol-response.schema.json", r, "%s:%d" % (responses_path, n))
    if len(requests) != len(responses):
        raise Invalid("%s, %s: %d requests but %d responses: every request is answered by exactly one line" % (
            requests_path, responses_path, len(requests), len(responses)))
    for (n, request), (k, response) in zip(requests, responses):
        where = "%s:%d (answering %s:%d, %s)" % (responses_path, k, requests_path, n, request["op"])
        if response["id"] != request["id"]:
            raise Invalid("%s: $.id: %s does not repeat the request's id %s" % (where, response["id"], request["id"]))
        if request["op"] == "hello":
            v.check("protocol-response.schema.json#/$defs/hello", response, where)
        elif response["ok"] is True and request["op"] != "bye":
            v.check("protocol-response.schema.json#/$defs/success", response, where)
            v.check("operations.schema.json#/$defs/%s_outputs" % request["op"], response["outputs"],
                    where + " $.outputs")
    return len(requests), len(responses)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", help="golden files and reports (.json), protocol lines (.jsonl)")
    parser.add_argument("--requests", help="the requests of one recorded exchange (JSONL)")
    parser.add_argument("--responses", help="the responses of the same exchange (JSONL)")
    parser.add_argument("--schemas", default=HERE, help="the folder of the schemas (default: this script's)")
    args = parser.parse_args(argv)
    if bool(args.requests) != bool(args.responses):
        parser.error("--requests and --responses go together")
    if not args.files and not args.requests:
        parser.error("nothing to validate")
    if jsonschema is None:
        print("validate.py: the Python package jsonschema is not installed (pip install jsonschema, "
              "or Debian's python3-jsonschema); nothing was validated", file=sys.stderr)
        return 3
    v = Validators(args.schemas)
    counts = {}
    try:
        for path in args.files:
            if path.endswith(".jsonl"):
                for n, message in jsonl(path):
                    kind = check_line(v, message, "%s:%d" % (path, n))
                    counts[kind] = counts.get(kind, 0) + 1
            else:
                kind = check_json_file(v, path)
                counts[kind] = counts.get(kind, 0) + 1
        if args.requests:
            q, s = check_exchange(v, args.requests, args.responses)
            counts["request"] = counts.get("request", 0) + q
            counts["response"] = counts.get("response", 0) + s
    except Invalid as e:
        print("invalid: %s" % e, file=sys.stderr)
        return 1
    print("valid: " + ", ".join("%d %s" % (n, kind) for kind, n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
