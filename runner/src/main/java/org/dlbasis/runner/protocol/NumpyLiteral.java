package org.dlbasis.runner.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.StringJoiner;

/**
 * A wire tensor as Python source that rebuilds it exactly: {@code np.array([[0.1, -1.2895731239084833]])},
 * the numbers as the request wrote them (so the same doubles), {@code float("nan")} for the
 * protocol's {@code "NaN"}, and {@code np.array([]).reshape((0, 3))} for an empty one.
 */
final class NumpyLiteral {
    private NumpyLiteral() {}

    static String of(JsonNode tensor) {
        JsonNode shape = tensor.get("shape");
        JsonNode data = tensor.get("data");
        int[] dims = new int[shape.size()];
        int size = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i).asInt();
            size *= dims[i];
        }
        if (size == 0) {
            StringJoiner s = new StringJoiner(", ", "(", dims.length == 1 ? ",)" : ")");
            for (int d : dims) {
                s.add(Integer.toString(d));
            }
            return "np.array([]).reshape(" + s + ")";
        }
        StringBuilder b = new StringBuilder("np.array(");
        nest(b, dims, 0, data, new int[] {0});
        return b.append(')').toString();
    }

    private static void nest(StringBuilder b, int[] dims, int axis, JsonNode data, int[] next) {
        if (axis == dims.length) {
            b.append(scalar(data.get(next[0]++)));
            return;
        }
        b.append('[');
        for (int i = 0; i < dims[axis]; i++) {
            b.append(i == 0 ? "" : ", ");
            nest(b, dims, axis + 1, data, next);
        }
        b.append(']');
    }

    static String scalar(JsonNode v) {
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "NaN" -> "float(\"nan\")";
                case "Infinity" -> "float(\"inf\")";
                case "-Infinity" -> "float(\"-inf\")";
                default -> "\"" + v.asText() + "\"";
            };
        }
        return v.asText();
    }
}
