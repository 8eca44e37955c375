"""The parts of golden-data/generate.py: one module per golden file, and what they share.

    golden_file   GoldenFile: one file's cases in order, rendered as dlbasis-golden/1 JSON
    tolerances    the tolerance classes of SPEC.md ("Tolerance model") and SUM(n)'s bound
    draws         the seed and the random inputs that do not depend on the platform
    exact_sums    correctly rounded sums and dot products (exact fractions)
    matrices      matrices of Decimals: the models' exact algebra, and their rounding into a case
    models        what the three models share: the exact cost from logits, the hidden activations
    numpy_errors  numpy's error texts, which the array cases adopt
    note_examples, arrays, broadcast, activations, loss, logistic, network, deep: the files
    check         --check: the first difference between committed and regenerated values

Exact values come from dlbasis_exact (adapters/python), the Python side's one 60-digit oracle;
operation names from dlbasis_protocol.operations (op.net_backward), shapes from its shape_text.
"""
