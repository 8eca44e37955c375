package org.dlbasis.tck.gen;

import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.range;

import java.util.Random;
import org.dlbasis.spec.tensor.Shape;
import org.quicktheories.core.Gen;

/**
 * Shape generators: ranks 0–4, small dimensions including 0, broadcastable and incompatible
 * pairs. Each pair is built from a result shape (which shrinks) and a seed that decides, per
 * axis, which operand is stretched from 1 and how many leading axes each drops.
 */
public final class Shapes {
    private Shapes() {}

    /**
     * Shapes of rank 0–{@code maxRank} with dimensions 0–{@code maxDim}.
     *
     * @param maxRank the highest rank
     * @param maxDim the largest dimension
     * @return a generator of shapes
     */
    public static Gen<Shape> shapes(int maxRank, int maxDim) {
        return intArrays(range(0, maxRank), range(0, maxDim)).map((int[] dims) -> Shape.of(dims));
    }

    /**
     * Shapes of rank 0–4 with dimensions 0–4.
     *
     * @return a generator of shapes
     */
    public static Gen<Shape> shapes() {
        return shapes(4, 4);
    }

    /** Matrix shapes (r, c) with 1 ≤ r, c ≤ max. */
    static Gen<Shape> matrices(int max) {
        return range(1, max).zip(range(1, max), (r, c) -> Shape.of(r, c));
    }

    /**
     * Pairs numpy broadcasts, with the expected result shape (derived from BCAST-1 independently).
     *
     * @return a generator of broadcastable pairs
     */
    public static Gen<ShapePair> broadcastablePairs() {
        return shapes(4, 4).zip(longRange(0, Long.MAX_VALUE), Shapes::operandsOf);
    }

    /**
     * Pairs numpy refuses: at one aligned axis the dimensions differ and neither is 1.
     *
     * @return a generator of incompatible pairs, whose result is null
     */
    public static Gen<ShapePair> incompatiblePairs() {
        return broadcastablePairs().zip(longRange(0, Long.MAX_VALUE), Shapes::breakOneAxis);
    }

    /** Operands whose broadcast is {@code result}: per axis, one side keeps the dim, the other may be 1. */
    static ShapePair operandsOf(Shape result, long seed) {
        Random random = new Random(seed);
        int rank = result.rank();
        int[] a = new int[rank];
        int[] b = new int[rank];
        for (int i = 0; i < rank; i++) {
            int d = result.dim(i);
            int choice = random.nextInt(4);
            a[i] = choice == 1 ? 1 : d;
            b[i] = choice == 2 ? 1 : d;
        }
        int startA = leadingOnes(a, rank == 0 ? 0 : random.nextInt(rank + 1));
        int startB = random.nextBoolean() ? 0 : leadingOnes(b, rank == 0 ? 0 : random.nextInt(rank + 1));
        // where both operands dropped an axis (both were 1 there), the result has no such axis either
        int startResult = Math.min(startA, startB);
        return new ShapePair(suffix(a, startA), suffix(b, startB), suffix(result.dims(), startResult));
    }

    /** How many of the first {@code max} axes are 1: those may be dropped (numpy pads them back). */
    private static int leadingOnes(int[] dims, int max) {
        int start = 0;
        while (start < max && start < dims.length && dims[start] == 1) {
            start++;
        }
        return start;
    }

    private static Shape suffix(int[] dims, int start) {
        return Shape.of(java.util.Arrays.copyOfRange(dims, start, dims.length));
    }

    private static ShapePair breakOneAxis(ShapePair pair, long seed) {
        Random random = new Random(seed);
        int[] a = pair.a().dims();
        int[] b = pair.b().dims();
        if (a.length == 0 || b.length == 0) {
            return new ShapePair(Shape.of(2), Shape.of(3), null);
        }
        int fromEnd = random.nextInt(Math.min(a.length, b.length));
        int ia = a.length - 1 - fromEnd;
        int ib = b.length - 1 - fromEnd;
        a[ia] = Math.max(2, Math.max(a[ia], b[ib]));
        b[ib] = a[ia] + 1;
        return new ShapePair(Shape.of(a), Shape.of(b), null);
    }
}
