"""The seed of every file's random inputs, and draws that are the same on every platform."""

#: The seed of numpy's PCG64 Generator; each file adds its own offset (SEED + 1, SEED + 2, ...).
SEED = 20261130


def uniform(rng, low, high, size):
    """rng.uniform(low, high, size): the same draws, but low + (high - low)·u as two separate IEEE
    operations on every platform (numpy's C loop may be compiled to a fused multiply-add)."""
    return low + (high - low) * rng.random(size)
