package org.dlbasis.runner.gradcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.function.IntFunction;

/**
 * The few worst entries of a block, kept as they come in O(k) memory (a check of millions of
 * coordinates must not keep one object per coordinate to find five): non-finite entries first,
 * then by |g − g̃|; and, apart, the worst finite one, for the eps sweep.
 */
final class WorstEntries {
    /** How many entries a report lists per block. */
    static final int K = 5;

    private record Candidate(int flat, double analytic, double numeric, double badness) {}

    /** Least bad first, so the head is the one to drop; on a tie the later index is dropped. */
    private static final Comparator<Candidate> LEAST_BAD_FIRST = Comparator.comparingDouble(Candidate::badness)
            .thenComparing(Comparator.comparingInt(Candidate::flat).reversed());

    private final PriorityQueue<Candidate> kept = new PriorityQueue<>(LEAST_BAD_FIRST);
    private int worstFinite = -1;
    private double worstFiniteBadness = -1;

    void offer(int flat, double analytic, double numeric) {
        boolean finite = Double.isFinite(analytic) && Double.isFinite(numeric);
        // halves: |g/2 − g̃/2| cannot overflow, so huge finite entries still rank below non-finite ones
        double badness = finite ? Math.abs(analytic / 2 - numeric / 2) : Double.POSITIVE_INFINITY;
        if (finite && badness > worstFiniteBadness) {
            worstFinite = flat;
            worstFiniteBadness = badness;
        }
        Candidate c = new Candidate(flat, analytic, numeric, badness);
        if (kept.size() < K) {
            kept.add(c);
        } else if (LEAST_BAD_FIRST.compare(c, kept.peek()) > 0) {
            kept.poll();
            kept.add(c);
        }
    }

    /** The flat index of the worst finite entry, if any. */
    OptionalInt worstFinite() {
        return worstFinite < 0 ? OptionalInt.empty() : OptionalInt.of(worstFinite);
    }

    /** The kept entries, worst first; {@code index} names a flat index (a multi-index or "direction d"). */
    List<BlockResult.Entry> entries(IntFunction<String> index) {
        List<Candidate> sorted = new ArrayList<>(kept);
        sorted.sort(LEAST_BAD_FIRST.reversed());
        List<BlockResult.Entry> out = new ArrayList<>();
        for (Candidate c : sorted) {
            out.add(new BlockResult.Entry(
                    index.apply(c.flat()), c.analytic(), c.numeric(), Math.abs(c.analytic() - c.numeric())));
        }
        return List.copyOf(out);
    }
}
