"""GoldenFile: one golden file's cases, in order, and its dlbasis-golden/1 JSON (golden-data/README.md)."""
import json

import numpy as np

from .draws import SEED
from .tolerances import tolerance


class GoldenFile:
    """A file being generated: name (e.g. "network.json"), a description, and its cases in order."""

    def __init__(self, name, description):
        self.name = name
        self.description = description
        self.cases = []

    def case(self, cid, clauses, op, inputs, expected=None, error=None, params=None, tolerance=None):
        """Adds one case: op on params and inputs gives expected (within tolerance, EXACT by default)
        or fails with error ({"kind": ..., "message": ...}); ids are unique within the file."""
        c = {"id": cid, "clauses": clauses, "op": op, "params": params or {}, "inputs": inputs}
        if error is not None:
            c["error"] = error
        else:
            c["expected"] = expected
            c["tolerance"] = tolerance or _exact()
        if any(x["id"] == cid for x in self.cases):
            raise ValueError("duplicate case id " + cid)
        self.cases.append(c)

    def render(self):
        """The file's text: the header (provenance names the numpy that wrote it), then the cases."""
        doc = {
            "format": "dlbasis-golden/1",
            "file": self.name,
            "description": self.description,
            "provenance": {
                "generator": "golden-data/generate.py",
                "numpy": np.__version__,
                "seed": SEED,
                "exact_values": "decimal (60 digits) and fractions, rounded once to float64",
            },
            "cases": self.cases,
        }
        return json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def _exact():
    return tolerance("EXACT")
