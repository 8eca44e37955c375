package org.dlbasis.wire;

import java.util.Map;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * What reading one success answer needs besides its outputs: the operation, the client's
 * {@link Faults}, and what the request fixed, the number of layers L and of steps k.
 */
final class Answer {
    private final Operation op;
    private final Faults faults;
    private final int layers;
    private final int iterations;

    Answer(Operation op, Faults faults, int layers, int iterations) {
        this.op = op;
        this.faults = faults;
        this.layers = layers;
        this.iterations = iterations;
    }

    int layers() {
        return layers;
    }

    int iterations() {
        return iterations;
    }

    Tensor output(Map<String, Tensor> outputs, String name) {
        Tensor t = outputs.get(name);
        if (t == null) {
            faults.missing(op, name, outputs.keySet());
            throw returned();
        }
        return t;
    }

    void wrongShape(String name, Shape expected, Shape found) {
        faults.wrongShape(op, name, expected, found);
        throw returned();
    }

    private static IllegalStateException returned() {
        return new IllegalStateException("a Faults method returned instead of throwing");
    }
}
