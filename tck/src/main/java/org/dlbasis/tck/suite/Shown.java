package org.dlbasis.tck.suite;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.StringJoiner;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Values as a failure message shows them: a tensor by its first values and its shape
 * ({@code [0.5, -1.0, … 12 values] (3,4)}), a record (parameters, gradients, caches) by its
 * components, anything else by {@code toString}. Short enough to read, complete enough to rebuild
 * small cases.
 */
final class Shown {
    private static final int VALUES = 8;

    private Shown() {}

    static String value(Object v) {
        if (v instanceof Tensor t) {
            return tensor(t);
        }
        if (v instanceof Activation a) {
            String kind = a.kind().wireName();
            return a.parameter() == 0 ? kind : kind + "(" + a.parameter() + ")";
        }
        if (v instanceof int[] dims) {
            return Arrays.toString(dims);
        }
        if (v != null && v.getClass().isRecord()) {
            return record(v);
        }
        return String.valueOf(v);
    }

    private static String tensor(Tensor t) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < Math.min(VALUES, t.size()); i++) {
            j.add(Double.toString(t.flat(i)));
        }
        if (t.size() > VALUES) {
            j.add("… " + t.size() + " values");
        }
        return j + " " + t.shape();
    }

    private static String record(Object r) {
        StringJoiner j = new StringJoiner(", ", r.getClass().getSimpleName() + "(", ")");
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                j.add(c.getName() + " = " + value(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                j.add(c.getName() + " = ?");
            }
        }
        return j.toString();
    }
}
