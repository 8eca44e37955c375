"""Python side of the dlbasis protocol (spec/PROTOCOL.md): the JSON encoding of doubles and
tensors shared by the numpy adapter and the golden-data generator."""
