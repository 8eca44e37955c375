package org.dlbasis.spec.api;

import java.util.List;
import java.util.Objects;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.dlbasis.spec.tensor.Tensor;

/** The check shared by the deep network's records: two lists of one tensor per layer (SPEC DEEP-1). */
final class LayerLists {
    private LayerLists() {}

    /**
     * Both lists are present, hold no null, have the same length and at least one entry.
     *
     * @param what the record, e.g. {@code the parameters}
     * @param firstName the first list's entries, e.g. {@code W}
     * @param first the first list
     * @param secondName the second list's entries, e.g. {@code b}
     * @param second the second list
     * @return immutable copies of the two lists
     * @throws InvalidArgumentException if they are not one entry per layer, for the same L ≥ 1 layers
     */
    static List<List<Tensor>> check(
            String what, String firstName, List<Tensor> first, String secondName, List<Tensor> second) {
        if (first == null
                || second == null
                || first.stream().anyMatch(Objects::isNull)
                || second.stream().anyMatch(Objects::isNull)) {
            throw new InvalidArgumentException(what + " must list one " + firstName + "[l] and one " + secondName
                    + "[l] per layer, found a missing entry");
        }
        if (first.size() != second.size() || first.isEmpty()) {
            throw new InvalidArgumentException(what + " must list one " + firstName + "[l] and one " + secondName
                    + "[l] per layer, for L >= 1 layers, found " + first.size() + " " + firstName + " and "
                    + second.size() + " " + secondName);
        }
        return List.of(List.copyOf(first), List.copyOf(second));
    }
}
